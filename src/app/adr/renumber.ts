import path from 'node:path'
import {loadAdrs} from '../../adapters/adr-store.js'
import {writeAll} from '../../adapters/files/multi-write.js'
import type {Workspace} from '../../adapters/workspace.js'
import {detectNaming} from '../../core/adr/file-name.js'
import {DEFAULT_NAMING} from '../../core/adr/model.js'
import {planRenumber} from '../../core/adr/renumber-plan.js'
import {isAdrError} from '../../core/errors.js'
import {adrDates} from '../history/history.js'
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

/**
 * When each ADR file was first created, as a timestamp: the CREATED of `adr list --long` (renames,
 * folder moves and re-adds followed), so a move of the whole folder does not make every ADR as new as
 * the move. A file whose creation lies before a shallow clone's history counts as the oldest; an
 * uncommitted one is absent (the latest).
 */
async function readAddedOrder(ws: Workspace): Promise<Map<string, number>> {
  let dates: Awaited<ReturnType<typeof adrDates>>['dates']
  try {
    dates = (await adrDates(ws)).dates
  } catch (error) {
    if (isAdrError(error) && (error.code === 'NOT_A_GIT_REPOSITORY' || error.code === 'UNSAFE_PATH')) return new Map()
    throw error
  }
  const order = new Map<string, number>()
  for (const [file, d] of Object.entries(dates)) if (d.committed) order.set(file, d.created ? Date.parse(d.created) : 0)
  return order
}
