import path from 'node:path'
import {listWorkspaceAdrFiles} from '../../adapters/adr-store.js'
import {type Git, type LogCommit, openGitAt, type RepositoryProbe} from '../../adapters/git/git.js'
import {openCatFile, readTexts} from '../../adapters/git/git-cat-file.js'
import {readHistoryCache, writeHistoryCache} from '../../adapters/history/history-cache.js'
import {dirRefOf, type Workspace} from '../../adapters/workspace.js'
import type {FrontMatterCache} from '../../core/adr/front-matter.js'
import type {DirRef} from '../../core/adr/resolve-link.js'
import {AdrError} from '../../core/errors.js'
import {type AdrChange, adrChanges, adrFileIn, loadPresence, type Presence, savePresence} from '../../core/history/adr-paths.js'
import {type FileDates, trackFileDates} from '../../core/history/file-dates.js'
import {
  type AdrVersion,
  buildHistory,
  type History,
  type HistoryChange,
  type HistoryCommit,
  type HistoryPlace,
  readVersion,
} from '../../core/history/history.js'
import {readHistoryVersion} from '../../core/history/history-version.js'
import {isSavedDates, isSavedEvents, type SavedDates, type SavedEvents} from '../../core/history/saved-history.js'
import {logAdrHistory} from './adr-log.js'
import {type LogSource, linearLogSource} from './linear-log.js'

export interface RepositoryHistory extends History {
  shallow: boolean
  /** Things the reader should know on stderr: a shallow clone, no commits yet. */
  warnings: string[]
}

export interface HistoryOptions {
  /** Called for every commit read, for a progress line on a terminal. */
  onProgress?: (commits: number) => void
  /**
   * Every ADR directory of the workspace (narrowed workspaces forget them): a link into another one is
   * named qualified in the events (`platform/1`).
   */
  dirs?: readonly DirRef[]
  /** adrgate's version: a cache written by another version is not reused. */
  version?: string
  /** `false` reads the history with the path-limited passes only (`ADRGATE_NO_FAST_PATHS=1`); see `linearLogSource`. */
  fastPaths?: boolean
}

/**
 * The decision history of the workspace's ADR directory: a bounded few `git log` passes (renames and
 * directory moves followed, `logAdrHistory`), every version read through one `git cat-file --batch`,
 * events built by the pure core. Read from the repository that holds the ADR directory (a submodule's own).
 */
export async function readHistory(ws: Workspace, options: HistoryOptions = {}): Promise<RepositoryHistory> {
  const git = openGitAt(ws.adrDir, ws.env)
  const probe = await git.probe().catch((error: unknown) => {
    if (!(error instanceof AdrError) || error.code !== 'NOT_A_GIT_REPOSITORY') throw error
    throw new AdrError('NOT_A_GIT_REPOSITORY', `The decision history comes from git, and ${ws.adrDir} is not inside a git repository`, {
      suggestions: ['Run the command inside the repository that holds the ADRs, or start one with `git init` and commit them.'],
    })
  })
  if (!probe.head) {
    return {
      events: [],
      records: [],
      shallow: false,
      warnings: ['There are no commits yet: the history starts with the first commit of the ADRs.'],
    }
  }
  const shallow = probe.shallow
  const head = probe.head
  // what an earlier run built up to its HEAD: only the commits since are read
  // one cache per ADR directory of a workspace of several (each would evict the other's)
  const cacheFile = path.join(
    probe.gitDir,
    'adrgate',
    ws.dirName === undefined ? 'history-events.json' : `history-events-${ws.dirName}.json`,
  )
  const dir = await git.repoPath(ws.adrDir)
  const own = dirRefOf(ws)
  const place: HistoryPlace | undefined = own && options.dirs ? {dir: own, dirs: options.dirs} : undefined
  const key = `${EVENTS_CACHE}|${options.version ?? ''}|${dir}|${shallow}${place ? `|${JSON.stringify(place.dirs)}` : ''}`
  const cached = await readHistoryCache(cacheFile, key, isSavedEvents)
  const resume = cached !== undefined && (cached.head === head || (await git.isAncestor(cached.head, head).catch(() => false)))
  let read: ReadCommits | undefined
  if (resume && cached.head !== head) {
    read = await readCommits(
      git,
      dir,
      shallow,
      {after: cached.head, dirs: cached.dirs, present: loadPresence(cached.present)},
      options,
      place,
    )
  }
  const fresh = !resume || (cached.head !== head && read === undefined)
  if (fresh) read = await readCommits(git, dir, shallow, {}, options, place)
  const history = buildHistory(read?.commits ?? [], fresh ? undefined : cached?.state)
  const first = fresh ? read?.first : cached?.first
  if (read) {
    const value: SavedEvents = {head, first, dirs: read.dirs, present: savePresence(read.present), state: history.state}
    await writeHistoryCache(cacheFile, key, value)
  }
  const warnings: string[] = []
  if (shallow) warnings.push(shallowWarning(first))
  if (history.records.length === 0) {
    warnings.push(`No commit has touched an ADR in ${path.relative(ws.cwd, ws.adrDir) || '.'} yet: there is no history to show.`)
  }
  return {events: history.events, records: history.records, shallow, warnings}
}

/** Bumped whenever the events or the saved state change shape or meaning. */
const EVENTS_CACHE = 'history-events/4'

export interface AdrDates {
  /** Date of the commit that created it (absent when a shallow clone does not reach it). */
  created?: string
  lastChanged?: string
  /** False for an ADR that is not committed yet. */
  committed: boolean
}

/**
 * For `adr list --long`: created and last-changed dates of every ADR file in the directory, by file
 * name: the first creation, through renames and directory moves. The same bounded `git log` passes as
 * `adr log` and no file contents, so it stays cheap.
 */
export async function adrDates(
  ws: Workspace,
  options: Pick<HistoryOptions, 'fastPaths'> = {},
): Promise<{dates: Record<string, AdrDates>; warnings: string[]}> {
  const files = await listWorkspaceAdrFiles(ws)
  const git = openGitAt(ws.adrDir, ws.env)
  let probe: RepositoryProbe
  try {
    probe = await git.probe()
  } catch (error) {
    if (error instanceof AdrError && error.code === 'NOT_A_GIT_REPOSITORY') return {dates: {}, warnings: []}
    throw error
  }
  const known = probe.head ? await datesAt(git, ws.adrDir, probe, options.fastPaths) : {dates: new Map<string, FileDates>()}
  const shallow = probe.shallow
  const dates: Record<string, AdrDates> = {}
  for (const file of files) {
    const d = known.dates.get(file)
    dates[file] =
      d && !d.deleted ? {...(d.created ? {created: d.created} : {}), lastChanged: d.lastChanged, committed: true} : {committed: false}
  }
  return {dates, warnings: shallow ? [shallowWarning(known.first)] : []}
}

const DATES_CACHE = 'history-dates/2'

/** The dates at HEAD: from `.git/adrgate/history-dates.json` and only the commits since it was written. */
async function datesAt(
  git: Git,
  adrDir: string,
  probe: RepositoryProbe,
  fastPaths?: boolean,
): Promise<{dates: Map<string, FileDates>; first?: string}> {
  const sha = probe.head as string
  const shallow = probe.shallow
  const dir = await git.repoPath(adrDir)
  const cacheFile = path.join(probe.gitDir, 'adrgate', 'history-dates.json')
  const key = `${DATES_CACHE}|${dir}|${shallow}`
  const cached = await readHistoryCache(cacheFile, key, isSavedDates)
  if (cached?.head === sha) return {dates: new Map(cached.dates), first: cached.first}
  const incremental = cached !== undefined && (await git.isAncestor(cached.head, sha).catch(() => false))
  let log = incremental
    ? await logAdrHistory(await logSource(git, cached.head, fastPaths), dir, {after: cached.head, dirs: cached.dirs})
    : undefined
  const resumed = log !== undefined
  log ??= (await logAdrHistory(await logSource(git, undefined, fastPaths), dir)) as NonNullable<typeof log>
  const present = resumed && cached ? loadPresence(cached.present) : new Map()
  const commits = log.commits.map((c) => ({
    date: c.date,
    boundary: shallow && c.parents.length === 0,
    changes: adrChanges(c.changes, log.dirs, present),
  }))
  const dates = trackFileDates(commits, resumed && cached ? new Map(cached.dates) : new Map())
  const first = resumed ? cached?.first : log.commits[0]?.date
  const value: SavedDates = {head: sha, first, dirs: log.dirs, present: savePresence(present), dates: [...dates]}
  await writeHistoryCache(cacheFile, key, value)
  return {dates, first}
}

/** Where `logAdrHistory` reads: one whole log when the fast path may and can be taken (`linearLogSource`), else git's passes. */
async function logSource(git: Git, after: string | undefined, fastPaths: boolean | undefined): Promise<LogSource> {
  return (fastPaths !== false && (await linearLogSource(git, {after}))) || git
}

function shallowWarning(first: string | undefined): string {
  return (
    `This is a shallow clone: the history before ${first?.slice(0, 10) ?? 'its first commit'} is missing, so creation dates and earlier status changes are not shown. ` +
    'Fetch the full history with `git fetch --unshallow`, or set `fetch-depth: 0` on actions/checkout.'
  )
}

/** How each version is read: `readHistoryVersion` (a fast path), or the parser's `readVersion` without fast paths. */
function versionReader(options: HistoryOptions): typeof readVersion {
  return options.fastPaths === false ? readVersion : readHistoryVersion
}

/** How many versions are asked of `git cat-file` at once while `git log` streams (see `CatFileOptions.batch`). */
const VERSION_BATCH = 256

interface ReadCommits {
  commits: HistoryCommit[]
  first?: string
  dirs: string[]
  present: Presence
}

/**
 * The log's commits as the core wants them: changes to ADR files, by name, wherever their directory
 * lived. Each version is asked of `git cat-file` and read (`versionReader`) as soon as `git log` prints
 * its commit, so parsing overlaps git's walk; a later pass (after a directory move was found) reuses
 * what was read. `undefined` when an incremental read found a move and must start over.
 */
async function readCommits(
  git: Git,
  dir: string,
  shallow: boolean,
  from: {after?: string; dirs?: string[]; present?: Presence},
  options: HistoryOptions,
  place?: HistoryPlace,
): Promise<ReadCommits | undefined> {
  const source = await logSource(git, from.after, options.fastPaths)
  if (source !== git) return readCommitsAtOnce(git, source, dir, shallow, from, options, place)
  let seen = 0
  // while git log streams, versions are asked for in batches (nothing awaits them yet); after it, at once
  const reader = openCatFile(await git.topLevel(), git.env, {batch: VERSION_BATCH})
  let streaming = true
  const frontMatterCache: FrontMatterCache = new Map()
  const read = versionReader(options)
  const versions = new Map<string, Promise<AdrVersion>>()
  const versionOf = (blob: string, file: string) => {
    const key = `${blob}\0${file}`
    let version = versions.get(key)
    if (!version) {
      version = reader.readText(blob).then((text) => read(text ?? '', file, frontMatterCache, place))
      versions.set(key, version)
      if (!streaming) reader.flush()
    }
    return version
  }
  const early = (c: LogCommit, dirs: readonly string[]) => {
    options.onProgress?.(++seen)
    for (const ch of c.changes) {
      const adr = ch.status === 'D' ? undefined : adrFileIn(dirs, ch.path)
      if (adr) versionOf(ch.blob, adr.name).catch(() => undefined) // awaited below, where a failure is reported
    }
  }
  try {
    const log = await logAdrHistory(git, dir, {after: from.after, dirs: from.dirs, onCommit: early})
    streaming = false
    reader.flush()
    if (!log) return undefined
    const present: Presence = from.present ?? new Map()
    const commits: HistoryCommit[] = []
    for (const c of log.commits) {
      const changes = adrChanges(c.changes, log.dirs, present)
      if (changes.length === 0) continue
      for (const change of changes) {
        if (change.blob !== undefined) change.version = await versionOf(change.blob, change.file)
        delete change.blob
      }
      commits.push(historyCommit(c, shallow, changes))
    }
    return {commits, first: log.commits[0]?.date, dirs: log.dirs, present}
  } finally {
    await reader.close()
  }
}

/**
 * FAST PATH of `readCommits` for the whole-log source (`linearLogSource`, ADR 33): that log is read
 * whole before the passes are answered, so there is no `git log` stream for the reads to overlap
 * with. Every version the commits need is asked of one `git cat-file --batch --buffer` once they are
 * known (`readTexts`: one buffer parsed once, instead of a promise and a pipe read per object), then
 * read as `readCommits` reads them: the same commits, changes and versions.
 */
async function readCommitsAtOnce(
  git: Git,
  source: LogSource,
  dir: string,
  shallow: boolean,
  from: {after?: string; dirs?: string[]; present?: Presence},
  options: HistoryOptions,
  place?: HistoryPlace,
): Promise<ReadCommits | undefined> {
  let seen = 0
  const log = await logAdrHistory(source, dir, {after: from.after, dirs: from.dirs, onCommit: () => options.onProgress?.(++seen)})
  if (!log) return undefined
  const present: Presence = from.present ?? new Map()
  const kept: {commit: LogCommit; changes: AdrChange[]}[] = []
  const blobs = new Map<string, number>()
  for (const c of log.commits) {
    const changes = adrChanges(c.changes, log.dirs, present)
    if (changes.length === 0) continue
    for (const change of changes) if (change.blob !== undefined && !blobs.has(change.blob)) blobs.set(change.blob, blobs.size)
    kept.push({commit: c, changes})
  }
  const texts = await readTexts(await git.topLevel(), git.env, [...blobs.keys()], options.fastPaths !== false)
  const frontMatterCache: FrontMatterCache = new Map()
  const read = versionReader(options)
  const versions = new Map<string, AdrVersion>()
  const commits: HistoryCommit[] = []
  for (const {commit: c, changes: found} of kept) {
    const changes: HistoryChange[] = []
    for (const {blob, ...change} of found) {
      if (blob !== undefined) {
        const key = `${blob}\0${change.file}`
        let version = versions.get(key)
        if (!version) {
          version = read(texts.text(blobs.get(blob) as number) ?? '', change.file, frontMatterCache, place)
          versions.set(key, version)
        }
        change.version = version
      }
      changes.push(change)
    }
    commits.push(historyCommit(c, shallow, changes))
  }
  return {commits, first: log.commits[0]?.date, dirs: log.dirs, present}
}

/** A commit of the log as the core reads it: who, when, why, its ADR changes; a shallow clone's first is a boundary. */
function historyCommit(c: LogCommit, shallow: boolean, changes: HistoryChange[]): HistoryCommit {
  const {sha, authorName, authorEmail, date, subject} = c
  return {sha, authorName, authorEmail, date, subject, boundary: shallow && c.parents.length === 0, changes}
}
