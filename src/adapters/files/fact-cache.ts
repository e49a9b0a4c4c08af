import {existsSync, promises as fs, type Stats} from 'node:fs'
import path from 'node:path'
import {pathKey} from './path-key.js'
import {stateDirectory} from './state-directory.js'

/**
 * What a reader learned from each file of one ADR directory (`adr new`'s format vote of it, say),
 * kept under `.git/adrgate/` so the next run need not read the file again. A fact is trusted only
 * while the file's size, modification time, change time and inode are the ones recorded with it, as
 * git's index trusts a file's stat: any write to the file (an editor's save, a checkout, a rename over
 * it, `touch -d` or a tar extraction setting an old modification time) changes its change time, which
 * no tool can set back. A file changed again in the same tick of a coarse file clock as the read that
 * learned its fact could keep the recorded stat ("racily clean", in git's words), so a fact is trusted
 * only when its file last changed at least `RACY_MS` before the run that learned it began; otherwise
 * it is learned again and the cache written anew. It is only a cache: a missing, damaged or differently
 * keyed file is an empty cache, and a write that fails is skipped.
 */
export interface FactCache<T> {
  /** The fact recorded for `name`, when `stat` is still the file's stat. */
  get(name: string, stat: Stats): T | undefined
  set(name: string, stat: Stats, fact: T): void
  /**
   * Writes the cache when a fact was learned, keeping only the files in `present` (the directory's
   * listing now): files not asked about this time keep their facts, files that left lose theirs.
   */
  save(present: readonly string[]): Promise<void>
}

/** A fact changed within this long of the cache's writing is learned again (the clock and file times may be coarse). */
export const RACY_MS = 2000

/** The size, modification and change times (ms) and inode a fact was learned at, then the fact. */
type Entry<T> = [size: number, mtimeMs: number, ctimeMs: number, ino: number, fact: T]

interface Stored<T> {
  key: string
  /** When the run that wrote the cache began (`Date.now()`, before it read any file). */
  asOf: number
  files: Record<string, Entry<T>>
}

/**
 * The cache of `kind` facts (`format-votes` …) for the ADR directory `adrDir`, under the git directory
 * of `gitRoot`; `key` names everything else the facts depend on (the reader's version, the settings it
 * reads), and a cache written under another key is empty. `valid` checks a stored fact's shape when it is
 * asked for.
 * Outside git there is no cache (`undefined`).
 */
export async function openFactCache<T>(options: {
  gitRoot: string | undefined
  adrDir: string
  kind: string
  key: string
  valid: (fact: unknown) => fact is T
}): Promise<FactCache<T> | undefined> {
  const state = stateDirectory(options.gitRoot)
  if (!state) return undefined
  // one cache per directory: two --dir choices (or two packages) name files alike
  const id = pathKey(path.resolve(options.adrDir))
  const file = path.join(state, `facts-${options.kind}-${id}.json`)
  const asOf = Date.now()
  const stored = await readStored<T>(file, options.key)
  const files: Record<string, Entry<T>> = stored?.files ?? Object.create(null)
  const trustedBefore = (stored?.asOf ?? 0) - RACY_MS
  const learned = new Set<string>()
  const racy = (entry: Entry<T>, before: number) => Math.max(entry[1], entry[2]) >= before
  return {
    get(name, stat) {
      const entry = Object.hasOwn(files, name) ? files[name] : undefined
      if (!isEntry(entry) || !options.valid(entry[4])) return undefined
      const [size, mtimeMs, ctimeMs, ino] = entry
      if (size !== stat.size || mtimeMs !== stat.mtimeMs || ctimeMs !== stat.ctimeMs || ino !== stat.ino) return undefined
      if (racy(entry, trustedBefore)) return undefined
      return entry[4]
    },
    set(name, stat, fact) {
      files[name] = [stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino, fact]
      learned.add(name)
    },
    async save(present) {
      if (learned.size === 0) return
      // a fact learned before stays only if it was trusted then: the new date must not make a racy one trusted
      const kept: Record<string, Entry<T>> = Object.create(null)
      for (const name of present) {
        const entry = Object.hasOwn(files, name) ? files[name] : undefined
        if (entry && (learned.has(name) || !racy(entry, trustedBefore))) kept[name] = entry
      }
      await writeCacheFile(file, JSON.stringify({key: options.key, asOf, files: kept} satisfies Stored<T>))
    },
  }
}

/**
 * A temporary file renamed into place, as `writeFileAtomic` writes, but no step of the ADRs' own writes:
 * `adr new` saves its votes under the directory's lock, and the crash tests' steps
 * (`ADRGATE_TEST_CRASH_AT`) count the writes of ADRs, which a cache is not. A write that fails is skipped
 * (a read-only checkout or a full disk only loses the speed-up). The caches beside this one
 * (commit-listings.ts) are written the same way.
 */
export async function writeCacheFile(file: string, text: string): Promise<void> {
  // loaded here, not at start-up: a warm run writes no cache
  const {tempName} = await import('./atomic-write.js')
  const tmp = tempName(file)
  try {
    await fs.mkdir(path.dirname(file), {recursive: true})
    await fs.writeFile(tmp, text, {flag: 'wx'})
    await fs.rename(tmp, file)
  } catch {
    await fs.rm(tmp, {force: true}).catch(() => undefined)
  }
}

async function readStored<T>(file: string, key: string): Promise<Stored<T> | undefined> {
  if (!existsSync(file)) return undefined
  try {
    const data = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<Stored<T>>
    if (data?.key !== key || typeof data.asOf !== 'number' || !data.files || typeof data.files !== 'object') return undefined
    // each entry is checked when asked for (`get` reads own keys only), not all 10,000 up front
    return {key, asOf: data.asOf, files: data.files}
  } catch {
    return undefined
  }
}

function isEntry<T>(entry: unknown): entry is Entry<T> {
  if (!Array.isArray(entry) || entry.length !== 5) return false
  return typeof entry[0] === 'number' && typeof entry[1] === 'number' && typeof entry[2] === 'number' && typeof entry[3] === 'number'
}
