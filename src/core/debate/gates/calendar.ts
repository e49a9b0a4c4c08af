import type {IsoDate} from '../record.js'

const ISO = /^\d{4}-\d{2}-\d{2}$/

/** A real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  if (!ISO.test(text)) return false
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** Calendar months, clamped to the month's last day (2026-01-31 + 1 month = 2026-02-28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`)
  const day = d.getUTCDate()
  d.setUTCDate(1)
  d.setUTCMonth(d.getUTCMonth() + months)
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()
  d.setUTCDate(Math.min(day, last))
  return d.toISOString().slice(0, 10)
}

export function checkDate(value: unknown): string | undefined {
  return isIsoDate(String(value)) ? undefined : `"${String(value)}" is not a date written YYYY-MM-DD`
}

/** Timebox defaults: a fast-track debate decides within 3 days, a full-track one within 14. */
export const TIMEBOX_DAYS = {fast: 3, full: 14} as const
/** Revisit caps: 3 months after the decision for a two-way door, 12 otherwise. */
export const REVISIT_MONTHS = {fast: 3, full: 12} as const
