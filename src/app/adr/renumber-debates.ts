import path from 'node:path'
import {debateStateFolder, legacyDebateStateFolder} from '../../adapters/debate-salts.js'
import {readTextFile} from '../../adapters/files/contained-read.js'
import {resolvesInside} from '../../adapters/files/containment.js'
import {stateDirectory} from '../../adapters/files/directory-lock.js'
import type {PlannedWrite} from '../../adapters/files/multi-write.js'
import {listDirectoryFiles, pathExists} from '../../adapters/paths.js'
import type {Workspace} from '../../adapters/workspace.js'
import type {Adr} from '../../core/adr/model.js'
import {debateKeyOf, movedDebateKey, retargetDebatePointer, retargetRecord} from '../../core/adr/renumber-debates.js'
import type {RenumberMove} from '../../core/adr/renumber-plan.js'
import {AdrError} from '../../core/errors.js'

export interface DebateMove {
  adrFrom: string
  /** Record keys, relative to the ADR directory. */
  from: string
  to: string
  lockFile: string
  /** Folders the move empties (the old answers folder, the old salts folder): removed once everything is written. */
  emptied: string[]
  /** The answers files moved with the record, absolute: for staging the renames (the salts are not in git). */
  files: {from: string; to: string}[]
  /**
   * The salts folder, when the git directory lies outside the repository's folder (a `git worktree`):
   * writes there are not allowed inside the all-or-nothing write, so it is renamed right after it.
   */
  later?: {from: string; to: string}
}

/**
 * The debate records of the moved ADRs: each is renamed with its ADR (when it has the conventional
 * name), its `adr:` pointed at the new file, and the ADR's `debate:` at the new record (edits added
 * to `writes`). A debate answered on people's own clones moves whole: its answers folder
 * (`debates/NNNN-slug/`, beside the record) and this clone's salts and blind answers
 * (under `.git/adrgate/debates/`, see `debateStateFolder`) go to the new name in the same all-or-nothing write. A record
 * that cannot be read is left alone, with its ADR's pointer.
 */
export async function planDebateMoves(
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
    const moved: DebateMove = {
      adrFrom: move.from,
      from: key,
      to: toKey,
      lockFile: path.join(path.dirname(recordFile), `.${path.basename(recordFile)}.lock`),
      emptied: [],
      files: [],
    }
    if (toKey !== key) {
      const folders = [{from: recordFile.replace(/\.ya?ml$/i, ''), to: toFile.replace(/\.ya?ml$/i, ''), staged: true}]
      const salts = await saltsMove(ws, recordFile, toFile)
      if (salts?.inside) folders.push({from: salts.from, to: salts.to, staged: false})
      else if (salts && (await pathExists(salts.from))) moved.later = salts
      for (const folder of folders) await moveFolder(ws, folder, writes, moved)
    }
    out.push(moved)
  }
  return out
}

/**
 * This clone's salts folder of the debate and where it goes (`debateStateFolder`); one kept where
 * versions before kept it (by the record's name alone) moves to the new place. `inside`: the git
 * directory lies inside the repository's folder (not a `git worktree`'s).
 */
async function saltsMove(ws: Workspace, recordFile: string, toFile: string) {
  const state = stateDirectory(ws.gitRoot)
  if (!state || !ws.gitRoot) return undefined
  const current = debateStateFolder(state, ws.gitRoot, recordFile)
  const legacy = legacyDebateStateFolder(state, recordFile)
  const from = !(await pathExists(current)) && (await pathExists(legacy)) ? legacy : current
  return {from, to: debateStateFolder(state, ws.gitRoot, toFile), inside: resolvesInside(ws.root, state)}
}

/** Every file of `folder.from` written under `folder.to`, replacing it; anything but plain files is refused, so nothing is left behind. */
async function moveFolder(
  ws: Workspace,
  folder: {from: string; to: string; staged: boolean},
  writes: PlannedWrite[],
  moved: DebateMove,
): Promise<void> {
  const {files, others} = await listDirectoryFiles(folder.from)
  if (others.length > 0) {
    throw new AdrError(
      'INVALID_ARGUMENT',
      `${path.relative(ws.cwd, folder.from)} holds ${others.map((o) => `"${o}"`).join(', ')}, which is not a file; renumbering would leave it behind`,
      {
        suggestions: [
          `Move or remove ${others.join(', ')} first (a debate's folder holds only its people's files), then run the command again.`,
        ],
      },
    )
  }
  for (const name of files) {
    const from = path.join(folder.from, name)
    const to = path.join(folder.to, name)
    const read = await readTextFile(from, path.dirname(folder.from))
    if (!read.ok) throw new AdrError('PARSE_FAILED', `${path.relative(ws.cwd, from)} ${read.reason}; renumbering would leave it behind`)
    writes.push({file: to, text: read.text, create: true, replaces: from})
    if (folder.staged) moved.files.push({from, to})
  }
  if (files.length > 0) moved.emptied.push(folder.from)
}
