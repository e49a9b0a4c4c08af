import {aggregateMatrix, round} from './aggregate.js'
import {findDivergentCells, spreadOf} from './divergence.js'
import {findFlipPoints} from './flip-points.js'
import {findKnockouts, knockedOutOptions} from './knockouts.js'
import type {CellResult, DebateRecord, Results} from './record.js'
import {findTies} from './ties.js'
import {rankOptions, type ScoreTable} from './totals.js'
import {findWinners} from './winners.js'

/** The score table of a record: options and drivers in record order, aggregates of the current scores, knockouts. */
export function scoreTable(record: DebateRecord): ScoreTable & {knockouts: ReturnType<typeof findKnockouts>} {
  const method = record.scoring?.aggregate ?? 'mean'
  const matrix = aggregateMatrix(record.scoring?.entries ?? [], method)
  const options = (record.options ?? []).map((o) => o.id)
  const knockouts = findKnockouts(options, record.drivers ?? [], matrix)
  return {options, drivers: (record.drivers ?? []).map((d) => d.id), matrix, knockedOut: knockedOutOptions(knockouts), knockouts}
}

/**
 * Everything G5 computes, in the shape stored under `results`: the cells (options × drivers, record
 * order, scored cells only), divergent cells, knockouts, totals and ranking under the agreed weights,
 * the ties among them (with the tie-break), the winner under every weight set, stability and flip
 * points (none while the winner ties). Numbers are rounded to 3 decimals
 * (flip thresholds to 1), so the stored YAML round-trips exactly. `adr lint` compares the stored
 * `results` with this.
 */
export function computeResults(record: DebateRecord): Results {
  const method = record.scoring?.aggregate ?? 'mean'
  const entries = record.scoring?.entries ?? []
  const table = scoreTable(record)
  const cells: CellResult[] = []
  for (const option of table.options) {
    for (const driver of table.drivers) {
      const scores = entries.filter((e) => e.option === option && e.driver === driver).map((e) => e.score)
      const aggregate = table.matrix.get(option, driver)
      if (aggregate !== undefined) cells.push({option, driver, aggregate: round(aggregate), spread: spreadOf(scores)})
    }
  }
  const agreed = record.weights?.agreed
  const ranked = rankOptions(table, agreed ?? {})
  const winners = findWinners(table, agreed, record.weights?.proposed ?? {})
  const titles = new Map((record.options ?? []).map((o) => [o.id, o.title]))
  const ties = agreed ? findTies(ranked) : []
  return {
    aggregate: method,
    cells,
    divergent: findDivergentCells(entries),
    knocked_out: table.knockouts.map((k) => ({...k, aggregate: round(k.aggregate)})),
    totals: ranked.map((r, index) => ({option: r.option, total: round(r.total), rank: index + 1, knocked_out: r.knocked_out})),
    ...(ties.length ? {ties} : {}),
    winner: winners.agreed,
    winners_by_participant: winners.by_participant,
    stable: winners.stable,
    flip_points: agreed ? findFlipPoints(table, agreed, (o) => titles.get(o) ?? o) : [],
  }
}
