import type {Adr} from '../adr/model.js'
import {formatAdrLabel} from '../adr/render-toc.js'
import {findLinkTarget, indexAdrs} from '../adr/resolve-link.js'
import {normaliseRel, reverseRel} from '../adr/status.js'
import type {DebateRecord} from '../debate/record.js'
import type {AdrRecord, HistoryEvent} from '../history/history.js'

/** One ADR as the site shows it. */
export interface SiteEntry {
  adr: Adr
  /** `adr/0004-use-postgresql.html`, relative to the site's root (never URL-encoded: `pageHref` does that). */
  page: string
  /** `4. Use PostgreSQL`. */
  label: string
  status: string
  /** Where it lives, relative to the repository (`docs/adr`): the "package" of a monorepo. */
  dir: string
  /** The file's path in the repository (`docs/adr/0004-use-postgresql.md`), for source links. */
  sourcePath: string
  created?: string
  lastChanged?: string
  /** Typed links, both ways, each once. */
  links: SiteLink[]
  /** The ADR that replaced it (superseded), when known. */
  successor?: SiteEntry
  /** Its history from git, newest first. */
  events: HistoryEvent[]
  debate?: DebateRecord
}

export interface SiteLink {
  /** `supersedes`, `superseded by`, `amends` … (the relation as it reads from this ADR). */
  rel: string
  /** The ADR at the other end, when it is in the site. */
  target?: SiteEntry
  /** The target as written, when it is not (a dangling link). */
  text: string
  /** `written`: this ADR's own file says it; `reverse`: only the other ADR does. */
  origin: 'written' | 'reverse'
}

export interface SiteInput {
  adrs: readonly Adr[]
  events: readonly HistoryEvent[]
  records: readonly AdrRecord[]
  /** Debate records by ADR file name. */
  debates: ReadonlyMap<string, DebateRecord>
  /** The ADR directory relative to the repository root, POSIX separators (`docs/adr`, `''` at the root). */
  dir: string
}

export interface SiteModel {
  entries: SiteEntry[]
  /** Every event, newest first. */
  events: HistoryEvent[]
  /** ADRs per status, in lifecycle order then the others. */
  counts: {status: string; count: number}[]
  byFile: ReadonlyMap<string, SiteEntry>
}

const ORDER = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded']

/** The page of an ADR: its file name with `.html` for `.md`, under `adr/`. */
export function pageOf(file: string): string {
  return `adr/${file.replace(/\.md$/i, '')}.html`
}

/**
 * A site-relative path as an href from a page `depth` folders down, each segment URL-encoded. The
 * only folder is `adr/`, so from an ADR page (depth 1) another ADR page is just its file name.
 */
export function pageHref(page: string, depth = 0): string {
  const encoded = page.split('/').map(encodeURIComponent).join('/')
  if (depth === 1 && encoded.startsWith('adr/')) return encoded.slice(4)
  return '../'.repeat(depth) + encoded
}

/** One pass over the ADRs and one over the history: entries with links both ways, successors, events. */
export function buildSiteModel(input: SiteInput): SiteModel {
  const prefix = input.dir ? `${input.dir}/` : ''
  const records = new Map(input.records.map((r) => [r.adr, r]))
  const eventsByAdr = new Map<string, HistoryEvent[]>()
  const events = [...input.events].reverse()
  for (const e of events) {
    const list = eventsByAdr.get(e.adr)
    if (list) list.push(e)
    else eventsByAdr.set(e.adr, [e])
  }
  const entries: SiteEntry[] = input.adrs.map((adr) => {
    const record = records.get(adr.file)
    return {
      adr,
      page: pageOf(adr.file),
      label: formatAdrLabel(adr),
      status: adr.status ?? 'unknown',
      dir: input.dir || '.',
      sourcePath: `${prefix}${adr.file}`,
      created: record?.created,
      lastChanged: record?.lastChanged,
      links: [],
      events: eventsByAdr.get(adr.file) ?? [],
      debate: input.debates.get(adr.file),
    }
  })
  const byAdr = new Map(entries.map((e) => [e.adr, e]))
  const byFile = new Map(entries.map((e) => [e.adr.file, e]))
  const index = indexAdrs(input.adrs)
  const seen = new Map<SiteEntry, Set<string>>(entries.map((e) => [e, new Set()]))
  const add = (from: SiteEntry, link: SiteLink) => {
    const key = `${normaliseRel(link.rel)}\0${link.target?.page ?? link.text}`
    const keys = seen.get(from) as Set<string>
    if (keys.has(key)) return
    keys.add(key)
    from.links.push(link)
  }
  for (const entry of entries) {
    for (const link of entry.adr.links) {
      const target = findLinkTarget(index, link)
      const to = target ? byAdr.get(target) : undefined
      add(entry, {rel: normaliseRel(link.rel), target: to, text: link.label ?? link.target, origin: 'written'})
    }
  }
  // the other side of every written link, where that ADR's file does not say it
  for (const entry of entries) {
    for (const link of [...entry.links]) {
      if (!link.target || link.origin !== 'written') continue
      const reverse = reverseRel(link.rel)
      if (reverse) add(link.target, {rel: reverse, target: entry, text: entry.label, origin: 'reverse'})
    }
  }
  for (const entry of entries) {
    entry.successor = entry.links.find((l) => l.rel === 'superseded by' && l.target)?.target
    if (!entry.successor && entry.status === 'superseded') {
      const named = supersededByText(entry.adr.statusText)
      if (named) entry.successor = entries.find((e) => e.adr.number === named)
    }
  }
  return {entries, events, counts: countStatuses(entries), byFile}
}

/** `Superseded by ADR 7` in a status line. */
function supersededByText(text: string | undefined): number | undefined {
  const m = text?.match(/super[cs]eded by\D*(\d+)/i)
  return m ? Number(m[1]) : undefined
}

function countStatuses(entries: readonly SiteEntry[]): {status: string; count: number}[] {
  const counts = new Map<string, number>()
  for (const e of entries) counts.set(e.status, (counts.get(e.status) ?? 0) + 1)
  const rank = (s: string) => (ORDER.includes(s) ? ORDER.indexOf(s) : ORDER.length)
  return [...counts].sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0])).map(([status, count]) => ({status, count}))
}
