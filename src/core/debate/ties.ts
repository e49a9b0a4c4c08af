import {round} from './aggregate.js'
import type {OptionId, Tie} from './record.js'
import {type RankedOption, TIE_EPSILON} from './totals.js'

/** How `rankOptions` orders options whose totals are equal: the one listed first in the record's `options` ranks first. */
export const TIE_BREAK = 'option-order' as const

/**
 * The ties among the ranked options (best first): each run of two or more options in the running
 * whose totals are equal (within 1e-9), with the rank the first of them takes and the rule that
 * ordered them. Knocked-out options never tie for a place: they are out.
 */
export function findTies(ranked: readonly RankedOption[]): Tie[] {
  const ties: Tie[] = []
  let start = 0
  while (start < ranked.length) {
    let end = start + 1
    if (!ranked[start].knocked_out)
      while (end < ranked.length && !ranked[end].knocked_out && Math.abs(ranked[end].total - ranked[start].total) <= TIE_EPSILON) end++
    if (end - start > 1) {
      const options: OptionId[] = ranked.slice(start, end).map((r) => r.option)
      ties.push({options, total: round(ranked[start].total), rank: start + 1, broken_by: TIE_BREAK})
    }
    start = end
  }
  return ties
}

/** The options that share the top place with the winner (the winner first), or just the winner; empty when there is none. */
export function topOptions(results: {winner: OptionId | null; ties?: readonly Tie[]}): OptionId[] {
  if (!results.winner) return []
  return results.ties?.find((t) => t.rank === 1)?.options ?? [results.winner]
}
