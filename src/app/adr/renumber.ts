import path from 'node:path'
import {loadAdrs} from '../../adapters/adr-store.js'
import {writeAll} from '../../adapters/files.js'
import {type LogCommit, openGit} from '../../adapters/git/git.js'
import type {Workspace} from '../../adapters/workspace.js'
import {detectNaming} from '../../core/adr/file-name.js'
import {DEFAULT_NAMING} from '../../core/adr/model.js'
import {planRenumber} from '../../core/adr/renumber-plan.js'
import {isAdrError} from '../../core/errors.js'
import {numbersTakenOnOtherBranches} from './branch-numbers.js'
import {displayPath, whileLocked} from './load-for-write.js'

export interface RenumberResult {
  /** Each ADR given a new number: old and new file names and paths. */
  moves: {from: string; to: string; path: string; oldNumber: number; newNumber: number; title: string; kept: string}[]
  /** Other ADRs whose links were rewritten, as paths. */
  updated: string[]
  dryRun: boolean
  warnings: string[]
}

/**
 * `adr renumber`: after a merge, ADRs that share a number are told apart by the commit that added
 * them; the later ones get the next free numbers (numbers used on other branches included), new file
 * names and title numbers, and every link to their old names is rewritten. All files or none.
 */
export async function renumberAdrs(ws: Workspace, options: {dryRun?: boolean} = {}): Promise<RenumberResult> {
  const run = async () => {
    const {adrs, files} = await loadAdrs(ws)
    const addedOrder = await readAddedOrder(ws)
    const taken = (await numbersTakenOnOtherBranches(ws)).map((t) => t.number)
    const plan = planRenumber({adrs, addedOrder, taken, naming: detectNaming(files, DEFAULT_NAMING)})
    if (!options.dryRun && plan.edits.length > 0) {
      await writeAll(
        plan.edits.map((e) => ({
          file: path.join(ws.adrDir, e.file),
          text: e.text,
          ...(e.replaces ? {create: true, replaces: path.join(ws.adrDir, e.replaces)} : {}),
        })),
      )
    }
    const moved = new Set(plan.moves.map((m) => m.to))
    return {
      moves: plan.moves.map((m) => ({...m, path: displayPath(ws, m.to)})),
      updated: plan.edits.filter((e) => !moved.has(e.file)).map((e) => displayPath(ws, e.file)),
      dryRun: !!options.dryRun,
      warnings: plan.warnings,
    }
  }
  return options.dryRun ? run() : whileLocked(ws, run)
}

/** When the commit that added each file of the directory was made (renames followed), as a timestamp. */
async function readAddedOrder(ws: Workspace): Promise<Map<string, number>> {
  const git = openGit(ws.cwd)
  let log: LogCommit[]
  let dir: string
  try {
    dir = await git.repoPath(ws.adrDir)
    log = await git.logDirectory(ws.adrDir)
  } catch (error) {
    if (isAdrError(error) && (error.code === 'NOT_A_GIT_REPOSITORY' || error.code === 'UNSAFE_PATH')) return new Map()
    throw error
  }
  const order = new Map<string, number>()
  const inDir = (p: string | undefined) => p !== undefined && path.posix.dirname(p) === (dir || '.')
  for (const commit of log) {
    // "later" is by the adding commit's date: the order of two parallel branches in the log is arbitrary
    const index = Date.parse(commit.date)
    for (const change of commit.changes) {
      const file = path.posix.basename(change.path)
      const from = change.from === undefined ? undefined : path.posix.basename(change.from)
      if (change.status === 'D' && inDir(change.path)) order.delete(file)
      else if (change.status === 'R' && inDir(change.from) && inDir(change.path) && from !== undefined && order.has(from)) {
        order.set(file, order.get(from) as number)
        order.delete(from)
      } else if (inDir(change.path) && !order.has(file)) order.set(file, index)
    }
  }
  return order
}
