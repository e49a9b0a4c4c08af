import {promises as fs, readFileSync} from 'node:fs'
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
