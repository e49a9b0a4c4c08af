import path from 'node:path'
import {type Git, openGitAt, type RepositoryProbe} from '../../adapters/git/git.js'
import {readHistoryCache} from '../../adapters/history/history-cache.js'
import {dirRefOf, type Workspace} from '../../adapters/workspace.js'
import type {DirRef} from '../../core/adr/resolve-link.js'
import {AdrError} from '../../core/errors.js'
import type {History, HistoryPlace} from '../../core/history/history.js'
import {historyOfState} from '../../core/history/history-state.js'
import {isSavedEvents, type NotUtf8, type SavedEvents} from '../../core/history/saved-history.js'

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

/** What `readHistory` knows before it reads a commit: the repository at HEAD, and what its cache holds. */
export interface OpenedHistory {
  git: Git
  head: string
  shallow: boolean
  /** The ADR directory, relative to the top level. */
  dir: string
  place?: HistoryPlace
  cacheFile: string
  key: string
  /** The cache's value, when it is there, keyed as this run keys it, and well formed. */
  cached?: SavedEvents
}

/**
 * The decision history of the workspace's ADR directory: a bounded few `git log` passes (renames and
 * directory moves followed, `logAdrHistory`), every version read through one `git cat-file --batch`,
 * events built by the pure core. Read from the repository that holds the ADR directory (a submodule's own).
 *
 * What an earlier run built up to its HEAD is kept in `.git/adrgate/` and only the commits since are
 * read (history.ts). A cache written at HEAD answers alone: that module, git's log and object readers
 * and the ADR parser are loaded only when there is a commit to read (ADR 42).
 */
export async function readHistory(ws: Workspace, options: HistoryOptions = {}): Promise<RepositoryHistory> {
  const opened = await openHistory(ws, options)
  if (!('git' in opened)) return opened
  const {cached} = opened
  if (cached?.head === opened.head) return finishHistory(ws, opened.shallow, historyOfState(cached.state), cached.first, cached.notUtf8)
  const {readHistorySince} = await import('./history.js')
  return readHistorySince(ws, opened, options)
}

/** The repository's HEAD and the cache's value; a repository with no commit yet is its (empty) history already. */
async function openHistory(ws: Workspace, options: HistoryOptions): Promise<OpenedHistory | RepositoryHistory> {
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
  // one cache per ADR directory of a workspace of several (each would evict the other's)
  const cacheFile = path.join(
    probe.gitDir,
    'adrgate',
    ws.dirName === undefined ? 'history-events.json' : `history-events-${ws.dirName}.json`,
  )
  const dir = await git.repoPath(ws.adrDir)
  const own = dirRefOf(ws)
  const place: HistoryPlace | undefined = own && options.dirs ? {dir: own, dirs: options.dirs} : undefined
  const key = `${EVENTS_CACHE}|${options.version ?? ''}|${dir}|${shallowKey(probe)}${place ? `|${JSON.stringify(place.dirs)}` : ''}`
  const cached = await readHistoryCache(cacheFile, key, isSavedEvents)
  return {git, head: probe.head, shallow, dir, place, cacheFile, key, cached}
}

/** Bumped whenever the events or the saved state change shape or meaning. */
const EVENTS_CACHE = 'history-events/5'

/** The history with what the reader should know on stderr: a shallow clone, an ADR that is not UTF-8, no ADR committed yet. */
export function finishHistory(
  ws: Workspace,
  shallow: boolean,
  history: History,
  first: string | undefined,
  notUtf8: readonly NotUtf8[] = [],
): RepositoryHistory {
  const warnings: string[] = []
  if (shallow) warnings.push(shallowWarning(first))
  for (const bad of notUtf8) warnings.push(notUtf8Warning(bad))
  if (history.records.length === 0) {
    warnings.push(`No commit has touched an ADR in ${path.relative(ws.cwd, ws.adrDir) || '.'} yet: there is no history to show.`)
  }
  return {events: history.events, records: history.records, shallow, warnings}
}

/**
 * An ADR whose last version in git is not UTF-8: the history shows what it could decode, the bytes
 * that are not as U+FFFD. Said on every run (a cached history warns as the first read did) until a
 * commit saves the file as UTF-8, deletes or renames it.
 */
export function notUtf8Warning(bad: NotUtf8): string {
  return (
    `${bad.file} is not valid UTF-8 at commit ${bad.commit.slice(0, 7)}, its last (byte ${bad.byte}, line ${bad.line}): ` +
    'the history shows the bytes that are not as U+FFFD (\uFFFD); save it as UTF-8 and commit it'
  )
}

export function shallowWarning(first: string | undefined): string {
  return (
    `This is a shallow clone: the history before ${first?.slice(0, 10) ?? 'its first commit'} is missing, so creation dates and earlier status changes are not shown. ` +
    'Fetch the full history with `git fetch --unshallow`, or set `fetch-depth: 0` on actions/checkout.'
  )
}

/**
 * What a history cache's key says of the clone's depth: not shallow, or the commits a shallow one
 * stops at, so a history read before a `git fetch --deepen` (or `--unshallow`) is not taken for one
 * read after it.
 */
export function shallowKey(probe: RepositoryProbe): string {
  return probe.shallow ? `shallow:${probe.shallowCommits ?? ''}` : 'false'
}
