import {
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {copyTree} from '../../src/adapters/files/crash-points.js'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, {recursive: true, force: true})
})
const temp = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'adrgate-copytree-'))
  dirs.push(d)
  return d
}

describe('copyTree: a snapshot as a kill leaves the disk', () => {
  it('keeps hard links one file, symbolic links links, and the times of files and folders', () => {
    const from = temp()
    mkdirSync(path.join(from, 'doc/adr'), {recursive: true})
    writeFileSync(path.join(from, 'doc/adr/.0002-x.md.tmp'), 'staged\n')
    linkSync(path.join(from, 'doc/adr/.0002-x.md.tmp'), path.join(from, 'doc/adr/0002-x.md'))
    symlinkSync('0002-x.md', path.join(from, 'doc/adr/latest.md'))
    const old = new Date('2020-01-02T03:04:05Z')
    utimesSync(path.join(from, 'doc/adr/0002-x.md'), old, old)
    utimesSync(path.join(from, 'doc'), old, old)
    const to = path.join(temp(), 'copy')
    copyTree(from, to)
    const staged = statSync(path.join(to, 'doc/adr/.0002-x.md.tmp'))
    const target = statSync(path.join(to, 'doc/adr/0002-x.md'))
    expect(target.ino).toBe(staged.ino)
    expect(target.ino).not.toBe(statSync(path.join(from, 'doc/adr/0002-x.md')).ino)
    expect(readFileSync(path.join(to, 'doc/adr/0002-x.md'), 'utf8')).toBe('staged\n')
    expect(lstatSync(path.join(to, 'doc/adr/latest.md')).isSymbolicLink()).toBe(true)
    expect(readlinkSync(path.join(to, 'doc/adr/latest.md'))).toBe('0002-x.md')
    expect(target.mtime.toISOString()).toBe(old.toISOString())
    expect(statSync(path.join(to, 'doc')).mtime.toISOString()).toBe(old.toISOString())
  })
})
