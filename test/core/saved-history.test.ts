import {describe, expect, it} from 'vitest'
import {trackFileDates} from '../../src/core/history/file-dates.js'
import {buildHistory} from '../../src/core/history/history.js'
import {isSavedDates, isSavedEvents} from '../../src/core/history/saved-history.js'

const sha = (n: number) => String(n).repeat(40)
const text = (status: string) =>
  `# 1. Use X\n\nDate: 2026-01-01\n\n## Status\n\n${status}\n\nSupersedes [2. Y](0002-y.md)\n\n## Context\n\nWhy.\n`
const commit = (n: number, status: 'A' | 'M' | 'D', body?: string) => ({
  sha: sha(n),
  authorName: 'Ada',
  authorEmail: 'ada@example.com',
  date: `2026-01-0${n}T10:00:00+00:00`,
  subject: `commit ${n}`,
  changes: [{status, file: '0001-use-x.md', ...(body ? {text: body} : {})}],
})

describe('saved history: what the caches keep, checked when read back', () => {
  const state = buildHistory([
    commit(1, 'A', text('Proposed')),
    commit(2, 'M', text('Accepted')),
    commit(3, 'D'),
    commit(4, 'A', text('Accepted')),
  ]).state
  const places = {head: sha(9), first: '2026-01-01', dirs: ['docs/adr', 'doc/adr'], present: [['0001-use-x.md', ['docs/adr']]]}

  it('accepts what the history writes, JSON round trip included', () => {
    expect(isSavedEvents(JSON.parse(JSON.stringify({...places, state})))).toBe(true)
    const notUtf8 = [{file: '0001-use-x.md', commit: sha(4), byte: 13, line: 1}]
    expect(isSavedEvents(JSON.parse(JSON.stringify({...places, state, notUtf8})))).toBe(true)
    const dates = trackFileDates([commit(1, 'A'), commit(3, 'D')])
    expect(isSavedDates(JSON.parse(JSON.stringify({...places, dates: [...dates]})))).toBe(true)
  })

  it('refuses anything else, field by field', () => {
    const bad: unknown[] = [
      undefined,
      [],
      {...places, head: 'HEAD', state},
      {...places, dirs: [1], state},
      {...places, state, notUtf8: {}},
      {...places, state, notUtf8: [{file: '0001-use-x.md', commit: 'HEAD', byte: 13, line: 1}]},
      {...places, state, notUtf8: [{file: '0001-use-x.md', commit: sha(4), byte: '13', line: 1}]},
      {...places, present: [['0001-use-x.md', 'docs/adr']], state},
      {...places, state: {...state, events: [...state.events, {...state.events[0], ref: state.tracked.length}]}},
      {...places, state: {...state, events: [{...state.events[0], kind: 'invented'}]}},
      {...places, state: {...state, tracked: [{...state.tracked[0], version: {...state.tracked[0].version, links: [{key: 1}]}}]}},
      {...places, state: {...state, tracked: [{...state.tracked[0], record: {...state.tracked[0].record, deleted: 'no'}}]}},
    ]
    for (const value of bad) expect(isSavedEvents(value)).toBe(false)
    expect(isSavedDates({...places, dates: [['0001-use-x.md', {lastChanged: 5}]]})).toBe(false)
    expect(isSavedDates({...places, dates: [['0001-use-x.md', {lastChanged: 'x', deleted: false}]]})).toBe(false)
    expect(isSavedDates({...places, dates: {}})).toBe(false)
  })
})
