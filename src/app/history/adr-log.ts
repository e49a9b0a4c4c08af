import type {LogCommit} from '../../adapters/git/git.js'
import {orderOldestFirst} from '../../adapters/git/git-log.js'
import {adrFileIn, formerDirs} from '../../core/history/adr-paths.js'
import type {LogSource} from './linear-log.js'

/** At most this many `git log` passes: each one past the first is there because a directory move was found. */
export const MAX_PASSES = 12

export interface AdrLog {
  /** Oldest first: every commit that touched one of `dirs`. */
  commits: LogCommit[]
  /** The ADR directory first, then every directory its ADRs lived in before (relative to the top level). */
  dirs: string[]
}

/**
 * The commits of the ADR directory, with the directories it was moved from followed, as `git log
 * --follow` does for one file. A `git log` limited to a directory shows a file moved in from
 * elsewhere as added; so after each pass the commits that added ADR files are read whole (one `git
 * log --stdin` for all of them), and a rename from an unknown directory, or a deletion of the same
 * file name there, makes that directory known. The next pass logs only the directories just found;
 * the passes' commits are merged, and a commit read whole (every move is one) counts with its whole
 * change, so a move between two directories is the rename it was. A folder copied in one commit and
 * removed in a later one is found by copy detection on the commits that add several ADRs at once. A
 * directory that still holds ADR files at HEAD is not followed: it is another ADR directory (a
 * monorepo's), and a file moved from it is an addition here. A repository whose ADRs never moved
 * costs one pass; each move one more (over the old folder only), up to `MAX_PASSES`.
 *
 * With `after` (an incremental read from a cached commit) and `dirs` (what the cache knew), a move
 * from a directory not known yet returns `undefined`: its earlier history was never read, so the
 * caller starts over.
 *
 * `git` is the repository, or the answers read from one whole log (`linearLogSource`, a fast path).
 */
export async function logAdrHistory(
  git: LogSource,
  dir: string,
  options: {after?: string; dirs?: readonly string[]; onCommit?: (commit: LogCommit, dirs: readonly string[]) => void} = {},
): Promise<AdrLog | undefined> {
  const dirs = [...(options.dirs ?? [dir])]
  let fresh = [...dirs]
  const merged = new Map<string, LogCommit>()
  const whole = new Map<string, LogCommit>()
  for (let pass = 1; ; pass++) {
    const known = [...dirs]
    const commits = await git.logPaths(fresh, options.onCommit && ((c) => options.onCommit?.(c, known)), {after: options.after})
    for (const c of commits) {
      const seen = merged.get(c.sha)
      if (seen) seen.changes.push(...c.changes)
      else merged.set(c.sha, {...c, changes: [...c.changes]})
    }
    const adding = commits.filter((c) => !whole.has(c.sha) && c.changes.some((ch) => addsAdr(ch, known)))
    const found = new Set<string>()
    const copied: LogCommit[] = []
    const copyCandidates = mayCopyFolder(commits, known)
    for (const c of await git.logCommits(adding.map((c) => c.sha))) {
      whole.set(c.sha, c)
      const from = formerDirs(c.changes, known)
      for (const d of from) found.add(d)
      // a folder copied in one commit and removed in a later one: only copy detection sees where it came from
      if (from.length === 0 && c.parents.length > 0 && copyCandidates.has(c.sha)) copied.push(c)
    }
    for (const c of await git.logCommits(
      copied.map((c) => c.sha),
      {copies: 'exact'},
    )) {
      for (const d of formerDirs(c.changes, known)) found.add(d)
    }
    for (const d of known) found.delete(d)
    // a directory that still holds ADRs is a living one (a monorepo's other package), not a past home of these
    const living = new Set((await git.filesAt('HEAD', [...found])).map((f) => adrFileIn([...found], f)?.dir))
    for (const d of living) if (d !== undefined) found.delete(d)
    if (found.size > 0 && options.after !== undefined) return undefined
    if (found.size === 0 || pass >= MAX_PASSES) {
      const all = [...merged.values()].map((c) => whole.get(c.sha) ?? c)
      return {commits: pass === 1 ? all : inWalkOrder(all), dirs: known}
    }
    fresh = [...found]
    dirs.push(...fresh)
  }
}

/**
 * The passes' commits in one order, oldest first, as one `git log` over every directory would give
 * them: newest first by committer date (the order git walks in), then no commit before its parents.
 */
function inWalkOrder(commits: readonly LogCommit[]): LogCommit[] {
  const newestFirst = commits.map((c, i) => ({c, i})).sort((a, b) => b.c.commitTime - a.c.commitTime || b.i - a.i)
  return orderOldestFirst(newestFirst.map(({c}) => c))
}

/**
 * The commits of one pass (oldest first) that may have copied a folder of ADRs in: they add more
 * than one ADR to a directory that held none yet in this pass, or add names that sort before the
 * newest one it already held (a copied folder brings its old numbers). A commit that only adds the
 * next ADRs of a living directory is not one, so a repository whose ADRs arrive a few per commit
 * asks copy detection of no commit at all (at 10,000 ADRs asking it of every commit took minutes).
 */
export function mayCopyFolder(commits: readonly LogCommit[], dirs: readonly string[]): Set<string> {
  const newest = new Map<string, string>()
  const candidates = new Set<string>()
  for (const c of commits) {
    // how many ADRs it adds, and whether one sorts at or before the newest its directory held
    let added = 0
    let early = false
    for (const ch of c.changes) {
      const adr = addsAdr(ch, dirs) ? adrFileIn(dirs, ch.path) : undefined
      if (!adr) continue
      added++
      const top = newest.get(adr.dir)
      if (top === undefined || adr.name <= top) early = true
    }
    if (added > 1 && early) candidates.add(c.sha)
    for (const ch of c.changes) {
      const adr = ch.status === 'D' ? undefined : adrFileIn(dirs, ch.path)
      if (adr && adr.name > (newest.get(adr.dir) ?? '')) newest.set(adr.dir, adr.name)
    }
  }
  return candidates
}

/** An ADR file that appears in a known directory from nowhere this log can see. */
function addsAdr(change: LogCommit['changes'][number], dirs: readonly string[]): boolean {
  if (!adrFileIn(dirs, change.path)) return false
  return change.status === 'A' || change.status === 'C' || (change.status === 'R' && !adrFileIn(dirs, change.from))
}
