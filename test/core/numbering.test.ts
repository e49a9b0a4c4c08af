import {describe, expect, it} from 'vitest'
import {nextNumber} from '../../src/core/adr/numbering.js'

describe('nextNumber', () => {
  it.each([
    {numbers: [], taken: [], next: 1},
    {numbers: [1, 2, 3], taken: [], next: 4},
    {numbers: [3, 1], taken: [], next: 4},
    {numbers: [1, 7], taken: [], next: 8},
    {numbers: [1, undefined, 2], taken: [], next: 3},
    {numbers: [1, 2], taken: [5], next: 6},
    {numbers: [9], taken: [5], next: 10},
    {numbers: [], taken: [12], next: 13},
  ])('$numbers (taken elsewhere $taken) → $next', ({numbers, taken, next}) => {
    expect(nextNumber(numbers, taken)).toBe(next)
  })

  it('never fills a gap: a number once used keeps meaning its decision', () => {
    expect(nextNumber([1, 2, 4])).toBe(5)
  })
})
