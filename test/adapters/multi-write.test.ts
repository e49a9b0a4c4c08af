import {chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {writeAll} from '../../src/adapters/files/multi-write.js'

// The all-or-nothing write: what it keeps of the files it replaces, and what it puts back.

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, {recursive: true, force: true})
})
function scratch(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'adrgate-multi-write-'))
  dirs.push(dir)
  return dir
}

describe('writeAll', () => {
  it("keeps a replaced file's permissions", async () => {
    const dir = scratch()
    const file = path.join(dir, '0001-a.md')
    writeFileSync(file, 'old\n')
    chmodSync(file, 0o640)
    await writeAll([{file, text: 'new\n'}])
    expect(readFileSync(file, 'utf8')).toBe('new\n')
    expect(statSync(file).mode & 0o777).toBe(0o640)
  })

  it('puts back the exact bytes of a file it replaced when a later step fails, even bytes that are not UTF-8', async () => {
    const dir = scratch()
    const file = path.join(dir, '0001-a.md')
    const latin1 = Buffer.from([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a]) // "# Café" in Latin-1
    writeFileSync(file, latin1)
    const taken = path.join(dir, '0002-b.md')
    writeFileSync(taken, 'someone else wrote this first\n')
    await expect(
      writeAll([
        {file, text: '# Cafe\n'},
        {file: taken, text: 'mine\n', create: true},
      ]),
    ).rejects.toMatchObject({code: 'FILE_EXISTS'})
    expect(readFileSync(file).equals(latin1)).toBe(true)
    expect(readFileSync(taken, 'utf8')).toBe('someone else wrote this first\n')
    expect(readdirSync(dir).sort()).toEqual(['0001-a.md', '0002-b.md'])
  })
})
