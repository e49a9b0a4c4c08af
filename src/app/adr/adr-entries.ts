import {compareAdrs, listAdrEntries, mapLimit, presentDirs} from '../../adapters/adr-store.js'
import {eachTextFile} from '../../adapters/files/contained-read.js'
import {recoverInterruptedWrite} from '../../adapters/files/directory-lock.js'
import {adrDirNotFound, dirRefOf, type Workspace} from '../../adapters/workspace.js'
import {readGraphEntry} from '../../core/adr/graph-entry.js'
import {type Headline, readHeadline} from '../../core/adr/headline.js'
import type {Adr} from '../../core/adr/model.js'
import type {ParseOptions} from '../../core/adr/parse-adr.js'
import type {GraphAdr} from '../../core/adr/render-graph.js'
import {configValues} from '../../core/config/config-values.js'

/**
 * The fast path of `loadAllAdrs` for `adr generate toc`: every readable ADR's number and title
 * (`readHeadline`), without parsing the rest of each file.
 */
export async function loadHeadlines(ws: Workspace): Promise<Headline[]> {
  return loadEntries(ws, (text, file) => readHeadline(text, file))
}

/**
 * The fast path of `loadAllAdrs` for `adr generate graph`: every readable ADR's number, title and
 * links (`readGraphEntry`), without parsing the sections, dates and people of each file.
 */
export async function loadGraphEntries(ws: Workspace): Promise<GraphAdr[]> {
  return loadEntries(ws, readGraphEntry)
}

type Entry = Pick<Adr, 'file' | 'number' | 'dir'>

/**
 * What `read` makes of each readable ADR, in `loadAllAdrs`' order: in a workspace of several
 * directories, each directory's in the order they are configured, each entry carrying its directory.
 * Unreadable files are left out, as `loadAllAdrs` leaves them out of its ADRs.
 */
async function loadEntries<T extends Entry>(ws: Workspace, read: (text: string, file: string, options: ParseOptions) => T): Promise<T[]> {
  if (!ws.dirs) return loadDirEntries(ws, read)
  return (await mapLimit(await presentDirs(ws), 4, (sub) => loadDirEntries(sub, read))).flat()
}

async function loadDirEntries<T extends Entry>(
  ws: Workspace,
  read: (text: string, file: string, options: ParseOptions) => T,
): Promise<T[]> {
  // an interrupted multi-file write is completed first, as every reader does
  await recoverInterruptedWrite(ws)
  const {files, symlinks} = await listAdrEntries(ws.adrDir, () => adrDirNotFound(ws))
  const dir = dirRefOf(ws)
  const options = {statuses: configValues(ws.config).statuses}
  const entries: T[] = []
  // one file at a time into one buffer: no text outlives its entry
  await eachTextFile(ws.adrDir, files, ws.root, symlinks, {decode: true}, (i, result) => {
    if (result.ok) {
      const entry = read(result.text, files[i], options)
      entries.push(dir ? {...entry, dir} : entry)
    }
    return true
  })
  return entries.sort(compareAdrs)
}
