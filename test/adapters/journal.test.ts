import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {recoverJournal, writeJournal} from '../../src/adapters/files/journal.js'
import {setNoticeSink} from '../../src/adapters/notices.js'

// The intent journal read back by the next writer: what it completes, and what it says it did.

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, {recursive: true, force: true})
  setNoticeSink((line) => void process.stderr.write(`${line}\n`))
})
function scratch(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'adrgate-journal-'))
  dirs.push(dir)
  return dir
}

describe('recoverJournal', () => {
  it('moves the staged file in, removes the old name, and says which it wrote and which it removed', async () => {
    const root = scratch()
    const journal = path.join(root, '.git', 'adrgate', 'intent.json')
    writeFileSync(path.join(root, '0002-old.md'), 'old')
    writeFileSync(path.join(root, '.0003-new.md.tmp'), 'new')
    await writeJournal(journal, [
      {op: 'put', file: path.join(root, '0003-new.md'), tmp: path.join(root, '.0003-new.md.tmp'), create: true},
      {op: 'remove', file: path.join(root, '0002-old.md')},
    ])
    const lines: string[] = []
    setNoticeSink((line) => lines.push(line))
    expect(await recoverJournal(journal, root, (f) => path.basename(f))).toBe(true)
    expect(readFileSync(path.join(root, '0003-new.md'), 'utf8')).toBe('new')
    expect(existsSync(path.join(root, '0002-old.md'))).toBe(false)
    expect(existsSync(journal)).toBe(false)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/wrote 0003-new\.md; removed 0002-old\.md/)
  })

  it('leaves the journal of a newer version alone and says so, instead of throwing it away', async () => {
    const root = scratch()
    const journal = path.join(root, 'intent.json')
    writeFileSync(journal, JSON.stringify({version: 2, pid: 1, written: '2026-01-01T00:00:00Z', moves: []}))
    await expect(recoverJournal(journal, root)).rejects.toMatchObject({code: 'CHANGED_UNDER_US'})
    expect(existsSync(journal)).toBe(true)
  })

  it('removes what is not a journal at all, with a notice', async () => {
    const root = scratch()
    const journal = path.join(root, 'intent.json')
    writeFileSync(journal, '{"not": "ours"}')
    const lines: string[] = []
    setNoticeSink((line) => lines.push(line))
    expect(await recoverJournal(journal, root)).toBe(true)
    expect(existsSync(journal)).toBe(false)
    expect(lines[0]).toMatch(/not one of ours/)
  })
})
