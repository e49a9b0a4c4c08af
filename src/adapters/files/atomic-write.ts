import {promises as fs} from 'node:fs'
import path from 'node:path'
import {notice} from '../notices.js'
import {crashPoint} from './crash-points.js'
import {ioError} from './io-error.js'
import {uniqueHex} from './path-key.js'
import {isProcessAlive} from './process-alive.js'

/**
 * Our temporary files: `.<name>.<pid>.<8 hex>.tmp` beside the file they replace, e.g.
 * `.0012-use-postgresql.md.4711.9f86d081.tmp`. Nothing else is ever taken for one of ours.
 */
const TEMP_NAME = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/

export function tempName(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${uniqueHex(4)}.tmp`)
}

/** The pid that wrote a temporary file of ours, or undefined when the name is not one of ours. */
export function tempFileOwner(name: string): number | undefined {
  const match = TEMP_NAME.exec(name)
  return match ? Number(match[2]) : undefined
}

/**
 * Writes `text` to a temporary file beside `file` and renames it into place. With `keepFile`, a
 * `file` that exists keeps what the rename would lose: a symbolic link is written through (its target
 * replaced, the link kept) and the permission bits stay.
 */
export async function writeFileAtomic(file: string, text: string, options: {keepFile?: boolean} = {}): Promise<void> {
  let mode: number | undefined
  if (options.keepFile) {
    const real = await fs.realpath(file).catch(() => undefined)
    if (real !== undefined) {
      file = real
      mode = (await fs.stat(real).catch(() => undefined))?.mode
    }
  }
  const tmp = tempName(file)
  try {
    await fs.writeFile(tmp, text, {flag: 'wx'})
    if (mode !== undefined) await fs.chmod(tmp, mode & 0o7777)
    crashPoint()
    await fs.rename(tmp, file)
  } catch (error) {
    await fs.rm(tmp, {force: true})
    throw ioError(file, error)
  }
}

/**
 * Removes the temporary files of ours in `dir` whose process is gone (a crash, a kill, a full disk),
 * with a notice. Called by writers, under the directory's lock, before they write there; `keep`
 * names temporary files an interrupted write still needs. `listed` is the directory's listing when
 * the caller has just read it (the lock's turn reads it once, for this and for the ADRs' loader).
 */
export async function removeLeftoverTempFiles(
  dir: string,
  keep: ReadonlySet<string> = new Set(),
  listed?: readonly string[],
): Promise<string[]> {
  const names = listed ?? (await fs.readdir(dir).catch(() => [] as string[]))
  const removed: string[] = []
  for (const name of names) {
    // ours all start with a dot (TEMP_NAME): 10,000 ADR names are passed over without the pattern
    if (name.charCodeAt(0) !== 0x2e) continue
    const pid = tempFileOwner(name)
    if (pid === undefined || pid === process.pid || isProcessAlive(pid) || keep.has(path.join(dir, name))) continue
    const stat = await fs.lstat(path.join(dir, name)).catch(() => undefined)
    if (!stat?.isFile()) continue
    await fs.rm(path.join(dir, name), {force: true})
    removed.push(name)
  }
  if (removed.length > 0) {
    notice(
      `removed ${removed.length === 1 ? 'a temporary file' : `${removed.length} temporary files`} left by an interrupted adrgate in ${dir} (${removed.join(', ')})`,
    )
  }
  return removed
}
