import {promises as fs, readFileSync, type Stats, statSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {AdrError} from '../../core/errors.js'
import {mapLimit} from '../adr-store.js'
import {type ReadResult, readTextFile} from '../files/contained-read.js'

/** The package's `schemas/` directory (beside `dist/` when installed, beside `src/` in development). */
export const SCHEMA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../schemas')

/** One of adrgate's own JSON Schemas, read synchronously (a command's start, before it runs). */
export function readPackageSchemaSync(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(SCHEMA_DIR, name), 'utf8')) as Record<string, unknown>
}

/** One of adrgate's own JSON Schemas, e.g. `adr.schema.json`. */
export async function readPackageSchema(name: string): Promise<Record<string, unknown>> {
  return JSON.parse(await fs.readFile(path.join(SCHEMA_DIR, name), 'utf8')) as Record<string, unknown>
}

export type JsonFileResult = {ok: true; value: Record<string, unknown>; text: string} | {ok: false; reason: string}

/** A user's JSON file (a team's extra schema): a reason instead of an exception when it cannot be used. */
export async function readJsonObject(file: string, root: string): Promise<JsonFileResult> {
  // contained and regular: a repository's `schema:` cannot make lint read (or hang on) a file outside it
  const read = await readTextFile(file, root)
  if (!read.ok) return read
  const text = read.text
  try {
    const value: unknown = JSON.parse(text)
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {ok: false, reason: 'is not a JSON object'}
    return {ok: true, value: value as Record<string, unknown>, text}
  } catch (error) {
    // where, never what: the parser's message quotes the file's first bytes
    const at = /at position \d+( \(line \d+ column \d+\))?/.exec((error as Error).message)?.[0]
    return {ok: false, reason: `is not valid JSON${at ? ` (${at})` : ''}`}
  }
}

/** A text file's content, or `''` when it cannot be read (the config file, to locate its findings). */
export async function readTextOrEmpty(file: string): Promise<string> {
  return fs.readFile(file, 'utf8').catch(() => '')
}

/** The debate records (`*.yaml`, `*.yml`) in `<adr-dir>/debates/`, sorted; none when the directory does not exist. */
export async function listDebateFiles(adrDir: string): Promise<string[]> {
  const names = await fs.readdir(path.join(adrDir, 'debates')).catch(() => [] as string[])
  return names.filter((n) => /\.ya?ml$/i.test(n) && !n.startsWith('.')).sort()
}

/** `adr lint [PATHS]`: a directory is the ADR directory; files are the ADRs to report on. */
export async function classifyLintPaths(cwd: string, paths: readonly string[]): Promise<{dir?: string; files: string[]}> {
  let dir: string | undefined
  const files: string[] = []
  for (const p of paths) {
    const absolute = path.resolve(cwd, p)
    const stat = await fs.stat(absolute).catch(() => undefined)
    if (!stat) {
      throw new AdrError('INVALID_ARGUMENT', `${p} does not exist`, {
        suggestions: ['Pass the ADR directory (adr lint docs/adr) or ADR files in it, or nothing to lint the directory found.'],
      })
    }
    if (stat.isDirectory()) dir = absolute
    else {
      files.push(absolute)
      dir ??= path.dirname(absolute)
    }
  }
  return {dir, files}
}

const utf8 = new TextDecoder('utf-8', {fatal: true})

/**
 * Reads many ADR files fast: the directory's real path is checked once, and plain files in it are read
 * directly. Symbolic links, and files that are not UTF-8, go through `readTextFile`, which checks the
 * link's target and words the reason.
 */
export async function readAdrTexts(adrDir: string, names: readonly string[], root: string): Promise<ReadResult[]> {
  const realRoot = await fs.realpath(root).catch(() => root)
  const realDir = await fs.realpath(adrDir).catch(() => adrDir)
  const inside = realDir === realRoot || realDir.startsWith(realRoot.endsWith(path.sep) ? realRoot : realRoot + path.sep)
  const entries = await fs.readdir(adrDir, {withFileTypes: true}).catch(() => [])
  const plain = new Set(entries.filter((e) => e.isFile()).map((e) => e.name))
  // Synchronous reads: for thousands of small files they beat the thread pool several times over.
  return mapLimit(names, 8, async (name) => {
    if (!inside || !plain.has(name)) return readTextFile(path.join(adrDir, name), root)
    try {
      return {ok: true, text: utf8.decode(readFileSync(path.join(realDir, name)))} as const
    } catch {
      return readTextFile(path.join(adrDir, name), root)
    }
  })
}

/** A file's stat as the lint cache records it with the file's result: size, modification and change times (ms), inode. */
export type FileStamp = [size: number, mtimeMs: number, ctimeMs: number, ino: number]

/** What `readChangedAdrTexts` gives for a file: its text (or why it cannot be read), or that it is unchanged. */
export type StampedRead = (ReadResult & {stamp?: FileStamp}) | {ok: 'unchanged'; stamp: FileStamp}

/**
 * The fast path of `readAdrTexts` for a lint with a cache: a plain file inside the repository whose
 * stat is one `unchanged(name, stamp)` trusts is not read (`ok: 'unchanged'`), so its cached result
 * stands without the read and the hash of its text. What it skips is safe to skip for the reason
 * git's index and the fact caches (ADR 27) give: any write to a file moves its change time, which no
 * tool can set back, and the caller does not trust a stat taken within `RACY_MS` of the cached run
 * (ADR 30). Every other file is read as `readAdrTexts` reads it, with its stat (`stamp`) when it is
 * a plain file, for the cache to record. `test/app/lint-cache-stamps.test.ts` pins it to `readAdrTexts`.
 */
export async function readChangedAdrTexts(
  adrDir: string,
  names: readonly string[],
  root: string,
  unchanged: (name: string, stamp: FileStamp) => boolean,
): Promise<StampedRead[]> {
  const realRoot = await fs.realpath(root).catch(() => root)
  const realDir = await fs.realpath(adrDir).catch(() => adrDir)
  const inside = realDir === realRoot || realDir.startsWith(realRoot.endsWith(path.sep) ? realRoot : realRoot + path.sep)
  const entries = await fs.readdir(adrDir, {withFileTypes: true}).catch(() => [])
  const plain = new Set(entries.filter((e) => e.isFile()).map((e) => e.name))
  const out: StampedRead[] = []
  for (const name of names) {
    if (!inside || !plain.has(name)) {
      out.push(await readTextFile(path.join(adrDir, name), root))
      continue
    }
    // readdir names hold no separator: joined plainly, not with path.join's normalisation, 10,000 times
    const file = `${realDir}${path.sep}${name}`
    const stat = statOrUndefined(file)
    const stamp: FileStamp | undefined = stat?.isFile() ? [stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino] : undefined
    if (stamp && unchanged(name, stamp)) {
      out.push({ok: 'unchanged', stamp})
      continue
    }
    try {
      out.push({ok: true, text: utf8.decode(readFileSync(file)), ...(stamp ? {stamp} : {})})
    } catch {
      out.push(await readTextFile(path.join(adrDir, name), root))
    }
  }
  return out
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file)
  } catch {
    return undefined
  }
}
