import type {Git, LogCommit, LogFileChange} from '../../adapters/git/git.js'

/**
 * Where `logAdrHistory` reads: one whole log when the fast path may and can be taken (`linearLogSource`),
 * else git's passes. `parts: 1` reads that log as one `git log`, not two at once (`logAll`).
 */
export async function logSource(git: Git, after: string | undefined, fastPaths: boolean | undefined, parts?: 1): Promise<LogSource> {
  return (fastPaths !== false && (await linearLogSource(git, {after, parts}))) || git
}

/** What `logAdrHistory` asks of git: path-limited passes, whole commits, the files at a commit. */
export type LogSource = Pick<Git, 'logPaths' | 'logCommits' | 'filesAt'>

/**
 * FAST PATH (ADR 30): the answers `logAdrHistory` asks of git, read from one `git log` of the whole
 * history (`git.logAll`, every commit's whole change) instead of one path-limited `git log` per folder
 * the ADRs lived in, one `git log --stdin` per pass for the commits that add ADRs, and so on. At 10,500
 * commits and three folder moves, that one walk costs less than the four passes it replaces.
 *
 * What it skips, and why the answers are still git's own:
 * - **Merges.** A path-limited `git log` simplifies history at a merge (a side branch whose changes
 *   the merge did not keep is left out), and a log without paths shows no change for a merge at all,
 *   so nothing here can tell what the passes would show. A merge in the range is looked for first
 *   (`noMerges`: one `git rev-list`, no diff read, ADR 37), and then the caller takes the passes
 *   (`undefined`); a commit `isPlain` refuses does the same once the log is read. Without merges, every commit has one parent: a
 *   path-limited log shows exactly the commits whose change touches the paths, in the same order, with
 *   the same parents (`%P` is never rewritten).
 * - **Rename pairing.** A path-limited log detects renames among the files under the paths only; the
 *   whole log among all files, so the two may pair differently (a file may be paired with one outside
 *   the paths, the rename limit may be reached in one and not the other). A commit's path-limited change
 *   is therefore taken from the whole one only where the two diff the same files (every entry of the
 *   commit lies under the paths: an ADR renamed inside the folder, ADR 43) or where nothing can be
 *   paired under the paths: a rename with one side under them is the addition or the deletion of that
 *   side there, and no deletion and addition are left there together (`limitedChanges`). The few other
 *   commits (an ADR renamed inside the folder in a commit that also changes code, one ADR deleted and
 *   another added beside a change elsewhere) are asked of git with the paths (`logCommits` with
 *   `paths`), one process per pass that has any.
 * - **Copies, unmerged or unknown entries** (`C`, `U`, `X`: a `diff.renames=copies` configuration) and
 *   **paths that are not UTF-8** (a pass would hand git the decoded path, which names another one):
 *   the caller takes the passes. So does `GIT_ICASE_PATHSPECS`, which makes a path-limited log match
 *   paths in any case.
 * A commit's whole change (`logCommits` without copies) is the whole log's entry for it, the same
 * `git log -M` output; the files at HEAD are the whole log played from its root. Copy detection is
 * still asked of git.
 */
export async function linearLogSource(git: Git, options: {after?: string; parts?: 1 | 2} = {}): Promise<LogSource | undefined> {
  if (git.env.GIT_ICASE_PATHSPECS !== undefined && git.env.GIT_ICASE_PATHSPECS !== '0') return undefined
  const all = await git.logAll({after: options.after, stop: (c) => !isPlain(c), noMerges: true, parts: options.parts})
  if (!all) return undefined
  return new RecordedLog(git, all, options.after)
}

/** A commit the whole log tells everything about: one parent at most, only A, M, D, R and T entries, UTF-8 paths. */
function isPlain(commit: LogCommit): boolean {
  if (commit.parents.length > 1) return false
  for (const change of commit.changes) {
    if (!PLAIN_STATUS.has(change.status)) return false
    if (change.path.includes('\uFFFD') || change.from?.includes('\uFFFD')) return false
  }
  return true
}

const PLAIN_STATUS = new Set<LogFileChange['status']>(['A', 'M', 'D', 'R', 'T'])

class RecordedLog implements LogSource {
  private readonly bySha: Map<string, LogCommit>
  private head?: Set<string>

  constructor(
    private readonly git: Git,
    /** Newest first, as git walks. */
    private readonly newestFirst: readonly LogCommit[],
    private readonly after: string | undefined,
  ) {
    this.bySha = new Map(newestFirst.map((c) => [c.sha, c]))
  }

  async logPaths(paths: readonly string[], onCommit?: (commit: LogCommit) => void, options: {after?: string} = {}): Promise<LogCommit[]> {
    if (options.after !== this.after) return this.git.logPaths(paths, onCommit, options)
    const under = pathSet(paths)
    const shown: LogCommit[] = []
    const uncertain: string[] = []
    // every commit is asked: one that touches none of the paths is `undefined` at its first entry
    for (const c of this.newestFirst) {
      const changes = limitedChanges(c.changes, under)
      if (changes === undefined) continue
      if (changes === ASK_GIT) uncertain.push(c.sha)
      shown.push({...c, changes: changes === ASK_GIT ? [] : changes})
    }
    if (uncertain.length > 0) {
      const asked = new Map((await this.git.logCommits(uncertain, {paths})).map((c) => [c.sha, c]))
      // git names every commit it was asked about; should one be missing, the pass is git's own
      if (uncertain.some((s) => !asked.has(s))) return this.git.logPaths(paths, onCommit, options)
      for (let i = 0; i < shown.length; i++) shown[i] = asked.get(shown[i].sha) ?? shown[i]
    }
    for (const c of shown) onCommit?.(c)
    // oldest first: in a history without merges the walk's order reversed is `orderOldestFirst`'s
    return shown.reverse()
  }

  async logCommits(shas: readonly string[], options: {copies?: boolean | 'exact'; paths?: readonly string[]} = {}): Promise<LogCommit[]> {
    if (options.copies || options.paths || shas.some((s) => !this.bySha.has(s))) return this.git.logCommits(shas, options)
    return shas.map((s) => {
      const c = this.bySha.get(s) as LogCommit
      return {...c, changes: [...c.changes]}
    })
  }

  /**
   * The files at HEAD, from the whole log played from its first commit on (every file it adds,
   * renames and deletes), when the log starts at the root and shows the root's files (not with
   * `after`, nor with `log.showRoot=false`); else `git ls-tree`. Their order is not git's.
   */
  async filesAt(commit: string, paths: readonly string[]): Promise<string[]> {
    const root = this.newestFirst.at(-1)
    if (commit !== 'HEAD' || this.after !== undefined || !root || root.parents.length > 0 || root.changes.length === 0) {
      return this.git.filesAt(commit, paths)
    }
    if (paths.length === 0) return []
    this.head ??= playedTree(this.newestFirst)
    const under = pathSet(paths)
    return [...this.head].filter((path) => isUnder(under, path))
  }
}

/** The paths of the tree a linear history (newest first, from its root) ends with. */
function playedTree(newestFirst: readonly LogCommit[]): Set<string> {
  const tree = new Set<string>()
  for (let i = newestFirst.length - 1; i >= 0; i--) {
    for (const ch of newestFirst[i].changes) {
      if (ch.status === 'D') tree.delete(ch.path)
      else {
        if (ch.status === 'R' && ch.from !== undefined) tree.delete(ch.from)
        tree.add(ch.path)
      }
    }
  }
  return tree
}

/** A commit whose path-limited change only git can tell (see `limitedChanges`). */
const ASK_GIT = 'ask git'

/**
 * The fast path of `limitedChanges` (ADR 43): a commit whose every entry lies under the paths, both
 * sides of each rename, is its whole change. It skips asking git for the limited view (`ASK_GIT`),
 * because git limits the diff to the paths before it pairs renames: with nothing outside them it
 * diffs the same files and pairs them alike, rename limit included. `undefined` for any other commit.
 * `test/app/linear-log.test.ts` pins it to git's own answer.
 */
function wholeChangeUnder(changes: readonly LogFileChange[], under: PathSet): LogFileChange[] | undefined {
  if (changes.length === 0) return undefined
  for (const ch of changes) if (!isUnder(under, ch.path) || (ch.from !== undefined && !isUnder(under, ch.from))) return undefined
  return changes.slice()
}

/**
 * A commit's change as a log limited to the paths (`under`) shows it, from its whole change, or
 * `undefined` when it touches none of them. A commit whose every entry lies under the paths (both
 * sides of a rename) is its whole change: the log limited to them diffs the same files, so it pairs
 * them the same way (ADR 43). Else that log pairs renames among the files under the paths
 * only: a rename with one side under them is the addition or the deletion of that side there, placed
 * in git's path order (byte order of the paths); with nothing to pair (no deletion or no addition
 * left under the paths) the rest is the same entries. `ASK_GIT` when a rename could be paired there
 * (a rename with both sides under the paths, a deletion and an addition both under them) or a type
 * change touches them.
 */
function limitedChanges(changes: readonly LogFileChange[], under: PathSet): LogFileChange[] | typeof ASK_GIT | undefined {
  const whole = wholeChangeUnder(changes, under)
  if (whole) return whole
  let out: LogFileChange[] | undefined
  let added = false
  let deleted = false
  let converted = false
  for (const ch of changes) {
    const here = isUnder(under, ch.path)
    if (ch.status === 'R') {
      const from = ch.from !== undefined && isUnder(under, ch.from)
      if (here && from) return ASK_GIT
      if (!here && !from) continue
      converted = true
      out ??= []
      if (here) {
        added = true
        out.push({status: 'A', path: ch.path, blob: ch.blob, fromBlob: '0'.repeat(ch.fromBlob.length)})
      } else {
        deleted = true
        out.push({status: 'D', path: ch.from as string, blob: '0'.repeat(ch.blob.length), fromBlob: ch.fromBlob})
      }
      continue
    }
    if (!here) continue
    if (ch.status === 'T') return ASK_GIT
    if (ch.status === 'A') added = true
    if (ch.status === 'D') deleted = true
    out ??= []
    out.push(ch)
  }
  if (!out) return undefined
  if (added && deleted) return ASK_GIT
  return converted ? inPathOrder(out) : out
}

/** Changes in git's path order, the byte order of their UTF-8 paths (each path encoded once, not at each comparison). */
function inPathOrder(changes: readonly LogFileChange[]): LogFileChange[] {
  return changes
    .map((change) => ({change, bytes: Buffer.from(change.path)}))
    .sort((a, b) => Buffer.compare(a.bytes, b.bytes))
    .map(({change}) => change)
}

/**
 * The paths a pass is limited to, as data: one function (`isUnder`) asks of every pass's set, where a
 * closure made for each pass was a new call target in the hottest loop of the passes.
 */
interface PathSet {
  /** No paths, or `''`: the whole tree. */
  all: boolean
  paths: readonly string[]
  /** Each path with a `/` after it. */
  prefixes: readonly string[]
}

function pathSet(paths: readonly string[]): PathSet {
  return {all: paths.length === 0 || paths.includes(''), paths, prefixes: paths.map((p) => `${p}/`)}
}

/** Whether a path lies under one of the set's paths as a literal pathspec matches it. */
function isUnder(set: PathSet, path: string): boolean {
  if (set.all) return true
  for (let i = 0; i < set.paths.length; i++) if (path === set.paths[i] || path.startsWith(set.prefixes[i])) return true
  return false
}
