import path from 'node:path'
import {listWorkspaceAdrFiles} from '../../adapters/adr-store.js'
import {type Git, openGitAt, type RepositoryProbe} from '../../adapters/git/git.js'
import {readHistoryCache, writeHistoryCache} from '../../adapters/history/history-cache.js'
import type {Workspace} from '../../adapters/workspace.js'
import {AdrError} from '../../core/errors.js'
import {adrChanges, loadPresence, savePresence} from '../../core/history/adr-paths.js'
import {type FileDates, trackFileDates} from '../../core/history/file-dates.js'
import {isSavedDates, type SavedDates} from '../../core/history/saved-history.js'
import {logAdrHistory} from './adr-log.js'
import {logSource} from './linear-log.js'
import {type HistoryOptions, shallowKey, shallowWarning} from './read-history.js'

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
  return datesOfFiles(files, await readKnownDates(ws, options))
}

/** What git knows of the ADR directory's files: their dates by file name (`undefined` outside git). */
export interface KnownDates {
  dates: Map<string, FileDates>
  /** The date of the first commit read (a shallow clone's boundary). */
  first?: string
  shallow: boolean
}

/**
 * The git side of `adrDates`: the dates of every file git saw in the ADR directory, from the cache
 * and the log. It reads no file of the directory, so it can start before the directory is listed
 * (`adr list --long` starts it before it parses the ADRs: `readGitDatesEarly`).
 */
export async function readKnownDates(ws: Workspace, options: Pick<HistoryOptions, 'fastPaths'> = {}): Promise<KnownDates | undefined> {
  const git = openGitAt(ws.adrDir, ws.env)
  let probe: RepositoryProbe
  try {
    probe = await git.probe()
  } catch (error) {
    if (error instanceof AdrError && error.code === 'NOT_A_GIT_REPOSITORY') return undefined
    throw error
  }
  const known = probe.head ? await datesAt(git, ws.adrDir, probe, options.fastPaths) : {dates: new Map<string, FileDates>()}
  return {...known, shallow: probe.shallow}
}

/** `adrDates` of the files in the directory, from what git knows of them (`readKnownDates`). */
export function datesOfFiles(
  files: readonly string[],
  known: KnownDates | undefined,
): {dates: Record<string, AdrDates>; warnings: string[]} {
  if (!known) return {dates: {}, warnings: []}
  const dates: Record<string, AdrDates> = {}
  for (const file of files) {
    const d = known.dates.get(file)
    dates[file] =
      d && !d.deleted ? {...(d.created ? {created: d.created} : {}), lastChanged: d.lastChanged, committed: true} : {committed: false}
  }
  return {dates, warnings: known.shallow ? [shallowWarning(known.first)] : []}
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
  const key = `${DATES_CACHE}|${dir}|${shallowKey(probe)}`
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
