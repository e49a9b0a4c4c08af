import {RACY_MS} from '../../adapters/files/fact-cache.js'
import {
  type CachedFile,
  cachedAdr,
  hashText,
  type LintCache,
  readCachedAdrs,
  readLintCache,
  writeLintCache,
} from '../../adapters/lint/lint-cache.js'
import {type FileStamp, readAdrTexts, readChangedAdrTexts, type StampedRead} from '../../adapters/lint/lint-inputs.js'
import {notice} from '../../adapters/notices.js'
import type {Adr} from '../../core/adr/model.js'
import {cacheDigest} from '../../core/lint/cache-digest.js'
import type {LintProblem} from '../../core/lint/lint-rule.js'
import type {FileInput, FileLintSetup} from './lint-files.js'

export interface CachedLintRequest {
  adrDir: string
  root: string
  /** The ADR files, relative to `adrDir`. */
  names: readonly string[]
  setup: FileLintSetup
  /** The cache file, or undefined for `--no-cache` and outside git. */
  cacheFile: string | undefined
  /** Everything else the results depend on (version, rules, config, schemas, today). */
  key: string
  knownRules: ReadonlySet<string>
  verbose?: boolean
  parallelThreshold?: number
  /** Whether every file must be read (`--since` compares the texts; `ADRGATE_NO_FAST_PATHS=1`): no file is trusted by its stat. */
  readAll: boolean
  /**
   * When the repository rules' findings may be reused (`reusableRepository`): what else they depend on
   * besides the files (the settings only they read). Undefined: the ADRs are always parsed, for the
   * repository rules, the debates or the tables of contents.
   */
  repositoryInputs?: string[]
}

export interface CachedLint {
  /** Each readable file's per-file problems, in `names` order. */
  problems: Map<string, LintProblem[]>
  /** The ADRs, in `names` order; undefined when the repository rules' findings were reused (`repository`). */
  adrs?: Adr[]
  /** The repository rules' findings of an earlier run on the same files and settings (see `reusableRepository`). */
  repository?: LintProblem[]
  /** The texts read (every readable file's when `readAll`; otherwise only those whose stat was not trusted). */
  texts: Map<string, string>
  /** Files that could not be read (`parse/read`). */
  unreadable: LintProblem[]
  /** Writes the cache when anything in it changed, with the repository rules' findings of this run. */
  save(repository: readonly LintProblem[]): Promise<void>
}

/**
 * The per-file results of `adr lint`: from the cache where a file is unchanged, linted (and the cache
 * rewritten) where it is not. A file is unchanged when its text has the hash cached with its result or,
 * on the fast path (`readChangedAdrTexts`), when its stat is the one cached with it.
 */
export async function lintFilesCached(request: CachedLintRequest): Promise<CachedLint> {
  const {names, cacheFile, key} = request
  // before any file is read: a stat taken after this cannot be mistaken for one the next run may trust
  const asOf = Date.now()
  const cache = await readLintCache(cacheFile, key, request.knownRules)
  if (request.verbose)
    for (const why of cache.ignored ?? []) notice(`ignored the lint cache where it does not validate (${why}); it is rewritten`)
  const reads: StampedRead[] =
    cacheFile && !request.readAll
      ? await readChangedAdrTexts(request.adrDir, names, request.root, stampTrusted(cache))
      : await readAdrTexts(request.adrDir, names, request.root)

  const known = new Map<string, CachedFile>()
  const texts = new Map<string, string>()
  const unreadable: LintProblem[] = []
  const todo: FileInput[] = []
  const pending = new Map<string, {hash: string; stamp?: FileStamp}>()
  let restamped = 0
  reads.forEach((read, i) => {
    const file = names[i]
    if (read.ok === 'unchanged') {
      known.set(file, cache.files[file])
      return
    }
    if (!read.ok) {
      unreadable.push({file, line: read.line ?? 1, column: 1, severity: 'error', rule: 'parse/read', message: `${file} ${read.reason}`})
      return
    }
    texts.set(file, read.text)
    // without a cache (`--no-cache`, outside git) nothing is compared with the hash: it is not taken
    const hash = cacheFile ? hashText(read.text) : ''
    const hit = cacheFile ? cache.files[file] : undefined
    if (hit?.hash === hash) {
      if (read.stamp && !sameStamp(hit.stamp, read.stamp)) restamped++
      known.set(file, read.stamp ? {...hit, stamp: read.stamp} : withoutStamp(hit))
      return
    }
    todo.push({file, text: read.text})
    pending.set(file, {hash, stamp: read.stamp})
  })

  const hashOf = (file: string) => known.get(file)?.hash ?? pending.get(file)?.hash ?? ''
  const fingerprint =
    cacheFile && request.repositoryInputs
      ? // no key in it: the findings are read back only from a cache of this key
        cacheDigest([...request.repositoryInputs, ...unreadable.map((p) => p.file), '', ...names.flatMap((f) => [f, hashOf(f)])].join('\0'))
      : undefined
  const reuse = fingerprint !== undefined && cache.repository?.fingerprint === fingerprint
  const adrs = new Map<string, Adr>()
  // the cached ADRs are read when the repository rules run again, or when new ones join them in the cache
  const withAdrs = !reuse || todo.length > 0
  let adrsChanged = withAdrs && cache.adrs === undefined
  if (withAdrs) {
    const stored = await readCachedAdrs(cacheFile, cache.adrs)
    for (const file of [...known.keys()]) {
      const adr = cachedAdr(file, stored[file])
      if (adr) {
        adrs.set(file, adr)
        continue
      }
      // a cached ADR missing or not valid: its file is linted again, read first if its stat was trusted
      adrsChanged = true
      known.delete(file)
      let text = texts.get(file)
      if (text === undefined) {
        const [read] = await readAdrTexts(request.adrDir, [file], request.root)
        if (!read.ok) {
          unreadable.push({file, line: read.line ?? 1, column: 1, severity: 'error', rule: 'parse/read', message: `${file} ${read.reason}`})
          continue
        }
        text = read.text
      }
      texts.set(file, text)
      todo.push({file, text})
      pending.set(file, {hash: hashText(text)})
    }
  }

  // the linting itself (rules, parser, schema validator, threads) loads only when a file needs it
  const linted =
    todo.length > 0
      ? await (await import('./lint-workers.js')).lintInParallel(todo, request.setup, {threshold: request.parallelThreshold})
      : []
  for (const out of linted) {
    const {hash, stamp} = pending.get(out.file) ?? {hash: ''}
    known.set(out.file, {hash, problems: out.problems, ...(stamp ? {stamp} : {})})
    adrs.set(out.file, out.adr)
    adrsChanged = true
  }
  // in `names` order, however many came from the cache: the repository rules read the ADRs in this order
  const results = new Map<string, CachedFile>()
  for (const file of names) {
    const result = known.get(file)
    if (result) results.set(file, result)
  }
  const changed = todo.length > 0 || restamped > 0 || cache.ignored || Object.keys(cache.files).length !== results.size
  return {
    problems: new Map([...results].map(([file, r]) => [file, r.problems])),
    adrs: reuse ? undefined : [...results.keys()].map((file) => adrs.get(file) as Adr),
    repository: reuse ? cache.repository?.problems : undefined,
    texts,
    unreadable,
    async save(repository) {
      const memo = fingerprint === undefined ? undefined : {fingerprint, problems: [...repository]}
      if (!cacheFile || !(changed || adrsChanged || (memo && !reuse))) return
      const index = {key, asOf, files: Object.fromEntries(results), ...(memo ? {repository: memo} : {})}
      // the ADR file is written again only when an ADR in it changed; otherwise the cache keeps naming it
      if (adrsChanged) await writeLintCache(cacheFile, index, Object.fromEntries([...results.keys()].map((f) => [f, adrs.get(f) as Adr])))
      else await writeLintCache(cacheFile, {...index, ...(cache.adrs === undefined ? {} : {adrs: cache.adrs})})
    },
  }
}

/**
 * Whether a cached result stands for a file of this stat without reading it: the stat is the one cached
 * with the result, and the file had last changed at least `RACY_MS` before the run that cached it began
 * (a coarse file clock could give a second write in the same tick the same stat: git's "racily clean").
 */
function stampTrusted(cache: LintCache): (name: string, stamp: FileStamp) => boolean {
  const before = (cache.asOf ?? 0) - RACY_MS
  return (name, stamp) => {
    const cached = Object.hasOwn(cache.files, name) ? cache.files[name].stamp : undefined
    return cached !== undefined && sameStamp(cached, stamp) && Math.max(cached[1], cached[2]) < before
  }
}

function sameStamp(a: FileStamp | undefined, b: FileStamp): boolean {
  return a !== undefined && a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3]
}

function withoutStamp(entry: CachedFile): CachedFile {
  if (entry.stamp === undefined) return entry
  const {stamp: _dropped, ...rest} = entry
  return rest
}
