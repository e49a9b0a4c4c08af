import {isUtf8} from 'node:buffer'
import {closeSync, promises as fs, openSync, readFileSync, readSync, type Stats, statSync} from 'node:fs'
import path from 'node:path'
import {isInside, realRoot} from './containment.js'
import type {FactCache} from './fact-cache.js'
import {firstInvalidUtf8} from './utf8-check.js'

// ignoreBOM keeps a byte-order mark in the text: ADRs are edited and printed byte for byte (the parser skips it)
const utf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})

export type ReadResult = {ok: true; text: string} | {ok: false; reason: string; line?: number}

/**
 * Reads a text file that must be UTF-8, a regular file, inside `root` (after its links are followed).
 * A file that is not (a FIFO, a device, a link that leaves the repository, bytes that are not
 * UTF-8) is a reason, not an exception: the caller reports it. A FIFO is never opened, so it cannot hang.
 */
export async function readTextFile(file: string, root: string): Promise<ReadResult> {
  let real: string
  try {
    real = await fs.realpath(file)
  } catch (error) {
    return {ok: false, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`}
  }
  if (!isInside(await realRoot(root), real)) {
    return {ok: false, reason: `resolves to ${real}, outside the repository; adrgate does not read it`}
  }
  const kind = await fileKind(real)
  if (kind !== 'file') return {ok: false, reason: `is ${kind}, not a regular file; adrgate reads only regular files`}
  return decodeText(await fs.readFile(real))
}

/** A text file the user chose (`--template`, `ADR_TEMPLATE`): it may be anywhere, but it must be a regular UTF-8 file. */
export async function readChosenTextFile(file: string): Promise<ReadResult> {
  const kind = await fileKind(file)
  if (kind === 'missing') return {ok: false, reason: 'does not exist'}
  if (kind !== 'file') return {ok: false, reason: `is ${kind}, not a regular file; adrgate reads only regular files`}
  return decodeText(await fs.readFile(file))
}

async function fileKind(file: string): Promise<string> {
  const stat = await fs.stat(file).catch(() => undefined)
  if (!stat) return 'missing'
  if (stat.isFile()) return 'file'
  if (stat.isDirectory()) return 'a directory'
  if (stat.isFIFO()) return 'a named pipe (FIFO)'
  if (stat.isSocket()) return 'a socket'
  return 'a device'
}

/**
 * Reads many files of one directory, as `readTextFile` would, but fast: the directory's real path is
 * checked against `root` once, plain files (listed as such by `readdir`) are read synchronously (for
 * thousands of small files that beats the thread pool), and only the names in `symlinks` are resolved
 * one by one.
 */
export async function readTextFiles(
  dir: string,
  names: readonly string[],
  root: string,
  symlinks: ReadonlySet<string>,
): Promise<ReadResult[]> {
  const realDir = await fs.realpath(dir).catch(() => undefined)
  const inside = realDir !== undefined && isInside(await realRoot(root), realDir)
  return Promise.all(
    names.map((name) => {
      if (!inside || symlinks.has(name)) return readTextFile(path.join(dir, name), root)
      try {
        return decodeText(readFileSync(path.join(realDir, name)))
      } catch (error) {
        return {ok: false, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`}
      }
    }),
  )
}

/** What `readTextFiles` would say of each file, without the text: whether it reads as UTF-8, and why not. */
export type CheckResult = {ok: true} | {ok: false; reason: string; line?: number}

/**
 * `readTextFiles` for callers that need only to know which files read (`adr list`): nothing is
 * decoded (`Buffer.isUtf8` checks), and the reasons are word for word the same.
 */
export async function checkTextFiles(
  dir: string,
  names: readonly string[],
  root: string,
  symlinks: ReadonlySet<string>,
): Promise<CheckResult[]> {
  const out: CheckResult[] = []
  await eachTextFile(dir, names, root, symlinks, {decode: false}, (_index, result) => {
    out.push(result.ok ? {ok: true} : result)
    return true
  })
  return out
}

/**
 * Reads the files of one directory one after another, with the checks and reasons of `readTextFiles`,
 * into one reused buffer (10,000 small reads allocate nothing: less CPU, a flat peak RSS), and hands
 * each result to `each`, in order, until `each` returns `false`. With `decode: false` the
 * texts are only checked, never decoded (an ok result's `text` is then `''`). Symbolic links, and every
 * file of a directory outside `root`, go through `readTextFile`.
 */
export async function eachTextFile(
  dir: string,
  names: readonly string[],
  root: string,
  symlinks: ReadonlySet<string>,
  options: {decode: boolean},
  each: (index: number, result: ReadResult) => boolean,
): Promise<void> {
  const realDir = await fs.realpath(dir).catch(() => undefined)
  const inside = realDir !== undefined && isInside(await realRoot(root), realDir)
  const reader = new PlainReader()
  for (const [index, name] of names.entries()) {
    const result =
      !inside || symlinks.has(name)
        ? await readTextFile(path.join(dir, name), root)
        : reader.read(`${realDir}${path.sep}${name}`, options.decode)
    if (!each(index, result)) return
  }
}

/** What `eachFileFact` hands on for each file: the fact learned from it (or cached), or why it could not be read. */
export type FactResult<T> = {ok: true; fact: T} | {ok: false; reason: string; line?: number}

/**
 * `eachTextFile` with a `FactCache`: what `learn` makes of each readable file (or the promise of it),
 * in order, until `each` returns `false`. A plain file whose stat is the one recorded with its fact is not read: the cached
 * fact is handed on. Every other file is read as `eachTextFile` reads it, and the fact learned from it
 * recorded. Symbolic links, the files of a directory outside `root`, and files that cannot be read are
 * never cached (they are read, and their reason given, every time). Without a cache it is
 * `eachTextFile`.
 */
export async function eachFileFact<T>(
  dir: string,
  names: readonly string[],
  root: string,
  symlinks: ReadonlySet<string>,
  options: {decode: boolean; cache?: FactCache<T>},
  learn: (index: number, text: string) => T | Promise<T>,
  each: (index: number, result: FactResult<T>) => boolean,
): Promise<void> {
  const {cache} = options
  const realDir = await fs.realpath(dir).catch(() => undefined)
  const inside = realDir !== undefined && isInside(await realRoot(root), realDir)
  const reader = new PlainReader()
  for (const [index, name] of names.entries()) {
    // the event loop turns between slices: work started before (the git log of `adr list --long`) goes on meanwhile
    if (index > 0 && index % FACT_SLICE === 0) await new Promise<void>((resolve) => setImmediate(resolve))
    let result: FactResult<T>
    if (!inside || symlinks.has(name)) {
      const read = await readTextFile(path.join(dir, name), root)
      result = read.ok ? {ok: true, fact: await learn(index, read.text)} : read
    } else {
      const file = `${realDir}${path.sep}${name}`
      const stat = cache ? statOf(file) : undefined
      const known = stat ? cache?.get(name, stat) : undefined
      if (known !== undefined) result = {ok: true, fact: known}
      else {
        const read = reader.read(file, options.decode)
        if (read.ok) {
          // a reader that needs a library for a few files only (the parser, say) loads it then and gives a
          // promise for those: only a promise is awaited (an await for each of 10,000 files costs)
          const fact = learn(index, read.text)
          result = {ok: true, fact: fact instanceof Promise ? await fact : fact}
        } else result = read
        if (result.ok && stat) cache?.set(name, stat, result.fact)
      }
    }
    if (!each(index, result)) return
  }
}

/** How many files `eachFileFact` reads (or finds cached) between two turns of the event loop: a few ms of parsing. */
const FACT_SLICE = 256

function statOf(file: string): Stats | undefined {
  try {
    return statSync(file)
  } catch {
    return undefined
  }
}

/**
 * Reads plain files (listed as such by `readdir`, inside the root) one after another into one reused
 * buffer: 10,000 small reads allocate nothing (less CPU, a flat peak RSS). With `decode: false` the
 * text is only checked, never decoded (an ok result's `text` is then `''`).
 */
class PlainReader {
  private buffer = Buffer.allocUnsafe(64 * 1024)

  read(file: string, decode: boolean): ReadResult {
    let length = 0
    try {
      // readdir names hold no separator: the caller joins them plainly, not with path.join's normalisation, 10,000 times
      const fd = openSync(file, 'r')
      try {
        for (let n = 1; n > 0; length += n) {
          if (length === this.buffer.length) this.buffer = Buffer.concat([this.buffer, Buffer.allocUnsafe(this.buffer.length)])
          n = readSync(fd, this.buffer, length, this.buffer.length - length, null)
        }
      } finally {
        closeSync(fd)
      }
    } catch (error) {
      return {ok: false, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`}
    }
    const bytes = this.buffer.subarray(0, length)
    return decode ? decodeText(bytes) : isUtf8(bytes) ? {ok: true, text: ''} : decodeText(bytes)
  }
}

function decodeText(bytes: Buffer): ReadResult {
  try {
    return {ok: true, text: utf8.decode(bytes)}
  } catch {
    const bad = firstInvalidUtf8(bytes)
    return {ok: false, reason: `is not valid UTF-8 (byte ${bad.offset + 1}, line ${bad.line}); save it as UTF-8`, line: bad.line}
  }
}
