import {STATUSES, type Status} from './model.js'

/**
 * The ADR lifecycle (docs/architecture.md): proposed → accepted | rejected | superseded; accepted → deprecated |
 * superseded. Rejected, deprecated and superseded are final.
 */
export const TRANSITIONS: Record<Status, readonly Status[]> = {
  proposed: ['accepted', 'rejected', 'superseded'],
  accepted: ['deprecated', 'superseded'],
  rejected: [],
  deprecated: [],
  superseded: [],
}

export function isStatus(value: string | undefined): value is Status {
  return (STATUSES as readonly string[]).includes(value ?? '')
}

/** The statuses an ADR may move to from `from` (an unknown status may move to any known one). */
export function allowedTransitions(from: string | undefined): readonly Status[] {
  if (isStatus(from)) return TRANSITIONS[from]
  return STATUSES
}

/** `Accepted` → `accepted`; `Superceded by [2. X](…)` → `superseded`; `Draft` → `draft` (unknown, kept). */
export function normaliseStatus(text: string): string | undefined {
  const cleaned = text.replace(/[*_`]/g, '').trim().toLowerCase()
  if (!cleaned) return undefined
  const first = cleaned.split(/[\s:,.;([]/)[0].replace(/supercede/, 'supersede')
  if (isStatus(first)) return first
  return cleaned
}

/** `Superceded by` → `superseded by`, `Supercedes` → `supersedes`, `Amends` → `amends`. */
export function normaliseRel(rel: string): string {
  return rel
    .trim()
    .toLowerCase()
    .replace(/supercede/g, 'supersede')
    .replace(/[-_]+/g, ' ')
    .replace(/\s+/g, ' ')
}

/** Known relations and their reverses; `relates to` is its own reverse. */
const REVERSES: Record<string, string> = {
  supersedes: 'superseded by',
  amends: 'amended by',
  clarifies: 'clarified by',
  extends: 'extended by',
  'relates to': 'relates to',
  'depends on': 'depended on by',
}

export function reverseRel(rel: string): string | undefined {
  const key = normaliseRel(rel)
  if (REVERSES[key]) return REVERSES[key]
  return Object.entries(REVERSES).find(([, reverse]) => reverse === key)?.[0]
}
