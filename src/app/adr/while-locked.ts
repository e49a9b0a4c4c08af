import path from 'node:path'
import {type LoadedAdrs, loadAdrs} from '../../adapters/adr-store.js'
import {assertWorkTree, type ListedEntries, withDirectoryLock} from '../../adapters/files/directory-lock.js'
import {makeDirectory} from '../../adapters/paths.js'
import {adrDirExists, type Workspace} from '../../adapters/workspace.js'

// What every writer of ADRs needs (the load under the lock, the path as printed), apart from
// load-for-write.ts's reference and lifecycle checks, which `adr new` without -s/-l never makes.

/** The ADRs of the workspace; a directory that does not exist yet holds none. */
export async function loadAdrsOrNone(ws: Workspace): Promise<LoadedAdrs> {
  if (!(await adrDirExists(ws))) return {adrs: [], skipped: [], files: []}
  return loadAdrs(ws)
}

/**
 * Runs `fn` on the freshly loaded ADRs while holding the directory's lock. A missing directory is
 * created when `create` is set (`adr new`), else it is the usual "does not exist" error. `load` reads
 * the directory another way (`adr new`'s names-only fast path, `loadNamesAndVotes`); else `loadAdrs`.
 * Either is given the directory's listing the lock's turn read (`withDirectoryLock`), not to list it twice.
 */
export async function whileLocked<T, L extends LoadedAdrs = LoadedAdrs>(
  ws: Workspace,
  fn: (loaded: L) => Promise<T>,
  options: {create?: boolean; load?: (ws: Workspace, listed?: ListedEntries) => Promise<L>} = {},
): Promise<T> {
  if (!options.create && !(await adrDirExists(ws))) await loadAdrs(ws)
  assertWorkTree(ws)
  await makeDirectory(ws.adrDir)
  const load = options.load ?? ((ws: Workspace, listed?: ListedEntries) => loadAdrs(ws, {listed}) as Promise<L>)
  return withDirectoryLock(ws, async (_lock, listed) => fn(await load(ws, listed)))
}

/**
 * `whileLocked` over two ADR directories (an edit across them: ADR 19): both locks, taken in the
 * order of their paths (compared by code unit), so two such edits cannot deadlock; `fn` gets each
 * directory's ADRs in the order the directories were given.
 */
export async function whileBothLocked<T>(
  a: Workspace,
  b: Workspace,
  fn: (loadedA: LoadedAdrs, loadedB: LoadedAdrs) => Promise<T>,
): Promise<T> {
  const [first, second] = a.adrDir < b.adrDir ? [a, b] : [b, a]
  return whileLocked(first, (loadedFirst) =>
    whileLocked(second, (loadedSecond) => (first === a ? fn(loadedFirst, loadedSecond) : fn(loadedSecond, loadedFirst))),
  )
}

/** A path as printed: relative to the working directory, as adr-tools prints it. */
export function displayPath(ws: Workspace, file: string): string {
  return path.relative(ws.cwd, path.join(ws.adrDir, file))
}
