import {createHash} from 'node:crypto'
import {existsSync, promises as fs, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import type {Adr} from '../../core/adr/model.js'
import type {LintProblem} from '../../core/lint/lint-rule.js'
import {writeFileAtomic} from '../files/atomic-write.js'

/** What `adr lint` keeps per file: the parsed ADR (without its text) and the per-file problems. */
export interface CachedFile {
  hash: string
  adr: Adr
  problems: LintProblem[]
}

export interface LintCache {
  /** A hash of everything else the results depend on: adrgate's version, the rules, the config, the schemas, today. */
  key: string
  files: Record<string, CachedFile>
}

/** A content hash: sha1 is enough to tell versions of a file apart, and it is the fastest digest node has. */
export function hashText(text: string): string {
  return createHash('sha1').update(text).digest('base64')
}

/** `.git/adrgate/lint-cache.json` (worktrees included: `.git` may be a file naming the git directory), or undefined outside git. */
export function lintCachePath(gitRoot: string | undefined): string | undefined {
  if (!gitRoot) return undefined
  const dotGit = path.join(gitRoot, '.git')
  try {
    if (statSync(dotGit).isDirectory()) return path.join(dotGit, 'adrgate', 'lint-cache.json')
    const pointer = /^gitdir:\s*(.+?)\s*$/m.exec(readFileSync(dotGit, 'utf8'))
    if (pointer) return path.join(path.resolve(gitRoot, pointer[1]), 'adrgate', 'lint-cache.json')
  } catch {
    return undefined
  }
  return undefined
}

/** The cache, when it exists, parses and was written under the same key; otherwise an empty one. Never throws. */
export async function readLintCache(file: string | undefined, key: string): Promise<LintCache> {
  const empty: LintCache = {key, files: Object.create(null)}
  if (!file || !existsSync(file)) return empty
  try {
    const data = JSON.parse(await fs.readFile(file, 'utf8')) as LintCache
    if (data?.key !== key || !data.files || typeof data.files !== 'object') return empty
    return {key, files: Object.assign(Object.create(null), data.files)}
  } catch {
    return empty
  }
}

/** Writes the cache atomically; a cache that cannot be written is skipped silently (it is only a cache). */
export async function writeLintCache(file: string | undefined, cache: LintCache): Promise<void> {
  if (!file) return
  try {
    await fs.mkdir(path.dirname(file), {recursive: true})
    await writeFileAtomic(file, JSON.stringify(cache))
  } catch {
    // read-only checkouts and full disks only lose the speed-up
  }
}
