import {round} from './aggregate.js'
import type {FlipPoint, OptionId, WeightSet} from './record.js'
import {beats, rankOptions, type ScoreTable, TIE_EPSILON} from './totals.js'
import {winnerUnder} from './winners.js'

/**
 * Flip points (sensitivity analysis). For each driver d with agreed weight w, move d's weight to x and
 * scale every other weight by (100 − x)/(100 − w), so the set still sums to 100. Each option's total is
 * then linear in x:  T_o(x) = x/100 · a_o,d + (100 − x)/100 · R_o,  with R_o = Σ_{i≠d} w_i · a_o,i / (100 − w).
 * The winner W changes where some option's line crosses W's: x* = 100 · q / (q − p), with
 * p = a_o,d − a_W,d and q = R_o − R_W. Reported: the nearest crossing above w (below 100) and the nearest
 * below w (above 0). Knocked-out options never win; a driver weighing 100 (or 0 with nothing else) has none.
 *
 * A winner that only ties (another option in the running has the same total under the agreed weights)
 * has no flip point: the rival would be reported at the very weight where it merely ties, and any
 * change of the weights decides between them. The results name the tie instead (`ties`).
 */
export function findFlipPoints(table: ScoreTable, agreed: WeightSet, titleOf: (option: OptionId) => string = (o) => o): FlipPoint[] {
  const winner = winnerUnder(table, agreed)
  if (!winner) return []
  const [first, second] = rankOptions(table, agreed)
  if (second && !second.knocked_out && Math.abs(first.total - second.total) <= TIE_EPSILON) return []
  const flips: FlipPoint[] = []
  for (const driver of table.drivers) {
    const w = agreed[driver] ?? 0
    const rest = 100 - w
    if (rest <= TIE_EPSILON) continue
    const line = (option: OptionId) => {
      let others = 0
      for (const other of table.drivers) if (other !== driver) others += (agreed[other] ?? 0) * (table.matrix.get(option, other) ?? 0)
      return {a: table.matrix.get(option, driver) ?? 0, r: others / rest}
    }
    const lw = line(winner)
    let above: {option: OptionId; x: number; slope: number} | undefined
    let below: {option: OptionId; x: number; slope: number} | undefined
    for (const option of table.options) {
      if (option === winner || table.knockedOut.has(option)) continue
      const lo = line(option)
      const p = lo.a - lw.a
      const q = lo.r - lw.r
      const slope = p - q
      if (Math.abs(slope) <= TIE_EPSILON) continue
      const x = (100 * q) / (q - p)
      if (slope > 0 && x >= w - TIE_EPSILON && x < 100 - TIE_EPSILON) {
        if (!above || x < above.x - TIE_EPSILON || (Math.abs(x - above.x) <= TIE_EPSILON && leads(table, option, slope, above))) {
          above = {option, x, slope}
        }
      } else if (slope < 0 && x <= w + TIE_EPSILON && x > TIE_EPSILON) {
        if (!below || x > below.x + TIE_EPSILON || (Math.abs(x - below.x) <= TIE_EPSILON && leads(table, option, -slope, below))) {
          below = {option, x, slope: -slope}
        }
      }
    }
    if (above) flips.push(flipPoint(driver, w, above.option, 'above', above.x, titleOf))
    if (below) flips.push(flipPoint(driver, w, below.option, 'below', below.x, titleOf))
  }
  return flips
}

/** Of two options crossing at the same point, the one rising faster leads past it (ties: record order). */
function leads(table: ScoreTable, option: OptionId, slope: number, current: {option: OptionId; slope: number}): boolean {
  return beats(table, {option, total: slope}, {option: current.option, total: current.slope})
}

function flipPoint(
  driver: string,
  weight: number,
  option: OptionId,
  direction: 'above' | 'below',
  x: number,
  titleOf: (option: OptionId) => string,
): FlipPoint {
  const threshold = round(x, 1)
  return {driver, weight, option, direction, threshold, sentence: describeFlip(titleOf(option), driver, direction, threshold)}
}

/** "MongoDB wins only if D2 is worth more than 42.3%". */
export function describeFlip(title: string, driver: string, direction: 'above' | 'below', threshold: number): string {
  return `${title} wins only if ${driver} is worth ${direction === 'above' ? 'more' : 'less'} than ${formatPercent(threshold)}%`
}

/** "PostgreSQL wins whatever D1 is worth" — for a driver with no flip point. */
export function describeNoFlip(winnerTitle: string, driver: string): string {
  return `${winnerTitle} wins whatever ${driver} is worth`
}

export function formatPercent(value: number): string {
  return round(value, 1).toFixed(1).replace(/\.0$/, '')
}
