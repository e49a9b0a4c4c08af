import {existsSync, promises as fs} from 'node:fs'
import {AdrError} from '../core/errors.js'

/** Whether anything (a file, a directory) exists at the path. */
export async function pathExists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  )
}

/** The same, synchronously: for a module that decides once, at load, whether a compiled file is there. */
export function pathExistsSync(file: string): boolean {
  return existsSync(file)
}

/** Creates the directory and its parents (nothing when it exists); a failure is `IO_FAILED` naming it. */
export async function makeDirectory(dir: string): Promise<void> {
  await fs.mkdir(dir, {recursive: true}).catch((error: NodeJS.ErrnoException) => {
    throw new AdrError('IO_FAILED', `Could not create ${dir}: ${error.code ?? error.message}`, {cause: error})
  })
}

/** The `*.yaml` / `*.yml` file names in a directory, sorted (none when it does not exist); dot files left out. */
export async function listYamlFiles(dir: string): Promise<string[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[])
  return names.filter((n) => /\.ya?ml$/i.test(n) && !n.startsWith('.')).sort()
}
