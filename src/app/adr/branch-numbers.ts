import {openCommitListings} from '../../adapters/git/commit-listings.js'
import {type BranchFiles, openGit} from '../../adapters/git/git.js'
import type {Workspace} from '../../adapters/workspace.js'
import {isAdrFileName, numberOfFile} from '../../core/adr/file-name.js'
import {isAdrError} from '../../core/errors.js'

/** A number an ADR file uses on some branch. */
export interface TakenNumber {
  number: number
  file: string
  /** `main`, `origin/feature-x`: the first branch it was seen on. */
  branch: string
}

/**
 * Numbers used by ADR files in the ADR directory on every local and remote-tracking branch (one
 * `git ls-tree` per branch), so `adr new` does not hand out a number a parallel branch already took.
 * Outside a git repository, or in one without commits, nothing is taken.
 */
export async function numbersTakenOnOtherBranches(ws: Workspace): Promise<TakenNumber[]> {
  return takenNumbers(await branchListings(ws))
}

/**
 * The ADR directory's file names on every local and remote-tracking branch, as git lists them; none
 * outside git or before the first commit. With `fastPaths` (not `false`), the listings of the commits
 * the branches pointed at last time are read from `.git/adrgate/` (`openCommitListings`), and git
 * lists only a commit it has not listed before.
 */
export async function branchListings(ws: Workspace, options: {fastPaths?: boolean} = {}): Promise<BranchFiles[]> {
  if (!ws.gitRoot) return []
  try {
    const known = options.fastPaths === false ? undefined : await openCommitListings(ws.gitRoot, ws.adrDir)
    const listed = await openGit(ws.cwd, ws.env).listBranchFiles(ws.adrDir, known)
    await known?.save()
    return listed
  } catch (error) {
    if (isAdrError(error) && (error.code === 'NOT_A_GIT_REPOSITORY' || error.code === 'UNSAFE_PATH')) return []
    throw error
  }
}

/** The numbers the ADR names of `branches` use, each name once (with the first branch it is on), by number then name. */
export function takenNumbers(branches: readonly BranchFiles[], skip?: ReadonlySet<string>): TakenNumber[] {
  const taken = new Map<string, TakenNumber>()
  for (const {branch, files} of branches) {
    for (const file of files) {
      if (skip?.has(file) || taken.has(file) || !isAdrFileName(file)) continue
      const number = numberOfFile(file)
      if (number !== undefined) taken.set(file, {number, file, branch})
    }
  }
  return [...taken.values()].sort((a, b) => a.number - b.number || (a.file < b.file ? -1 : 1))
}

/**
 * The fast path of `takenNumbers(branches)` for `adr new`: the names the directory holds here too are
 * skipped before any is read. Their numbers are counted from the directory's own names (the next
 * number is one past the highest of both), and `describeSkippedNumbers` leaves them out, so only the
 * names found elsewhere alone can change what `adr new` does. On 10,000 ADRs and a branch or two that
 * is 10,000 set lookups instead of 10,000 names read, kept and sorted. `test/app/fast-paths.test.ts`
 * pins it to `takenNumbers` filtered.
 */
export function numbersTakenNotHere(branches: readonly BranchFiles[], here: readonly string[]): TakenNumber[] {
  return takenNumbers(branches, new Set(here))
}

/**
 * What `adr new` says on stderr when it skipped numbers: the numbers between the highest here and
 * the one chosen that other branches use. `undefined` when nothing was skipped.
 */
export function describeSkippedNumbers(
  localNext: number,
  chosen: number,
  taken: readonly TakenNumber[],
  localFiles: readonly string[],
): string | undefined {
  if (chosen <= localNext) return undefined
  const here = new Set(localFiles)
  const skipped = taken.filter((t) => t.number >= localNext && t.number < chosen && !here.has(t.file))
  if (skipped.length === 0) return undefined
  const byNumber = new Map<number, string[]>()
  for (const t of skipped) byNumber.set(t.number, [...(byNumber.get(t.number) ?? []), `${t.file} on ${t.branch}`])
  const list = [...byNumber].map(([n, where]) => `${n} (${where.join('; ')})`).join(', ')
  return `Skipped ${byNumber.size === 1 ? 'number' : 'numbers'} ${list}: already taken on a branch, not in this working tree.`
}
