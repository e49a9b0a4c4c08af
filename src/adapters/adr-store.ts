import {promises as fs} from 'node:fs'
import path from 'node:path'
import {isAdrFileName} from '../core/adr/file-name.js'
import type {Adr, Problem} from '../core/adr/model.js'
import {parseAdr} from '../core/adr/parse-adr.js'
import {AdrError} from '../core/errors.js'
import {readTextFile, readTextFiles} from './files.js'
import type {Workspace} from './workspace.js'

/** A file in the ADR directory that could not be read as an ADR at all. */
export interface SkippedFile {
  file: string
  problem: Problem
}

export interface LoadedAdrs {
  /** Sorted by number, then file name. */
  adrs: Adr[]
  skipped: SkippedFile[]
  /** Every file name in the directory, ADR or not (for naming detection). */
  files: string[]
}

/** The ADR file names in the directory, sorted. A missing directory is an error the caller words. */
export async function listAdrFiles(adrDir: string, display = adrDir): Promise<string[]> {
  return (await listAdrEntries(adrDir, display)).files
}

/** The ADR file names, sorted, and which of them are symbolic links (those are checked one by one when read). */
async function listAdrEntries(adrDir: string, display: string): Promise<{files: string[]; symlinks: Set<string>}> {
  const entries = await fs.readdir(adrDir, {withFileTypes: true}).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined
    throw error
  })
  if (!entries)
    throw new AdrError('ADR_DIR_NOT_FOUND', `The ${display} directory does not exist`, {
      exit: 1,
      suggestions: ['Run `adr init` to create it, or pass --dir with the directory that holds your ADRs.'],
    })
  const adrEntries = entries.filter((e) => (e.isFile() || e.isSymbolicLink()) && isAdrFileName(e.name))
  return {
    files: adrEntries.map((e) => e.name).sort(),
    symlinks: new Set(adrEntries.filter((e) => e.isSymbolicLink()).map((e) => e.name)),
  }
}

/** Reads and parses every ADR in the workspace's directory: one read and one parse per file. */
export async function loadAdrs(ws: Workspace): Promise<LoadedAdrs> {
  const {files, symlinks} = await listAdrEntries(ws.adrDir, path.relative(ws.cwd, ws.adrDir) || '.')
  const adrs: Adr[] = []
  const skipped: SkippedFile[] = []
  const results = await readTextFiles(ws.adrDir, files, ws.root, symlinks)
  results.forEach((result, i) => {
    const file = files[i]
    if (result.ok) adrs.push(parseAdr(result.text, file))
    else
      skipped.push({
        file,
        problem: {line: result.line ?? 1, column: 1, severity: 'error', rule: 'parse/read', message: `${file} ${result.reason}`},
      })
  })
  adrs.sort(compareAdrs)
  return {adrs, skipped, files}
}

/** Reads and parses one ADR file by name. */
export async function loadAdr(ws: Workspace, file: string): Promise<Adr> {
  const result = await readTextFile(path.join(ws.adrDir, file), ws.root)
  if (!result.ok) throw new AdrError('PARSE_FAILED', `${file} ${result.reason}`)
  return parseAdr(result.text, file)
}

export function compareAdrs(a: Adr, b: Adr): number {
  const na = a.number ?? Number.MAX_SAFE_INTEGER
  const nb = b.number ?? Number.MAX_SAFE_INTEGER
  return na - nb || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)
}

export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length)
  let next = 0
  const workers = Array.from({length: Math.min(limit, items.length)}, async () => {
    while (next < items.length) {
      const i = next++
      out[i] = await fn(items[i])
    }
  })
  await Promise.all(workers)
  return out
}
