import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {type FileTree, makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {PROJECT_ROOT, runBin} from '../helpers/run-command.js'

const FIXTURES = path.join(PROJECT_ROOT, 'test/fixtures/lint')
const MINIMAL = readFileSync(path.join(FIXTURES, 'minimal-madr4/0001-use-postgresql.md'), 'utf8')

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

/** An adr-tools ADR, numbered. */
function nygard(n: number): string {
  return `# ${n}. Decision ${n}\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nWhy ${n}.\n\n## Decision\n\nWhat ${n}.\n\n## Consequences\n\nSo ${n}.\n`
}

describe('adr lint (spawned)', () => {
  it('exits 0 on a clean directory, with nothing on stderr', () => {
    repo = makeRepo({'doc/adr/0001-use-postgresql.md': MINIMAL})
    const r = runBin(['lint'], repo.dir)
    expect(r.stdout).toBe('1 file checked: no problems\n')
    expect(r.stderr).toBe('')
    expect(r.exitCode).toBe(0)
  })

  it('exits 1 on findings, with --json on stdout; 2 on a usage error', () => {
    repo = makeRepo({'doc/adr/0001-use-postgresql.md': MINIMAL.replace('status: accepted', 'status: acepted')})
    const r = runBin(['lint', '--json'], repo.dir)
    expect(r.exitCode).toBe(1)
    expect(JSON.parse(r.stdout).problems).toMatchObject([{rule: 'status', line: 2, column: 9}])
    expect(runBin(['lint', '--max-warnings', 'lots'], repo.dir).exitCode).toBe(2)
  })

  it('never evaluates `---javascript` front matter', () => {
    repo = makeRepo({'doc/adr/0001-use-postgresql.md': readFileSync(path.join(FIXTURES, 'javascript-front-matter/0001-use-postgresql.md'))})
    const r = runBin(['lint', '--format', 'json'], repo.dir)
    expect(r.exitCode).toBe(1)
    expect(JSON.parse(r.stdout).problems.map((p: {rule: string}) => p.rule)).toContain('parse/front-matter-language')
    expect(existsSync(path.join(repo.dir, 'PWNED-BY-FRONT-MATTER'))).toBe(false)
  })

  // one thread up to 20,000 files (ADR 30): the threaded path is not taken here
  it('lints a large directory and finds the same problems cold and warm', () => {
    const tree: FileTree = {}
    for (let n = 1; n <= 1010; n++) tree[`doc/adr/${String(n).padStart(4, '0')}-decision-${n}.md`] = nygard(n)
    tree['doc/adr/0500-decision-500.md'] = nygard(500).replace('Accepted', 'Acepted')
    repo = makeRepo(tree)
    const r = runBin(['lint', '--json', '--no-cache'], repo.dir)
    expect(r.exitCode).toBe(1)
    const report = JSON.parse(r.stdout)
    expect(report.summary).toMatchObject({files: 1010, errors: 1, warnings: 0})
    expect(report.problems).toMatchObject([{file: 'doc/adr/0500-decision-500.md', rule: 'status', line: 7}])
    const warm = runBin(['lint', '--json'], repo.dir)
    expect(JSON.parse(warm.stdout).problems).toEqual(report.problems)
  })
})
