import {describe, expect, it} from 'vitest'
import {DEFAULT_NAMING} from '../../src/core/adr/model.js'
import {parseAdr} from '../../src/core/adr/parse-adr.js'
import {planRenumber} from '../../src/core/adr/renumber-plan.js'

const adr = (file: string, text: string) => parseAdr(text, file)

describe('planRenumber', () => {
  it('with `only`, plans the group of that number alone, and hands out numbers past every one in use', () => {
    const adrs = [adr('0002-a.md', '# 2. A\n'), adr('0002-b.md', '# 2. B\n'), adr('0003-c.md', '# 3. C\n'), adr('0003-d.md', '# 3. D\n')]
    const order = new Map([
      ['0002-a.md', 1],
      ['0003-c.md', 1],
    ])
    const plan = planRenumber({adrs, addedOrder: order, naming: DEFAULT_NAMING, only: 3})
    expect(plan.moves.map((m) => [m.from, m.to])).toEqual([['0003-d.md', '0004-d.md']])
    expect(planRenumber({adrs, addedOrder: order, naming: DEFAULT_NAMING, only: 5}).moves).toEqual([])
  })

  it('keeps the ADR added first, moves the others past every number in use', () => {
    const adrs = [
      adr('0002-first.md', '# 2. First\n'),
      adr('0002-second.md', '# 2. Second\n'),
      adr('0002-third.md', '# 2. Third\n'),
      adr('0003-other.md', '# 3. Other\n\nSee [2. Second](0002-second.md) and [2. First](0002-first.md).\n'),
    ]
    const plan = planRenumber({
      adrs,
      addedOrder: new Map([
        ['0002-second.md', 1],
        ['0002-first.md', 2],
      ]),
      taken: [9],
      naming: DEFAULT_NAMING,
    })
    expect(plan.moves.map((m) => [m.from, m.to, m.kept])).toEqual([
      ['0002-first.md', '0010-first.md', '0002-second.md'],
      ['0002-third.md', '0011-third.md', '0002-second.md'],
    ])
    const edits = Object.fromEntries(plan.edits.map((e) => [e.file, e]))
    expect(edits['0010-first.md']).toEqual({file: '0010-first.md', text: '# 10. First\n', replaces: '0002-first.md'})
    expect(edits['0003-other.md'].text).toBe('# 3. Other\n\nSee [2. Second](0002-second.md) and [10. First](0010-first.md).\n')
    expect(edits['0002-second.md']).toBeUndefined()
  })

  it('keeps the naming scheme and the title format, and leaves a number that is part of a title', () => {
    const adrs = [
      adr('ADR-007_cache.md', '---\nstatus: proposed\n---\n# ADR-007: Cache\n'),
      adr('ADR-007_habits.md', '# 7 Habits\r\n\r\nLink: [ADR-007](ADR-007_cache.md)\r\n'),
    ]
    const plan = planRenumber({adrs, addedOrder: new Map([['ADR-007_habits.md', 1]]), naming: DEFAULT_NAMING})
    expect(plan.moves.map((m) => m.to)).toEqual(['ADR-008_cache.md'])
    const edits = Object.fromEntries(plan.edits.map((e) => [e.file, e.text]))
    expect(edits['ADR-008_cache.md']).toBe('---\nstatus: proposed\n---\n# ADR-008: Cache\n')
    expect(edits['ADR-007_habits.md']).toBe('# 7 Habits\r\n\r\nLink: [ADR-008](ADR-008_cache.md)\r\n')
  })

  it('plans nothing without duplicates', () => {
    const plan = planRenumber({adrs: [adr('0001-a.md', '# 1. A\n')], addedOrder: new Map(), naming: DEFAULT_NAMING})
    expect(plan).toEqual({moves: [], edits: [], warnings: []})
  })
})
