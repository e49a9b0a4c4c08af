/**
 * `adr lint` is quiet where a format is (MADR's optional status and date, site-generator keys,
 * shortened slugs) and loud where a decision is incomplete (text left as a template wrote it), in
 * real temporary repositories.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import Init from '../../src/commands/init.js'
import Lint from '../../src/commands/lint.js'
import New from '../../src/commands/new.js'
import Status from '../../src/commands/status.js'
import {repoFixture} from '../helpers/fixtures.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {runCommand} from '../helpers/run-command.js'

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

const NO_EDITOR = {EDITOR: undefined, VISUAL: undefined, ADR_DATE: '2026-05-01'}

async function lint(cwd: string, argv: string[] = []) {
  const r = await runCommand(Lint, ['--json', '--no-cache', ...argv], cwd)
  const report = r.result as {problems: {file: string; rule: string; severity: string; message: string}[]}
  return {exitCode: r.exitCode, problems: report?.problems ?? [], rules: (report?.problems ?? []).map((p) => p.rule)}
}

describe('quiet where the format is', () => {
  it('a MADR ADR without status or date is clean by default; strict asks for both', async () => {
    repo = makeRepo(repoFixture('madr-optional-fields'), {commit: true})
    expect(await lint(repo.dir)).toMatchObject({exitCode: 0, problems: []})
    const strict = await lint(repo.dir, ['--profile', 'strict'])
    expect(strict.rules).toEqual(expect.arrayContaining(['status', 'date']))
  })

  it('site-generator front matter and a shortened slug are not findings', async () => {
    repo = makeRepo(repoFixture('madr-optional-fields'), {commit: true})
    const {rules} = await lint(repo.dir)
    expect(rules).not.toContain('unknown-key')
    expect(rules).not.toContain('file-name')
  })
})

describe('loud where a decision is incomplete', () => {
  it.each([
    'nygard',
    'madr',
    'madr-minimal',
    'y-statement',
    'log4brains',
  ])('an untouched %s ADR is reported as template text', async (template) => {
    repo = makeRepo({'docs/adr/.keep': ''}, {commit: true})
    await runCommand(New, ['--no-edit', '--template', template, 'Cache the catalogue'], repo.dir, NO_EDITOR)
    const {exitCode, problems} = await lint(repo.dir)
    expect(exitCode).toBe(1)
    expect(problems.filter((p) => p.rule === 'required-sections').map((p) => p.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Unexpected template text /)]),
    )
  })

  it("a project's own templates/template.md is caught too", async () => {
    repo = makeRepo(repoFixture('template-word-in-slug'), {commit: true})
    await runCommand(New, ['--no-edit', 'Cache rendered notifications'], repo.dir, NO_EDITOR)
    const {problems} = await lint(repo.dir)
    const mine = problems.filter((p) => p.file.endsWith('0003-cache-rendered-notifications.md') && p.rule === 'required-sections')
    expect(mine.map((p) => p.message)).toEqual([
      'Unexpected template text `Why now?` in section `Context`, expected your own text',
      'Unexpected template text `What we do.` in section `Decision`, expected your own text',
      'Unexpected template text `What follows.` in section `Consequences`, expected your own text',
    ])
  })

  it.each(['madr', 'nygard'])('strict passes the first ADR of adr init --format %s', async (format) => {
    repo = makeRepo()
    expect((await runCommand(Init, ['docs/decisions', '--format', format], repo.dir, NO_EDITOR)).exitCode).toBe(0)
    expect(await lint(repo.dir, ['--profile', 'strict'])).toMatchObject({exitCode: 0, problems: []})
  })

  it('strict still asks an accepted MADR ADR for its trade-offs, and an adr-tools one for its sections', async () => {
    repo = makeRepo({
      'doc/adr/0001-use-postgresql.md':
        '---\nstatus: accepted\ndate: 2026-05-01\n---\n\n# Use PostgreSQL\n\n## Context and Problem Statement\n\nOne store.\n',
      'doc/adr/0002-use-redis.md': '# 2. Use Redis\n\nDate: 2026-05-01\n\n## Status\n\nAccepted\n\n## Context\n\nA cache.\n',
    })
    const strict = await lint(repo.dir, ['--profile', 'strict'])
    expect(strict.exitCode).toBe(1)
    const found = strict.problems.map((p) => `${path.basename(p.file)} ${p.rule}`)
    expect(found).toContain('0001-use-postgresql.md trade-offs/required')
    expect(found).toContain('0002-use-redis.md required-sections')
    expect(found).not.toContain('0002-use-redis.md trade-offs/required')
  })

  it('--profile adr-tools checks structure only, and differs from the default on a Nygard repository', async () => {
    repo = makeRepo({'doc/adr/.keep': ''}, {commit: true})
    await runCommand(New, ['--no-edit', 'Record architecture decisions'], repo.dir, NO_EDITOR)
    await runCommand(New, ['--no-edit', 'Use PostgreSQL'], repo.dir, NO_EDITOR)
    repo.write({
      'doc/adr/0001-record-architecture-decisions.md': readFileSync(
        path.join(repo.dir, 'doc/adr/0001-record-architecture-decisions.md'),
        'utf8',
      ).replace('Date: 2026-05-01', 'Date: 01/05/2026'),
    })
    expect((await lint(repo.dir)).exitCode).toBe(1)
    expect(await lint(repo.dir, ['--profile', 'adr-tools'])).toMatchObject({exitCode: 0, problems: []})
  })
})

describe('log4brains files keep their shape', () => {
  it('adr status edits the `- Status:` bullet and adds no front matter', async () => {
    repo = makeRepo(repoFixture('log4brains'), {commit: true})
    const r = await runCommand(Status, ['20201002', 'deprecated'], repo.dir, NO_EDITOR)
    expect(r.exitCode).toBe(0)
    const text = readFileSync(path.join(repo.dir, 'docs/adr/20201002-use-log4brains-to-publish-decisions.md'), 'utf8')
    expect(text.startsWith('# Use log4brains')).toBe(true)
    expect(text).toContain('- Status: deprecated\n')
  })
})
