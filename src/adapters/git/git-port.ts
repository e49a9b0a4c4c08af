import type {LogCommit} from './git-log.js'

/**
 * The git port: what adrgate asks of git (reads of the repository and its history, and the few writes:
 * commit, init, moves), and the shapes of its answers. The adapter is git.ts (`openGit`).
 */
export type {LogCommit, LogFileChange} from './git-log.js'

/** Where HEAD points: a branch with commits, a branch with none yet (`unborn`), or a bare commit. */
export type Head = {kind: 'branch'; branch: string; sha: string} | {kind: 'detached'; sha: string} | {kind: 'unborn'; branch?: string}

/** A file changed since a base, for `adr lint --since/--changed`. Paths are relative to the repository root, `/`-separated. */
export interface ChangedFile {
  path: string
  absolute: string
  status: 'added' | 'modified' | 'deleted' | 'renamed' | 'untracked'
  /** The path before a rename. */
  from?: string
}

/** The ADR directory's file names (no directory) on one local or remote-tracking branch. */
export interface BranchFiles {
  /** `main`, `origin/feature-x`. */
  branch: string
  files: string[]
}

/**
 * What `git ls-tree` listed in a directory at a commit, known from an earlier run (commit-listings.ts):
 * a commit's tree never changes, so `listBranchFiles` asks here before it runs `ls-tree` for a commit.
 */
export interface CommitListings {
  /** The names listed in `dir` (its real path) at `commit`, when known. */
  get(commit: string, dir: string): readonly string[] | undefined
  /** What `ls-tree` just listed in `dir` at `commit`. */
  set(commit: string, dir: string, files: readonly string[]): void
}

/** What one `git rev-parse` tells about the repository. */
export interface RepositoryProbe {
  topLevel: string
  /** The git directory (`.git`, or the worktree's), absolute. */
  gitDir: string
  shallow: boolean
  /**
   * In a shallow clone, the commits its history stops at (sorted, one a line): a `git fetch --deepen`
   * or `--unshallow` changes them, and with them every history read from the clone.
   */
  shallowCommits?: string
  /** HEAD's commit, absent before the first commit. */
  head?: string
}

export interface Identity {
  name: string
  email: string
}

/** The identity `adr demo` commits with when the user has none configured. */
export const DEMO_IDENTITY: Identity = {name: 'adrgate demo', email: 'demo@adrgate.invalid'}

/**
 * THE git adapter: domain verbs (git runs through git-process.ts, the only module that imports simple-git), library errors translated
 * to `AdrError` (`NOT_A_GIT_REPOSITORY`, `GIT_FAILED`, `UNKNOWN_REF`). Anything a user typed (refs,
 * paths, messages) reaches git as a value: after `--end-of-options`, after `--`, or as an option's value.
 */
export interface Git {
  /** The directory the adapter was opened on. */
  readonly cwd: string
  /** The environment every git process runs with: the command's (never inherited from this process), git's messages in English. */
  readonly env: NodeJS.ProcessEnv
  isRepository(): Promise<boolean>
  /** The repository's top level (absolute, real path). */
  topLevel(): Promise<string>
  /** A path (absolute, or relative to `cwd`) as git names it: relative to the top level, `/`-separated, `''` for the top. */
  repoPath(file: string): Promise<string>
  /** Top level, git directory, shallowness and HEAD in one git process; `NOT_A_GIT_REPOSITORY` outside one. */
  probe(): Promise<RepositoryProbe>
  headCommit(): Promise<Head>
  /** The full commit id a user's ref names; `UNKNOWN_REF` when it names none. */
  verifyRef(ref: string): Promise<string>
  /** A file's text at a ref, or `undefined` when the file is not there. `file` is absolute or relative to the top level. */
  readFileAt(ref: string, file: string): Promise<string | undefined>
  /** Files under `dir` changed between the merge base of `sinceRef` and HEAD, and the working tree (uncommitted and untracked included). */
  changedFiles(sinceRef: string, dir: string): Promise<ChangedFile[]>
  /**
   * The file names in `dir` on every local and remote-tracking branch: one `git ls-tree` a commit the
   * branches point at, unless `known` has that commit's listing.
   */
  listBranchFiles(dir: string, known?: CommitListings): Promise<BranchFiles[]>
  /** The paths (from the top, `/`-separated) of the tracked files that match `glob`, a pathspec glob (every Markdown file, say). */
  trackedFiles(glob: string): Promise<string[]>
  /**
   * Every commit that touched `dir`, oldest first, with its file changes (renames detected) and blob
   * ids. One `git log`, read as it streams: `onCommit` sees each commit as soon as git prints it (newest first).
   */
  logDirectory(dir: string, onCommit?: (commit: LogCommit) => void, options?: {after?: string}): Promise<LogCommit[]>
  /**
   * Every commit that touched any of `paths` (relative to the top level, `/`-separated), oldest first:
   * one `git log` however many paths, so a rename from one of them to another is seen as a rename.
   */
  logPaths(paths: readonly string[], onCommit?: (commit: LogCommit) => void, options?: {after?: string}): Promise<LogCommit[]>
  /**
   * The whole change of each commit (no path limit, renames detected), in the order given: one `git
   * log --stdin`. With `copies`, a file copied from one that the commit left alone is found too
   * (`--find-copies-harder`: far slower, for a few commits only); `'exact'` finds unchanged copies only, cheaply.
   * With `paths`, each commit's change is limited to them, as `logPaths` shows it.
   */
  logCommits(shas: readonly string[], options?: {copies?: boolean | 'exact'; paths?: readonly string[]}): Promise<LogCommit[]>
  /**
   * Every commit of HEAD's history (or of `after..HEAD`) with its whole change (no path limit, renames
   * detected), newest first as git walks: one `git log`. `undefined` when `stop` says so of a commit,
   * and, with `noMerges`, when the range holds a merge commit (asked first of `git rev-list`, which
   * walks the commits without reading a diff). `parts`: one `git log`, or two at once over the older
   * and the newer commits of a linear range (by default two on a machine of two cores or more, for a
   * long range).
   */
  logAll(options?: {
    after?: string
    stop?: (commit: LogCommit) => boolean
    noMerges?: boolean
    parts?: 1 | 2
  }): Promise<LogCommit[] | undefined>
  /** The files under `paths` (relative to the top level) at a commit, as paths relative to the top level. */
  filesAt(commit: string, paths: readonly string[]): Promise<string[]>
  /** Whether commit `ancestor` is `descendant` or one of its ancestors (both full ids). */
  isAncestor(ancestor: string, descendant: string): Promise<boolean>
  /** A path inside the git directory (`.git/adrgate/…`, worktrees included), absolute. */
  gitPath(name: string): Promise<string>
  /** Stages `paths` (additions, changes and deletions) and commits exactly them; returns the commit id. */
  commit(paths: string[], message: string, options?: {fallbackIdentity?: Identity}): Promise<string>
  /**
   * Stages files moved in the working tree as renames, as `git mv` would: for each `from` that git
   * tracks, the old path leaves the index and the new one (with its new content) enters it. Untracked
   * files are left alone. Paths are absolute or relative to `cwd`.
   */
  stageMoves(moves: readonly {from: string; to: string}[]): Promise<void>
  /** git's `user.name` and `user.email` where the adapter was opened (unset: undefined). */
  userIdentity(): Promise<{name?: string; email?: string}>
  /** `git init` in `cwd`. */
  init(options?: {branch?: string}): Promise<void>
  /**
   * `adr demo`: stage and commit `paths` as `author` (name, email and a date, also the committer's),
   * else with the user's identity, or `DEMO_IDENTITY` when none is configured.
   */
  addAndCommit(paths: string[], message: string, author?: DatedIdentity): Promise<string>
}

/** Who made a commit, and when (ISO 8601 with an offset, e.g. `2026-02-03T10:15:00+01:00`). */
export interface DatedIdentity extends Identity {
  date: string
}
