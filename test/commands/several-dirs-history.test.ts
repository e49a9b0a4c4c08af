/**
 * `adr log`, `adr show --history` and `adr renumber` in a repository of several ADR directories: every
 * directory's history, each event naming its directory, numbers counted per directory, a REF
 * qualified or found in one directory only.
 */
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import type {RenumberResult} from '../../src/app/adr/renumber.js'
import type {LogResult} from '../../src/app/history/decision-log.js'
import Log from '../../src/commands/log.js'
import Renumber from '../../src/commands/renumber.js'
import Show from '../../src/commands/show.js'
import {outputSchemaValidator, repoFixture} from '../helpers/fixtures.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {runCommand} from '../helpers/run-command.js'

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

const WEB = 'packages/web/docs/adr'
const API = 'services/api/adr'

/** The monorepo fixture, committed, then the API accepts cursors, then the web team drops esbuild. */
function monorepoWithHistory(): TempRepo {
  const r = makeRepo(repoFixture('monorepo-dirs'))
  r.commit('Two teams record their first decisions', '2024-07-01T09:00:00Z')
  const cursors = path.join(r.dir, API, '0002-paginate-with-cursors.md')
  writeFileSync(cursors, readFileSync(cursors, 'utf8').replace('status: proposed', 'status: accepted'))
  r.commit('Accept cursors', '2024-08-01T09:00:00Z')
  r.git(['rm', '-q', `${WEB}/0002-bundle-with-esbuild.md`])
  r.commit('Drop the esbuild decision', '2024-09-01T09:00:00Z')
  return r
}

async function log(argv: string[]) {
  const r = await runCommand(Log, argv, repo?.dir as string)
  return {...r, json: r.stdout.trim().startsWith('{') ? (JSON.parse(r.stdout) as LogResult) : undefined}
}

describe('adr log over several ADR directories', () => {
  it('shows every directory newest first, each ADR by its qualified reference, and --json names the directory', async () => {
    repo = monorepoWithHistory()
    const text = await log([])
    expect(text.exitCode).toBe(0)
    expect(text.stderr).toBe('')
    const lines = text.stdout.trim().split('\n')
    expect(lines[0]).toMatch(/^2024-09-01 {2}[0-9a-f]{7} {2}Ada Tester {2}ADR web\/2 Bundle with esbuild: deleted$/)
    expect(lines[1]).toMatch(/^2024-08-01 .* ADR api\/2 Paginate with cursors: proposed → accepted$/)
    expect(lines).toHaveLength(6)
    const r = await log(['--json'])
    expect(outputSchemaValidator('log')(r.json)).toBe(true)
    expect(r.json?.events.map((e) => `${e.kind} ${e.dir}/${e.number}`)).toEqual([
      'deleted web/2',
      'status-changed api/2',
      'created web/1',
      'created web/2',
      'created api/1',
      'created api/2',
    ])
  })

  it('a qualified REF shows that ADR only, a bare number two directories use is ambiguous', async () => {
    repo = monorepoWithHistory()
    const r = await log(['api/2', '--json'])
    expect(r.exitCode).toBe(0)
    expect(outputSchemaValidator('log')(r.json)).toBe(true)
    expect(r.json?.adr).toEqual({number: 2, title: 'Paginate with cursors', file: '0002-paginate-with-cursors.md', dir: 'api'})
    expect(r.json?.events.map((e) => `${e.kind} ${e.dir}/${e.file}`)).toEqual([
      'status-changed api/0002-paginate-with-cursors.md',
      'created api/0002-paginate-with-cursors.md',
    ])
    const ambiguous = await log(['1', '--json'])
    expect(ambiguous.exitCode).toBe(2)
    expect(JSON.parse(ambiguous.stdout).error.suggestions).toEqual(['Qualify it with its directory: web/1 or api/1.'])
  })

  it('finds a deleted ADR by its title in the one directory whose history holds it', async () => {
    repo = monorepoWithHistory()
    const r = await log(['esbuild', '--json'])
    expect(r.exitCode).toBe(0)
    expect(r.json?.adr).toMatchObject({file: '0002-bundle-with-esbuild.md', dir: 'web'})
    expect(r.json?.events.map((e) => e.kind)).toEqual(['deleted', 'created'])
  })

  it('show --history of an ADR in the second directory reads that directory’s history', async () => {
    repo = monorepoWithHistory()
    const text = await runCommand(Show, ['api/2', '--history'], repo.dir)
    expect(text.exitCode).toBe(0)
    expect(text.stdout).toMatch(
      /\nHistory \(from git, newest first\):\n {2}2024-08-01 .* ADR api\/2 Paginate with cursors: proposed → accepted\n/,
    )
    const json = await runCommand(Show, ['api/1', '--history', '--json'], repo.dir)
    expect(outputSchemaValidator('show')(json.result)).toBe(true)
    expect((json.result as {history: {dir: string; kind: string}[]}).history).toEqual([
      expect.objectContaining({dir: 'api', kind: 'created'}),
    ])
  })
})

describe('adr renumber over several ADR directories', () => {
  /** Each team merged a branch that also added its ADR 2: web/2 and api/2 are each taken twice. */
  function twiceTwo(): TempRepo {
    const r = makeRepo(repoFixture('monorepo-dirs'))
    r.commit('Two teams record their first decisions', '2024-07-01T09:00:00Z')
    r.write({
      [`${WEB}/0002-style-with-css-modules.md`]:
        '# 2. Style with CSS modules\n\nDate: 2024-07-02\n\n## Status\n\nProposed\n\n## Context\n\nGlobal styles clash.\n\n## Decision\n\nOne module per component.\n\n## Consequences\n\nClass names are local.\n',
      [`${API}/0002-version-the-api-in-the-path.md`]:
        '---\nstatus: proposed\ndate: 2024-07-02\n---\n\n# Version the API in the path\n\n## Context and Problem Statement\n\nPartners pin a version.\n',
    })
    r.commit('The branches merged', '2024-07-02T09:00:00Z')
    return r
  }

  it('numbers per directory: each directory’s later ADR 2 gets that directory’s next number', async () => {
    repo = twiceTwo()
    const r = await runCommand(Renumber, ['--json'], repo.dir)
    expect(r.exitCode, r.stderr).toBe(0)
    expect(outputSchemaValidator('renumber')(r.result)).toBe(true)
    expect((r.result as RenumberResult).moves.map((m) => `${m.dir}: ${m.from} → ${m.path}`)).toEqual([
      `web: 0002-style-with-css-modules.md → ${WEB}/0003-style-with-css-modules.md`,
      `api: 0002-version-the-api-in-the-path.md → ${API}/0003-version-the-api-in-the-path.md`,
    ])
    expect(readFileSync(path.join(repo.dir, WEB, '0003-style-with-css-modules.md'), 'utf8')).toMatch(/^# 3\. Style with CSS modules\n/)
  })

  it('a qualified REF renumbers in that directory only; a bare number both directories hold is ambiguous', async () => {
    repo = twiceTwo()
    const ambiguous = await runCommand(Renumber, ['2', '--json'], repo.dir)
    expect(ambiguous.exitCode).toBe(2)
    expect(JSON.parse(ambiguous.stdout).error.suggestions).toEqual(['Qualify it with its directory: web/2 or api/2.'])
    const r = await runCommand(Renumber, ['api/2', '--json'], repo.dir)
    expect(r.exitCode, r.stderr).toBe(0)
    expect((r.result as RenumberResult).moves.map((m) => `${m.dir}/${m.newNumber} ${m.to}`)).toEqual([
      'api/3 0003-version-the-api-in-the-path.md',
    ])
    expect(existsSync(path.join(repo.dir, WEB, '0002-style-with-css-modules.md'))).toBe(true)
  })
})
