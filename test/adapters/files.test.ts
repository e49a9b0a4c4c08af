import {execFileSync} from 'node:child_process'
import {existsSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {ioError} from '../../src/adapters/files/io-error.js'
import New from '../../src/commands/new.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {runCommand} from '../helpers/run-command.js'

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

describe('system errors, named', () => {
  it.each([
    ['ENOSPC', 'the disk is full (ENOSPC)', 'Free some space'],
    ['EACCES', 'permission denied (EACCES)', 'Check the permissions'],
    ['EROFS', 'the file system is read-only (EROFS)', 'writable checkout'],
  ])('%s', (code, said, fix) => {
    const error = ioError('doc/adr/0001-x.md', Object.assign(new Error(code), {code}))
    expect(error.message).toBe(`Could not write doc/adr/0001-x.md: ${said}`)
    expect(error.suggestions[0]).toContain(fix)
  })
})

describe('temporary files left by a crash', () => {
  it('are removed by the next writer when they are ours and their process is gone; nothing else is touched', async () => {
    repo = makeRepo({'doc/adr/0001-use-postgresql.md': '# 1. Use PostgreSQL\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n'})
    const dead = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {encoding: 'utf8'}))
    const dir = path.join(repo.dir, 'doc/adr')
    const ours = `.0001-use-postgresql.md.${dead}.9f86d081.tmp`
    const alive = '.0001-use-postgresql.md.1.9f86d081.tmp'
    const notOurs = ['.0001-use-postgresql.md.tmp', `.notes.${dead}.xyz.tmp`, `0002-x.md.${dead}.9f86d081.tmp`]
    for (const name of [ours, alive, ...notOurs]) writeFileSync(path.join(dir, name), 'half')
    const r = await runCommand(New, ['Use', 'Redis'], repo.dir, {ADR_DATE: '2026-11-22', VISUAL: '', EDITOR: ''})
    expect(r.exitCode, r.stderr).toBe(0)
    expect(r.stderr).toBe(`adrgate: removed a temporary file left by an interrupted adrgate in ${dir} (${ours})\n`)
    expect(existsSync(path.join(dir, ours))).toBe(false)
    for (const name of [alive, ...notOurs]) expect(existsSync(path.join(dir, name))).toBe(true)
  })
})
