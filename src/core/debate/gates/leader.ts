import type {DebateRecord, OptionId} from '../record.js'

/**
 * The option the debate is heading for: the best-ranked option that is neither knocked out nor
 * avoided at a pre-mortem. Without scores (fast track), the approver's choice decides instead.
 */
export function leadingOption(record: DebateRecord): OptionId | undefined {
  const avoided = new Set((record.premortem ?? []).filter((r) => r.response === 'avoid').map((r) => r.option))
  const ranked = record.results?.totals ?? []
  return ranked.find((t) => !t.knocked_out && !avoided.has(t.option))?.option
}

/** The best-ranked option that is not knocked out: a choice other than this needs an override rationale. */
export function topScored(record: DebateRecord): OptionId | undefined {
  return record.results?.totals.find((t) => !t.knocked_out)?.option
}
