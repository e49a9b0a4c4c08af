import {existsSync} from 'node:fs'
import path from 'node:path'
import {type Git, type LogCommit, openGit} from '../../adapters/git/git.js'
import {adrFileIn, formerDirs} from '../../core/history/adr-paths.js'

/** At most this many `git log` passes: each one past the first is there because a directory move was found. */
export const MAX_PASSES = 12

export interface AdrLog {
  /** Oldest first: every commit that touched one of `dirs`. */
  commits: LogCommit[]
  /** The ADR directory first, then every directory its ADRs lived in before (relative to the top level). */
  dirs: string[]
}

/**
 * The git adapter for the history of `adrDir`, opened where the ADRs are: an ADR directory inside a
 * submodule (or any other nested repository) has the history of that repository, not of the one around it.
 */
export function openGitAt(adrDir: string): Git {
  let dir = path.resolve(adrDir)
  while (!existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir)
  return openGit(dir)
}

/**
 * The commits of the ADR directory, with the directories it was moved from followed, as `git log
 * --follow` does for one file. A `git log` limited to a directory shows a file moved in from
 * elsewhere as added; so after each pass the commits that added ADR files are read whole (one `git
 * log --stdin` for all of them) and a rename from an unknown directory, or a deletion of the same
 * file name there, makes that directory known; the next pass logs all known directories at once, so
 * the move is a rename inside the log. A folder copied in one commit and removed in a later one is
 * found by copy detection on the commits that add several ADRs at once. A directory that still holds
 * ADR files at HEAD is not followed: it is another ADR directory (a monorepo's), and a file moved from
 * it is an addition here. A repository whose ADRs never moved costs one pass; each move one more, up
 * to `MAX_PASSES`.
 *
 * With `after` (an incremental read from a cached commit) and `dirs` (what the cache knew), a move
 * from a directory not known yet returns `undefined`: its earlier history was never read, so the
 * caller starts over.
 */
export async function logAdrHistory(
  git: Git,
  dir: string,
  options: {after?: string; dirs?: readonly string[]; onCommit?: (commit: LogCommit, dirs: readonly string[]) => void} = {},
): Promise<AdrLog | undefined> {
  let dirs = [...(options.dirs ?? [dir])]
  const checked = new Set<string>()
  for (let pass = 1; ; pass++) {
    const known = dirs
    const commits = await git.logPaths(known, options.onCommit && ((c) => options.onCommit?.(c, known)), {after: options.after})
    const adding = commits.filter((c) => !checked.has(c.sha) && c.changes.some((ch) => addsAdr(ch, known)))
    for (const c of adding) checked.add(c.sha)
    const found = new Set<string>()
    const whole = await git.logCommits(adding.map((c) => c.sha))
    const copied: LogCommit[] = []
    for (const c of whole) {
      const dirs = formerDirs(c.changes, known)
      for (const d of dirs) if (!known.includes(d)) found.add(d)
      // a folder copied in one commit and removed in a later one: only copy detection sees where it came from
      if (dirs.length === 0 && c.parents.length > 0 && c.changes.filter((ch) => addsAdr(ch, known)).length > 1) copied.push(c)
    }
    for (const c of await git.logCommits(
      copied.map((c) => c.sha),
      {copies: true},
    )) {
      for (const d of formerDirs(c.changes, known)) if (!known.includes(d)) found.add(d)
    }
    // a directory that still holds ADRs is a living one (a monorepo's other package), not a past home of these
    const living = new Set((await git.filesAt('HEAD', [...found])).map((f) => adrFileIn([...found], f)?.dir))
    for (const d of [...found]) if (living.has(d)) found.delete(d)
    if (found.size === 0 || pass >= MAX_PASSES) return {commits, dirs: known}
    if (options.after !== undefined) return undefined
    dirs = [...known, ...found]
  }
}

/** An ADR file that appears in a known directory from nowhere this log can see. */
function addsAdr(change: LogCommit['changes'][number], dirs: readonly string[]): boolean {
  if (!adrFileIn(dirs, change.path)) return false
  return change.status === 'A' || change.status === 'C' || (change.status === 'R' && !adrFileIn(dirs, change.from))
}
