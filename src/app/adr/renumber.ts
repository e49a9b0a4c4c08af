import path from 'node:path'
import {loadAdrs} from '../../adapters/adr-store.js'
import {readTextFile} from '../../adapters/files/contained-read.js'
import {acquireSessionLock} from '../../adapters/files/directory-lock.js'
import type {HeldLock} from '../../adapters/files/lock.js'
import {type PlannedWrite, writeAll} from '../../adapters/files/multi-write.js'
import {openGit} from '../../adapters/git/git.js'
import type {Workspace} from '../../adapters/workspace.js'
import {detectNaming} from '../../core/adr/file-name.js'
import {type Adr, DEFAULT_NAMING} from '../../core/adr/model.js'
import {debateKeyOf, movedDebateKey, retargetDebatePointer, retargetRecord} from '../../core/adr/renumber-debates.js'
import {planRenumber, type RenumberMove} from '../../core/adr/renumber-plan.js'
import {isAdrError} from '../../core/errors.js'
import {adrDates} from '../history/history.js'
import {numbersTakenOnOtherBranches} from './branch-numbers.js'
import {displayPath, whileLocked} from './load-for-write.js'

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
  }[]
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
    const writes: PlannedWrite[] = plan.edits.map((e) => ({
      file: path.join(ws.adrDir, e.file),
      text: e.text,
      ...(e.replaces ? {create: true, replaces: path.join(ws.adrDir, e.replaces)} : {}),
    }))
    const debates = await planDebateMoves(ws, plan.moves, adrs, writes)
    const warnings = [...plan.warnings]
    if (!options.dryRun && writes.length > 0) {
      // a debate session open on a moved record would write to the old name: refuse while one runs
      // one by one: when one is refused, the ones already taken are released, not left behind
      const sessions: HeldLock[] = []
      try {
        for (const d of debates) sessions.push(await acquireSessionLock(d.lockFile, `the debate of ${d.adrFrom}`))
        await writeAll(writes)
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
        return {...m, path: displayPath(ws, m.to), ...(debate ? {debate: {from: debate.from, to: debate.to}} : {})}
      }),
      updated: plan.edits.filter((e) => !moved.has(e.file)).map((e) => displayPath(ws, e.file)),
      dryRun: !!options.dryRun,
      warnings,
    }
  }
  return options.dryRun ? run() : whileLocked(ws, run)
}

interface DebateMove {
  adrFrom: string
  /** Record keys, relative to the ADR directory. */
  from: string
  to: string
  lockFile: string
}

/**
 * The debate records of the moved ADRs: each is renamed with its ADR (when it has the conventional
 * name), its `adr:` pointed at the new file, and the ADR's `debate:` at the new record (edits added
 * to `writes`). A record that cannot be read is left alone, with its ADR's pointer.
 */
async function planDebateMoves(
  ws: Workspace,
  moves: readonly RenumberMove[],
  adrs: readonly Adr[],
  writes: PlannedWrite[],
): Promise<DebateMove[]> {
  const out: DebateMove[] = []
  for (const move of moves) {
    const adr = adrs.find((a) => a.file === move.from)
    const pointer = adr?.frontMatter?.data.debate
    const key = typeof pointer === 'string' ? pointer : debateKeyOf(move.from)
    const recordFile = path.join(ws.adrDir, key)
    const record = await readTextFile(recordFile, ws.root)
    if (!record.ok) continue
    const toKey = movedDebateKey(key, move.from, move.to)
    const toFile = path.join(ws.adrDir, toKey)
    const adrWrite = writes.find((w) => w.file === path.join(ws.adrDir, move.to))
    if (adrWrite && typeof pointer === 'string') adrWrite.text = retargetDebatePointer(adrWrite.text, key, toKey)
    const text = retargetRecord(record.text, move.from, move.to)
    writes.push(toKey === key ? {file: recordFile, text} : {file: toFile, text, create: true, replaces: recordFile})
    out.push({
      adrFrom: move.from,
      from: key,
      to: toKey,
      lockFile: path.join(path.dirname(recordFile), `.${path.basename(recordFile)}.lock`),
    })
  }
  return out
}

/** Stages the renames in git (`git mv`'s result); outside git there is nothing to stage, and a failure is a warning (the files are written). */
async function stageRenames(ws: Workspace, moves: readonly RenumberMove[], debates: readonly DebateMove[]): Promise<string[]> {
  if (!ws.gitRoot) return []
  const pairs = [
    ...moves.map((m) => ({from: path.join(ws.adrDir, m.from), to: path.join(ws.adrDir, m.to)})),
    ...debates.filter((d) => d.from !== d.to).map((d) => ({from: path.join(ws.adrDir, d.from), to: path.join(ws.adrDir, d.to)})),
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
