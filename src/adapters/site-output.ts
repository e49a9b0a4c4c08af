import {randomBytes} from 'node:crypto'
import {promises as fs, realpathSync} from 'node:fs'
import {createRequire} from 'node:module'
import {homedir} from 'node:os'
import path from 'node:path'
import {AdrError} from '../core/errors.js'

/** The file that marks a directory as a site adrgate wrote (so a later export may replace it). */
export const SITE_MARKER = '.adrgate-site'

/** What the marker file says, exactly: a file of that name with other content does not make a directory ours. */
const MARKER_TEXT = 'This directory was written by `adr export site`; the next export replaces it.\n'

const WRITE_BATCH = 32

/** A directory the export must never replace, `--force` or not, and what to call it in the message. */
export interface KeptDirectory {
  path: string
  what: string
}

/**
 * Refuses an output directory that is, or holds, one of `keep` (the repository, the ADRs, the working
 * directory), the home directory or the file system's root: the export replaces the whole directory,
 * and `--force` means "replace what is there", never "delete the repository". Paths are compared
 * with their links resolved, as far as they exist.
 */
export function checkSiteTarget(dir: string, keep: readonly KeptDirectory[]): void {
  const target = realPrefix(path.resolve(dir))
  const always: KeptDirectory[] = [
    {path: homedir(), what: 'your home directory'},
    {path: path.parse(target).root, what: 'the root of the file system'},
  ]
  for (const kept of [...keep, ...always]) {
    const rel = path.relative(target, realPrefix(path.resolve(kept.path)))
    if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) {
      throw new AdrError(
        'UNSAFE_PATH',
        `${dir} ${rel === '' ? 'is' : 'holds'} ${kept.what} (${kept.path}); the export replaces the whole directory, so it does not write there, even with --force`,
        {
          suggestions: ['Pass --out with a directory of its own, e.g. --out adr-site.'],
        },
      )
    }
  }
}

/** The path with every link in its existing part resolved (a path that does not exist yet keeps its missing tail). */
function realPrefix(absolute: string): string {
  try {
    return realpathSync(absolute)
  } catch {
    const parent = path.dirname(absolute)
    return parent === absolute ? absolute : path.join(realPrefix(parent), path.basename(absolute))
  }
}

/** Whether `dir` holds the marker an earlier export wrote: a regular file with exactly its text. */
async function holdsOurMarker(dir: string): Promise<boolean> {
  const file = path.join(dir, SITE_MARKER)
  const stat = await fs.lstat(file).catch(() => undefined)
  if (!stat?.isFile() || stat.size !== Buffer.byteLength(MARKER_TEXT)) return false
  return (await fs.readFile(file, 'utf8').catch(() => '')) === MARKER_TEXT
}

export interface SiteFileToWrite {
  path: string
  content: string
}

export interface WrittenSite {
  /** Absolute path of the site. */
  dir: string
  files: {path: string; bytes: number}[]
  bytes: number
}

/** MiniSearch's browser (UMD) build, shipped in the package: the site's search runs it. */
export async function readMiniSearchBrowserBuild(): Promise<string> {
  const require = createRequire(import.meta.url)
  const main = require.resolve('minisearch')
  const umd = path.join(path.dirname(main), '..', 'umd', 'index.js')
  return fs.readFile(umd, 'utf8').catch((error) => {
    throw new AdrError('IO_FAILED', `MiniSearch's browser build is missing (${umd}): ${(error as NodeJS.ErrnoException).code}`, {
      suggestions: ['Reinstall adrgate (npm ci).'],
    })
  })
}

/**
 * Writes the site into `dir` all at once: every file goes into a new sibling directory first, which
 * then takes `dir`'s place (the old site is moved aside and removed only once the new one is in). A
 * directory that holds anything but an earlier export is refused unless `force`; one that is or holds
 * a `keep` directory always (`checkSiteTarget`).
 */
export async function writeSiteDirectory(
  dir: string,
  files: Iterable<SiteFileToWrite>,
  options: {force?: boolean; keep?: readonly KeptDirectory[]} = {},
): Promise<WrittenSite> {
  checkSiteTarget(dir, options.keep ?? [])
  const target = path.resolve(dir)
  const entries = await fs.readdir(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined
    if (error.code === 'ENOTDIR')
      throw new AdrError('FILE_EXISTS', `${dir} exists and is not a directory`, {suggestions: ['Pass --out with a directory.']})
    throw ioError(dir, error)
  })
  if (entries && entries.length > 0 && !options.force && !(await holdsOurMarker(target))) {
    throw new AdrError('FILE_EXISTS', `${dir} already holds files that adrgate did not write; the export would replace them`, {
      suggestions: ['Pass --out with a new or empty directory.', 'Or pass --force to replace the directory with the site.'],
    })
  }
  const parent = path.dirname(target)
  await fs.mkdir(parent, {recursive: true}).catch((error) => {
    throw ioError(parent, error)
  })
  const stamp = `${process.pid}-${randomBytes(4).toString('hex')}`
  const staging = path.join(parent, `.${path.basename(target)}.new-${stamp}`)
  const written: WrittenSite['files'] = []
  let bytes = 0
  try {
    await fs.mkdir(staging)
    const made = new Set<string>()
    // a few writes in flight at once: thousands of small files, each an open, a write and a close
    let batch: {path: string; data: Buffer}[] = []
    const flush = async () => {
      for (const file of batch) {
        const parent = path.posix.dirname(file.path)
        if (parent !== '.' && !made.has(parent)) {
          await fs.mkdir(path.join(staging, parent), {recursive: true})
          made.add(parent)
        }
      }
      await Promise.all(batch.map((file) => fs.writeFile(path.join(staging, file.path), file.data, {flag: 'wx'})))
      for (const file of batch) {
        written.push({path: file.path, bytes: file.data.length})
        bytes += file.data.length
      }
      batch = []
    }
    for (const file of files) {
      batch.push({path: file.path, data: Buffer.from(file.content, 'utf8')})
      if (batch.length >= WRITE_BATCH) await flush()
    }
    await flush()
    await fs.writeFile(path.join(staging, SITE_MARKER), MARKER_TEXT)
  } catch (error) {
    await fs.rm(staging, {recursive: true, force: true})
    throw error instanceof AdrError ? error : ioError(staging, error)
  }
  const old = path.join(parent, `.${path.basename(target)}.old-${stamp}`)
  const hadOld = entries !== undefined
  try {
    if (hadOld) await fs.rename(target, old)
    try {
      await fs.rename(staging, target)
    } catch (error) {
      if (hadOld) await fs.rename(old, target)
      throw error
    }
  } catch (error) {
    await fs.rm(staging, {recursive: true, force: true})
    throw ioError(dir, error)
  }
  if (hadOld) await fs.rm(old, {recursive: true, force: true})
  return {dir: target, files: written, bytes}
}

function ioError(file: string, error: unknown): AdrError {
  const code = (error as NodeJS.ErrnoException).code
  return new AdrError('IO_FAILED', `Could not write ${file}: ${code ?? (error as Error).message}`, {
    cause: error,
    suggestions: ['Check the permissions of the directory and the space left on the disk.'],
  })
}
