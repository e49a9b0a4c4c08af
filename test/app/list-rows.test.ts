import {readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {openWorkspace} from '../../src/adapters/workspace.js'
import {type ListFilter, listAdrRows, listAdrs} from '../../src/app/adr/list-adrs.js'
import {builtAdrs, FIXTURES} from '../helpers/built-adrs.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'

// `listAdrRows` (the fast path of `adr list`: each ADR parsed without its sections' text and cut down
// to its row at once) pinned to `listAdrs`: the same listing, the parsed ADRs left out, for every
// filter, on ADRs built from the pieces real ones are made of and on the fixtures, and in a workspace
// of several directories; read and from its cache of rows.

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

const FILTERS: ListFilter[] = [
  {},
  {status: 'accepted'},
  {status: 'proposed'},
  {tag: 'storage'},
  {decider: 'a'},
  {format: 'madr'},
  {format: 'nygard'},
  {since: '2020'},
  {until: '2021-06'},
  {since: '2019-01-01', until: '2030'},
]

async function expectSameListings(dir: string, filters: readonly ListFilter[]): Promise<void> {
  const ws = openWorkspace(dir, {env: process.env})
  for (const filter of filters) {
    const {parsed: _parsed, ...slow} = await listAdrs(ws, filter)
    expect(await listAdrRows(ws, filter), JSON.stringify(filter)).toEqual(slow)
  }
}

/**
 * Moves the date of the cache of rows back, as if the files had been written long before the run that
 * read them: only then are its rows trusted (a file written in the same tick could keep its stat).
 */
function ageRowCache(dir: string): void {
  const state = path.join(dir, '.git', 'adrgate')
  const names = readdirSync(state).filter((f) => f.startsWith('facts-list-rows-'))
  expect(names.length).toBeGreaterThan(0)
  for (const name of names) {
    const data = JSON.parse(readFileSync(path.join(state, name), 'utf8'))
    writeFileSync(path.join(state, name), JSON.stringify({...data, asOf: data.asOf + 60_000}))
  }
}

describe('listAdrRows against listAdrs', () => {
  it('lists built ADRs and the fixtures alike, under every filter', async () => {
    const built = [...builtAdrs(600), ...FIXTURES.map((text, i) => ({file: `${String(9000 + i)}-fixture.md`, text}))]
    repo = makeRepo(Object.fromEntries(built.map(({file, text}) => [`docs/adr/${file}`, text])))
    const ws = openWorkspace(repo.dir, {env: process.env})
    // the comparison covers rows of several statuses, formats, tags and dates
    const rows = (await listAdrRows(ws)).adrs
    expect(new Set(rows.map((row) => row.format)).size).toBeGreaterThan(1)
    expect(rows.some((row) => row.tags.length > 0) && rows.some((row) => row.date !== undefined)).toBe(true)
    await expectSameListings(repo.dir, FILTERS)
    // the rows cached, then one file changed: the cached rows and the changed one read again
    ageRowCache(repo.dir)
    await expectSameListings(repo.dir, FILTERS)
    const first = path.join(repo.dir, 'docs/adr', built[0].file)
    writeFileSync(first, readFileSync(first, 'utf8').replace(/^# .*$/m, '# 1. A new title, tags: storage'))
    await expectSameListings(repo.dir, FILTERS)
  })

  it('lists a workspace of several directories alike, with an unreadable file', async () => {
    const nygard = (n: number, title: string) => `# ${n}. ${title}\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n`
    repo = makeRepo({
      '.adrgate.yaml': 'dirs:\n  - {name: core, path: docs/adr}\n  - {name: web, path: web/adr}\n',
      'docs/adr/0001-one.md': nygard(1, 'One'),
      'docs/adr/0002-latin1.md': Buffer.from([0x23, 0x20, 0x32, 0x2e, 0x20, 0xe9, 0x74, 0xe9, 0x0a]),
      'web/adr/0001-web-one.md': nygard(1, 'Web one'),
      'web/adr/20240101-dated.md': '# 4. Dated\n',
    })
    await expectSameListings(repo.dir, [{}, {status: 'accepted'}, {since: '2026'}])
    ageRowCache(repo.dir)
    await expectSameListings(repo.dir, [{}, {status: 'accepted'}, {since: '2026'}])
  })
})
