import type {DebateRecord, Option} from './record.js'
import {findOption} from './rules/debate-rule.js'

/** Rejected attempts after which the champion lists the missing points instead. */
export const MAX_STEELMAN_ATTEMPTS = 3

/**
 * Who favours each option, by option id: its champion, and every participant whose G1 position
 * names it. A steelman of an option is made by someone who does not favour it. One definition for
 * the G4 gate, which asks for the steelmen, and the `debate/steelman` rule, which checks them: what
 * the gate asks for, lint accepts.
 */
export function favouredBy(record: Pick<DebateRecord, 'options' | 'roles'>): Map<string, Set<string>> {
  const fans = new Map<string, Set<string>>()
  const add = (id: string, name: string) => fans.set(id, (fans.get(id) ?? new Set()).add(name))
  for (const o of record.options ?? []) if (o.champion) add(o.id, o.champion)
  for (const p of record.roles.participants) {
    const option = findOption(record.options, p.initial_position)
    if (option) add(option.id, p.name)
  }
  return fans
}

/** Whether an option's steelman is done: one by a non-fan that the champion acknowledged, or, after the last rejected attempt, the points it missed. */
export function steelmanDone(option: Option, fans: ReadonlySet<string>): boolean {
  return (option.steelman ?? []).some(
    (s) => !fans.has(s.author) && (s.acknowledged || (s.attempts >= MAX_STEELMAN_ATTEMPTS && Boolean(s.missing_points))),
  )
}
