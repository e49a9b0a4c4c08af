import {compareAdrs, listAdrEntries, mapLimit, presentDirs} from '../../adapters/adr-store.js'
import {eachTextFile} from '../../adapters/files/contained-read.js'
import {recoverInterruptedWrite} from '../../adapters/files/directory-lock.js'
import {adrDirNotFound, dirRefOf, type Workspace} from '../../adapters/workspace.js'
import {type Headline, readHeadline} from '../../core/adr/headline.js'

/**
 * The fast path of `loadAllAdrs` for `adr generate toc`: every readable ADR's number and title
 * (`readHeadline`), in `loadAllAdrs`' order (in a workspace of several directories, each directory's
 * in the order they are configured, each ADR carrying its directory), without parsing the rest of
 * each file. Unreadable files are left out, as `loadAllAdrs` leaves them out of its ADRs.
 */
export async function loadHeadlines(ws: Workspace): Promise<Headline[]> {
  if (!ws.dirs) return loadDirHeadlines(ws)
  return (await mapLimit(await presentDirs(ws), 4, loadDirHeadlines)).flat()
}

async function loadDirHeadlines(ws: Workspace): Promise<Headline[]> {
  // an interrupted multi-file write is completed first, as every reader does
  await recoverInterruptedWrite(ws)
  const {files, symlinks} = await listAdrEntries(ws.adrDir, () => adrDirNotFound(ws))
  const dir = dirRefOf(ws)
  const headlines: Headline[] = []
  // one file at a time into one buffer: no text outlives its headline
  await eachTextFile(ws.adrDir, files, ws.root, symlinks, {decode: true}, (i, read) => {
    if (read.ok) {
      const headline = readHeadline(read.text, files[i])
      headlines.push(dir ? {...headline, dir} : headline)
    }
    return true
  })
  return headlines.sort(compareAdrs)
}
