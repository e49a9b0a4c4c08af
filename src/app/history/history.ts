import path from 'node:path'
import {listWorkspaceAdrFiles} from '../../adapters/adr-store.js'
import {type Git, type LogCommit, openGit, type RepositoryProbe} from '../../adapters/git/git.js'
import {openCatFile} from '../../adapters/git/git-cat-file.js'
import {readHistoryCache, writeHistoryCache} from '../../adapters/history/history-cache.js'
import type {Workspace} from '../../adapters/workspace.js'
import {isAdrFileName} from '../../core/adr/file-name.js'
import type {FrontMatterCache} from '../../core/adr/front-matter.js'
import {AdrError} from '../../core/errors.js'
import {type FileDates, trackFileDates} from '../../core/history/file-dates.js'
import {
  type AdrVersion,
  buildHistory,
  type History,
  type HistoryChange,
  type HistoryCommit,
  type HistoryState,
  readVersion,
} from '../../core/history/history.js'
import {filterEvents, type LogFilters, type LogResult, resolveLogRef} from './history-filter.js'

export type {LogFilters, LogResult} from './history-filter.js'

export interface RepositoryHistory extends History {
  shallow: boolean
  /** Things the reader should know on stderr: a shallow clone, no commits yet. */
  warnings: string[]
}

export interface HistoryOptions {
  /** Called for every commit read, for a progress line on a terminal. */
  onProgress?: (commits: number) => void
  /** adrgate's version: a cache written by another version is not reused. */
  version?: string
}

/**
 * The decision history of the workspace's ADR directory: one `git log` pass (renames followed),
 * every version read through one `git cat-file --batch`, events built by the pure core.
 */
export async function readHistory(ws: Workspace, options: HistoryOptions = {}): Promise<RepositoryHistory> {
  const git = openGit(ws.cwd)
  const probe = await git.probe().catch((error: unknown) => {
    if (!(error instanceof AdrError) || error.code !== 'NOT_A_GIT_REPOSITORY') throw error
    throw new AdrError('NOT_A_GIT_REPOSITORY', `The decision history comes from git, and ${ws.cwd} is not inside a git repository`, {
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
  const cacheFile = path.join(probe.gitDir, 'adrgate', 'history-events.json')
  const key = `${EVENTS_CACHE}|${options.version ?? ''}|${await git.repoPath(ws.adrDir)}|${shallow}`
  const cached = await readHistoryCache<{head: string; first?: string; state: HistoryState}>(cacheFile, key)
  const resume = cached !== undefined && (cached.head === head || (await git.isAncestor(cached.head, head).catch(() => false)))
  const read =
    resume && cached.head === head
      ? {commits: []}
      : await readCommits(git, ws.adrDir, shallow, resume ? cached.head : undefined, options.onProgress)
  const history = buildHistory(read.commits, resume ? cached.state : undefined)
  const first = resume ? cached.first : read.first
  if (!resume || cached.head !== head) await writeHistoryCache(cacheFile, key, {head, first, state: history.state})
  const warnings: string[] = []
  if (shallow) warnings.push(shallowWarning(first))
  if (history.records.length === 0) {
    warnings.push(`No commit has touched an ADR in ${path.relative(ws.cwd, ws.adrDir) || '.'} yet: there is no history to show.`)
  }
  return {events: history.events, records: history.records, shallow, warnings}
}

/** Bumped whenever the events or the saved state change shape or meaning. */
const EVENTS_CACHE = 'history-events/1'

/** `adr log`: the events, newest first, filtered; with a ref, that ADR's only. */
export async function adrLog(ws: Workspace, filters: LogFilters = {}, options: HistoryOptions = {}): Promise<LogResult> {
  const history = await readHistory(ws, options)
  const adr = filters.ref === undefined ? undefined : await resolveLogRef(ws, filters.ref, history.records)
  const events = filterEvents(history.events, filters, adr?.file)
  const warnings = [...history.warnings]
  if (adr && !history.records.some((r) => r.adr === adr.file)) warnings.push(`${adr.file} has not been committed yet: it has no history.`)
  return {events, ...(adr ? {adr} : {}), shallow: history.shallow, warnings}
}

export interface AdrDates {
  /** Date of the commit that created it (absent when a shallow clone does not reach it). */
  created?: string
  lastChanged?: string
  /** False for an ADR that is not committed yet. */
  committed: boolean
}

/**
 * For `adr list --long`: created and last-changed dates of every ADR file in the directory, by file
 * name. One `git log` pass and no file contents, so it stays cheap.
 */
export async function adrDates(ws: Workspace): Promise<{dates: Record<string, AdrDates>; warnings: string[]}> {
  const files = await listWorkspaceAdrFiles(ws)
  const git = openGit(ws.cwd)
  let probe: RepositoryProbe
  try {
    probe = await git.probe()
  } catch (error) {
    if (error instanceof AdrError && error.code === 'NOT_A_GIT_REPOSITORY') return {dates: {}, warnings: []}
    throw error
  }
  const known = probe.head ? await datesAt(git, ws.adrDir, probe) : {dates: new Map<string, FileDates>()}
  const shallow = probe.shallow
  const dates: Record<string, AdrDates> = {}
  for (const file of files) {
    const d = known.dates.get(file)
    dates[file] = d ? {...d, committed: true} : {committed: false}
  }
  return {dates, warnings: shallow ? [shallowWarning(known.first)] : []}
}

const DATES_CACHE = 'history-dates/1'

/** The dates at commit `sha`: from `.git/adrgate/history-dates.json` and only the commits since it was written. */
async function datesAt(git: Git, adrDir: string, probe: RepositoryProbe): Promise<{dates: Map<string, FileDates>; first?: string}> {
  const sha = probe.head as string
  const shallow = probe.shallow
  const dir = await git.repoPath(adrDir)
  const cacheFile = path.join(probe.gitDir, 'adrgate', 'history-dates.json')
  const key = `${DATES_CACHE}|${dir}|${shallow}`
  const cached = await readHistoryCache<{head: string; first?: string; dates: [string, FileDates][]}>(cacheFile, key)
  if (cached?.head === sha) return {dates: new Map(cached.dates), first: cached.first}
  const incremental = cached !== undefined && (await git.isAncestor(cached.head, sha).catch(() => false))
  const log = await git.logDirectory(adrDir, undefined, incremental ? {after: cached.head} : {})
  const commits = log.map((c) => ({date: c.date, boundary: shallow && c.parents.length === 0, changes: dirChanges(c, dir)}))
  const dates = trackFileDates(commits, incremental ? new Map(cached.dates) : new Map())
  const first = incremental ? cached.first : log[0]?.date
  await writeHistoryCache(cacheFile, key, {head: sha, first, dates: [...dates]})
  return {dates, first}
}

/** A commit's changes to ADR files directly in `dir`: a rename from elsewhere is an addition, a rename away a deletion. */
function dirChanges(c: LogCommit, dir: string): (HistoryChange & {blob?: string})[] {
  const inDir = (p: string | undefined) =>
    p !== undefined && path.posix.dirname(p) === (dir || '.') && isAdrFileName(path.posix.basename(p))
  const changes: (HistoryChange & {blob?: string})[] = []
  for (const ch of c.changes) {
    const from = ch.status === 'R' && inDir(ch.from) ? path.posix.basename(ch.from as string) : undefined
    if (!inDir(ch.path)) {
      if (from) changes.push({status: 'D', file: from})
      continue
    }
    const file = path.posix.basename(ch.path)
    const status = ch.status === 'D' ? 'D' : ch.status === 'R' ? (from ? 'R' : 'A') : ch.status === 'C' || ch.status === 'A' ? 'A' : 'M'
    changes.push({status, file, ...(from ? {from} : {}), ...(status === 'D' ? {} : {blob: ch.blob})})
  }
  return changes
}

function shallowWarning(first: string | undefined): string {
  return (
    `This is a shallow clone: the history before ${first?.slice(0, 10) ?? 'its first commit'} is missing, so creation dates and earlier status changes are not shown. ` +
    'Fetch the full history with `git fetch --unshallow`, or set `fetch-depth: 0` on actions/checkout.'
  )
}

/**
 * The log's commits as the core wants them: ADR files of the directory only. Each version is asked of
 * `git cat-file` and read (`readVersion`) as soon as `git log` prints its commit, so parsing overlaps git's walk.
 */
async function readCommits(
  git: Git,
  adrDir: string,
  shallow: boolean,
  after?: string,
  onProgress?: (commits: number) => void,
): Promise<{commits: HistoryCommit[]; first?: string}> {
  let seen = 0
  const dir = await git.repoPath(adrDir)
  const reader = openCatFile(await git.topLevel())
  const frontMatterCache: FrontMatterCache = new Map()
  const versions = new Map<string, Promise<AdrVersion>>()
  const pending = new Map<string, {commit: HistoryCommit; waits: {change: HistoryChange; key: string}[]}>()
  const collect = (c: LogCommit) => {
    onProgress?.(++seen)
    const changes = dirChanges(c, dir)
    if (changes.length === 0) return
    const waits: {change: HistoryChange; key: string}[] = []
    for (const change of changes) {
      if (change.blob === undefined) continue
      const key = `${change.blob}\0${change.file}`
      const file = change.file
      if (!versions.has(key))
        versions.set(
          key,
          reader.readText(change.blob).then((text) => readVersion(text ?? '', file, frontMatterCache)),
        )
      waits.push({change, key})
      delete change.blob
    }
    const {sha, authorName, authorEmail, date, subject} = c
    pending.set(sha, {commit: {sha, authorName, authorEmail, date, subject, boundary: shallow && c.parents.length === 0, changes}, waits})
  }
  try {
    const log = await git.logDirectory(adrDir, collect, after ? {after} : {})
    const commits: HistoryCommit[] = []
    for (const c of log) {
      const entry = pending.get(c.sha)
      if (!entry) continue
      for (const w of entry.waits) w.change.version = await (versions.get(w.key) as Promise<AdrVersion>)
      commits.push(entry.commit)
    }
    return {commits, first: log[0]?.date}
  } finally {
    await reader.close()
  }
}
