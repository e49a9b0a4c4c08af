import {groupCells} from './aggregate.js'
import type {CellRef, ScoreEntry} from './record.js'

/** Scores that differ by this much or more make a cell divergent. */
export const DIVERGENCE = 2

/**
 * Cells whose scores differ by 2 or more, with the spread (highest − lowest), in the order cells first
 * appear. By default on the revealed scores (`initial_score ?? score`), which is what G6 must explain;
 * `{current: true}` reads the scores as they stand after rescoring.
 */
export function findDivergentCells(entries: readonly ScoreEntry[], options: {current?: boolean} = {}): (CellRef & {spread: number})[] {
  return groupCells(entries, {initial: !options.current})
    .map((cell) => ({option: cell.option, driver: cell.driver, spread: spreadOf(cell.scores)}))
    .filter((cell) => cell.spread >= DIVERGENCE)
}

export function spreadOf(scores: readonly number[]): number {
  return scores.length === 0 ? 0 : Math.max(...scores) - Math.min(...scores)
}
