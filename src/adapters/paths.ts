import {existsSync, promises as fs} from 'node:fs'
import path from 'node:path'
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

/** The entries of a directory (none when it does not exist), sorted: its regular files, and anything else by name. */
export async function listDirectoryFiles(dir: string): Promise<{files: string[]; others: string[]}> {
  const entries = await fs.readdir(dir, {withFileTypes: true}).catch(() => [])
  const sorted = entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return {files: sorted.filter((e) => e.isFile()).map((e) => e.name), others: sorted.filter((e) => !e.isFile()).map((e) => e.name)}
}

/** Removes a directory if it is empty (what a move of every file out of it leaves); a directory still holding something stays. */
export async function removeEmptyDirectory(dir: string): Promise<void> {
  await fs.rmdir(dir).catch(() => undefined)
}

/** Renames a directory (a failure is `IO_FAILED` naming both). */
export async function renameDirectory(from: string, to: string): Promise<void> {
  await fs.mkdir(path.dirname(to), {recursive: true}).catch(() => undefined)
  await fs.rename(from, to).catch((error: NodeJS.ErrnoException) => {
    throw new AdrError('IO_FAILED', `Could not move ${from} to ${to}: ${error.code ?? error.message}`, {cause: error})
  })
}
