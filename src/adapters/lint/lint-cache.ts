import {existsSync, promises as fs, readFileSync, statSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import type {Adr} from '../../core/adr/model.js'
import type {LintProblem} from '../../core/lint/lint-rule.js'
import type {FileStamp} from './lint-inputs.js'

/**
 * What `adr lint` keeps per file: its hash and per-file problems. The parsed ADR (without its text) is
 * kept beside, in the cache's ADR file (`readCachedAdrs`), read only when the repository rules run again:
 * a warm lint whose files and settings are all unchanged reuses their findings (`repository`).
 */
export interface CachedFile {
  hash: string
  problems: LintProblem[]
  /** The file's stat when it was read (`readChangedAdrTexts`): while it holds, the file is not read again. */
  stamp?: FileStamp
}

export interface LintCache {
  /** Everything else the results depend on, whole (not digested): adrgate's version, the rules, the config, the schemas, today. */
  key: string
  files: Record<string, CachedFile>
  /** When the run that wrote the cache began (`Date.now()`, before it read any file): stamps are trusted only if older. */
  asOf?: number
  /** The generation of the ADR file written with this cache (`readCachedAdrs` checks it). */
  adrs?: string
  /** The repository rules' findings of the run that wrote the cache, and the fingerprint of what they were found on. */
  repository?: RepositoryMemo
  /** What was ignored when it was read (not written back): why, for `--verbose`. */
  ignored?: string[]
}

/**
 * The repository rules' findings and a fingerprint (`cacheDigest`) of everything they were found on besides
 * the cache's key, which they are read back under only (the settings the repository rules read, every
 * file's name and hash in order, the unreadable files): while the fingerprint is the same, so are the
 * findings, since the rules are pure functions of those.
 */
export interface RepositoryMemo {
  fingerprint: string
  problems: LintProblem[]
}

const require = createRequire(import.meta.url)
let crypto: typeof import('node:crypto') | undefined

/**
 * A content hash: sha1 is enough to tell versions of a file apart, and it is the fastest digest node has.
 * node:crypto loads at the first file hashed: a warm lint that trusts every file's stat hashes none (ADR 42).
 */
export function hashText(text: string): string {
  crypto ??= require('node:crypto') as typeof import('node:crypto')
  return crypto.createHash('sha1').update(text).digest('base64')
}

/** `.git/adrgate/lint-cache.json` (worktrees included: `.git` may be a file naming the git directory), or undefined outside git. */
export function lintCachePath(gitRoot: string | undefined, dirName?: string): string | undefined {
  if (!gitRoot) return undefined
  const dotGit = path.join(gitRoot, '.git')
  // one cache per ADR directory of a workspace of several (their file names overlap)
  const name = dirName === undefined ? 'lint-cache.json' : `lint-cache-${dirName}.json`
  try {
    if (statSync(dotGit).isDirectory()) return path.join(dotGit, 'adrgate', name)
    const pointer = /^gitdir:\s*(.+?)\s*$/m.exec(readFileSync(dotGit, 'utf8'))
    if (pointer) return path.join(path.resolve(gitRoot, pointer[1]), 'adrgate', name)
  } catch {
    return undefined
  }
  return undefined
}

/**
 * The cache, when it exists, parses and was written under the same key; otherwise an empty one. Never
 * throws. Every entry is checked before it is trusted: its problems must be well-formed, belong to
 * its own file and name a rule that exists (`ruleIds`), its ADR must be the file's; an entry that is
 * not is dropped (and the file linted again), so a damaged or hand-made cache cannot invent findings
 * or hide them. `ignored` says what was dropped and why.
 */
export async function readLintCache(file: string | undefined, key: string, ruleIds?: ReadonlySet<string>): Promise<LintCache> {
  const empty = (why?: string): LintCache => ({key, files: Object.create(null), ...(why ? {ignored: [why]} : {})})
  if (!file || !existsSync(file)) return empty()
  let data: LintCache
  try {
    data = JSON.parse(await fs.readFile(file, 'utf8')) as LintCache
  } catch {
    return empty(`${file} is not valid JSON`)
  }
  if (!data || typeof data !== 'object') return empty(`${file} is not a lint cache`)
  if (data.key !== key) return empty()
  if (!data.files || typeof data.files !== 'object' || Array.isArray(data.files)) return empty(`${file} has no valid \`files\``)
  const files: Record<string, CachedFile> = Object.create(null)
  const ignored: string[] = []
  for (const [name, entry] of Object.entries(data.files)) {
    const why = invalidEntry(name, entry, ruleIds)
    if (why) ignored.push(`${file}: the entry of ${name} ${why}`)
    else files[name] = entry
  }
  const asOf = typeof data.asOf === 'number' && Number.isFinite(data.asOf) ? data.asOf : undefined
  const memo = data.repository
  let repository: RepositoryMemo | undefined
  if (memo !== undefined) {
    const why =
      !memo || typeof memo !== 'object' || typeof memo.fingerprint !== 'string' || !Array.isArray(memo.problems)
        ? 'is not a list of findings'
        : memo.problems.map((p) => invalidProblem(p, (f) => Object.hasOwn(files, f), ruleIds)).find(Boolean)
    if (why) ignored.push(`${file}: the repository findings ${why}`)
    else repository = memo
  }
  const adrs = typeof data.adrs === 'string' ? data.adrs : undefined
  return {
    key,
    files,
    ...(asOf === undefined ? {} : {asOf}),
    ...(adrs === undefined ? {} : {adrs}),
    ...(repository ? {repository} : {}),
    ...(ignored.length ? {ignored} : {}),
  }
}

/** The cache's ADR file: the parsed ADRs, apart from the rest (a warm lint seldom needs them). */
function adrsFileOf(file: string): string {
  return file.replace(/\.json$/, '.adrs.json')
}

/**
 * The parsed ADRs the cache's ADR file holds, by file name (each checked by `cachedAdr` when used), when it
 * is the `generation` the cache names; otherwise none (a run that stopped between the two writes, say).
 */
export async function readCachedAdrs(file: string | undefined, generation: string | undefined): Promise<Record<string, unknown>> {
  const none: Record<string, unknown> = Object.create(null)
  if (!file || generation === undefined) return none
  try {
    const data = JSON.parse(await fs.readFile(adrsFileOf(file), 'utf8')) as {generation?: unknown; adrs?: unknown}
    if (data?.generation !== generation || !data.adrs || typeof data.adrs !== 'object' || Array.isArray(data.adrs)) return none
    return Object.assign(none, data.adrs)
  } catch {
    return none
  }
}

/** A cached ADR, checked (an object, and the ADR of this file); undefined when it is not. */
export function cachedAdr(name: string, value: unknown): Adr | undefined {
  const adr = value as Partial<Adr> | undefined
  if (!adr || typeof adr !== 'object' || !Array.isArray(adr.links) || !Array.isArray(adr.problems)) return undefined
  if (adr.file !== undefined && adr.file !== path.basename(name) && adr.file !== name) return undefined
  return adr as Adr
}

const SEVERITIES = new Set(['error', 'warning'])

function invalidEntry(name: string, entry: CachedFile, ruleIds: ReadonlySet<string> | undefined): string | undefined {
  if (!entry || typeof entry !== 'object') return 'is not an object'
  if (typeof entry.hash !== 'string') return 'has no hash'
  if (!Array.isArray(entry.problems)) return 'has no problems list'
  if (entry.stamp !== undefined && !(Array.isArray(entry.stamp) && entry.stamp.length === 4 && entry.stamp.every(Number.isFinite)))
    return 'has a stamp that is not a stat'
  for (const p of entry.problems) {
    const why = invalidProblem(p, (file) => file === name, ruleIds)
    if (why) return why
  }
  return undefined
}

function invalidProblem(p: LintProblem, ownFile: (file: string) => boolean, ruleIds: ReadonlySet<string> | undefined): string | undefined {
  if (!p || typeof p !== 'object') return 'holds a problem that is not an object'
  if (!ownFile(p.file)) return `holds a problem of another file (${String(p.file)})`
  if (!Number.isInteger(p.line) || p.line < 1 || !Number.isInteger(p.column) || p.column < 1)
    return 'holds a problem without a valid position'
  if (!SEVERITIES.has(p.severity) || typeof p.rule !== 'string' || typeof p.message !== 'string') return 'holds a malformed problem'
  if (ruleIds && !ruleIds.has(p.rule) && !p.rule.startsWith('parse/') && !p.rule.startsWith('schema'))
    return `holds a problem of an unknown rule (${p.rule})`
  return undefined
}

/**
 * Writes the cache atomically, and with `adrs` its ADR file first (the cache then names the new
 * generation); a cache that cannot be written is skipped silently (it is only a cache).
 */
export async function writeLintCache(file: string | undefined, cache: LintCache, adrs?: Record<string, Adr>): Promise<void> {
  if (!file) return
  try {
    // loaded only to write: a warm lint with nothing new writes nothing (ADR 42)
    const {writeFileAtomic} = await import('../files/atomic-write.js')
    await fs.mkdir(path.dirname(file), {recursive: true})
    let written = cache
    if (adrs) {
      const text = JSON.stringify(adrs)
      const generation = hashText(text)
      await writeFileAtomic(adrsFileOf(file), `{"generation":${JSON.stringify(generation)},"adrs":${text}}`)
      written = {...cache, adrs: generation}
    }
    await writeFileAtomic(file, JSON.stringify(written))
  } catch {
    // read-only checkouts and full disks only lose the speed-up
  }
}
