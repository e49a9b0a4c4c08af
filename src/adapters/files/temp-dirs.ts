import {promises as fs} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {AdrError} from '../../core/errors.js'
import {ioError} from './io-error.js'

/** A new, empty directory under the system's temporary directory, e.g. `/tmp/adrgate-demo-x1y2z3`. */
export async function makeTempDirectory(prefix: string): Promise<string> {
  return fs.realpath(await fs.mkdtemp(path.join(tmpdir(), prefix)))
}

/**
 * Makes `dir` (and its parents) for a command that fills it, refusing one that already holds files
 * (`FILE_EXISTS`), so nothing of the user's is mixed in or overwritten. Returns its real path.
 */
export async function makeEmptyDirectory(dir: string): Promise<string> {
  const entries = await fs.readdir(dir).catch(() => undefined)
  if (entries && entries.length > 0) {
    throw new AdrError('FILE_EXISTS', `${dir} already exists and is not empty`, {
      suggestions: ['Pass --out with a new or empty directory, or leave it out to use a temporary one.'],
    })
  }
  await fs.mkdir(dir, {recursive: true}).catch((error) => {
    throw ioError(dir, error, 'create')
  })
  return fs.realpath(dir)
}
