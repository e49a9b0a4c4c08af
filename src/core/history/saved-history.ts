import {EVENT_KINDS} from './event-kinds.js'
import type {FileDates} from './file-dates.js'
import type {HistoryState} from './history.js'

/**
 * What the history caches keep under `.git/adrgate/`, checked field by field when read back: a file
 * edited by hand, truncated, or written by another tool is no cache (it is rebuilt from git), never
 * a source of invented events or dates.
 */
export interface SavedPlaces {
  /** HEAD when it was written. */
  head: string
  /** The date of the first commit read (for the shallow-clone warning). */
  first?: string
  /** The ADR directory and the ones it was moved from, relative to the top level. */
  dirs: string[]
  /** Which of `dirs` hold each ADR file name. */
  present: [string, string[]][]
}

export interface SavedEvents extends SavedPlaces {
  state: HistoryState
  /** The ADR files whose last version's bytes are not UTF-8: warned about on every run, cached or not. */
  notUtf8?: NotUtf8[]
}

/** A version of an ADR whose bytes are not UTF-8: the file name then, the commit, and where (1-based byte and line). */
export interface NotUtf8 {
  file: string
  commit: string
  byte: number
  line: number
}

export interface SavedDates extends SavedPlaces {
  dates: [string, FileDates][]
}

export function isSavedEvents(value: unknown): value is SavedEvents {
  if (!isSavedPlaces(value)) return false
  const state = (value as {state?: unknown}).state
  if (!isRecord(state) || !Array.isArray(state.tracked) || !Array.isArray(state.events)) return false
  const count = state.tracked.length
  const notUtf8 = (value as {notUtf8?: unknown}).notUtf8
  if (notUtf8 !== undefined && !(Array.isArray(notUtf8) && notUtf8.every(isNotUtf8))) return false
  return state.tracked.every(isTracked) && state.events.every((e) => isEvent(e, count))
}

function isNotUtf8(n: unknown): boolean {
  return (
    isRecord(n) &&
    typeof n.file === 'string' &&
    typeof n.commit === 'string' &&
    SHA.test(n.commit) &&
    Number.isSafeInteger(n.byte) &&
    Number.isSafeInteger(n.line)
  )
}

export function isSavedDates(value: unknown): value is SavedDates {
  if (!isSavedPlaces(value)) return false
  const dates = (value as {dates?: unknown}).dates
  return Array.isArray(dates) && dates.every((d) => Array.isArray(d) && d.length === 2 && typeof d[0] === 'string' && isFileDates(d[1]))
}

const KINDS = new Set<string>(EVENT_KINDS)
const SHA = /^[0-9a-f]{40,64}$/

function isSavedPlaces(value: unknown): boolean {
  if (!isRecord(value) || typeof value.head !== 'string' || !SHA.test(value.head) || !optional(value.first, 'string')) return false
  const places = value.present
  return (
    isStringList(value.dirs) &&
    Array.isArray(places) &&
    places.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && isStringList(p[1]))
  )
}

function isTracked(t: unknown): boolean {
  if (!isRecord(t) || typeof t.adr !== 'string' || !isRecord(t.record) || !isRecord(t.version)) return false
  const r = t.record
  const recordOk =
    typeof r.adr === 'string' &&
    typeof r.title === 'string' &&
    typeof r.lastChanged === 'string' &&
    typeof r.deleted === 'boolean' &&
    typeof r.partial === 'boolean' &&
    optional(r.number, 'number') &&
    optional(r.status, 'string') &&
    optional(r.created, 'string')
  const v = t.version
  const versionOk =
    typeof v.title === 'string' &&
    typeof v.content === 'string' &&
    optional(v.number, 'number') &&
    optional(v.status, 'string') &&
    Array.isArray(v.links) &&
    v.links.every((l) => isRecord(l) && typeof l.key === 'string' && typeof l.relKey === 'string' && typeof l.target === 'string')
  return recordOk && versionOk
}

function isEvent(e: unknown, tracked: number): boolean {
  if (!isRecord(e) || typeof e.kind !== 'string' || !KINDS.has(e.kind)) return false
  if (typeof e.ref !== 'number' || !Number.isInteger(e.ref) || e.ref < 0 || e.ref >= tracked) return false
  if (typeof e.commit !== 'string' || !SHA.test(e.commit)) return false
  const texts = ['date', 'author', 'email', 'subject', 'title', 'file'].every((k) => typeof e[k] === 'string')
  return texts && optional(e.number, 'number') && ['from', 'to', 'rel', 'target'].every((k) => optional(e[k], 'string'))
}

function isFileDates(d: unknown): boolean {
  return (
    isRecord(d) && typeof d.lastChanged === 'string' && optional(d.created, 'string') && (d.deleted === undefined || d.deleted === true)
  )
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string')
}

function optional(value: unknown, type: 'string' | 'number'): boolean {
  return value === undefined || typeof value === type
}
