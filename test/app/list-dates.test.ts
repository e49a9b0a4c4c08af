import {rmSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {openWorkspace} from '../../src/adapters/workspace.js'
import {listAdrs} from '../../src/app/adr/list-adrs.js'
import {addGitDates, readGitDatesEarly} from '../../src/app/history/list-dates.js'
import {git, makeRepo, type TempRepo} from '../helpers/git-repo.js'

// `readGitDatesEarly` (the fast path of `adr list --long`: git's side started before the ADRs are
// parsed) is pinned to `addGitDates`, which asks git once the rows are known: the same rows, dates and
// warnings, from a cold cache and a warm one, for a filter that keeps nothing, outside git and in a
// shallow clone.

const repos: TempRepo[] = []
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup()
})

const nygard = (n: number, title: string, status: string) =>
  `# ${n}. ${title}\n\nDate: 2019-01-01\n\n## Status\n\n${status}\n\n## Context\n\nThe team asked.\n\n## Decision\n\nWe keep it simple.\n`

function history(): TempRepo {
  const r = makeRepo({'docs/adr/0001-record.md': nygard(1, 'Record', 'Proposed'), 'src/app.ts': 'export {}\n'})
  repos.push(r)
  r.commit('ADR 1', '2019-01-01T10:00:00Z')
  r.write({'docs/adr/0002-queue.md': nygard(2, 'Use a queue', 'Accepted')})
  r.commit('ADR 2', '2019-02-01T10:00:00Z')
  r.git(['mv', 'docs/adr/0002-queue.md', 'docs/adr/0002-use-a-queue.md'])
  r.write({'docs/adr/0001-record.md': nygard(1, 'Record', 'Accepted')})
  r.commit('Accept ADR 1, rename ADR 2', '2019-03-01T10:00:00Z')
  r.write({'docs/adr/0003-not-yet.md': nygard(3, 'Not committed yet', 'Proposed')})
  return r
}

/** Both ways, each from a cold cache when `cold`: `addGitDates` after the rows, `readGitDatesEarly` before them. */
async function bothWays(dir: string, filter: {status?: string} = {}, cold = true) {
  const ws = openWorkspace(dir, {dir: 'docs/adr', env: process.env})
  const drop = () => cold && rmSync(path.join(dir, '.git', 'adrgate'), {recursive: true, force: true})
  drop()
  const after = await addGitDates(ws, (await listAdrs(ws, filter)).adrs, {fastPaths: true})
  drop()
  const datesOf = readGitDatesEarly(ws, {fastPaths: true})
  const early = await datesOf((await listAdrs(ws, filter)).adrs)
  return {after, early}
}

describe('readGitDatesEarly against addGitDates', () => {
  it('dates the same rows, committed, renamed and uncommitted, from a cold cache and a warm one', async () => {
    const r = history()
    const cold = await bothWays(r.dir)
    expect(cold.early).toEqual(cold.after)
    expect(cold.early.rows.map((row) => row.committed)).toEqual([true, true, false])
    const warm = await bothWays(r.dir, {}, false)
    expect(warm.early).toEqual(warm.after)
    expect(warm.early).toEqual(cold.after)
  })

  it('gives no rows and no warnings when the filter keeps none', async () => {
    const r = history()
    const {after, early} = await bothWays(r.dir, {status: 'rejected'})
    expect(early).toEqual(after)
    expect(early).toEqual({rows: [], warnings: []})
  })

  it('leaves the rows as they are outside git', async () => {
    const r = makeRepo({'docs/adr/0001-record.md': nygard(1, 'Record', 'Proposed')}, {git: false})
    repos.push(r)
    const {after, early} = await bothWays(r.dir)
    expect(early).toEqual(after)
    expect(early.rows[0]).not.toHaveProperty('committed')
  })

  it('warns of a shallow clone as addGitDates does', async () => {
    const r = history()
    r.commit('ADR 3', '2019-04-01T10:00:00Z')
    const clone = makeRepo({}, {git: false})
    repos.push(clone)
    git(clone.dir, ['clone', '-q', '--depth', '1', `file://${r.dir}`, 'shallow'])
    const {after, early} = await bothWays(path.join(clone.dir, 'shallow'))
    expect(early).toEqual(after)
    expect(early.warnings).toHaveLength(1)
  })
})
