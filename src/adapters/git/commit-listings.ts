import {existsSync, promises as fs} from 'node:fs'
import path from 'node:path'
import {writeCacheFile} from '../files/fact-cache.js'
import {pathKey} from '../files/path-key.js'
import {stateDirectory} from '../files/state-directory.js'
import type {CommitListings} from './git-port.js'

/** The commit listings of one ADR directory, and the write that keeps them for the next run. */
export interface KeptCommitListings extends CommitListings {
  /** Writes the listings when one was learned, keeping only the commits asked about in this run (the branches' tips now). */
  save(): Promise<void>
}

/** Bumped whenever `listBranchFiles` could list another name for the same commit and directory. */
const LISTING = 'ls-tree 1'

interface Stored {
  key: string
  /** The real path of the directory listed; another directory's listings are not these. */
  dir: string
  commits: Record<string, string[]>
}

/**
 * The fast path of `git ls-tree` for `adr new`: what it listed in the ADR directory at each commit a branch pointed at, kept under
 * `.git/adrgate/` for `adr new`'s next run (`listBranchFiles` asks it before it runs `ls-tree`). A
 * commit names its tree, and a tree never changes, so a listing stays true for as long as its commit
 * is a tip: until the next commit, `adr new` runs one git process (`for-each-ref`) instead of two. It
 * is only a cache: a missing, damaged or differently keyed file is an empty one, and a write that fails
 * is skipped. Outside git there is none (`undefined`).
 */
export async function openCommitListings(gitRoot: string | undefined, adrDir: string): Promise<KeptCommitListings | undefined> {
  const state = stateDirectory(gitRoot)
  if (!state) return undefined
  const file = path.join(state, `commit-listings-${pathKey(path.resolve(adrDir))}.json`)
  const stored = await readStored(file)
  const asked: Record<string, string[]> = Object.create(null)
  let storedDir = stored?.dir
  let learned = false
  return {
    get(commit, dir) {
      if (!stored || dir !== stored.dir || !Object.hasOwn(stored.commits, commit)) return undefined
      const names = stored.commits[commit]
      if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) return undefined
      asked[commit] = names
      return names
    },
    set(commit, dir, files) {
      // listings of another directory (a symbolic link pointed elsewhere) are not kept beside these
      if (dir !== storedDir) for (const c of Object.keys(asked)) delete asked[c]
      storedDir = dir
      asked[commit] = [...files]
      learned = true
    },
    async save() {
      if (!learned || storedDir === undefined) return
      await writeCacheFile(file, JSON.stringify({key: LISTING, dir: storedDir, commits: asked} satisfies Stored))
    },
  }
}

async function readStored(file: string): Promise<Stored | undefined> {
  if (!existsSync(file)) return undefined
  try {
    const data = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<Stored>
    if (data?.key !== LISTING || typeof data.dir !== 'string' || !data.commits || typeof data.commits !== 'object') return undefined
    // each listing is checked when asked for (`get`)
    return {key: LISTING, dir: data.dir, commits: data.commits}
  } catch {
    return undefined
  }
}
