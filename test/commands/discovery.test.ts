/**
 * Finding every ADR in the layouts real repositories use (test/fixtures/repos/*): directories in any
 * capitals and under the names projects choose, candidates that hold no ADR passed over, one folder
 * per ADR, dated names, and a word such as "template" in a slug.
 */
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import Toc from '../../src/commands/generate/toc.js'
import Lint from '../../src/commands/lint.js'
import List from '../../src/commands/list.js'
import Log from '../../src/commands/log.js'
import New from '../../src/commands/new.js'
import Show from '../../src/commands/show.js'
import {repoFixture} from '../helpers/fixtures.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {runCommand} from '../helpers/run-command.js'

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

const list = async (fixture: string, cwd = '') => {
  repo = makeRepo(repoFixture(fixture), {commit: true})
  const r = await runCommand(List, ['--json'], path.join(repo.dir, cwd))
  return {...r, json: r.result as {dir: string; adrs: {file: string; number?: number; title: string; status?: string}[]}}
}

describe('finding the ADR directory', () => {
  it.each([
    ['dir-in-capitals', path.join('Docs', 'ADR'), ['0001-host-on-one-cloud.md']],
    ['dir-decoy', 'architecture-decision-records', ['0001-cache-product-pages.md']],
    ['dir-architecture-decisions', path.join('docs', 'architecture', 'decisions'), ['0001-use-a-message-queue.md']],
    ['dated-names', path.join('docs', 'adrs'), ['2023-03-14-store-sessions-in-redis.md']],
  ])('%s: finds %s', async (fixture, dir, files) => {
    const r = await list(fixture)
    expect(r.exitCode).toBe(0)
    expect(r.json.dir).toBe(dir)
    expect(r.json.adrs.map((a) => a.file)).toEqual(files)
  })

  it('is found from a subdirectory too', async () => {
    const r = await list('dir-in-capitals', 'Docs')
    expect(r.json.dir).toBe('ADR')
  })

  it('says which folders it tried, and how to name the right one, when there is none', async () => {
    repo = makeRepo(repoFixture('no-adr-directory'), {commit: true})
    const r = await runCommand(List, [], path.join(repo.dir, 'docs'))
    expect(r.exitCode).toBe(2)
    const lines = r.stderr.split('\n')
    // the default is doc/adr at the repository root (where `adr init` makes it), shown from docs/
    expect(lines[0]).toBe('The ../doc/adr directory does not exist')
    expect(r.stderr).toContain('docs/adr, docs/adrs')
    expect(r.stderr).toContain('docs/architecture/decisions')
    expect(r.stderr).toContain('in . and each folder up to ..')
    expect(r.stderr).toContain('--dir')
    expect(r.stderr).toContain('.adrgate.yaml')
  })

  it.each([
    ['list', List, []],
    ['show', Show, ['1']],
    ['log', Log, []],
    ['lint', Lint, []],
    ['generate toc', Toc, []],
  ] as const)('%s: a missing directory exits 2 with the same first line', async (_name, command, argv) => {
    repo = makeRepo({}, {commit: true})
    const r = await runCommand(command, [...argv], repo.dir)
    expect(r.exitCode).toBe(2)
    expect(r.stderr.split('\n')[0]).toBe('The doc/adr directory does not exist')
    const json = await runCommand(command, [...argv, '--json'], repo.dir)
    expect(json.exitCode).toBe(2)
    expect(json.result ?? JSON.parse(json.stdout)).toMatchObject({error: {code: 'ADR_DIR_NOT_FOUND'}})
  })
})

describe('a file is an ADR by its name pattern', () => {
  it('keeps an ADR whose slug says "template", and skips the real template', async () => {
    const r = await list('template-word-in-slug')
    expect(r.json.adrs.map((a) => a.file)).toEqual(['0001-record-architecture-decisions.md', '0002-use-mustache-as-template-engine.md'])
  })

  it('lint sees no numbering gap, and adr new numbers past it', async () => {
    repo = makeRepo(repoFixture('template-word-in-slug'), {commit: true})
    const lint = await runCommand(Lint, ['--json'], repo.dir)
    expect((lint.result as {problems: {rule: string}[]}).problems.filter((p) => p.rule === 'numbering-gap')).toEqual([])
    const created = await runCommand(New, ['--no-edit', 'Cache templates'], repo.dir, {EDITOR: undefined, VISUAL: undefined})
    expect(created.exitCode).toBe(0)
    expect(created.stdout.trim()).toBe(path.join('doc', 'adr', '0003-cache-templates.md'))
  })
})

describe('one folder per ADR', () => {
  it('lists README.md and index.md folders, numbered by the folder', async () => {
    const r = await list('folder-per-adr')
    expect(r.json.adrs.map((a) => [a.number, a.file])).toEqual([
      [1, '0001-use-grpc-between-services/README.md'],
      [2, '0002-expose-a-json-gateway/index.md'],
    ])
  })

  it('resolves links through the folders, and lint finds them', async () => {
    repo = makeRepo(repoFixture('folder-per-adr'), {commit: true})
    const shown = await runCommand(Show, ['2', '--json'], repo.dir)
    const adr = (shown.result as {adr: {links: {relKey: string; resolved: {file: string} | null}[]}}).adr
    expect(adr.links).toMatchObject([{relKey: 'amends', resolved: {file: '0001-use-grpc-between-services/README.md'}}])
    const lint = await runCommand(Lint, ['--json'], repo.dir)
    const rules = (lint.result as {problems: {rule: string}[]}).problems.map((p) => p.rule)
    expect(rules).not.toContain('link-target')
  })

  it('adr new writes the next ADR as a folder too', async () => {
    repo = makeRepo(repoFixture('folder-per-adr'), {commit: true})
    const created = await runCommand(New, ['--no-edit', 'Version the protobuf schemas'], repo.dir, {EDITOR: undefined, VISUAL: undefined})
    expect(created.stderr).toBe('')
    expect(created.exitCode).toBe(0)
    expect(created.stdout.trim()).toBe(path.join('docs', 'adr', '0003-version-the-protobuf-schemas', 'README.md'))
  })
})

describe('adr lint with no ADR', () => {
  it('fails with "no ADRs found in DIR" (exit 1) on a directory that holds none', async () => {
    repo = makeRepo({'docs/adr/README.md': '# Decisions\n\nNone yet.\n'}, {commit: true})
    const r = await runCommand(Lint, [], repo.dir)
    expect(r.exitCode).toBe(1)
    expect(r.stderr.split('\n')[0]).toBe(`Error: no ADRs found in ${path.join('docs', 'adr')}`)
  })
})
