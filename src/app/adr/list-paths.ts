import path from 'node:path'
import {compareAdrs, listAdrEntries, presentDirs, type SkippedFile} from '../../adapters/adr-store.js'
import {checkTextFiles, readTextFile} from '../../adapters/files/contained-read.js'
import {recoverInterruptedWrite} from '../../adapters/files/interrupted-write.js'
import {adrDirNotFound, type Workspace} from '../../adapters/workspace.js'
import {numberOfFile} from '../../core/adr/file-name.js'
import {configValues} from '../../core/config/config-values.js'

export interface AdrPaths {
  /** Relative to the working directory, in number order: what a bare `adr list` prints. */
  paths: string[]
  /** Files that could not be read, with the same problems `listAdrs` reports. */
  skipped: SkippedFile[]
}

/**
 * The fast path of a bare `adr list` (no `--long`, filter or `--json`), giving exactly the paths and
 * warnings of `listAdrs`. It skips parsing: a bare list needs each ADR's number only, and a numbered
 * file name carries it. Files whose name has none (log4brains' `YYYYMMDD-slug.md`) are parsed as
 * `listAdrs` parses them, since their number may come from the title. Every file is still checked as
 * UTF-8 without decoding it (`checkTextFiles`), so an unreadable file is left out with the same warning.
 */
export async function listAdrPaths(ws: Workspace): Promise<AdrPaths> {
  if (ws.dirs) {
    // several directories: each one's paths, in the order listAdrs gives them
    const parts = await Promise.all((await presentDirs(ws)).map(listAdrPaths))
    return {paths: parts.flatMap((p) => p.paths), skipped: parts.flatMap((p) => p.skipped)}
  }
  // an interrupted multi-file write is completed first, as every reader does (one stat otherwise)
  await recoverInterruptedWrite(ws)
  const {files, symlinks} = await listAdrEntries(ws.adrDir, () => adrDirNotFound(ws))
  const checks = await checkTextFiles(ws.adrDir, files, ws.root, symlinks)
  const rows: {number?: number; file: string}[] = []
  const skipped: SkippedFile[] = []
  for (const [i, file] of files.entries()) {
    const check = checks[i]
    if (!check.ok) {
      skipped.push({
        file,
        problem: {line: check.line ?? 1, column: 1, severity: 'error', rule: 'parse/read', message: `${file} ${check.reason}`},
      })
      continue
    }
    const number = numberOfFile(file) ?? (await numberFromContent(ws, file))
    rows.push({number, file})
  }
  rows.sort(compareAdrs)
  const dir = path.relative(ws.cwd, ws.adrDir)
  return {paths: rows.map((row) => (dir ? `${dir}${path.sep}${row.file}` : row.file)), skipped}
}

/** The number `parseAdr` gives a file whose name carries none (from a `# 7. Title` heading, say). */
async function numberFromContent(ws: Workspace, file: string): Promise<number | undefined> {
  const read = await readTextFile(path.join(ws.adrDir, file), ws.root)
  if (!read.ok) return undefined
  // the parser (and the format readers it brings) loads only here: most names carry their number
  const {parseAdr} = await import('../../core/adr/parse-adr.js')
  return parseAdr(read.text, file, {statuses: configValues(ws.config).statuses}).number
}
