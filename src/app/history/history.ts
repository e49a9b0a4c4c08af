import {invalidUtf8} from '../../adapters/files/utf8-check.js'
import type {Git, LogCommit} from '../../adapters/git/git.js'
import {openCatFile, type ReadTexts, readTexts} from '../../adapters/git/git-cat-file.js'
import {writeHistoryCache} from '../../adapters/history/history-cache.js'
import type {Workspace} from '../../adapters/workspace.js'
import type {FrontMatterCache} from '../../core/adr/front-matter.js'
import {type AdrChange, adrChanges, adrFileIn, loadPresence, type Presence, savePresence} from '../../core/history/adr-paths.js'
import {
  type AdrVersion,
  buildHistory,
  type HistoryChange,
  type HistoryCommit,
  type HistoryPlace,
  readVersion,
} from '../../core/history/history.js'
import {readHistoryVersion} from '../../core/history/history-version.js'
import type {NotUtf8, SavedEvents} from '../../core/history/saved-history.js'
import {type AdrLog, logAdrHistory} from './adr-log.js'
import {type LogSource, logSource} from './linear-log.js'
import {finishHistory, type HistoryOptions, type OpenedHistory, type RepositoryHistory} from './read-history.js'

/**
 * `readHistory` (read-history.ts) when its cache was not written at HEAD: only the commits since the
 * cached HEAD are read, when it is an ancestor and no directory move came in since; else the whole
 * history. The cache is written again.
 */
export async function readHistorySince(ws: Workspace, opened: OpenedHistory, options: HistoryOptions): Promise<RepositoryHistory> {
  const {git, head, shallow, dir, place, cacheFile, key, cached} = opened
  const resume = cached !== undefined && (await git.isAncestor(cached.head, head).catch(() => false))
  let read: ReadCommits | undefined
  if (resume) {
    read = await readCommits(
      git,
      dir,
      shallow,
      {after: cached.head, dirs: cached.dirs, present: loadPresence(cached.present)},
      options,
      place,
    )
  }
  const fresh = !resume || read === undefined
  if (fresh) read = await readCommits(git, dir, shallow, {}, options, place)
  const history = buildHistory(read?.commits ?? [], fresh ? undefined : cached?.state)
  const first = fresh ? read?.first : cached?.first
  const notUtf8 = lastNotUtf8(fresh ? [] : (cached?.notUtf8 ?? []), read?.notUtf8)
  if (read) {
    const value: SavedEvents = {
      head,
      first,
      dirs: read.dirs,
      present: savePresence(read.present),
      state: history.state,
      ...(notUtf8.length > 0 ? {notUtf8} : {}),
    }
    await writeHistoryCache(cacheFile, key, value)
  }
  return finishHistory(ws, shallow, history, first, notUtf8)
}

/** The files whose last version is not UTF-8: the cache's, as the commits read since leave them (`noteUtf8`). */
function lastNotUtf8(saved: readonly NotUtf8[], read: ReadonlyMap<string, NotUtf8 | undefined> | undefined): NotUtf8[] {
  const byFile = new Map<string, NotUtf8 | undefined>(saved.map((bad) => [bad.file, bad]))
  for (const [file, bad] of read ?? []) {
    byFile.delete(file)
    byFile.set(file, bad)
  }
  return [...byFile.values()].filter((bad): bad is NotUtf8 => bad !== undefined)
}

/**
 * The history of events reads its whole log as one `git log`. Two at once (what `list --long`'s dates
 * take) use the second core while Node waits, but cost git more CPU in all: a second walk of the
 * range, and two processes inflating the same trees. On the bench's 10,000 commits a cold `adr log`
 * took 1.28 s of CPU with one and 1.43 s with two, and issue 13 holds cold history to 1.3× the CPU
 * of the `git log` it runs; `list --long` parses every ADR meanwhile, and its target is its wait.
 */
const EVENTS_LOG_PARTS = 1

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
  /** By file name read, whether its last version is not UTF-8 (`noteUtf8`). */
  notUtf8: Map<string, NotUtf8 | undefined>
}

/**
 * Notes, by file name, whether a change leaves the file's last version not UTF-8 (`bad`: where its
 * bytes stop being UTF-8), in commit order: a later version, a deletion or a rename away clears it
 * (`undefined`), so a file saved as UTF-8 since is not warned about.
 */
function noteUtf8(
  notes: Map<string, NotUtf8 | undefined>,
  change: HistoryChange,
  commit: string,
  bad: {offset: number; line: number} | undefined,
): void {
  if (change.from !== undefined) notes.set(change.from, undefined)
  notes.delete(change.file)
  notes.set(change.file, change.status === 'D' || !bad ? undefined : {file: change.file, commit, byte: bad.offset + 1, line: bad.line})
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
  const source = await logSource(git, from.after, options.fastPaths, EVENTS_LOG_PARTS)
  if (source !== git) return readCommitsAtOnce(git, source, dir, shallow, from, options, place)
  let seen = 0
  // while git log streams, versions are asked for in batches (nothing awaits them yet); after it, at once
  const reader = openCatFile(await git.topLevel(), git.env, {batch: VERSION_BATCH})
  let streaming = true
  const frontMatterCache: FrontMatterCache = new Map()
  const read = versionReader(options)
  const versions = new Map<string, Promise<AdrVersion>>()
  // where each blob read stops being UTF-8 (only blobs that do)
  const invalid = new Map<string, {offset: number; line: number}>()
  const versionOf = (blob: string, file: string) => {
    const key = `${blob}\0${file}`
    let version = versions.get(key)
    if (!version) {
      version = reader.read(blob).then((object) => {
        const bad = object && invalidUtf8(object.content)
        if (bad) invalid.set(blob, bad)
        return read(object?.content.toString('utf8') ?? '', file, frontMatterCache, place)
      })
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
    const notUtf8 = new Map<string, NotUtf8 | undefined>()
    for (const c of log.commits) {
      const changes = adrChanges(c.changes, log.dirs, present)
      if (changes.length === 0) continue
      for (const change of changes) {
        if (change.blob !== undefined) change.version = await versionOf(change.blob, change.file)
        noteUtf8(notUtf8, change, c.sha, change.blob === undefined ? undefined : invalid.get(change.blob))
        delete change.blob
      }
      commits.push(historyCommit(c, shallow, changes))
    }
    return {commits, first: log.commits[0]?.date, dirs: log.dirs, present, notUtf8}
  } finally {
    await reader.close()
  }
}

/**
 * FAST PATH of `readCommits` for the whole-log source (`linearLogSource`, ADR 33): that log is read
 * whole before the passes are answered, so there is no `git log` stream for the reads to overlap
 * with. Every version the commits need is asked of one `git cat-file --batch --buffer` once they are
 * known (`readTexts`: one buffer parsed once, instead of a promise and a pipe read per object), then
 * read as `readCommits` reads them: the same commits, changes and versions (each change keeps its
 * blob id, which `readCommits` drops and nothing after this reads).
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
  const {kept, blobs} = adrChangesOf(log, present)
  const texts = await readTexts(await git.topLevel(), git.env, blobs, options.fastPaths !== false)
  const notUtf8 = new Map<string, NotUtf8 | undefined>()
  const commits = readVersionsOf(kept, texts, versionReader(options), shallow, place, notUtf8)
  return {commits, first: log.commits[0]?.date, dirs: log.dirs, present, notUtf8}
}

interface KeptCommit {
  commit: LogCommit
  changes: AdrChange[]
  /** The index in `blobs` of each change's blob (-1 for none). */
  blobIndexes: number[]
}

/** The log's commits that change ADRs, with their changes, and every blob they read, each once. */
function adrChangesOf(log: AdrLog, present: Presence): {kept: KeptCommit[]; blobs: string[]} {
  const kept: KeptCommit[] = []
  const index = new Map<string, number>()
  const blobs: string[] = []
  for (const c of log.commits) {
    const changes = adrChanges(c.changes, log.dirs, present)
    if (changes.length === 0) continue
    const blobIndexes: number[] = []
    for (const change of changes) {
      const blob = change.blob
      let i = blob === undefined ? -1 : index.get(blob)
      if (i === undefined) {
        i = blobs.push(blob as string) - 1
        index.set(blob as string, i)
      }
      blobIndexes.push(i)
    }
    kept.push({commit: c, changes, blobIndexes})
  }
  return {kept, blobs}
}

/**
 * Each kept commit as the core reads it, every change with its version (each blob read once for each
 * file name it has: a rename reads it again under the new name). Each change is handed on as it is,
 * its version added (its blob stays: the core reads no more than a HistoryChange).
 */
function readVersionsOf(
  kept: readonly KeptCommit[],
  texts: ReadTexts,
  read: typeof readVersion,
  shallow: boolean,
  place: HistoryPlace | undefined,
  notUtf8: Map<string, NotUtf8 | undefined>,
): HistoryCommit[] {
  const frontMatterCache: FrontMatterCache = new Map()
  // by blob index, the version read under the first file name that has it (blobs are met in index order)
  const firstName: string[] = []
  const firstVersion: AdrVersion[] = []
  // the others, by blob index and file name
  const otherNames = new Map<string, AdrVersion>()
  const commits: HistoryCommit[] = []
  for (const {commit, changes, blobIndexes} of kept) {
    for (let k = 0; k < changes.length; k++) {
      const i = blobIndexes[k]
      const change = changes[k]
      noteUtf8(notUtf8, change, commit.sha, i < 0 ? undefined : texts.invalid(i))
      if (i < 0) continue
      let version: AdrVersion | undefined
      if (firstName[i] === undefined) {
        version = read(texts.text(i) ?? '', change.file, frontMatterCache, place)
        firstName[i] = change.file
        firstVersion[i] = version
      } else if (firstName[i] === change.file) {
        version = firstVersion[i]
      } else {
        const key = `${i}\0${change.file}`
        version = otherNames.get(key)
        if (!version) {
          version = read(texts.text(i) ?? '', change.file, frontMatterCache, place)
          otherNames.set(key, version)
        }
      }
      change.version = version
    }
    commits.push(historyCommit(commit, shallow, changes))
  }
  return commits
}

/** A commit of the log as the core reads it: who, when, why, its ADR changes; a shallow clone's first is a boundary. */
function historyCommit(c: LogCommit, shallow: boolean, changes: HistoryChange[]): HistoryCommit {
  const {sha, authorName, authorEmail, date, subject} = c
  return {sha, authorName, authorEmail, date, subject, boundary: shallow && c.parents.length === 0, changes}
}
