/**
 * One rule for every read and write: what the repository's own files name (`.adr-dir`,
 * `.adrgate.yaml` `dir:` and `schema:`, the project template, `debates/`) and every symbolic link must
 * resolve inside the repository; what the user chose (`--dir`, `ADR_TEMPLATE`) may point anywhere and
 * says so on stderr. Only regular files are read.
 */
import {execFileSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import Start from '../../src/commands/debate/start.js'
import Lint from '../../src/commands/lint.js'
import List from '../../src/commands/list.js'
import New from '../../src/commands/new.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {runCommand} from '../helpers/run-command.js'

let repo: TempRepo | undefined
let elsewhere: string | undefined
afterEach(() => {
  repo?.cleanup()
  if (elsewhere) rmSync(elsewhere, {recursive: true, force: true})
  elsewhere = undefined
})

const ENV = {ADR_DATE: '2026-11-22', VISUAL: '', EDITOR: ''}
const SECRET = 'root:x:0:0:secret-hash-of-the-host\n'

/** A directory outside the repository, holding a file nobody should see in an ADR or a CI log. */
function outsideDir(): string {
  elsewhere = realpathSync(mkdtempSync(path.join(tmpdir(), 'adrgate-outside-')))
  writeFileSync(path.join(elsewhere, 'shadow'), SECRET)
  return elsewhere
}

const ADR =
  '# 1. Record architecture decisions\n\nDate: 2026-11-22\n\n## Status\n\nAccepted\n\n## Context\n\nC.\n\n## Decision\n\nD.\n\n## Consequences\n\nE.\n'

describe('paths the repository names resolve inside it', () => {
  it('a project template linked to a file outside is refused, and nothing is created', async () => {
    const out = outsideDir()
    repo = makeRepo({'doc/adr/0001-record-architecture-decisions.md': ADR})
    mkdirSync(path.join(repo.dir, 'doc/adr/templates'))
    symlinkSync(path.join(out, 'shadow'), path.join(repo.dir, 'doc/adr/templates/template.md'))
    const r = await runCommand(New, ['--json', 'Use', 'PostgreSQL'], repo.dir, ENV)
    expect(r.exitCode).toBe(2)
    expect(JSON.parse(r.stdout).error).toMatchObject({code: 'INVALID_ARGUMENT', message: expect.stringContaining('outside the repository')})
    expect(r.stdout + r.stderr).not.toContain('secret-hash')
    expect(readdirSync(path.join(repo.dir, 'doc/adr')).filter((f) => f.endsWith('.md'))).toEqual(['0001-record-architecture-decisions.md'])
  })

  it('a schema: outside the repository is a finding that prints none of its bytes', async () => {
    const out = outsideDir()
    repo = makeRepo({
      'doc/adr/0001-record-architecture-decisions.md': ADR,
      '.adrgate.yaml': `dir: doc/adr\nschema: ${path.relative('/tmp/x', path.join(out, 'shadow'))}\n`,
    })
    writeFileSync(path.join(repo.dir, '.adrgate.yaml'), `dir: doc/adr\nschema: ${path.relative(repo.dir, path.join(out, 'shadow'))}\n`)
    const r = await runCommand(Lint, [], repo.dir, ENV)
    expect(r.exitCode).toBe(1)
    expect(r.stdout + r.stderr).toContain('outside the repository')
    expect(r.stdout + r.stderr).not.toContain('secret-hash')
    expect(r.stdout + r.stderr).not.toContain('root:x')
  })

  it('a schema: that is a FIFO is a finding, not a hang', async () => {
    repo = makeRepo({'doc/adr/0001-record-architecture-decisions.md': ADR, '.adrgate.yaml': 'dir: doc/adr\nschema: pipe.json\n'})
    execFileSync('mkfifo', [path.join(repo.dir, 'pipe.json')])
    const r = await runCommand(Lint, [], repo.dir, ENV)
    expect(r.exitCode).toBe(1)
    expect(r.stdout + r.stderr).toContain('a named pipe (FIFO), not a regular file')
  })

  it.each([
    ['.adr-dir', {'.adr-dir': '../outside-adrs\n'}, '.adr-dir names'],
    ['.adrgate.yaml dir:', {'.adrgate.yaml': 'dir: ../outside/adr\n'}, '`dir:` in .adrgate.yaml names'],
  ])('%s leading out of the repository is refused by writers and readers alike', async (_, tree, said) => {
    repo = makeRepo(tree)
    const r = await runCommand(New, ['--json', 'Use', 'PostgreSQL'], repo.dir, ENV)
    expect(JSON.parse(r.stdout).error).toMatchObject({code: 'UNSAFE_PATH', message: expect.stringContaining(said)})
    expect(existsSync(path.join(path.dirname(repo.dir), 'outside-adrs'))).toBe(false)
    expect(existsSync(path.join(path.dirname(repo.dir), 'outside'))).toBe(false)
    const list = await runCommand(List, ['--json'], repo.dir, ENV)
    expect(JSON.parse(list.stdout).error.code).toBe('UNSAFE_PATH')
  })

  it('a doc/adr that is a symbolic link out of the repository is refused', async () => {
    const out = outsideDir()
    repo = makeRepo({})
    mkdirSync(path.join(repo.dir, 'doc'))
    symlinkSync(out, path.join(repo.dir, 'doc/adr'))
    const r = await runCommand(New, ['--json', 'Use', 'PostgreSQL'], repo.dir, ENV)
    expect(JSON.parse(r.stdout).error.code).toBe('UNSAFE_PATH')
    expect(readdirSync(out)).toEqual(['shadow'])
  })

  it('a doc that is a symbolic link out of the repository is named in the error, with where it leads and the fix', async () => {
    const out = outsideDir()
    repo = makeRepo({})
    symlinkSync(out, path.join(repo.dir, 'doc'))
    const r = await runCommand(List, ['--json'], repo.dir, ENV)
    expect(r.exitCode).toBe(2)
    const error = JSON.parse(r.stdout).error
    // the real path is the link's target, which exists; doc/adr under it does not
    expect(error.message).toBe(
      `doc/adr, the ADR directory, goes through doc, a symbolic link to ${out}, outside the repository (${repo.dir}); adrgate reads and writes only inside it`,
    )
    expect(error.suggestions).toEqual([
      'Replace the link doc with a folder of the repository (move what it points to inside), or write `dir: DIR` in .adrgate.yaml at a directory inside the repository.',
      `${out}/adr, where the link leads, does not exist: adrgate found no ADRs there either.`,
    ])
    mkdirSync(path.join(out, 'adr'))
    const named = await runCommand(List, ['--json'], repo.dir, ENV)
    expect(JSON.parse(named.stdout).error.suggestions[1]).toBe(
      `If you mean the ADRs in ${out}/adr, pass that directory yourself: --dir ${out}/adr.`,
    )
  })

  it('a debates/ that is a symbolic link out of the repository is refused before anything is created', async () => {
    const out = outsideDir()
    repo = makeRepo({'docs/adr/.keep': '', '.adrgate.yaml': 'dir: docs/adr\n'})
    symlinkSync(out, path.join(repo.dir, 'docs/adr/debates'))
    const r = await runCommand(
      Start,
      ['Primary datastore', '--participant', 'alice', '--participant', 'bob', '--approver', 'dana', '--no-input', '--json'],
      repo.dir,
      ENV,
    )
    expect(JSON.parse(r.stdout).error.code).toBe('UNSAFE_PATH')
    expect(readdirSync(out)).toEqual(['shadow'])
    expect(readdirSync(path.join(repo.dir, 'docs/adr')).filter((f) => f.endsWith('.md'))).toEqual([])
  })

  it('adr new in a bare repository refuses', async () => {
    repo = makeRepo({}, {git: false})
    execFileSync('git', ['init', '-q', '--bare', path.join(repo.dir, 'store.git')])
    const r = await runCommand(New, ['--json', 'Use', 'PostgreSQL'], path.join(repo.dir, 'store.git'), ENV)
    expect(JSON.parse(r.stdout).error).toMatchObject({code: 'UNSAFE_PATH', message: expect.stringContaining('bare repository')})
    expect(existsSync(path.join(repo.dir, 'store.git/doc'))).toBe(false)
  })
})

describe("the user's own choices may point outside, and say so", () => {
  it('--dir outside the repository works, with one line on stderr', async () => {
    const out = outsideDir()
    repo = makeRepo({'doc/adr/0001-record-architecture-decisions.md': ADR})
    const r = await runCommand(New, ['--dir', path.join(out, 'adr'), 'Use', 'PostgreSQL'], repo.dir, ENV)
    expect(r.exitCode, r.stderr).toBe(0)
    expect(r.stderr).toBe(
      `adrgate: --dir ${path.join(out, 'adr')} is outside this repository (${repo.dir}); reading and writing there, as asked\n`,
    )
    expect(readdirSync(path.join(out, 'adr'))).toEqual(['0001-use-postgresql.md'])
  })

  it('ADR_TEMPLATE outside the repository is used, with one line on stderr; a FIFO is refused', async () => {
    const out = outsideDir()
    writeFileSync(path.join(out, 'template.md'), '# NUMBER. TITLE\n\nDate: DATE\n\n## Status\n\nSTATUS\n\n## Context\n\nOurs.\n')
    repo = makeRepo({'doc/adr/0001-record-architecture-decisions.md': ADR})
    const r = await runCommand(New, ['Use', 'PostgreSQL'], repo.dir, {...ENV, ADR_TEMPLATE: path.join(out, 'template.md')})
    expect(r.exitCode, r.stderr).toBe(0)
    expect(r.stderr).toBe(
      `adrgate: the template ${path.join(out, 'template.md')} (ADR_TEMPLATE) is outside the repository; using it, as asked\n`,
    )
    execFileSync('mkfifo', [path.join(out, 'fifo.md')])
    const fifo = await runCommand(New, ['--json', 'Use', 'Redis'], repo.dir, {...ENV, ADR_TEMPLATE: path.join(out, 'fifo.md')})
    expect(JSON.parse(fifo.stdout).error.message).toContain('is a named pipe (FIFO), not a regular file')
  })
})
