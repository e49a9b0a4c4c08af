import path from 'node:path'
import {listWorkspaceAdrFiles} from '../../adapters/adr-store.js'
import {readTextFile} from '../../adapters/files/contained-read.js'
import {pathExistsSync} from '../../adapters/paths.js'
import {narrowToDir, type Workspace} from '../../adapters/workspace.js'
import {numberOfFile} from '../../core/adr/file-name.js'
import {numericRef, splitQualifiedRef} from '../../core/adr/resolve-ref.js'

/** The one ADR `adr show N` prints: its file name and its text exactly as read. */
export interface AdrText {
  file: string
  text: string
}

/**
 * The fast path of `adr show N` (a number, text output): reads the one file whose name carries the
 * number instead of reading and parsing every ADR as `showAdr` does. It skips the parse because the
 * text output is the file as read, and the other files because file names carry the numbers. It
 * answers only when that is certain to be `showAdr`'s answer: every ADR file name has a number (else a
 * title could carry one), exactly one has this number, and it reads as UTF-8. Otherwise — not found,
 * ambiguous, unreadable, a title reference — it returns `undefined`, and the caller takes `showAdr`,
 * whose errors list the candidates.
 */
export async function showAdrText(ws: Workspace, ref: string): Promise<AdrText | undefined> {
  if (ws.dirs) {
    // several directories: only a qualified reference (`web/3`) is certain to name one directory
    const qualified = splitQualifiedRef(
      ws.dirs.map((d) => ({dir: {name: d.name, path: ''}})),
      ref,
    )
    if (!qualified) return undefined
    const narrowed = narrowToDir(ws, qualified.dir)
    // a directory not made yet holds no ADR: showAdr says so in its words ("No ADR matches")
    return pathExistsSync(narrowed.adrDir) ? showAdrText(narrowed, qualified.ref) : undefined
  }
  const number = numericRef(ref)
  if (number === undefined) return undefined
  const files = await listWorkspaceAdrFiles(ws)
  const numbers = files.map(numberOfFile)
  if (numbers.includes(undefined)) return undefined
  const matches = files.filter((_, i) => numbers[i] === number)
  if (matches.length !== 1) return undefined
  const read = await readTextFile(path.join(ws.adrDir, matches[0]), ws.root)
  return read.ok ? {file: matches[0], text: read.text} : undefined
}
