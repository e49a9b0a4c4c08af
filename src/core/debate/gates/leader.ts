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

/**
 * The best-ranked options that are not knocked out: the top one and any that tie with it (in the
 * tie-break's order). A choice outside them needs an override rationale; a choice among tied options does not.
 */
export function topScored(record: DebateRecord): OptionId[] {
  const top = record.results?.totals.find((t) => !t.knocked_out)?.option
  if (!top) return []
  return record.results?.ties?.find((t) => t.options[0] === top)?.options ?? [top]
}
