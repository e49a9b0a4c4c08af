import * as nodeCrypto from 'node:crypto'
import {decisionContent} from '../adr/decision-content.js'
import type {FrontMatterCache} from '../adr/front-matter.js'
import type {Adr} from '../adr/model.js'
import {parseAdr} from '../adr/parse-adr.js'
import {type DirRef, qualifiedTarget} from '../adr/resolve-link.js'
import {detached} from '../detached.js'
import type {HistoryEventKind} from './event-kinds.js'
import {historyOfState} from './history-state.js'

/** One file change inside the ADR directory, in commit order. */
export interface HistoryChange {
  status: 'A' | 'M' | 'D' | 'R'
  /** The file name (no directory). */
  file: string
  /** The file name before a rename. */
  from?: string
  /** The file's text after the change (absent for a deletion), when `version` is not given. */
  text?: string
  /** The file after the change, already read with `readVersion` (lets a caller parse while git is still talking). */
  version?: AdrVersion
}

/** What the history needs of one version of an ADR: far smaller than the parsed `Adr`. */
export interface AdrVersion {
  number?: number
  title: string
  status?: string
  links: {key: string; relKey: string; target: string}[]
  /**
   * A digest (SHA-1, hex) of `decisionContent`: everything but status, links and revisit reviews. Only
   * compared, never shown, so the history cache keeps 40 characters an ADR, not its whole text.
   */
  content: string
}

/** Where an ADR directory stands among the workspace's directories: a link into another is named qualified (`platform/1`). */
export interface HistoryPlace {
  dir: DirRef
  dirs: readonly DirRef[]
}

/**
 * Reads one version with `parseAdr` (so every format works). Pass one cache to many calls: equal front
 * matter is parsed once. With `place`, a link into another ADR directory names its target qualified.
 * `readHistoryVersion` (history-version.ts) is its fast path.
 */
export function readVersion(text: string, file: string, frontMatterCache?: FrontMatterCache, place?: HistoryPlace): AdrVersion {
  const adr = parseAdr(text, file, {frontMatterCache})
  return versionOf(adr, file, decisionContent(adr), place)
}

/** The version of `file` whose title, number, status and links are read, and whose `decisionContent` is `content`. */
export function versionOf(
  read: Pick<Adr, 'number' | 'title' | 'status' | 'links'>,
  file: string,
  content: string,
  place?: HistoryPlace,
): AdrVersion {
  return {
    number: read.number,
    title: detached(read.title),
    status: read.status,
    links: read.links.map((l) => {
      const across = place && qualifiedTarget(place.dirs, {dir: place.dir, file}, l.target)
      if (across) return {key: `${l.relKey}|${across}`, relKey: l.relKey, target: across}
      return {
        key: linkKey(l),
        relKey: l.relKey,
        target: l.targetNumber !== undefined ? String(l.targetNumber) : detached(l.targetFile ?? l.target),
      }
    }),
    content: sha1(content),
  }
}

/**
 * SHA-1 in hex: one call where Node has `crypto.hash` (20.12 on), else a `Hash` object (the same
 * digest). Read off the namespace: a named import of `hash` would not link on an older Node 20.
 */
const oneShot = (nodeCrypto as {hash?: (algorithm: string, data: string, encoding: 'hex') => string}).hash
const sha1 = (text: string): string => (oneShot ? oneShot('sha1', text, 'hex') : nodeCrypto.createHash('sha1').update(text).digest('hex'))

export interface HistoryCommit {
  sha: string
  authorName: string
  authorEmail: string
  date: string
  subject: string
  /** The first commit of a shallow clone: what it shows is where the history starts, not what it created. */
  boundary?: boolean
  changes: HistoryChange[]
}

export interface HistoryEvent {
  kind: HistoryEventKind
  date: string
  commit: string
  author: string
  email: string
  subject: string
  /** The ADR's key: its file name at the end of the history (HEAD), or when last seen if deleted. */
  adr: string
  number?: number
  title: string
  /** The file name when the event happened. */
  file: string
  /** Status before (status changes), old file (renamed), old number (renumbered). */
  from?: string
  /** Status after (created, status changes), new file (renamed), new number (renumbered). */
  to?: string
  rel?: string
  target?: string
  /** In a workspace of several ADR directories: the name of the one the ADR lives in (`web`). */
  dir?: string
}

/** What the history knows about one ADR at its end. */
export interface AdrRecord {
  adr: string
  number?: number
  title: string
  status?: string
  created?: string
  lastChanged: string
  deleted: boolean
  /** Its creation lies before a shallow clone's first commit. */
  partial: boolean
}

export interface History {
  /** Oldest first. */
  events: HistoryEvent[]
  records: AdrRecord[]
}

interface Tracked {
  index: number
  key: {adr: string}
  record: AdrRecord
  version: AdrVersion
  links: Set<string>
}

/** Everything `buildHistory` needs to go on from where it stopped: plain data, to keep between runs. */
export interface HistoryState {
  tracked: {adr: string; record: AdrRecord; version: AdrVersion}[]
  /** Events with `adr` replaced by the index of their ADR in `tracked`. */
  events: (Omit<HistoryEvent, 'adr'> & {ref: number})[]
}

const LINK_EVENTS: Record<string, HistoryEventKind> = {supersedes: 'superseding', 'superseded by': 'superseded'}
const FINAL_AFTER_ACCEPTANCE = new Set(['accepted', 'deprecated', 'superseded'])

/**
 * Turns the commits that touched the ADR directory (oldest first) into events: created, status
 * changed, superseded / superseding, link added, renamed or renumbered, edited after acceptance,
 * deleted, restored. Every version is parsed with `parseAdr`, so every format works. Renames are
 * followed; a file added again under the name of a deleted ADR is that ADR restored, so its creation
 * stays the first one.
 */
export function buildHistory(commits: Iterable<HistoryCommit>, start?: HistoryState): History & {state: HistoryState} {
  const all: Tracked[] = (start?.tracked ?? []).map((t, index) => ({
    index,
    key: {adr: t.adr},
    record: {...t.record},
    version: t.version,
    links: new Set(t.version.links.map((l) => l.key)),
  }))
  const live = new Map<string, Tracked>(all.filter((t) => !t.record.deleted).map((t) => [t.key.adr, t]))
  /** The last ADR deleted under each file name. */
  const deleted = new Map<string, Tracked>(all.filter((t) => t.record.deleted).map((t) => [t.key.adr, t]))
  const events: HistoryState['events'] = [...(start?.events ?? [])]
  // most commits change a body, not the front matter: parse each distinct YAML text once
  const frontMatterCache: FrontMatterCache = new Map()
  let commit: HistoryCommit
  let change: HistoryChange
  // one function for every event (not one closure per change: thousands of changes in a cold read)
  const emit = (t: Tracked, v: AdrVersion | undefined, kind: HistoryEventKind, extra: Partial<HistoryEvent> = {}) => {
    // the first commit of a shallow clone creates nothing: it shows what was there when the history starts
    if (commit.boundary && kind !== 'first-seen') return
    const number = v ? v.number : t.record.number
    events.push({
      date: commit.date,
      commit: commit.sha,
      author: commit.authorName,
      email: commit.authorEmail,
      subject: commit.subject,
      kind,
      ref: t.index,
      number,
      title: v?.title ?? t.record.title,
      file: v ? change.file : t.key.adr,
      ...extra,
    })
  }
  for (commit of commits) {
    for (change of commit.changes) {
      const previous = change.status === 'R' && change.from !== undefined ? live.get(change.from) : live.get(change.file)
      if (change.status === 'D') {
        if (previous) {
          emit(previous, undefined, 'deleted')
          previous.record.deleted = true
          previous.record.lastChanged = commit.date
          live.delete(change.file)
          deleted.set(change.file, previous)
        }
        continue
      }
      const v = change.version ?? readVersion(change.text ?? '', change.file, frontMatterCache)
      // a file added again where one of its name was deleted is that ADR back: it keeps its first creation
      const gone = previous ? undefined : deleted.get(change.file)
      if (gone) {
        gone.record.deleted = false
        deleted.delete(change.file)
        live.set(change.file, gone)
        emit(gone, v, 'restored', {to: v.status})
        update(gone, v, commit.date)
        continue
      }
      if (!previous) {
        const record: AdrRecord = {adr: change.file, title: v.title, lastChanged: commit.date, deleted: false, partial: !!commit.boundary}
        const tracked: Tracked = {index: all.length, key: {adr: change.file}, record, version: v, links: new Set(v.links.map((l) => l.key))}
        if (!commit.boundary) record.created = commit.date
        live.set(change.file, tracked)
        all.push(tracked)
        emit(tracked, v, commit.boundary ? 'first-seen' : 'created', {to: v.status})
        for (const link of v.links) if (link.relKey === 'supersedes') emit(tracked, v, 'superseding', linkFields(link))
        update(tracked, v, commit.date)
        continue
      }
      if (change.status === 'R' && change.from !== undefined && change.from !== change.file) {
        live.delete(change.from)
        live.set(change.file, previous)
        previous.key.adr = change.file
        const oldNumber = previous.record.number
        if (oldNumber !== undefined && v.number !== undefined && oldNumber !== v.number) {
          emit(previous, v, 'renumbered', {from: String(oldNumber), to: String(v.number)})
        } else emit(previous, v, 'renamed', {from: change.from, to: change.file})
      }
      const before = previous.version
      const newLinks = v.links.filter((l) => !previous.links.has(l.key))
      if (v.status !== before.status) {
        if (v.status === 'superseded') {
          const by = newLinks.find((l) => l.relKey === 'superseded by')
          emit(previous, v, 'superseded', {from: before.status, to: v.status, ...(by ? linkFields(by) : {})})
        } else emit(previous, v, 'status-changed', {from: before.status, to: v.status})
      }
      const reportedBy = v.status === 'superseded' && before.status !== 'superseded'
      for (const link of newLinks) {
        if (link.relKey === 'superseded by' && reportedBy) continue
        emit(previous, v, LINK_EVENTS[link.relKey] ?? 'link-added', linkFields(link))
      }
      if (v.content !== before.content && FINAL_AFTER_ACCEPTANCE.has(before.status ?? '')) {
        emit(previous, v, 'edited-after-acceptance', {from: before.status})
      }
      update(previous, v, commit.date)
    }
  }
  const state: HistoryState = {
    tracked: all.map((t) => ({adr: t.key.adr, record: {...t.record, adr: t.key.adr}, version: t.version})),
    events,
  }
  return {...historyOfState(state), state}
}

function update(t: Tracked, v: AdrVersion, date: string): void {
  t.version = v
  t.links = new Set(v.links.map((l) => l.key))
  t.record.number = v.number
  t.record.title = v.title
  t.record.status = v.status
  t.record.lastChanged = date
}

function linkKey(link: Adr['links'][number]): string {
  return `${link.relKey}|${link.targetNumber ?? link.targetFile ?? link.target}`
}

function linkFields(link: AdrVersion['links'][number]): Pick<HistoryEvent, 'rel' | 'target'> {
  return {rel: link.relKey, target: link.target}
}
