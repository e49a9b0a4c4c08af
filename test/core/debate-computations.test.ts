import {describe, expect, it} from 'vitest'
import {aggregateMatrix, aggregateScores} from '../../src/core/debate/aggregate.js'
import {findDivergentCells} from '../../src/core/debate/divergence.js'
import {canonicalJson, computeDriversLock} from '../../src/core/debate/drivers-lock.js'
import {describeFlip, findFlipPoints} from '../../src/core/debate/flip-points.js'
import {findKnockouts, knockedOutOptions} from '../../src/core/debate/knockouts.js'
import type {Driver, ScoreEntry} from '../../src/core/debate/record.js'
import {computeResults} from '../../src/core/debate/results.js'
import {findTies, topOptions} from '../../src/core/debate/ties.js'
import {rankOptions, type ScoreTable} from '../../src/core/debate/totals.js'
import {findWinners, winnerUnder} from '../../src/core/debate/winners.js'
import {loadDebate} from './debate-fixtures.js'

/** `{option: {driver: [alice's score, bob's score, …]}}` → score entries. */
function entries(table: Record<string, Record<string, number[]>>): ScoreEntry[] {
  const people = ['alice', 'bob', 'carol', 'dave']
  return Object.entries(table).flatMap(([option, row]) =>
    Object.entries(row).flatMap(([driver, scores]) =>
      scores.map((score, i) => ({
        participant: people[i],
        option,
        driver,
        score,
        rationale: 'r',
        evidence: 'opinion' as const,
        confidence: 'medium' as const,
      })),
    ),
  )
}

function driver(id: string, knockout = false): Driver {
  return {id, name: `Driver ${id}`, category: 'reliability', knockout, ...(knockout ? {measure: 'm'} : {})}
}

function table(scores: Record<string, Record<string, number[]>>, drivers: Driver[], method: 'mean' | 'median' = 'mean'): ScoreTable {
  const matrix = aggregateMatrix(entries(scores), method)
  const options = Object.keys(scores)
  return {options, drivers: drivers.map((d) => d.id), matrix, knockedOut: knockedOutOptions(findKnockouts(options, drivers, matrix))}
}

// Hand-computed (two participants, mean):
//            D1 (w 50)      D2 (w 30)      D3 (w 20)      total
// postgresql 5,4 → 4.5      2,3 → 2.5      4,4 → 4        2.25 + 0.75 + 0.80 = 3.80  ← winner
// mongodb    3,2 → 2.5      5,5 → 5        2,4 → 3        1.25 + 1.50 + 0.60 = 3.35
// alice's set 30/50/20: pg 1.35+1.25+0.8 = 3.40, mongo 0.75+2.5+0.6 = 3.85 → mongodb (the winner flips)
// bob's set   60/20/20: pg 2.70+0.50+0.8 = 4.00, mongo 1.50+1.0+0.6 = 3.10 → postgresql
const TALLY = {postgresql: {D1: [5, 4], D2: [2, 3], D3: [4, 4]}, mongodb: {D1: [3, 2], D2: [5, 5], D3: [2, 4]}}
const AGREED = {D1: 50, D2: 30, D3: 20}

describe('aggregate', () => {
  it('takes the mean or the median of a cell', () => {
    expect(aggregateScores([1, 2, 5])).toBeCloseTo(8 / 3, 12)
    expect(aggregateScores([1, 2, 5], 'median')).toBe(2)
    expect(aggregateScores([1, 2, 4, 5], 'median')).toBe(3)
    expect(aggregateScores([4, 5], 'median')).toBe(4.5)
    expect(aggregateScores([])).toBeNaN()
  })

  it('builds the matrix per option × driver', () => {
    const m = aggregateMatrix(entries(TALLY))
    expect(m.get('postgresql', 'D1')).toBe(4.5)
    expect(m.get('mongodb', 'D3')).toBe(3)
    expect(m.get('mongodb', 'D9')).toBeUndefined()
  })
})

describe('totals and winners', () => {
  const drivers = [driver('D1'), driver('D2'), driver('D3')]
  it('ranks by weights/100 × aggregate summed', () => {
    const ranked = rankOptions(table(TALLY, drivers), AGREED)
    expect(ranked.map((r) => r.option)).toEqual(['postgresql', 'mongodb'])
    expect(ranked[0].total).toBeCloseTo(3.8, 12)
    expect(ranked[1].total).toBeCloseTo(3.35, 12)
  })

  it('names the winner under every weight set; unstable when one set flips it', () => {
    const w = findWinners(table(TALLY, drivers), AGREED, {alice: {D1: 30, D2: 50, D3: 20}, bob: {D1: 60, D2: 20, D3: 20}})
    expect(w).toEqual({agreed: 'postgresql', by_participant: {alice: 'mongodb', bob: 'postgresql'}, stable: false})
  })

  it('is stable when every set agrees', () => {
    const w = findWinners(table(TALLY, drivers), AGREED, {alice: {D1: 40, D2: 30, D3: 30}, bob: {D1: 60, D2: 20, D3: 20}})
    // alice 40/30/30: pg 1.8+0.75+1.2 = 3.75, mongo 1.0+1.5+0.9 = 3.40
    expect(w.stable).toBe(true)
  })

  it('breaks a tie by the order of the options', () => {
    // a: 4,2 → 0.5×4 + 0.5×2 = 3;  b: 2,4 → 3
    const tie = {a: {D1: [4], D2: [2]}, b: {D1: [2], D2: [4]}}
    expect(winnerUnder(table(tie, [driver('D1'), driver('D2')]), {D1: 50, D2: 50})).toBe('a')
    expect(winnerUnder(table({b: tie.b, a: tie.a}, [driver('D1'), driver('D2')]), {D1: 50, D2: 50})).toBe('b')
  })
})

describe('knockouts', () => {
  // D1 knockout (w 40), D2 (w 60):
  // a: D1 2,3 → 2.5 (out: below 3)  D2 5,5 → 5   total 1.0 + 3.0 = 4.0  (highest, but out)
  // b: D1 3,3 → 3   (3 is not below) D2 4,4 → 4   total 1.2 + 2.4 = 3.6  ← winner
  // c: D1 4,4 → 4                    D2 3,3 → 3   total 1.6 + 1.8 = 3.4
  const scores = {a: {D1: [2, 3], D2: [5, 5]}, b: {D1: [3, 3], D2: [4, 4]}, c: {D1: [4, 4], D2: [3, 3]}}
  const drivers = [driver('D1', true), driver('D2')]

  it('removes the leader whose aggregate on a knockout driver is below 3', () => {
    const t = table(scores, drivers)
    expect(findKnockouts(t.options, drivers, t.matrix)).toEqual([{option: 'a', driver: 'D1', aggregate: 2.5}])
    const ranked = rankOptions(t, {D1: 40, D2: 60})
    expect(ranked.map((r) => [r.option, r.knocked_out])).toEqual([
      ['b', false],
      ['c', false],
      ['a', true],
    ])
    expect(ranked[2].total).toBeCloseTo(4, 12)
    expect(winnerUnder(t, {D1: 40, D2: 60})).toBe('b')
  })

  it('has no winner when every option is out', () => {
    const t = table({a: {D1: [1], D2: [5]}, b: {D1: [2], D2: [5]}}, drivers)
    expect(winnerUnder(t, {D1: 40, D2: 60})).toBeNull()
    expect(findFlipPoints(t, {D1: 40, D2: 60})).toEqual([])
  })

  it('uses the median when configured', () => {
    // a: D1 1,3,4 → median 3 (mean 2.667 would knock it out)
    const t = table({a: {D1: [1, 3, 4], D2: [3, 3, 3]}}, drivers, 'median')
    expect(t.knockedOut.size).toBe(0)
    expect(table({a: {D1: [1, 3, 4], D2: [3, 3, 3]}}, drivers).knockedOut.has('a')).toBe(true)
  })
})

describe('flip points', () => {
  const drivers = [driver('D1'), driver('D2'), driver('D3')]
  const titles = (o: string) => ({postgresql: 'PostgreSQL', mongodb: 'MongoDB'})[o] ?? o

  it('finds the weights at which the winner changes, other weights scaled', () => {
    // D2 (w 30): others 70. pg a=2.5, R=(50×4.5+20×4)/70 = 305/70; mongo a=5, R=(50×2.5+20×3)/70 = 185/70
    //   p = 2.5, q = −120/70 = −12/7 → x* = 100q/(q−p) = 100·(12/7)·(14/59) = 2400/59 = 40.68 → above
    // D1 (w 50): others 50. pg a=4.5, R=(30×2.5+20×4)/50 = 3.1; mongo a=2.5, R=(30×5+20×3)/50 = 4.2
    //   p = −2, q = 1.1 → x* = 110/3.1 = 35.48 → below
    // D3 (w 20): pg a=4, R=3.75; mongo a=3, R=3.4375 → p=−1, q=−0.3125 → x* = −45.5: no flip
    const flips = findFlipPoints(table(TALLY, drivers), AGREED, titles)
    expect(flips).toEqual([
      {
        driver: 'D1',
        weight: 50,
        option: 'mongodb',
        direction: 'below',
        threshold: 35.5,
        sentence: 'MongoDB wins only if D1 is worth less than 35.5%',
      },
      {
        driver: 'D2',
        weight: 30,
        option: 'mongodb',
        direction: 'above',
        threshold: 40.7,
        sentence: 'MongoDB wins only if D2 is worth more than 40.7%',
      },
    ])
  })

  it('the threshold really is where the winner flips', () => {
    const t = table(TALLY, drivers)
    const scaled = (x: number) => ({D1: (50 * (100 - x)) / 70, D2: x, D3: (20 * (100 - x)) / 70})
    expect(winnerUnder(t, scaled(40.6))).toBe('postgresql')
    expect(winnerUnder(t, scaled(40.8))).toBe('mongodb')
  })

  it('reports no flip point while the winner only ties: the rival would be named at the weight where it merely ties', () => {
    // a: 4, 2 and b: 2, 4 under D1 50 / D2 50 → both .5×4 + .5×2 = 3.0; a ranks first only by the tie-break
    const tie = table({a: {D1: [4], D2: [2]}, b: {D1: [2], D2: [4]}}, [driver('D1'), driver('D2')])
    expect(findFlipPoints(tie, {D1: 50, D2: 50})).toEqual([])
    // one point off the tie, the flip points come back, at the weight where b overtakes:
    // D1 51 / D2 49: a = 2.04 + 0.98 = 3.02, b = 1.02 + 1.96 = 2.98; on D1, a = 2 + 2x/100 and b = 4 − 2x/100 meet at x = 50
    expect(findFlipPoints(tie, {D1: 51, D2: 49}).map((f) => f.sentence)).toEqual([
      'b wins only if D1 is worth less than 50%',
      'b wins only if D2 is worth more than 50%',
    ])
  })

  it('words a flip', () => {
    expect(describeFlip('MongoDB', 'D2', 'above', 42.3)).toBe('MongoDB wins only if D2 is worth more than 42.3%')
  })
})

describe('ties', () => {
  const two = [driver('D1'), driver('D2')]
  const even = {D1: 50, D2: 50}

  it('names equal totals as a tie, with the place they share and the tie-break that ordered them', () => {
    // a: 5, 5 → 5.0; b: 4, 2 → .5×4 + .5×2 = 3.0; c: 2, 4 → 3.0: b and c tie for place 2
    const scores = {a: {D1: [5], D2: [5]}, b: {D1: [4], D2: [2]}, c: {D1: [2], D2: [4]}}
    expect(findTies(rankOptions(table(scores, two), even))).toEqual([{options: ['b', 'c'], total: 3, rank: 2, broken_by: 'option-order'}])
    // the tie-break is the order of the options: list c first and c ranks first
    const reordered = {a: scores.a, c: scores.c, b: scores.b}
    expect(findTies(rankOptions(table(reordered, two), even))).toEqual([
      {options: ['c', 'b'], total: 3, rank: 2, broken_by: 'option-order'},
    ])
  })

  it('a tie for the win is rank 1, and the results keep it beside the winner the tie-break gives', () => {
    const tie = table({a: {D1: [4], D2: [2]}, b: {D1: [2], D2: [4]}}, two)
    expect(findTies(rankOptions(tie, even))).toEqual([{options: ['a', 'b'], total: 3, rank: 1, broken_by: 'option-order'}])
    expect(topOptions({winner: 'a', ties: findTies(rankOptions(tie, even))})).toEqual(['a', 'b'])
  })

  it('an option knocked out never ties: it is out', () => {
    // D1 is a knockout: b's 2 on it is below 3; a = .5×3 + .5×3 = 3.0 and b = .5×2 + .5×4 = 3.0
    const t = table({a: {D1: [3], D2: [3]}, b: {D1: [2], D2: [4]}}, [driver('D1', true), driver('D2')])
    expect(findTies(rankOptions(t, even))).toEqual([])
  })

  it('a tie is exact: totals a third of a hundredth apart are no tie, though both show as 3.00', () => {
    // D1 1 / D2 99: a = .01×3 + .99×3 = 3.0; b = .01×(3+3+4)/3 + .99×3 = 0.0333 + 2.97 = 3.00333
    const t = table({a: {D1: [3, 3, 3], D2: [3, 3, 3]}, b: {D1: [3, 3, 4], D2: [3, 3, 3]}}, two)
    const ranked = rankOptions(t, {D1: 1, D2: 99})
    expect(ranked.map((r) => r.option)).toEqual(['b', 'a'])
    expect(findTies(ranked)).toEqual([])
  })
})

describe('divergence', () => {
  it('finds cells whose revealed scores differ by 2 or more', () => {
    expect(findDivergentCells(entries(TALLY))).toEqual([{option: 'mongodb', driver: 'D3', spread: 2}])
  })

  it('reads the revealed score of a rescored entry, or the current one on request', () => {
    const rescored = entries({a: {D1: [2, 5]}}).map((e) => (e.participant === 'alice' ? {...e, score: 4, initial_score: 2, crux: 'C1'} : e))
    expect(findDivergentCells(rescored)).toEqual([{option: 'a', driver: 'D1', spread: 3}])
    expect(findDivergentCells(rescored, {current: true})).toEqual([])
  })
})

describe('drivers_lock', () => {
  it('hashes the canonical JSON: keys sorted at every depth, no whitespace', () => {
    expect(canonicalJson({b: 1, a: {d: 2, c: [3, {f: 1, e: 'x y'}]}, u: undefined})).toBe('{"a":{"c":[3,{"e":"x y","f":1}],"d":2},"b":1}')
    // printf '%s' '[{"category":"reliability","id":"D1","knockout":true,"name":"Ledger integrity"}]' | sha256sum
    const drivers: Driver[] = [{name: 'Ledger integrity', id: 'D1', knockout: true, category: 'reliability'}]
    expect(computeDriversLock(drivers)).toBe('e76cd8ba42e28c8d8de695b7bf7534c1ccc77f6983c744722cf91d751d7b171e')
  })

  it('changes when a driver changes', () => {
    const d: Driver[] = [driver('D1')]
    expect(computeDriversLock([{...d[0], name: 'Other'}])).not.toBe(computeDriversLock(d))
  })
})

describe('computeResults on the Tally record', () => {
  it('matches the hand-computed table', () => {
    // agreed 45/30/25, after the rescores of C1 and C2:
    // postgresql 4.5, 4, 4.5 → 2.025 + 1.2 + 1.125 = 4.35
    // mongodb    3.5, 4.5, 2.5 → 1.575 + 1.35 + 0.625 = 3.55
    // keep-embedded 2, 3, 2 → 0.9 + 0.9 + 0.5 = 2.3, knocked out on D1 (2 < 3)
    // D2 flip: pg a=4, R=(45×4.5+25×4.5)/70 = 4.5; mongo a=4.5, R=(45×3.5+25×2.5)/70 = 22/7
    //   p = 0.5, q = 22/7 − 4.5 = −19/14 → x* = 100q/(q−p) = 1900/26 = 73.08
    const results = computeResults(loadDebate('valid-full-track.yaml'))
    expect(results.totals).toEqual([
      {option: 'postgresql', total: 4.35, rank: 1, knocked_out: false},
      {option: 'mongodb', total: 3.55, rank: 2, knocked_out: false},
      {option: 'keep-embedded', total: 2.3, rank: 3, knocked_out: true},
    ])
    expect(results.knocked_out).toEqual([{option: 'keep-embedded', driver: 'D1', aggregate: 2}])
    expect(results.divergent).toEqual([
      {option: 'postgresql', driver: 'D2', spread: 2},
      {option: 'mongodb', driver: 'D1', spread: 2},
    ])
    expect(results).toMatchObject({winner: 'postgresql', winners_by_participant: {alice: 'postgresql', bob: 'postgresql'}, stable: true})
    expect(results.flip_points.map((f) => f.sentence)).toEqual(['MongoDB wins only if D2 is worth more than 73.1%'])
  })
})
