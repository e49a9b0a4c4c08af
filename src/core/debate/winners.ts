import type {OptionId, Person, WeightSet} from './record.js'
import {rankOptions, type ScoreTable} from './totals.js'

/** The top-ranked option that is not knocked out, or null when every option is out (or there is none). */
export function winnerUnder(table: ScoreTable, weights: WeightSet): OptionId | null {
  const top = rankOptions(table, weights)[0]
  return top && !top.knocked_out ? top.option : null
}

export interface Winners {
  /** Under the agreed weights (null without agreed weights). */
  agreed: OptionId | null
  /** Under each participant's own blind weights. */
  by_participant: Record<Person, OptionId | null>
  /** Every weight set names the same (non-null) winner. */
  stable: boolean
}

export function findWinners(table: ScoreTable, agreed: WeightSet | undefined, proposed: Record<Person, WeightSet>): Winners {
  const winner = agreed ? winnerUnder(table, agreed) : null
  const byParticipant: Record<Person, OptionId | null> = {}
  for (const [participant, weights] of Object.entries(proposed)) byParticipant[participant] = winnerUnder(table, weights)
  const stable = winner !== null && Object.values(byParticipant).every((w) => w === winner)
  return {agreed: winner, by_participant: byParticipant, stable}
}
