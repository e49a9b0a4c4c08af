import {symlinkSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import Link from '../../src/commands/link.js'
import Lint from '../../src/commands/lint.js'
import List from '../../src/commands/list.js'
import New from '../../src/commands/new.js'
import Show from '../../src/commands/show.js'
import Status from '../../src/commands/status.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {runCommand} from '../helpers/run-command.js'

/** Defects found by exercising the built CLI as a demanding user would; each test failed before its fix. */

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

function nygard(n: number, title: string, status = 'Accepted'): string {
  return `# ${n}. ${title}\n\nDate: 2026-01-01\n\n## Status\n\n${status}\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n\n## Consequences\n\nSo.\n`
}

function madr(front: string, title = 'Use PostgreSQL'): string {
  return `---\n${front}\n---\n# ${title}\n\n## Context and Problem Statement\n\nWhy.\n\n## Considered Options\n\n* A\n* B\n\n## Decision Outcome\n\nChosen option: "A".\n\n### Consequences\n\n* Bad, because it costs.\n`
}

const lintJson = async (argv: string[] = []) => {
  const r = await runCommand(Lint, ['--json', '--no-cache', ...argv], repo!.dir)
  return {...r, report: JSON.parse(r.stdout) as {problems: {file: string; line: number; column: number; rule: string}[]}}
}

describe('invalid YAML is located at the line of the fault, not the line after it', () => {
  it.each([
    ['a duplicate key', 'status: accepted\nstatus: proposed\ndate: 2026-01-01', 3, 1],
    ['a nested compact mapping', 'status: accepted\ndate: 2026-01-01\nfoo: a: b', 4, 6],
  ])('%s', async (_name, front, line, column) => {
    repo = makeRepo({'doc/adr/0001-use-postgresql.md': madr(front)})
    const r = await lintJson()
    expect(r.report.problems.find((p) => p.rule === 'parse/yaml')).toMatchObject({line, column})
  })
})

describe('a final status suggests a command that works', () => {
  it.each([
    ['rejected', 'status: rejected\ndate: 2026-01-01'],
    ['deprecated', 'status: deprecated\ndate: 2026-01-01'],
  ])('adr new -s on a %s ADR does not suggest `adr new -s` again', async (_status, front) => {
    repo = makeRepo({'doc/adr/0001-use-postgresql.md': madr(front)})
    const r = await runCommand(New, ['--no-edit', '--json', '-s', '1', 'Use MySQL'], repo.dir)
    expect(r.exitCode).toBe(2)
    const {error} = JSON.parse(r.stdout)
    expect(error.code).toBe('ILLEGAL_TRANSITION')
    for (const suggestion of error.suggestions) expect(suggestion).not.toMatch(/-s 1\b/)
  })

  it('a superseded ADR points at its successor', async () => {
    repo = makeRepo({
      'doc/adr/0001-first.md': nygard(1, 'First', 'Superceded by [2. Second](0002-second.md)'),
      'doc/adr/0002-second.md': nygard(2, 'Second', 'Accepted\n\nSupercedes [1. First](0001-first.md)'),
    })
    const r = await runCommand(Status, ['1', 'accepted', '--json'], repo.dir)
    expect(r.exitCode).toBe(2)
    const {error} = JSON.parse(r.stdout)
    expect(error.suggestions.join('\n')).toContain('adr new -s 2 ')
    expect(error.suggestions.join('\n')).not.toContain('-s 1 ')
  })
})

describe('an ADR file that cannot be read is named, not "not found"', () => {
  it.each([
    ['show', Show, ['2']],
    ['show by path', Show, ['doc/adr/0002-latin.md']],
    ['status', Status, ['2', 'deprecated']],
    ['link', Link, ['1', 'Amends', '2', 'Amended by']],
  ] as const)('%s', async (_name, command, argv) => {
    repo = makeRepo({
      'doc/adr/0001-first.md': nygard(1, 'First'),
      'doc/adr/0002-latin.md': Buffer.from('# 2. Caf\xe9\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n', 'latin1'),
    })
    const r = await runCommand(command, [...argv, '--json'], repo.dir)
    expect(r.exitCode).toBe(2)
    const {error} = JSON.parse(r.stdout)
    expect(error.code).toBe('PARSE_FAILED')
    expect(error.message).toContain('0002-latin.md')
    expect(error.message).toContain('UTF-8')
  })

  it('a symlink out of the repository is named too', async () => {
    repo = makeRepo({'doc/adr/0001-first.md': nygard(1, 'First')})
    symlinkSync('/etc/hostname', path.join(repo.dir, 'doc/adr/0002-elsewhere.md'))
    const r = await runCommand(Show, ['2', '--json'], repo.dir)
    expect(JSON.parse(r.stdout).error).toMatchObject({code: 'PARSE_FAILED'})
  })
})

describe('resolving a reference', () => {
  it('"not found" names the range of numbers that exist', async () => {
    repo = makeRepo({'doc/adr/0007-seventh.md': nygard(7, 'Seventh'), 'doc/adr/0008-eighth.md': nygard(8, 'Eighth')})
    const r = await runCommand(Show, ['99', '--json'], repo.dir)
    expect(JSON.parse(r.stdout).error.suggestions.join('\n')).toContain('7 to 8')
  })

  it('a title typed in another Unicode normal form still matches', async () => {
    const decomposed = 'Cafe\u0301 menu'
    repo = makeRepo({'doc/adr/0001-cafe-menu.md': nygard(1, decomposed)})
    const r = await runCommand(Show, ['Café menu', '--json'], repo.dir)
    expect(r.exitCode).toBe(0)
    expect(JSON.parse(r.stdout).adr.number).toBe(1)
  })
})

describe('adr list --status', () => {
  it('an unknown status is an error that lists the known ones, not an empty list', async () => {
    repo = makeRepo({'doc/adr/0001-first.md': nygard(1, 'First')})
    const r = await runCommand(List, ['--status', 'acepted', '--json'], repo.dir)
    expect(r.exitCode).toBe(2)
    expect(JSON.parse(r.stdout).error.code).toBe('UNKNOWN_STATUS')
  })

  it('a status outside the lifecycle that ADRs do use (draft) still filters', async () => {
    repo = makeRepo({'doc/adr/0001-first.md': nygard(1, 'First', 'Draft'), 'doc/adr/0002-second.md': nygard(2, 'Second')})
    const r = await runCommand(List, ['--status', 'draft', '--json'], repo.dir)
    expect(r.exitCode).toBe(0)
    expect(JSON.parse(r.stdout).adrs.map((a: {number: number}) => a.number)).toEqual([1])
  })
})

describe('adr lint: a file that cannot be read still holds its number', () => {
  it('no numbering gap is reported for it', async () => {
    repo = makeRepo({
      'doc/adr/0001-first.md': nygard(1, 'First'),
      'doc/adr/0002-latin.md': Buffer.from('# 2. Caf\xe9\n', 'latin1'),
      'doc/adr/0003-third.md': nygard(3, 'Third'),
    })
    const r = await lintJson()
    expect(r.report.problems.map((p) => p.rule)).toContain('parse/read')
    expect(r.report.problems.map((p) => p.rule)).not.toContain('numbering-gap')
  })
})

describe('lint annotations are located from the repository root', () => {
  it.each(['github', 'sarif'])('--format %s from a subdirectory', async (format) => {
    repo = makeRepo({'doc/adr/0001-first.md': nygard(1, 'First', 'Acepted'), 'src/app/.keep': ''})
    const r = await runCommand(Lint, ['--format', format, '--no-cache'], path.join(repo.dir, 'src/app'))
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toContain('doc/adr/0001-first.md')
    expect(r.stdout).not.toContain('../')
  })
})

describe('adr link is idempotent in front matter', () => {
  it('linking the same pair twice writes each link once', async () => {
    repo = makeRepo({
      'doc/adr/0001-use-postgresql.md': madr('status: accepted\ndate: 2026-01-01'),
      'doc/adr/0002-use-pgbouncer.md': madr('status: proposed\ndate: 2026-01-02', 'Use PgBouncer'),
    })
    for (let i = 0; i < 2; i++) expect((await runCommand(Link, ['2', 'amends', '1', 'amended by'], repo.dir)).exitCode).toBe(0)
    const {readFileSync} = await import('node:fs')
    const source = readFileSync(path.join(repo.dir, 'doc/adr/0002-use-pgbouncer.md'), 'utf8')
    const target = readFileSync(path.join(repo.dir, 'doc/adr/0001-use-postgresql.md'), 'utf8')
    expect(source.match(/rel: amends/g)).toHaveLength(1)
    expect(target.match(/rel: amended by/g)).toHaveLength(1)
  })
})

describe('a title with brackets survives a supersede', () => {
  it('the link adrgate writes is read back, and lint is clean', async () => {
    repo = makeRepo({'doc/adr/0001-first.md': nygard(1, 'First')})
    expect((await runCommand(New, ['--no-edit', 'Use [brackets] and (parens)'], repo.dir)).exitCode).toBe(0)
    expect((await runCommand(New, ['--no-edit', '-s', '2', 'Replace it'], repo.dir)).exitCode).toBe(0)
    const shown = await runCommand(Show, ['3', '--json'], repo.dir)
    expect(JSON.parse(shown.stdout).adr.links).toMatchObject([{relKey: 'supersedes', resolved: {number: 2}}])
    const r = await lintJson()
    // the new ADRs still hold their template's guidance (reported as such); their links are clean
    expect(r.report.problems.filter((p) => p.rule !== 'required-sections')).toEqual([])
  })
})

describe('adr lint --changed before the first commit (the README pre-commit hook)', () => {
  it('lints every ADR: all of them are new', async () => {
    repo = makeRepo({'doc/adr/0001-first.md': nygard(1, 'First', 'Acepted')})
    const r = await lintJson(['--changed', '--quiet'])
    expect(r.exitCode).toBe(1)
    expect(r.report.problems.map((p) => p.rule)).toContain('status')
  })
})

describe('adr new with a title too long for a file name', () => {
  it('fails with a clear error and writes nothing, instead of ENAMETOOLONG', async () => {
    repo = makeRepo({'doc/adr/0001-first.md': nygard(1, 'First')})
    const r = await runCommand(New, ['--no-edit', '--json', 'très long titre '.repeat(30)], repo.dir)
    expect(r.exitCode).toBe(2)
    expect(JSON.parse(r.stdout).error.code).toBe('INVALID_ARGUMENT')
    const {readdirSync} = await import('node:fs')
    expect(readdirSync(path.join(repo.dir, 'doc/adr'))).toEqual(['0001-first.md'])
  })
})

describe('a BOM survives an edit', () => {
  it('adr status changes only the status line of a BOM + CRLF file', async () => {
    const before = `\uFEFF${nygard(1, 'First').replaceAll('\n', '\r\n')}`
    repo = makeRepo({'doc/adr/0001-first.md': before})
    expect((await runCommand(Status, ['1', 'deprecated'], repo.dir)).exitCode).toBe(0)
    const {readFileSync} = await import('node:fs')
    expect(readFileSync(path.join(repo.dir, 'doc/adr/0001-first.md'), 'utf8')).toBe(
      before.replace('\r\nAccepted\r\n', '\r\nDeprecated\r\n'),
    )
  })

  it('adr show prints the file byte for byte, BOM included', async () => {
    const before = `\uFEFF${nygard(1, 'First')}`
    repo = makeRepo({'doc/adr/0001-first.md': before})
    expect((await runCommand(Show, ['1'], repo.dir)).stdout).toBe(before)
  })
})
