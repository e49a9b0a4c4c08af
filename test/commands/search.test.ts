import {afterEach, describe, expect, it} from 'vitest'
import Search from '../../src/commands/search.js'
import {outputSchemaValidator} from '../helpers/fixtures.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {runCommand} from '../helpers/run-command.js'

const validate = outputSchemaValidator('search')

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

// A small repository in both formats: the terms sit in titles, front matter, bodies and long lines.
const TREE = {
  'docs/adr/0001-record-architecture-decisions.md':
    '# 1. Record architecture decisions\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nWe need to record the architectural decisions made on this project.\n',
  'docs/adr/0002-use-mongodb.md':
    '# 2. Use MongoDB\n\nDate: 2026-01-02\n\n## Status\n\nSuperseded by [3. Use PostgreSQL](0003-use-postgresql.md)\n\n## Context\n\nDocuments first; no read replica needed.\n',
  'docs/adr/0003-use-postgresql.md': [
    '---',
    'status: accepted',
    'date: 2026-02-01',
    'tags: [storage, PostgreSQL]',
    '---',
    '# Use PostgreSQL',
    '',
    '## Context and Problem Statement',
    '',
    'Reports need joins, so we want a relational store with a Read  Replica for the dashboards.',
    '',
    `${'Long preamble words. '.repeat(12)}Then postgres appears far along the line, ${'and more words after it. '.repeat(10)}`,
  ].join('\n'),
  'docs/adr/0004-queue-pdfs.md':
    '---\nstatus: proposed\ntags: [pdf]\n---\n# Queue PDF rendering\n\nReports are rendered by a worker reading from PostgreSQL.\n',
  'docs/adr/README.md': '# Decisions\n\npostgres everywhere\n',
}

const run = (argv: string[]) => runCommand(Search, argv, repo!.dir)

describe('adr search', () => {
  it('finds every ADR that mentions the text, in title, front matter and body, with the lines and their numbers', async () => {
    repo = makeRepo(TREE)
    const r = await run(['postgresql'])
    expect(r.exitCode).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout).toBe(
      [
        'docs/adr/0002-use-mongodb.md  2. Use MongoDB (superseded)',
        '  7: Superseded by [3. Use PostgreSQL](0003-use-postgresql.md)',
        '',
        'docs/adr/0003-use-postgresql.md  3. Use PostgreSQL (accepted)',
        '  4: tags: [storage, PostgreSQL]',
        '  6: # Use PostgreSQL',
        '',
        'docs/adr/0004-queue-pdfs.md  4. Queue PDF rendering (proposed)',
        '  7: Reports are rendered by a worker reading from PostgreSQL.',
        '',
      ].join('\n'),
    )
  })

  it('--json places each line and validates against search.schema.json', async () => {
    repo = makeRepo(TREE)
    const r = await run(['PostgreSQL', '--json'])
    const out = JSON.parse(r.stdout)
    expect(validate(out), JSON.stringify(validate.errors)).toBe(true)
    expect(out.terms).toEqual(['postgresql'])
    const third = out.results.find((x: {number: number}) => x.number === 3)
    expect(third.matches.map((m: {line: number; place: string}) => [m.line, m.place])).toEqual([
      [4, 'front-matter'],
      [6, 'title'],
    ])
  })

  it('needs every term (each argument one term, a phrase kept whole, spaces and case ignored)', async () => {
    repo = makeRepo(TREE)
    const both = JSON.parse((await run(['reports', 'read replica', '--json'])).stdout)
    expect(both.results.map((x: {number: number}) => x.number)).toEqual([3])
    expect(both.results[0].matches.map((m: {line: number; terms: string[]}) => [m.line, m.terms])).toEqual([
      [10, ['reports', 'read replica']],
    ])
    const words = JSON.parse((await run(['replica', 'documents', '--json'])).stdout)
    expect(words.results.map((x: {number: number}) => x.number)).toEqual([2])
  })

  it('cuts a long line around the term', async () => {
    repo = makeRepo(TREE)
    const out = JSON.parse((await run(['appears far', '--json'])).stdout)
    const text: string = out.results[0].matches[0].text
    expect(text.length).toBeLessThanOrEqual(162)
    expect(text).toMatch(/^….*postgres appears far along the line.*…$/)
  })

  it('narrows with --status and --tag, as adr list does', async () => {
    repo = makeRepo(TREE)
    const numbers = async (argv: string[]) =>
      JSON.parse((await run([...argv, '--json'])).stdout).results.map((x: {number: number}) => x.number)
    expect(await numbers(['postgresql', '--status', 'accepted'])).toEqual([3])
    expect(await numbers(['postgresql', '--status', 'Superseded'])).toEqual([2])
    expect(await numbers(['reports', '--tag', 'PDF'])).toEqual([4])
    const typo = await run(['postgresql', '--status', 'acepted', '--json'])
    expect(typo.exitCode).toBe(2)
    expect(JSON.parse(typo.stdout).error.code).toBe('UNKNOWN_STATUS')
  })

  it('exits 1 and says so on stderr when nothing matches; READMEs are not ADRs', async () => {
    repo = makeRepo(TREE)
    const r = await run(['everywhere'])
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe('No ADR in docs/adr holds "everywhere"\n')
  })

  it('refuses an empty search and a missing directory with exit 2', async () => {
    repo = makeRepo(TREE)
    const empty = await run(['  ', '--json'])
    expect(empty.exitCode).toBe(2)
    expect(JSON.parse(empty.stdout).error.code).toBe('INVALID_ARGUMENT')
    const missing = await run(['x', '--dir', 'nowhere'])
    expect(missing.exitCode).toBe(2)
    expect(missing.stderr).toContain('The nowhere directory does not exist')
  })

  it('takes a term literally (regular-expression characters included) and folds case beyond ASCII', async () => {
    repo = makeRepo({
      'doc/adr/0001-x.md': '# 1. Use C++ (v2) for the ÉTÉ build\n\n## Status\n\nAccepted\n',
      'doc/adr/0002-y.md': '# 2. Use C for the summer build\n\n## Status\n\nAccepted\n',
    })
    const numbers = async (argv: string[]) =>
      JSON.parse((await run([...argv, '--json'])).stdout).results.map((x: {number: number}) => x.number)
    expect(await numbers(['c++ (v2)'])).toEqual([1])
    expect(await numbers(['été'])).toEqual([1])
    expect(await numbers(['c+'])).toEqual([1])
    expect(await numbers(['use c'])).toEqual([1, 2])
  })

  it('shows control characters from an ADR visibly, and exactly under --json', async () => {
    repo = makeRepo({'doc/adr/0001-x.md': '# 1. X\n\n## Status\n\nAccepted\n\nbell \u0007 here\n'})
    const r = await run(['bell'])
    expect(r.stdout).toContain('bell ␇ here')
    const json = JSON.parse((await run(['bell', '--json'])).stdout)
    expect(json.results[0].matches[0].text).toBe('bell \u0007 here')
  })
})

describe('adr search over several ADR directories (dirs:)', () => {
  const DIRS = {
    '.adrgate.yaml':
      'dirs:\n  - {name: web, path: packages/web/adr}\n  - {name: api, path: packages/api/adr}\n  - {name: ios, path: packages/ios/adr}\n',
    'packages/web/adr/0001-cache-pages.md': '---\nstatus: accepted\n---\n# Cache pages\n\nPages are cached in Redis.\n',
    'packages/api/adr/0001-use-go.md': '---\nstatus: accepted\n---\n# Use Go\n\nNo cache here.\n',
    'packages/api/adr/0002-cache-sessions.md': '---\nstatus: parked\n---\n# Cache sessions\n\nSessions live in Redis too.\n',
  }

  it('searches every directory in order, naming each result’s directory in the text and in --json', async () => {
    repo = makeRepo(DIRS)
    const r = await run(['redis'])
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toBe(
      [
        'packages/web/adr/0001-cache-pages.md  web/1. Cache pages (accepted)',
        '  6: Pages are cached in Redis.',
        '',
        'packages/api/adr/0002-cache-sessions.md  api/2. Cache sessions (parked)',
        '  6: Sessions live in Redis too.',
        '',
      ].join('\n'),
    )
    const json = JSON.parse((await run(['cache', '--json'])).stdout)
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true)
    // ios has no ADR directory yet: it is left out, as list leaves it out
    expect(json.dirs).toEqual([
      {name: 'web', path: 'packages/web/adr'},
      {name: 'api', path: 'packages/api/adr'},
    ])
    expect(json.results.map((x: {dir: string; number: number}) => `${x.dir}/${x.number}`)).toEqual(['web/1', 'api/1', 'api/2'])
  })

  it('takes a status word that only one directory uses, and says where it looked when nothing matches', async () => {
    repo = makeRepo(DIRS)
    const parked = await run(['cache', '--status', 'parked', '--json'])
    expect(parked.exitCode).toBe(0)
    expect(JSON.parse(parked.stdout).results.map((x: {dir: string}) => x.dir)).toEqual(['api'])
    expect(JSON.parse((await run(['cache', '--status', 'parkd', '--json'])).stdout).error.code).toBe('UNKNOWN_STATUS')
    const none = await run(['kafka'])
    expect(none.exitCode).toBe(1)
    expect(none.stderr).toContain('No ADR in packages/web/adr, packages/api/adr holds "kafka"')
  })
})
