import {existsSync, promises as fs} from 'node:fs'
import path from 'node:path'

/**
 * A small JSON cache under the git directory (`.git/adrgate/…`) for what the history readers
 * computed up to a commit, so the next run only reads the commits since. It is only a cache: a
 * missing, unreadable or differently keyed file is `undefined`, and so is a value that `valid` (the
 * caller's check of the shape it writes) refuses; a write that fails is skipped.
 */
export async function readHistoryCache<T>(file: string, key: string, valid: (value: unknown) => value is T): Promise<T | undefined> {
  if (!existsSync(file)) return undefined
  try {
    const data = JSON.parse(await fs.readFile(file, 'utf8')) as {key?: string; value?: unknown}
    return data?.key === key && valid(data.value) ? data.value : undefined
  } catch {
    return undefined
  }
}

export async function writeHistoryCache(file: string, key: string, value: unknown): Promise<void> {
  try {
    // loaded only to write: a run that the cache answers writes nothing (ADR 42)
    const {writeFileAtomic} = await import('../files/atomic-write.js')
    await fs.mkdir(path.dirname(file), {recursive: true})
    await writeFileAtomic(file, JSON.stringify({key, value}))
  } catch {
    // a read-only checkout or a full disk only loses the speed-up
  }
}
