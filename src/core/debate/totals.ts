import type {Matrix} from './aggregate.js'
import type {OptionId, WeightSet} from './record.js'

/** What every weighting computation needs: the options in record order, the driver ids, the aggregates, the knockouts. */
export interface ScoreTable {
  options: readonly OptionId[]
  drivers: readonly string[]
  matrix: Matrix
  knockedOut: ReadonlySet<OptionId>
}

export interface RankedOption {
  option: OptionId
  /** Unrounded. */
  total: number
  knocked_out: boolean
}

/** Totals closer than this are a tie. */
export const TIE_EPSILON = 1e-9

/** Σ weight/100 × aggregate over the drivers. An unscored cell counts 0; a driver missing from `weights` weighs 0. */
export function weightedTotal(table: ScoreTable, option: OptionId, weights: WeightSet): number {
  let total = 0
  for (const driver of table.drivers) total += ((weights[driver] ?? 0) / 100) * (table.matrix.get(option, driver) ?? 0)
  return total
}

/**
 * Ranks the options under a weight set, best first. The tie-break is deterministic and documented:
 * 1. options not knocked out before knocked-out ones;
 * 2. the higher total (totals within 1e-9 are equal);
 * 3. on equal totals, the option listed first in the record's `options`.
 */
export function rankOptions(table: ScoreTable, weights: WeightSet): RankedOption[] {
  const ranked = table.options.map((option, index) => ({
    option,
    total: weightedTotal(table, option, weights),
    knocked_out: table.knockedOut.has(option),
    index,
  }))
  ranked.sort((a, b) => {
    if (a.knocked_out !== b.knocked_out) return a.knocked_out ? 1 : -1
    if (Math.abs(a.total - b.total) > TIE_EPSILON) return b.total - a.total
    return a.index - b.index
  })
  return ranked.map(({option, total, knocked_out}) => ({option, total, knocked_out}))
}

/** True when `a` beats `b` under the tie-break of `rankOptions` (neither knocked out). */
export function beats(table: ScoreTable, a: {option: OptionId; total: number}, b: {option: OptionId; total: number}): boolean {
  if (Math.abs(a.total - b.total) > TIE_EPSILON) return a.total > b.total
  return table.options.indexOf(a.option) < table.options.indexOf(b.option)
}
