import {promises as fs} from 'node:fs'
import {platform, tmpdir} from 'node:os'
import path from 'node:path'
import {AdrError} from '../../core/errors.js'
import {ioError} from './io-error.js'

/**
 * The temporary directory of an environment (the command's), read as `os.tmpdir()` reads the
 * process's: `$TMPDIR`, else `$TMP`, else `$TEMP`, else `/tmp` (on Windows, the system's).
 */
export function tempRootOf(env: NodeJS.ProcessEnv): string {
  if (platform() === 'win32') return tmpdir()
  const dir = env.TMPDIR || env.TMP || env.TEMP || '/tmp'
  return dir.length > 1 && dir.endsWith('/') ? dir.slice(0, -1) : dir
}

/** A new, empty directory under `root` (a temporary directory, see `tempRootOf`), e.g. `/tmp/adrgate-demo-x1y2z3`. */
export async function makeTempDirectory(root: string, prefix: string): Promise<string> {
  return fs.realpath(await fs.mkdtemp(path.join(root, prefix)))
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
