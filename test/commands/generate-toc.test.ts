import {afterEach, describe, expect, it} from 'vitest'
import GenerateToc from '../../src/commands/generate/toc.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {runCommand} from '../helpers/run-command.js'

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

const TREE = {
  'docs/decisions/0001-record-decisions.md': '---\nstatus: accepted\n---\n# Record decisions\n',
  'docs/decisions/0002-use-postgresql.md': '# 2. Use PostgreSQL\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n',
  'docs/decisions/README.md': '# Not an ADR\n',
  'notes/intro.md': 'Read these first.',
}

describe('adr generate toc', () => {
  it('lists MADR and adr-tools ADRs alike, from any subdirectory', async () => {
    repo = makeRepo(TREE)
    const r = await runCommand(GenerateToc, ['--prefix', 'docs/decisions/'], `${repo.dir}/notes`)
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toBe(
      '# Architecture Decision Records\n\n* [1. Record decisions](docs/decisions/0001-record-decisions.md)\n* [2. Use PostgreSQL](docs/decisions/0002-use-postgresql.md)\n',
    )
  })

  it('reads intro and outro files relative to the working directory', async () => {
    repo = makeRepo(TREE)
    const r = await runCommand(GenerateToc, ['-i', 'intro.md', '-o', 'intro.md'], `${repo.dir}/notes`)
    expect(r.stdout).toBe(
      '# Architecture Decision Records\n\nRead these first.\n* [1. Record decisions](0001-record-decisions.md)\n* [2. Use PostgreSQL](0002-use-postgresql.md)\n\nRead these first.',
    )
  })

  it('fails with INVALID_ARGUMENT when the intro file is missing, printing nothing on stdout', async () => {
    repo = makeRepo(TREE)
    const r = await runCommand(GenerateToc, ['-i', 'missing.md', '--json'], repo.dir)
    expect(r.exitCode).toBe(2)
    expect(JSON.parse(r.stdout).error.code).toBe('INVALID_ARGUMENT')
  })

  it('returns the Markdown and the entries under --json', async () => {
    repo = makeRepo(TREE)
    const r = await runCommand(GenerateToc, ['--json', '-p', 'x/'], repo.dir)
    const out = JSON.parse(r.stdout)
    expect(out.markdown).toContain('* [2. Use PostgreSQL](x/0002-use-postgresql.md)\n')
    expect(out.adrs[0]).toEqual({
      number: 1,
      title: 'Record decisions',
      file: '0001-record-decisions.md',
      link: 'x/0001-record-decisions.md',
    })
  })
})
