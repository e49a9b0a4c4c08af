import type {Adr} from '../adr/model.js'
import {formatAdrLabel} from '../adr/render-toc.js'
import {type AdrIndex, findLinkTargetIn, indexAdrs, indexWorkspace} from '../adr/resolve-link.js'
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
  /**
   * The ADRs; in a repository of several ADR directories each carries its directory (`adr.dir`: its
   * name, and its path relative to the repository root), and its page is under `adr/<name>/`.
   */
  adrs: readonly Adr[]
  /** Events carry `dir` in a repository of several directories. */
  events: readonly HistoryEvent[]
  records: readonly (AdrRecord & {dir?: string})[]
  /** Debate records by `entryKey(directory name, ADR file name)`. */
  debates: ReadonlyMap<string, DebateRecord>
  /** The ADR directory relative to the repository root, POSIX separators (`docs/adr`, `''` at the root); ADRs with a `dir` carry their own. */
  dir: string
}

export interface SiteModel {
  entries: SiteEntry[]
  /** Every event, newest first. */
  events: HistoryEvent[]
  /** ADRs per status, in lifecycle order then the others. */
  counts: {status: string; count: number}[]
  /** By `entryKey(directory name, file name)`: an event's ADR is `byFile.get(entryKey(e.dir, e.adr))`. */
  byFile: ReadonlyMap<string, SiteEntry>
}

/** An ADR's key in the site: its file name, after its directory's name in a repository of several. */
export function entryKey(dir: string | undefined, file: string): string {
  return dir === undefined ? file : `${dir}/${file}`
}

const ORDER = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded']

/** The page of an ADR: its file name with `.html` for `.md`, under `adr/` (and its directory's name, in a repository of several). */
export function pageOf(file: string, dir?: string): string {
  return `adr/${dir === undefined ? '' : `${dir}/`}${file.replace(/\.md$/i, '')}.html`
}

/** How many folders below the site root a page is (`adr/x.html`: 1, `adr/web/x.html`: 2). */
export function pageDepth(page: string): number {
  return page.split('/').length - 1
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
  const records = new Map(input.records.map((r) => [entryKey(r.dir, r.adr), r]))
  const eventsByAdr = new Map<string, HistoryEvent[]>()
  const events = [...input.events].reverse()
  for (const e of events) {
    const key = entryKey(e.dir, e.adr)
    const list = eventsByAdr.get(key)
    if (list) list.push(e)
    else eventsByAdr.set(key, [e])
  }
  const entries: SiteEntry[] = input.adrs.map((adr) => {
    const key = entryKey(adr.dir?.name, adr.file)
    const record = records.get(key)
    const dir = adr.dir ? adr.dir.path : input.dir
    return {
      adr,
      page: pageOf(adr.file, adr.dir?.name),
      label: adr.dir ? `${adr.dir.name}/${formatAdrLabel(adr)}` : formatAdrLabel(adr),
      status: adr.status ?? 'unknown',
      dir: dir || '.',
      sourcePath: `${dir && dir !== '.' ? `${dir}/` : ''}${adr.file}`,
      created: record?.created,
      lastChanged: record?.lastChanged,
      links: [],
      events: eventsByAdr.get(key) ?? [],
      debate: input.debates.get(key),
    }
  })
  const byAdr = new Map(entries.map((e) => [e.adr, e]))
  const byFile = new Map(entries.map((e) => [entryKey(e.adr.dir?.name, e.adr.file), e]))
  // links resolve inside the ADR's own directory (or across, by a path that names another's file)
  const workspace = indexWorkspace(input.adrs)
  const sameDir = new Map<string | undefined, AdrIndex>()
  const indexOf = (adr: Adr) => {
    const name = adr.dir?.name
    let index = sameDir.get(name)
    if (!index) {
      index = indexAdrs(name === undefined ? input.adrs : input.adrs.filter((a) => a.dir?.name === name))
      sameDir.set(name, index)
    }
    return index
  }
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
      const target = findLinkTargetIn(indexOf(entry.adr), workspace, entry.adr, link)
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
      if (named) entry.successor = entries.find((e) => e.adr.number === named && e.adr.dir?.name === entry.adr.dir?.name)
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
