import {describe, expect, it} from 'vitest'
import {decisionContent} from '../../src/core/adr/decision-content.js'
import {parseAdr} from '../../src/core/adr/parse-adr.js'
import {trackFileDates} from '../../src/core/history/file-dates.js'
import {buildHistory, type HistoryChange, type HistoryCommit, type HistoryEvent} from '../../src/core/history/history.js'
import {historyOfState} from '../../src/core/history/history-state.js'
import {formatEvent} from '../../src/core/history/history-text.js'

let n = 0
function commit(date: string, changes: HistoryChange[], extra: Partial<HistoryCommit> = {}): HistoryCommit {
  n++
  return {sha: `c${n}`, authorName: 'Ada', authorEmail: 'ada@example.com', date, subject: `commit ${n}`, changes, ...extra}
}

const nygard = (num: number, title: string, status: string, extra = '', body = 'We use it.') =>
  `# ${num}. ${title}\n\nDate: 2026-01-01\n\n## Status\n\n${status}\n${extra}\n## Context\n\nBecause.\n\n## Decision\n\n${body}\n`
const madr = (status: string, links = '', body = 'Chosen option: Postgres.') =>
  `---\nstatus: ${status}\ndate: 2026-01-01\n${links}---\n# Primary datastore\n\n## Decision Outcome\n\n${body}\n`

describe('buildHistory', () => {
  it('reports creation, status changes and superseding in a Nygard repository', () => {
    const {events, records} = buildHistory([
      commit('2026-01-01', [{status: 'A', file: '0001-use-x.md', text: nygard(1, 'Use X', 'Proposed')}]),
      commit('2026-01-02', [{status: 'M', file: '0001-use-x.md', text: nygard(1, 'Use X', 'Accepted')}]),
      commit('2026-01-03', [
        {status: 'M', file: '0001-use-x.md', text: nygard(1, 'Use X', 'Superceded by [2. Use Y](0002-use-y.md)')},
        {status: 'A', file: '0002-use-y.md', text: nygard(2, 'Use Y', 'Accepted', '\nSupercedes [1. Use X](0001-use-x.md)\n')},
      ]),
    ])
    expect(events.map((e) => [e.kind, e.number, e.from, e.to, e.target])).toEqual([
      ['created', 1, undefined, 'proposed', undefined],
      ['status-changed', 1, 'proposed', 'accepted', undefined],
      ['superseded', 1, 'accepted', 'superseded', '2'],
      ['created', 2, undefined, 'accepted', undefined],
      ['superseding', 2, undefined, undefined, '1'],
    ])
    expect(events[0]).toMatchObject({title: 'Use X', date: '2026-01-01', commit: expect.any(String), author: 'Ada', adr: '0001-use-x.md'})
    expect(records.find((r) => r.adr === '0001-use-x.md')).toMatchObject({
      created: '2026-01-01',
      lastChanged: '2026-01-03',
      status: 'superseded',
    })
  })

  it('reads a superseded-by link added beside a kept status as superseded', () => {
    const {events} = buildHistory([
      commit('2026-01-01', [{status: 'A', file: '0001-use-x.md', text: nygard(1, 'Use X', 'Accepted')}]),
      commit('2026-01-02', [
        {status: 'M', file: '0001-use-x.md', text: nygard(1, 'Use X', 'Accepted', '\nSuperseded by [2. Use Y](0002-use-y.md)\n')},
      ]),
    ])
    expect(events.map((e) => [e.kind, e.rel, e.target])).toEqual([
      ['created', undefined, undefined],
      ['superseded', 'superseded by', '2'],
    ])
  })

  it('reads MADR front matter: links added, and edits after acceptance but not status-only edits', () => {
    const file = '0007-primary-datastore.md'
    const {events} = buildHistory([
      commit('2026-01-01', [{status: 'A', file, text: madr('proposed')}]),
      commit('2026-01-02', [{status: 'M', file, text: madr('proposed', '', 'Chosen option: MongoDB.')}]),
      commit('2026-01-03', [{status: 'M', file, text: madr('accepted', '', 'Chosen option: MongoDB.')}]),
      commit('2026-01-04', [
        {status: 'M', file, text: madr('accepted', 'links:\n  - {rel: amends, target: 3}\n', 'Chosen option: MongoDB.')},
      ]),
      commit('2026-01-05', [
        {status: 'M', file, text: madr('accepted', 'links:\n  - {rel: amends, target: 3}\n', 'Chosen option: Postgres.')},
      ]),
    ])
    expect(events.map((e) => [e.kind, e.date, e.rel, e.target])).toEqual([
      ['created', '2026-01-01', undefined, undefined],
      ['status-changed', '2026-01-03', undefined, undefined],
      ['link-added', '2026-01-04', 'amends', '3'],
      ['edited-after-acceptance', '2026-01-05', undefined, undefined],
    ])
  })

  it('follows renames and renumbering, keyed by the final file name', () => {
    const {events, records} = buildHistory([
      commit('2026-01-01', [{status: 'A', file: '0002-use-x.md', text: nygard(2, 'Use X', 'Accepted')}]),
      commit('2026-01-02', [{status: 'R', from: '0002-use-x.md', file: '0002-use-x-everywhere.md', text: nygard(2, 'Use X', 'Accepted')}]),
      commit('2026-01-03', [
        {status: 'R', from: '0002-use-x-everywhere.md', file: '0003-use-x-everywhere.md', text: nygard(3, 'Use X', 'Accepted')},
      ]),
      commit('2026-01-04', [{status: 'M', file: '0003-use-x-everywhere.md', text: nygard(3, 'Use X', 'Deprecated')}]),
    ])
    expect(events.map((e) => [e.kind, e.from, e.to])).toEqual([
      ['created', undefined, 'accepted'],
      ['renamed', '0002-use-x.md', '0002-use-x-everywhere.md'],
      ['renumbered', '2', '3'],
      ['status-changed', 'accepted', 'deprecated'],
    ])
    expect(new Set(events.map((e) => e.adr))).toEqual(new Set(['0003-use-x-everywhere.md']))
    expect(records).toHaveLength(1)
  })

  it('reports a deletion and keeps the record', () => {
    const {events, records} = buildHistory([
      commit('2026-01-01', [{status: 'A', file: '0001-a.md', text: nygard(1, 'A', 'Proposed')}]),
      commit('2026-01-02', [{status: 'D', file: '0001-a.md'}]),
      commit('2026-01-03', [{status: 'D', file: '0009-never-seen.md'}]),
    ])
    expect(events.map((e) => [e.kind, e.number, e.title])).toEqual([
      ['created', 1, 'A'],
      ['deleted', 1, 'A'],
    ])
    expect(records[0]).toMatchObject({deleted: true, lastChanged: '2026-01-02'})
  })

  it('does not claim creation at a shallow clone boundary: the ADR is first seen there, as it was', () => {
    const {events, records} = buildHistory([
      commit('2026-03-01', [{status: 'A', file: '0001-a.md', text: nygard(1, 'A', 'Proposed\n\nSupersedes [0. Z](0000-z.md)')}], {
        boundary: true,
      }),
      commit('2026-03-02', [{status: 'M', file: '0001-a.md', text: nygard(1, 'A', 'Accepted')}]),
    ])
    // only what the boundary shows: no creation, no link added there
    expect(events.map((e) => [e.kind, e.to])).toEqual([
      ['first-seen', 'proposed'],
      ['status-changed', 'accepted'],
    ])
    expect(records[0]).toMatchObject({partial: true, lastChanged: '2026-03-02'})
    expect(records[0].created).toBeUndefined()
  })

  it('keeps option-looking titles as plain text', () => {
    const {events} = buildHistory([
      commit('2026-01-01', [{status: 'A', file: '0001-x.md', text: nygard(1, '--upload-pack=x', 'Proposed')}]),
    ])
    expect(events[0].title).toBe('--upload-pack=x')
  })
})

describe('buildHistory from a saved state', () => {
  it('gives the same history in two runs as in one, through JSON', () => {
    const commits = [
      commit('2026-01-01', [{status: 'A', file: '0001-use-x.md', text: nygard(1, 'Use X', 'Proposed')}]),
      commit('2026-01-02', [{status: 'M', file: '0001-use-x.md', text: nygard(1, 'Use X', 'Accepted')}]),
      commit('2026-01-03', [{status: 'R', from: '0001-use-x.md', file: '0001-use-x-now.md', text: nygard(1, 'Use X', 'Accepted')}]),
      commit('2026-01-04', [
        {status: 'M', file: '0001-use-x-now.md', text: nygard(1, 'Use X', 'Superceded by [2. Use Y](0002-use-y.md)')},
        {status: 'A', file: '0002-use-y.md', text: nygard(2, 'Use Y', 'Accepted')},
      ]),
      commit('2026-01-05', [{status: 'D', file: '0002-use-y.md'}]),
    ]
    const whole = buildHistory(commits)
    const first = buildHistory(commits.slice(0, 2))
    const resumed = buildHistory(commits.slice(2), JSON.parse(JSON.stringify(first.state)))
    expect(resumed.events).toEqual(whole.events)
    expect(resumed.records).toEqual(whole.records)
    expect(buildHistory([], resumed.state).events).toEqual(whole.events)
  })

  it('historyOfState (what `adr log` answers from its cache alone) is buildHistory with no commit to add, key order too', () => {
    const commits = [
      commit('2026-01-01', [{status: 'A', file: '0001-use-x.md', text: nygard(1, 'Use X', 'Proposed')}]),
      commit('2026-01-02', [{status: 'R', from: '0001-use-x.md', file: '0001-use-x-now.md', text: nygard(1, 'Use X', 'Accepted')}]),
      commit('2026-01-03', [{status: 'A', file: '0002-use-y.md', text: nygard(2, 'Use Y', 'Accepted')}]),
      commit('2026-01-04', [{status: 'D', file: '0002-use-y.md'}]),
    ]
    const saved = JSON.parse(JSON.stringify(buildHistory(commits).state))
    const {events, records} = buildHistory([], saved)
    const alone = historyOfState(saved)
    expect(JSON.stringify(alone)).toBe(JSON.stringify({events, records}))
    expect(alone.records.map((r) => r.adr)).toEqual(['0001-use-x-now.md', '0002-use-y.md'])
    // each event copied key by key is the rest pattern's copy, key order too (every kind the story has)
    const rest = saved.events.map(({ref, ...e}: {ref: number}) => ({...e, adr: saved.tracked[ref].adr}))
    expect(JSON.stringify(alone.events)).toBe(JSON.stringify(rest))
    expect(new Set(alone.events.map((e) => e.kind)).size).toBeGreaterThan(2)
    // a key no event has, as a cache file edited by hand could hold it
    const edited = JSON.parse(JSON.stringify(saved).replace('"kind":', '"__proto__":{"x":1},"kind":'))
    const editedRest = edited.events.map(({ref, ...e}: {ref: number}) => ({...e, adr: edited.tracked[ref].adr}))
    expect(JSON.stringify(historyOfState(edited).events)).toBe(JSON.stringify(editedRest))
    expect(JSON.stringify(editedRest)).toContain('__proto__')
  })
})

describe('decisionContent', () => {
  it('ignores status, links and revisit but not the decision', () => {
    const a = parseAdr(madr('proposed'), '0001-a.md')
    const b = parseAdr(madr('accepted', 'links:\n  - {rel: amends, target: 3}\nrevisit: 2027-01-01\n'), '0001-a.md')
    const c = parseAdr(madr('accepted', '', 'Chosen option: MongoDB.'), '0001-a.md')
    expect(decisionContent(a)).toBe(decisionContent(b))
    expect(decisionContent(a)).not.toBe(decisionContent(c))
  })
})

describe('trackFileDates', () => {
  it('follows renames, marks deletions, and leaves creation unknown at a shallow boundary', () => {
    const dates = trackFileDates([
      {date: '2026-01-01', boundary: true, changes: [{status: 'A', file: '0001-a.md'}]},
      {
        date: '2026-01-02',
        changes: [
          {status: 'A', file: '0002-b.md'},
          {status: 'A', file: '0003-c.md'},
        ],
      },
      {
        date: '2026-01-03',
        changes: [
          {status: 'R', from: '0002-b.md', file: '0002-bee.md'},
          {status: 'D', file: '0003-c.md'},
        ],
      },
    ])
    expect(Object.fromEntries(dates)).toEqual({
      '0001-a.md': {lastChanged: '2026-01-01'},
      '0002-bee.md': {created: '2026-01-02', lastChanged: '2026-01-03'},
      '0003-c.md': {created: '2026-01-02', lastChanged: '2026-01-03', deleted: true},
    })
  })

  it('keeps the first creation of a file deleted and added again', () => {
    const dates = trackFileDates([
      {date: '2019-05-01', changes: [{status: 'A', file: '0004-queue.md'}]},
      {date: '2021-02-01', changes: [{status: 'D', file: '0004-queue.md'}]},
      {date: '2023-09-01', changes: [{status: 'A', file: '0004-queue.md'}]},
    ])
    expect(dates.get('0004-queue.md')).toEqual({created: '2019-05-01', lastChanged: '2023-09-01'})
  })
})

describe('buildHistory: an ADR deleted and added again', () => {
  it('is the same ADR restored: one record, its first creation, a restored event', () => {
    const {events, records} = buildHistory([
      commit('2019-05-01', [{status: 'A', file: '0004-queue.md', text: nygard(4, 'Queue', 'Accepted')}]),
      commit('2021-02-01', [{status: 'D', file: '0004-queue.md'}]),
      commit('2023-09-01', [{status: 'A', file: '0004-queue.md', text: nygard(4, 'Queue', 'Proposed')}]),
    ])
    expect(events.map((e) => [e.kind, e.date, e.to])).toEqual([
      ['created', '2019-05-01', 'accepted'],
      ['deleted', '2021-02-01', undefined],
      ['restored', '2023-09-01', 'proposed'],
    ])
    expect(new Set(events.map((e) => e.adr))).toEqual(new Set(['0004-queue.md']))
    expect(records).toEqual([expect.objectContaining({adr: '0004-queue.md', created: '2019-05-01', deleted: false, status: 'proposed'})])
  })
})

describe('formatEvent', () => {
  const event: HistoryEvent = {
    kind: 'status-changed',
    date: '2024-08-01T09:00:00+00:00',
    commit: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
    author: 'Ada Tester',
    email: 'ada@example.com',
    subject: 'Accept cursors',
    adr: '0002-paginate-with-cursors.md',
    number: 2,
    title: 'Paginate with cursors',
    file: '0002-paginate-with-cursors.md',
    from: 'proposed',
    to: 'accepted',
  }

  it('names the ADR by its number in a repository of one directory', () => {
    expect(formatEvent(event)).toBe('2024-08-01  a1b2c3d  Ada Tester  ADR 2 Paginate with cursors: proposed → accepted')
  })

  it('names it by its qualified reference when the event carries its directory, and by the directory alone without a number', () => {
    expect(formatEvent({...event, dir: 'api'})).toBe(
      '2024-08-01  a1b2c3d  Ada Tester  ADR api/2 Paginate with cursors: proposed → accepted',
    )
    expect(formatEvent({...event, dir: 'api', number: undefined})).toBe(
      '2024-08-01  a1b2c3d  Ada Tester  api: Paginate with cursors: proposed → accepted',
    )
  })
})
