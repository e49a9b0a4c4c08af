import {randomBytes} from 'node:crypto'
import {promises as fs} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {AdrError} from '../core/errors.js'

/** The file that marks a directory as a site adrgate wrote (so a later export may replace it). */
export const SITE_MARKER = '.adrgate-site'

const WRITE_BATCH = 32

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
 * directory that holds anything but an earlier export is refused unless `force`.
 */
export async function writeSiteDirectory(
  dir: string,
  files: Iterable<SiteFileToWrite>,
  options: {force?: boolean} = {},
): Promise<WrittenSite> {
  const target = path.resolve(dir)
  const entries = await fs.readdir(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined
    if (error.code === 'ENOTDIR')
      throw new AdrError('FILE_EXISTS', `${dir} exists and is not a directory`, {suggestions: ['Pass --out with a directory.']})
    throw ioError(dir, error)
  })
  if (entries && entries.length > 0 && !entries.includes(SITE_MARKER) && !options.force) {
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
    await fs.writeFile(path.join(staging, SITE_MARKER), 'This directory was written by `adr export site`; the next export replaces it.\n')
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
