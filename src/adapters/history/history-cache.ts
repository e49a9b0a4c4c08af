import {existsSync, promises as fs} from 'node:fs'
import path from 'node:path'
import {writeFileAtomic} from '../files/atomic-write.js'

/**
 * A small JSON cache under the git directory (`.git/adrgate/…`) for what the history readers
 * computed up to a commit, so the next run only reads the commits since. It is only a cache: a
 * missing, unreadable or differently keyed file is `undefined`, and a write that fails is skipped.
 */
export async function readHistoryCache<T>(file: string, key: string): Promise<T | undefined> {
  if (!existsSync(file)) return undefined
  try {
    const data = JSON.parse(await fs.readFile(file, 'utf8')) as {key?: string; value?: T}
    return data?.key === key && isValidValue(data.value) ? data.value : undefined
  } catch {
    return undefined
  }
}

/**
 * The shape every history cache value has: `head`, the commit it was built up to (a full object id),
 * and its data (`state`, an object; `dates`, a list of `[file, dates]` pairs). A value that is not
 * shaped so is ignored, as a missing cache is, and rewritten by the caller.
 */
function isValidValue(value: unknown): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false
  const v = value as {head?: unknown; first?: unknown; state?: unknown; dates?: unknown}
  if (typeof v.head !== 'string' || !/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(v.head)) return false
  if (v.first !== undefined && typeof v.first !== 'string') return false
  if (v.state !== undefined && (v.state === null || typeof v.state !== 'object' || Array.isArray(v.state))) return false
  if (v.dates !== undefined) {
    if (!Array.isArray(v.dates)) return false
    for (const pair of v.dates) {
      if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || !pair[1] || typeof pair[1] !== 'object') return false
    }
  }
  return true
}

export async function writeHistoryCache(file: string, key: string, value: unknown): Promise<void> {
  try {
    await fs.mkdir(path.dirname(file), {recursive: true})
    await writeFileAtomic(file, JSON.stringify({key, value}))
  } catch {
    // a read-only checkout or a full disk only loses the speed-up
  }
}
