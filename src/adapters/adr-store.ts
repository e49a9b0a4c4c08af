import {type Dirent, promises as fs} from 'node:fs'
import path from 'node:path'
import {FOLDER_ADR_FILES, isAdrFileName, isAdrFolderName} from '../core/adr/file-name.js'
import type {Adr, Problem} from '../core/adr/model.js'
import {configValues} from '../core/config/config-values.js'
import {AdrError} from '../core/errors.js'
import {readTextFile, readTextFiles} from './files/contained-read.js'
import {recoverInterruptedWrite} from './files/interrupted-write.js'
import {adrDirExists, adrDirNotFound, dirRefOf, eachDir, type Workspace} from './workspace.js'

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
  return (await listAdrEntries(adrDir, () => missingDir(display))).files
}

/** The ADR files of the workspace's directory, sorted; a missing directory is the one error every command gives. */
export async function listWorkspaceAdrFiles(ws: Workspace): Promise<string[]> {
  await recoverInterruptedWrite(ws)
  return (await listAdrEntries(ws.adrDir, () => adrDirNotFound(ws))).files
}

/** The usual "does not exist" error when the workspace's ADR directory is missing (for commands that read it lazily). */
export async function assertAdrDirExists(ws: Workspace): Promise<void> {
  const stat = await fs.stat(ws.adrDir).catch(() => undefined)
  if (!stat?.isDirectory()) throw adrDirNotFound(ws)
}

function missingDir(display: string): AdrError {
  return new AdrError('ADR_DIR_NOT_FOUND', `The ${display} directory does not exist`, {
    exit: 2,
    suggestions: ['Run `adr init` to create it, or pass --dir with the directory that holds your ADRs.'],
  })
}

/**
 * The ADR files (relative to the directory: `0007-x.md`, or `0007-x/README.md`), sorted, and which of
 * them are symbolic links (those are checked one by one when read). `listed` is the directory's
 * `readdir` (`withFileTypes`) when the caller has just read it under the lock; else it is read here.
 */
export async function listAdrEntries(
  adrDir: string,
  missing: () => AdrError,
  listed?: readonly Dirent[],
): Promise<{files: string[]; symlinks: Set<string>}> {
  const entries =
    listed ??
    (await fs.readdir(adrDir, {withFileTypes: true}).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined
      throw error
    }))
  if (!entries) throw missing()
  const adrEntries = entries.filter((e) => (e.isFile() || e.isSymbolicLink()) && isAdrFileName(e.name))
  const folders = await listAdrFolders(
    adrDir,
    entries.filter((e) => e.isDirectory() && isAdrFolderName(e.name)).map((e) => e.name),
  )
  return {
    files: [...adrEntries.map((e) => e.name), ...folders].sort(),
    symlinks: new Set(adrEntries.filter((e) => e.isSymbolicLink()).map((e) => e.name)),
  }
}

/**
 * One folder per ADR (`0007-use-kafka/README.md` or `index.md`): the ADR is the folder's README or
 * index, named `folder/file`. A folder without either is not an ADR. Only folders named like ADRs are
 * opened, so a plain layout pays nothing.
 */
async function listAdrFolders(adrDir: string, folders: readonly string[]): Promise<string[]> {
  const found = await mapLimit(folders, 8, async (folder) => {
    const names = await fs.readdir(path.join(adrDir, folder)).catch(() => [] as string[])
    const file = FOLDER_ADR_FILES.map((wanted) => names.find((n) => n.toLowerCase() === wanted.toLowerCase())).find(Boolean)
    return file ? `${folder}/${file}` : undefined
  })
  return found.filter((f): f is string => f !== undefined)
}

/**
 * The ADRs of every directory of the workspace (`list`, `show`, `toc`, `graph`): in a workspace of
 * several, each directory's in the order they are configured (each in number order), every ADR
 * carrying its directory (`adr.dir`); a directory not made yet holds none. `loadAdrs` reads one
 * directory, `adrDir` (what the writers and the other readers work on).
 */
export async function loadAllAdrs(ws: Workspace): Promise<LoadedAdrs> {
  if (!ws.dirs) return loadAdrs(ws)
  const parts = await mapLimit(await presentDirs(ws), 4, (sub) => loadAdrs(sub))
  return {adrs: parts.flatMap((p) => p.adrs), skipped: parts.flatMap((p) => p.skipped), files: parts.flatMap((p) => p.files)}
}

/**
 * Reads and parses every ADR in the workspace's directory (`adrDir`): one read and one parse per file.
 * `listed` is the directory's listing when the caller holds it (a writer's lock read it: `withDirectoryLock`);
 * `parse` another parser with `parseAdr`'s signature (a fast path of it: `parseAdrForLint`).
 */
export async function loadAdrs(
  ws: Workspace,
  options: {listed?: readonly Dirent[]; parse?: typeof import('../core/adr/parse-adr.js').parseAdr} = {},
): Promise<LoadedAdrs> {
  await recoverInterruptedWrite(ws)
  const {files, symlinks} = await listAdrEntries(ws.adrDir, () => adrDirNotFound(ws), options.listed)
  const adrs: Adr[] = []
  const skipped: SkippedFile[] = []
  const results = await readTextFiles(ws.adrDir, files, ws.root, symlinks)
  const parseAdr = options.parse ?? (await loadParser())
  const dir = dirRefOf(ws)
  const {statuses} = configValues(ws.config)
  results.forEach((result, i) => {
    const file = files[i]
    if (result.ok) {
      const adr = parseAdr(result.text, file, {statuses})
      adrs.push(dir ? {...adr, dir} : adr)
    } else skipped.push(skippedFile(file, result))
  })
  adrs.sort(compareAdrs)
  return {adrs, skipped, files}
}

/**
 * The directories of a workspace of several that exist, as workspaces (a package whose ADR folder is
 * not made yet holds no ADRs); when none exists, the usual "does not exist" error for the first.
 */
export async function presentDirs(ws: Workspace): Promise<Workspace[]> {
  const subs = eachDir(ws)
  const present = (await mapLimit(subs, 8, adrDirExists)).map((exists, i) => (exists ? subs[i] : undefined))
  const found = present.filter((sub): sub is Workspace => sub !== undefined)
  if (found.length === 0) throw adrDirNotFound(subs[0])
  return found
}

/** The text of every ADR file in the workspace's directory, unparsed (a search parses only the files that hold its terms). */
export async function readAdrTexts(ws: Workspace): Promise<{texts: {file: string; text: string}[]; skipped: SkippedFile[]}> {
  await recoverInterruptedWrite(ws)
  const {files, symlinks} = await listAdrEntries(ws.adrDir, () => adrDirNotFound(ws))
  const texts: {file: string; text: string}[] = []
  const skipped: SkippedFile[] = []
  const results = await readTextFiles(ws.adrDir, files, ws.root, symlinks)
  results.forEach((result, i) => {
    const file = files[i]
    if (result.ok) texts.push({file, text: result.text})
    else skipped.push(skippedFile(file, result))
  })
  return {texts, skipped}
}

/** A file that could not be read as text (`reason`, at `line` when the bytes say where), as every loader reports it. */
export function skippedFile(file: string, result: {reason: string; line?: number}): SkippedFile {
  return {file, problem: {line: result.line ?? 1, column: 1, severity: 'error', rule: 'parse/read', message: `${file} ${result.reason}`}}
}

/** Reads and parses one ADR file by name. */
export async function loadAdr(ws: Workspace, file: string): Promise<Adr> {
  const result = await readTextFile(path.join(ws.adrDir, file), ws.root)
  if (!result.ok) throw new AdrError('PARSE_FAILED', `${file} ${result.reason}`)
  const parseAdr = await loadParser()
  return parseAdr(result.text, file, {statuses: configValues(ws.config).statuses})
}

/**
 * The ADR parser, loaded on the first parse: it brings the format readers and the front-matter
 * split, which the commands that list this store's files without parsing them (a bare `adr list`,
 * `generate toc`, a warm `adr lint`) never need.
 */
async function loadParser(): Promise<typeof import('../core/adr/parse-adr.js').parseAdr> {
  return (await import('../core/adr/parse-adr.js')).parseAdr
}

export function compareAdrs(a: Pick<Adr, 'number' | 'file'>, b: Pick<Adr, 'number' | 'file'>): number {
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
