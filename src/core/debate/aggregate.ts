import type {Aggregation, CellRef, ScoreEntry} from './record.js'

/** The scores of one cell (option × driver), in entry order. */
export interface Cell extends CellRef {
  scores: number[]
}

/** Groups entries into cells, in the order cells first appear. `initial` reads the revealed score (`initial_score ?? score`). */
export function groupCells(entries: readonly ScoreEntry[], options: {initial?: boolean} = {}): Cell[] {
  const cells = new Map<string, Cell>()
  for (const entry of entries) {
    const key = cellKey(entry)
    let cell = cells.get(key)
    if (!cell) {
      cell = {option: entry.option, driver: entry.driver, scores: []}
      cells.set(key, cell)
    }
    cell.scores.push(options.initial ? (entry.initial_score ?? entry.score) : entry.score)
  }
  return [...cells.values()]
}

export function cellKey(cell: CellRef): string {
  return `${cell.option}\u0000${cell.driver}`
}

/** Mean or median of a cell's scores (NaN for no scores). Median of an even count = mean of the middle two. */
export function aggregateScores(scores: readonly number[], method: Aggregation = 'mean'): number {
  if (scores.length === 0) return Number.NaN
  if (method === 'mean') return scores.reduce((sum, s) => sum + s, 0) / scores.length
  const sorted = [...scores].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** Aggregates per cell: `get(option, driver)` (undefined when nobody scored the cell). */
export interface Matrix {
  get(option: string, driver: string): number | undefined
  cells: (Cell & {aggregate: number})[]
}

export function aggregateMatrix(entries: readonly ScoreEntry[], method: Aggregation = 'mean'): Matrix {
  const cells = groupCells(entries).map((cell) => ({...cell, aggregate: aggregateScores(cell.scores, method)}))
  const byKey = new Map(cells.map((cell) => [cellKey(cell), cell.aggregate]))
  return {cells, get: (option, driver) => byKey.get(cellKey({option, driver}))}
}

/** Rounds to `digits` decimals, away from floating noise (0.1 + 0.2 → 0.3). */
export function round(value: number, digits = 3): number {
  const factor = 10 ** digits
  return Math.round((value + Number.EPSILON) * factor) / factor
}

/**
 * A total as people read it: two decimals, rounded half up from the stored three (2.425 → 2.43,
 * 4.025 → 4.03), computed on integers so binary fractions never round one of them down.
 */
export function formatTotal(value: number): string {
  const thousandths = Math.round(value * 1000)
  const hundredths = Math.floor((thousandths + 5) / 10)
  return (hundredths / 100).toFixed(2)
}
