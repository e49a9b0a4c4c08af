import {openGit} from '../../adapters/git/git.js'
import type {Workspace} from '../../adapters/workspace.js'
import {isAdrFileName, parseFileName} from '../../core/adr/file-name.js'
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
  if (!ws.gitRoot) return []
  const git = openGit(ws.cwd, ws.env)
  let branches: Awaited<ReturnType<typeof git.listBranchFiles>>
  try {
    branches = await git.listBranchFiles(ws.adrDir)
  } catch (error) {
    if (isAdrError(error) && (error.code === 'NOT_A_GIT_REPOSITORY' || error.code === 'UNSAFE_PATH')) return []
    throw error
  }
  const taken = new Map<string, TakenNumber>()
  for (const {branch, files} of branches) {
    for (const file of files) {
      if (!isAdrFileName(file) || taken.has(file)) continue
      const {number} = parseFileName(file)
      if (number !== undefined) taken.set(file, {number, file, branch})
    }
  }
  return [...taken.values()].sort((a, b) => a.number - b.number || (a.file < b.file ? -1 : 1))
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
  return `Skipped ${byNumber.size === 1 ? 'number' : 'numbers'} ${list}: already taken on another branch.`
}
