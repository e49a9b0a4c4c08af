import {AdrError} from '../errors.js'
import type {Adr, AdrFormat} from './model.js'
import {normaliseStatus, type StatusMap} from './status.js'

/** What `adr list` and `adr search` narrow the ADRs to; every field left out matches everything. */
export interface AdrFilter {
  /** Only ADRs with this status (`Accepted`, `accepted` and a team's own word all work). */
  status?: string
  /** Only ADRs carrying this tag (case-insensitive). */
  tag?: string
  /** Only ADRs dated on or after this day: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (the start of that period). */
  since?: string
  /** Only ADRs dated on or before this day: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (the end of that period). */
  until?: string
  /** Only ADRs one of whose deciders contains this text (case-insensitive: `alice` matches `Alice Martin`). */
  decider?: string
  /** Only ADRs written in this format. */
  format?: AdrFormat
}

/** Whether any field of the filter is set (a bare `adr list` may take its fast path only without one). */
export function isFiltered(filter: AdrFilter): boolean {
  return Object.values(filter).some((value) => value !== undefined)
}

const PERIOD = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/

/**
 * `--since`/`--until` checked before anything is read: a year, a month or a day, written as ISO 8601
 * (`2026`, `2026-03`, `2026-03-15`), and a real one.
 */
export function assertPeriod(flag: '--since' | '--until', value: string | undefined): void {
  if (value === undefined) return
  const m = PERIOD.exec(value.trim())
  const month = m?.[2] === undefined ? 1 : Number(m[2])
  const day = m?.[3] === undefined ? 1 : Number(m[3])
  const real = m && month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate()
  if (!real) {
    throw new AdrError(
      'INVALID_ARGUMENT',
      `Unexpected ${flag} ${JSON.stringify(value)}, expected a year, month or day as YYYY, YYYY-MM or YYYY-MM-DD`,
      {
        suggestions: [`${flag} 2026-03-15, ${flag} 2026-03 or ${flag} 2026`],
      },
    )
  }
}

/** The day an ADR is dated, `YYYY-MM-DD`, when its date is written that way (times after it are ignored). */
export function isoDay(date: string | undefined): string | undefined {
  return date && /^\d{4}-\d{2}-\d{2}/.test(date.trim()) ? date.trim().slice(0, 10) : undefined
}

/** The filter as a predicate over parsed ADRs. An ADR without an ISO date never matches `since` or `until`. */
export function matchesFilter(
  filter: AdrFilter,
  statuses?: StatusMap,
): (adr: Pick<Adr, 'status' | 'tags' | 'deciders' | 'format' | 'date'>) => boolean {
  const status = filter.status === undefined ? undefined : normaliseStatus(filter.status, statuses)
  const tag = filter.tag?.trim().toLowerCase()
  const decider = filter.decider?.trim().toLowerCase()
  const since = filter.since?.trim()
  const until = filter.until?.trim()
  return (adr) => {
    if (status !== undefined && adr.status !== status) return false
    if (tag && !adr.tags.some((t) => t.toLowerCase() === tag)) return false
    if (decider && !adr.deciders.some((d) => d.toLowerCase().includes(decider))) return false
    if (filter.format !== undefined && adr.format !== filter.format) return false
    if (since !== undefined || until !== undefined) {
      // a prefix compare: --since 2026-03 is every day from 2026-03-01, --until 2026-03 every day to 2026-03-31
      const day = isoDay(adr.date)
      if (!day) return false
      if (since !== undefined && day.slice(0, since.length) < since) return false
      if (until !== undefined && day.slice(0, until.length) > until) return false
    }
    return true
  }
}
