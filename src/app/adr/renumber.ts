import path from 'node:path'
import {loadAdrs, loadAllAdrs, presentDirs} from '../../adapters/adr-store.js'
import {acquireSessionLock} from '../../adapters/files/directory-lock.js'
import type {HeldLock} from '../../adapters/files/lock.js'
import {type PlannedWrite, writeAll} from '../../adapters/files/multi-write.js'
import {openGit} from '../../adapters/git/git.js'
import {removeEmptyDirectory, renameDirectory} from '../../adapters/paths.js'
import {narrowToDir, type Workspace} from '../../adapters/workspace.js'
import {detectNaming} from '../../core/adr/file-name.js'
import {DEFAULT_NAMING} from '../../core/adr/model.js'
import {planRenumber, type RenumberMove} from '../../core/adr/renumber-plan.js'
import {numericRef, resolveRef, splitQualifiedRef} from '../../core/adr/resolve-ref.js'
import {AdrError, isAdrError} from '../../core/errors.js'
import {adrDates} from '../history/history-dates.js'
import {numbersTakenOnOtherBranches} from './branch-numbers.js'
import {displayPath, whileLocked} from './load-for-write.js'
import {type DebateMove, planDebateMoves} from './renumber-debates.js'

export interface RenumberResult {
  /** Each ADR given a new number: old and new file names and paths (and its debate record's, when it has one). */
  moves: {
    from: string
    to: string
    path: string
    oldNumber: number
    newNumber: number
    title: string
    kept: string
    debate?: {from: string; to: string}
    /** In a workspace of several ADR directories: the name of the one it is in. */
    dir?: string
  }[]
  /** Other ADRs whose links were rewritten, as paths. */
  updated: string[]
  dryRun: boolean
  warnings: string[]
}

export interface RenumberOptions {
  dryRun?: boolean
  /** Only the ADRs sharing the number of the ADR this names (`3`, `web/3`, a file name). */
  ref?: string
}

/**
 * `adr renumber`: after a merge, ADRs that share a number are told apart by the commit that added
 * them; the later ones get the next free numbers (numbers used on other branches included), new file
 * names and title numbers, and every link to their old names is rewritten. All files or none. In a
 * workspace of several ADR directories numbers count per directory: each directory is renumbered as
 * its own (one all-or-nothing write each), or, with a ref, the one directory it names.
 */
export async function renumberAdrs(ws: Workspace, options: RenumberOptions = {}): Promise<RenumberResult> {
  if (options.ref !== undefined) {
    const target = await numberOfRef(ws, options.ref)
    return renumberDir(target.ws, options.dryRun, target.number)
  }
  if (!ws.dirs) return renumberDir(ws, options.dryRun)
  const results: RenumberResult[] = []
  for (const sub of await presentDirs(ws)) results.push(await renumberDir(sub, options.dryRun))
  return {
    moves: results.flatMap((r) => r.moves),
    updated: results.flatMap((r) => r.updated),
    dryRun: !!options.dryRun,
    warnings: results.flatMap((r) => r.warnings),
  }
}

async function renumberDir(ws: Workspace, dryRun: boolean | undefined, only?: number): Promise<RenumberResult> {
  const run = async () => {
    const {adrs, files} = await loadAdrs(ws)
    const addedOrder = await readAddedOrder(ws)
    const taken = (await numbersTakenOnOtherBranches(ws)).map((t) => t.number)
    const plan = planRenumber({adrs, addedOrder, taken, naming: detectNaming(files, DEFAULT_NAMING), only})
    const writes: PlannedWrite[] = plan.edits.map((e) => ({
      file: path.join(ws.adrDir, e.file),
      text: e.text,
      ...(e.replaces ? {create: true, replaces: path.join(ws.adrDir, e.replaces)} : {}),
    }))
    const debates = await planDebateMoves(ws, plan.moves, adrs, writes)
    const warnings = [...plan.warnings]
    if (!dryRun && writes.length > 0) {
      // a debate session open on a moved record would write to the old name: refuse while one runs
      // one by one: when one is refused, the ones already taken are released, not left behind
      const sessions: HeldLock[] = []
      try {
        for (const d of debates) sessions.push(await acquireSessionLock(d.lockFile, `the debate of ${d.adrFrom}`))
        await writeAll(writes)
        for (const d of debates) for (const folder of d.emptied) await removeEmptyDirectory(folder)
        for (const d of debates) if (d.later) await renameDirectory(d.later.from, d.later.to)
      } finally {
        await Promise.all(sessions.map((s) => s.release()))
      }
      warnings.push(...(await stageRenames(ws, plan.moves, debates)))
    }
    const moved = new Set(plan.moves.map((m) => m.to))
    const byAdr = new Map(debates.map((d) => [d.adrFrom, d]))
    return {
      moves: plan.moves.map((m) => {
        const debate = byAdr.get(m.from)
        return {
          ...m,
          path: displayPath(ws, m.to),
          ...(debate ? {debate: {from: debate.from, to: debate.to}} : {}),
          ...(ws.dirName === undefined ? {} : {dir: ws.dirName}),
        }
      }),
      updated: plan.edits.filter((e) => !moved.has(e.file)).map((e) => displayPath(ws, e.file)),
      dryRun: !!dryRun,
      warnings,
    }
  }
  return dryRun ? run() : whileLocked(ws, run)
}

/**
 * The directory and the number a ref of `adr renumber` names: `web/3` (or `web/0003-x.md`) in a
 * workspace of several directories, a number or a file name or title fragment otherwise. A bare
 * number held in several directories is ambiguous; one nobody holds is not found.
 */
async function numberOfRef(ws: Workspace, ref: string): Promise<{ws: Workspace; number: number}> {
  const {adrs, skipped} = await loadAllAdrs(ws)
  const qualified = ws.dirs ? splitQualifiedRef(adrs, ref) : undefined
  const candidates = qualified ? adrs.filter((a) => a.dir?.name === qualified.dir) : adrs
  const inner = qualified?.ref ?? ref
  // a number first: resolveRef would call two ADRs sharing it ambiguous, and they are what renumber is for
  const number = numericRef(inner) ?? resolveRef(candidates, inner, skipped).number
  if (number === undefined) {
    throw new AdrError('INVALID_ARGUMENT', `"${ref}" names an ADR without a number; renumber works on numbered ADRs`, {
      suggestions: ['Name a number (`adr renumber 3`), or run `adr renumber` for every duplicate.'],
    })
  }
  const holders = candidates.filter((a) => a.number === number)
  if (holders.length === 0) resolveRef(candidates, inner, skipped) // the usual "No ADR matches", with the numbers there are
  const dirs = [...new Set(holders.map((a) => a.dir?.name))]
  if (dirs.length > 1) {
    throw new AdrError('AMBIGUOUS_REF', `"${ref}" matches ADRs in ${dirs.length} directories`, {
      suggestions: [`Qualify it with its directory: ${dirs.map((d) => `${d}/${number}`).join(' or ')}.`],
    })
  }
  const [dir] = dirs
  return {ws: dir === undefined ? ws : narrowToDir(ws, dir), number}
}

/** Stages the renames in git (`git mv`'s result); outside git there is nothing to stage, and a failure is a warning (the files are written). */
async function stageRenames(ws: Workspace, moves: readonly RenumberMove[], debates: readonly DebateMove[]): Promise<string[]> {
  if (!ws.gitRoot) return []
  const pairs = [
    ...moves.map((m) => ({from: path.join(ws.adrDir, m.from), to: path.join(ws.adrDir, m.to)})),
    ...debates.filter((d) => d.from !== d.to).map((d) => ({from: path.join(ws.adrDir, d.from), to: path.join(ws.adrDir, d.to)})),
    ...debates.flatMap((d) => d.files),
  ]
  try {
    await openGit(ws.cwd, ws.env).stageMoves(pairs)
    return []
  } catch (error) {
    return [`The files were renamed, but staging the renames in git failed (${(error as Error).message}); stage them with \`git add -A\`.`]
  }
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
