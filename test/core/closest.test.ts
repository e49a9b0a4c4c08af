import {describe, expect, it} from 'vitest'
import {closest, editDistance} from '../../src/core/cli/closest.js'

describe('closest', () => {
  it.each([
    ['lsit', ['list', 'link', 'lint'], 'list'],
    ['--lnog', ['--long', '--status', '--tag'], '--long'],
    ['profil', ['dir', 'format', 'profile', 'rules', 'schema'], 'profile'],
    ['debate strat', ['debate start', 'debate status'], 'debate start'],
    ['SHOW', ['show', 'new'], 'show'],
  ])('%s → %s', (typed, candidates, expected) => {
    expect(closest(typed, candidates)).toBe(expected)
  })

  it.each([
    ['xyzzy', ['list', 'show', 'new']],
    ['ls', ['list']],
    ['x', ['new']],
    ['anything', []],
  ])('%s has no close candidate', (typed, candidates) => {
    expect(closest(typed, candidates)).toBeUndefined()
  })

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('lsit', 'list')).toBe(1)
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('', 'abc')).toBe(3)
  })
})
