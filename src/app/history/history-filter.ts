import {loadAdrs} from '../../adapters/adr-store.js'
import type {Workspace} from '../../adapters/workspace.js'
import type {Adr} from '../../core/adr/model.js'
import {resolveRef} from '../../core/adr/resolve-ref.js'
import {normaliseStatus} from '../../core/adr/status.js'
import {AdrError} from '../../core/errors.js'
import type {AdrRecord, HistoryEvent} from '../../core/history/history.js'

export interface LogFilters {
  /** One ADR: a number, file name or part of its title. */
  ref?: string
  /** `YYYY-MM-DD` or an ISO date-time: events on or after it. */
  since?: string
  /** `YYYY-MM-DD` (the whole day) or an ISO date-time: events on or before it. */
  until?: string
  /** Part of the author's name or email, any case. */
  author?: string
  /** Events that moved an ADR to this status (or created it with it). */
  status?: string
}

export interface LogResult {
  /** Newest first. */
  events: HistoryEvent[]
  /** The ADR a ref named (with its directory's name, in a workspace of several). */
  adr?: {number?: number; title: string; file: string; dir?: string}
  shallow: boolean
  warnings: string[]
}

const STATUS_KINDS = new Set(['created', 'status-changed', 'superseded'])

/**
 * Filters in JS (nothing a user typed reaches git), and orders newest first by the date each event
 * shows (an author date: a rebased or cherry-picked commit can be older than its parent), then by
 * the order of the commits in history, keeping each commit's own order.
 */
export function filterEvents(events: readonly HistoryEvent[], filters: LogFilters, adr?: string): HistoryEvent[] {
  const since = filters.since === undefined ? undefined : parseBound(filters.since, 'since')
  const until = filters.until === undefined ? undefined : parseBound(filters.until, 'until')
  const author = filters.author?.toLowerCase()
  const status = filters.status === undefined ? undefined : normaliseStatus(filters.status)
  const commitOrder = new Map<string, number>()
  events.forEach((e, i) => {
    if (!commitOrder.has(e.commit)) commitOrder.set(e.commit, i)
  })
  return events
    .map((e, i) => ({e, i, time: Date.parse(e.date)}))
    .filter(({e, time}) => {
      if (adr !== undefined && e.adr !== adr) return false
      if (since !== undefined && time < since) return false
      if (until !== undefined && time > until) return false
      if (author && !e.author.toLowerCase().includes(author) && !e.email.toLowerCase().includes(author)) return false
      if (status !== undefined && !(STATUS_KINDS.has(e.kind) && e.to === status)) return false
      return true
    })
    .sort((a, b) => b.time - a.time || (commitOrder.get(b.e.commit) ?? 0) - (commitOrder.get(a.e.commit) ?? 0) || a.i - b.i)
    .map(({e}) => e)
}

function parseBound(text: string, which: 'since' | 'until'): number {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text.trim())
  const time = Date.parse(dateOnly ? `${text.trim()}T${which === 'since' ? '00:00:00.000' : '23:59:59.999'}Z` : text.trim())
  if (Number.isNaN(time)) {
    throw new AdrError('INVALID_ARGUMENT', `--${which} "${text}" is not a date`, {
      suggestions: [`Write it as YYYY-MM-DD (e.g. --${which} 2026-01-31) or an ISO date-time (2026-01-31T12:00:00Z).`],
    })
  }
  return time
}

/** The ADR a ref names: one on disk, or else one the history knows (a deleted ADR). */
export async function resolveLogRef(
  ws: Workspace,
  ref: string,
  records: readonly AdrRecord[],
): Promise<{number?: number; title: string; file: string}> {
  const onDisk = await loadAdrs(ws)
    .then((l) => l.adrs)
    .catch(() => [] as Adr[])
  try {
    const adr = resolveRef(onDisk, ref)
    return {number: adr.number, title: adr.title, file: adr.file}
  } catch (error) {
    if (!(error instanceof AdrError) || error.code !== 'ADR_NOT_FOUND') throw error
    const known = records.filter((r) => !onDisk.some((a) => a.file === r.adr)).map(recordAsAdr)
    try {
      const adr = resolveRef(known, ref)
      return {number: adr.number, title: adr.title, file: adr.file}
    } catch {
      throw error
    }
  }
}

function recordAsAdr(r: AdrRecord): Adr {
  return {
    file: r.adr,
    number: r.number,
    title: r.title,
    status: r.status,
    deciders: [],
    consulted: [],
    informed: [],
    tags: [],
    links: [],
    sections: [],
    format: 'madr',
    problems: [],
    text: '',
  }
}
