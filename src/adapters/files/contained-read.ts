import {isUtf8} from 'node:buffer'
import {closeSync, promises as fs, openSync, readFileSync, readSync} from 'node:fs'
import path from 'node:path'
import {isInside, realRoot} from './containment.js'

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
  let buffer = Buffer.allocUnsafe(64 * 1024)
  for (const [index, name] of names.entries()) {
    let result: ReadResult
    if (!inside || symlinks.has(name)) result = await readTextFile(path.join(dir, name), root)
    else {
      let length = 0
      try {
        // readdir names hold no separator: a plain join, not path.join's normalisation, 10,000 times
        const fd = openSync(`${realDir}${path.sep}${name}`, 'r')
        try {
          for (let n = 1; n > 0; length += n) {
            if (length === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)])
            n = readSync(fd, buffer, length, buffer.length - length, null)
          }
        } finally {
          closeSync(fd)
        }
        const bytes = buffer.subarray(0, length)
        result = options.decode ? decodeText(bytes) : isUtf8(bytes) ? {ok: true, text: ''} : decodeText(bytes)
      } catch (error) {
        result = {ok: false, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`}
      }
    }
    if (!each(index, result)) return
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

function firstInvalidUtf8(bytes: Buffer): {offset: number; line: number} {
  let line = 1
  for (let i = 0; i < bytes.length; i++) {
    const end = Math.min(bytes.length, i + 4)
    const b = bytes[i]
    if (b === 0x0a) line++
    if (b < 0x80) continue
    const len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 0
    if (len === 0 || i + len > end) return {offset: i, line}
    try {
      utf8.decode(bytes.subarray(i, i + len))
      i += len - 1
    } catch {
      return {offset: i, line}
    }
  }
  return {offset: 0, line: 1}
}
