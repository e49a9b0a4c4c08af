/**
 * The lock's owner and a competitor that judges its file: a lock renamed aside for an instant is
 * still its owner's, and one released and taken again between a stat and a read is not "recovered".
 */
import {
  linkSync,
  lutimesSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {acquireLock} from '../../src/adapters/files/lock.js'

let dir: string | undefined
afterEach(() => {
  if (dir) rmSync(dir, {recursive: true, force: true})
  dir = undefined
})

function lockFile(): string {
  dir = mkdtempSync(path.join(tmpdir(), 'adrgate-lock-'))
  return path.join(dir, 'turn.lock')
}

describe('acquireLock', () => {
  it('keeps a lock whose file a competitor renames aside and puts back a moment later', async () => {
    const file = lockFile()
    const lock = await acquireLock(file, {what: 'the test', wait: false})
    // what a competitor recovering a broken lock does: rename aside, find another inode, put it back
    const aside = `${file}.aside`
    renameSync(file, aside)
    setTimeout(() => {
      linkSync(aside, file)
      unlinkSync(aside)
    }, 150)
    await expect(lock.assertHeld()).resolves.toBeUndefined()
    await lock.release()
  })

  it('finds a lock lost when its file stays gone, and says so without writing', async () => {
    const file = lockFile()
    const lock = await acquireLock(file, {what: 'the test', wait: false})
    unlinkSync(file)
    await expect(lock.assertHeld()).rejects.toMatchObject({code: 'LOCK_LOST'})
    await lock.release()
  })

  it('refuses a session while a running process holds the lock, however old its file', async () => {
    const file = lockFile()
    const lock = await acquireLock(file, {what: 'the test', wait: false})
    const old = new Date(Date.now() - 60_000)
    utimesSync(file, old, old)
    await expect(acquireLock(file, {what: 'the test', wait: false})).rejects.toMatchObject({code: 'LOCKED'})
    await lock.release()
  })

  it('recovers a lock file that names no owner once it is old, and one that is a symbolic link', async () => {
    const file = lockFile()
    writeFileSync(file, '')
    const old = new Date(Date.now() - 5_000)
    utimesSync(file, old, old)
    const first = await acquireLock(file, {what: 'the test', wait: false})
    expect(JSON.parse(readFileSync(file, 'utf8')).pid).toBe(process.pid)
    await first.release()
    const target = path.join(dir as string, 'elsewhere')
    writeFileSync(target, 'not a lock')
    symlinkSync(target, file)
    lutimesSync(file, old, old)
    const second = await acquireLock(file, {what: 'the test', wait: false})
    expect(readFileSync(target, 'utf8')).toBe('not a lock')
    await second.release()
  })
})
