import {existsSync, readFileSync, realpathSync} from 'node:fs'
import path from 'node:path'
import type {SimpleGit} from 'simple-git'
import {AdrError} from '../../core/errors.js'
import {untranslatedGitEnv} from './git-env.js'
import {readLinearLogInTwo} from './git-log-in-two.js'
import {
  type BranchFiles,
  type ChangedFile,
  type CommitListings,
  type DatedIdentity,
  DEMO_IDENTITY,
  type Git,
  type Head,
  type Identity,
  type LogCommit,
  type RepositoryProbe,
} from './git-port.js'
import {execGit, literal, readGitLogWhole, runFixedGit, simpleGit, streamGitLog, streamGitLogUntil, translateError} from './git-process.js'

export * from './git-port.js'

/** The adapter on `cwd`; git runs with `env`, the command's environment. */
export function openGit(cwd: string, env: NodeJS.ProcessEnv): Git {
  return new GitAdapter(cwd, env)
}

/**
 * The adapter opened where a directory is (its nearest existing ancestor when it does not exist yet):
 * a directory inside a submodule (or any nested repository) belongs to that repository, not to the one around it.
 */
export function openGitAt(dir: string, env: NodeJS.ProcessEnv): Git {
  let at = path.resolve(dir)
  while (!existsSync(at) && path.dirname(at) !== at) at = path.dirname(at)
  return openGit(at, env)
}

class GitAdapter implements Git {
  readonly cwd: string
  readonly env: NodeJS.ProcessEnv
  private cwdGit?: SimpleGit
  private top?: Promise<string>
  private topGit?: SimpleGit

  constructor(cwd: string, env: NodeJS.ProcessEnv) {
    this.cwd = cwd
    // git's messages in English: some are read (untranslatedGitEnv)
    this.env = untranslatedGitEnv(env)
  }

  private get git(): SimpleGit {
    this.cwdGit ??= simpleGit(this.cwd, this.env)
    return this.cwdGit
  }

  async isRepository(): Promise<boolean> {
    try {
      return (await this.git.raw(['rev-parse', '--is-inside-work-tree'])).trim() === 'true'
    } catch {
      return false
    }
  }

  topLevel(): Promise<string> {
    this.top ??= this.runFixed(['rev-parse', '--show-toplevel']).then((out) => realpathSync(out.trim()))
    return this.top
  }

  async probe(): Promise<RepositoryProbe> {
    const out = await this.runFixed([
      'rev-parse',
      '--show-toplevel',
      '--absolute-git-dir',
      '--is-shallow-repository',
      '--git-path',
      'shallow',
      '-q',
      '--verify',
      'HEAD^{commit}',
    ])
    const [top, gitDir, shallow, shallowFile, head] = out.split('\n')
    if (!top || !gitDir) throw translateError(new Error('not a git repository'), [])
    const topLevel = realpathSync(top)
    this.top ??= Promise.resolve(topLevel)
    const boundary = shallow === 'true' ? {shallowCommits: readShallowCommits(path.resolve(this.cwd, shallowFile ?? ''))} : {}
    return {topLevel, gitDir, shallow: shallow === 'true', ...boundary, ...(head ? {head} : {})}
  }

  async headCommit(): Promise<Head> {
    // `-q` makes both quiet failures: empty output, not an error.
    const sha = (await this.runFixed(['rev-parse', '-q', '--verify', 'HEAD^{commit}'])).trim()
    const branch = (await this.runFixed(['symbolic-ref', '-q', '--short', 'HEAD'])).trim()
    if (!sha) return branch ? {kind: 'unborn', branch} : {kind: 'unborn'}
    return branch ? {kind: 'branch', branch, sha} : {kind: 'detached', sha}
  }

  async verifyRef(ref: string): Promise<string> {
    let sha = ''
    try {
      sha = (await this.run(['rev-parse', '-q', '--verify', '--end-of-options', `${ref}^{commit}`])).trim()
    } catch (error) {
      if (error instanceof AdrError && error.code === 'NOT_A_GIT_REPOSITORY') throw error
    }
    if (!/^[0-9a-f]{40,64}$/.test(sha)) {
      throw new AdrError('UNKNOWN_REF', `"${ref}" does not name a commit in this repository`, {
        suggestions: [
          'Check the name with `git branch -a` or `git log --oneline`.',
          'In CI, fetch the base branch too (actions/checkout with `fetch-depth: 0`, or `git fetch origin main`).',
        ],
      })
    }
    return sha
  }

  async readFileAt(ref: string, file: string): Promise<string | undefined> {
    const sha = await this.verifyRef(ref)
    const rel = await this.repoPath(file)
    const exists = (await this.runAtTop(['ls-tree', '-z', '--name-only', sha, '--', literal(rel)])).length > 0
    if (!exists) return undefined
    return this.run(['cat-file', 'blob', `${sha}:${rel}`])
  }

  async changedFiles(sinceRef: string, dir: string): Promise<ChangedFile[]> {
    const since = await this.verifyRef(sinceRef)
    const top = await this.topLevel()
    const rel = await this.repoPath(dir)
    const head = await this.headCommit()
    let base = since
    if (head.kind !== 'unborn') {
      base = (await this.run(['merge-base', since, head.sha]).catch(() => '')).trim()
      if (!base) {
        throw new AdrError('GIT_FAILED', `"${sinceRef}" and HEAD have no common ancestor in this clone`, {
          suggestions: ['In a shallow clone, fetch the full history: `git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout.'],
        })
      }
    }
    const diff = await this.runAtTop(['diff', '--name-status', '-z', '-M', base, '--', literal(rel)])
    const untracked = await this.runAtTop(['ls-files', '-z', '--others', '--exclude-standard', '--', literal(rel)])
    const {parseNameStatus} = await logCode()
    const out: Omit<ChangedFile, 'absolute'>[] = parseNameStatus(diff)
    for (const p of untracked.split('\0').filter(Boolean)) out.push({path: p, status: 'untracked'})
    return out.map((c) => ({...c, absolute: path.join(top, ...c.path.split('/'))}))
  }

  async listBranchFiles(dir: string, known?: CommitListings): Promise<BranchFiles[]> {
    const refs = (await this.runFixed(['for-each-ref', '--format=%(refname)%00%(objectname)', 'refs/heads', 'refs/remotes']))
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('\0'))
      .filter(([name]) => !name.endsWith('/HEAD'))
    if (refs.length === 0) return []
    // `ls-tree` takes its pathspec relative to where it runs, as `repoPath` reads the path (real
    // paths), so no `rev-parse --show-toplevel` is needed; the names are the last segments of the full names
    const real = realPathOf(path.resolve(this.cwd, dir))
    const rel = path.relative(realpathSync(this.cwd), real).split(path.sep).join('/')
    const pathspec = literal(rel ? `${rel}/` : '.')
    // one `ls-tree` a commit, however many branches point at it (`main` and `origin/main`)
    const listings = new Map<string, Promise<string[]>>()
    const listTree = (sha: string) =>
      this.runFixed(['ls-tree', '-z', '--name-only', '--full-name', sha, '--', pathspec])
        .then((listed) => {
          const files = listed
            .split('\0')
            .filter(Boolean)
            .map((p) => p.slice(p.lastIndexOf('/') + 1))
          known?.set(sha, real, files)
          return files
        })
        .catch((error: unknown) => {
          throw outsideRepository(error, dir)
        })
    // a commit listed before is not listed again: its tree is the same (commit-listings.ts)
    const filesAt = (sha: string) => {
      const listed = known?.get(sha, real)
      return listed ? Promise.resolve([...listed]) : listTree(sha)
    }
    for (const [, sha] of refs) if (!listings.has(sha)) listings.set(sha, filesAt(sha))
    return Promise.all(
      refs.map(async ([name, sha]) => ({
        branch: name.replace(/^refs\/(heads|remotes)\//, ''),
        files: await (listings.get(sha) as Promise<string[]>),
      })),
    )
  }

  async logDirectory(dir: string, onCommit?: (commit: LogCommit) => void, options: {after?: string} = {}): Promise<LogCommit[]> {
    if (!(await this.probe()).head) return []
    return this.logPaths([await this.repoPath(dir)], onCommit, options)
  }

  async logPaths(paths: readonly string[], onCommit?: (commit: LogCommit) => void, options: {after?: string} = {}): Promise<LogCommit[]> {
    // newest first, so that git streams from the start (--reverse and --topo-order make it walk everything first)
    const range = options.after ? `${await this.verifyRef(options.after)}..HEAD` : 'HEAD'
    const pathspecs = paths.length ? paths.map(literal) : [literal('')]
    const {LOG_FORMAT, orderOldestFirst} = await logCode()
    const commits = await streamGitLog(
      await this.topLevel(),
      this.env,
      ['log', '-z', '--raw', '--root', '--no-abbrev', '-M', LOG_FORMAT, range, '--', ...pathspecs],
      '',
      onCommit,
    )
    return orderOldestFirst(commits)
  }

  async logCommits(shas: readonly string[], options: {copies?: boolean | 'exact'; paths?: readonly string[]} = {}): Promise<LogCommit[]> {
    const ids = shas.filter((s) => /^[0-9a-f]{40,64}$/.test(s))
    if (ids.length === 0) return []
    // exact copies only (`-l1` leaves out the inexact pass, which compares every added file with every
    // file of the tree: minutes on a large one); one unchanged file is enough to find where a folder came from
    const copies = options.copies ? ['-C', '--find-copies-harder', ...(options.copies === 'exact' ? ['-l1'] : [])] : []
    // the ids go on stdin: thousands of them would not fit on a command line
    const {LOG_FORMAT} = await logCode()
    const args = ['log', '-z', '--raw', '--root', '--no-abbrev', '-M', ...copies, '--no-walk=unsorted', '--stdin', LOG_FORMAT]
    if (options.paths) args.push('--', ...(options.paths.length ? options.paths.map(literal) : [literal('')]))
    return streamGitLog(await this.topLevel(), this.env, args, `${ids.join('\n')}\n`)
  }

  async logAll(
    options: {after?: string; stop?: (commit: LogCommit) => boolean; noMerges?: boolean; parts?: 1 | 2} = {},
  ): Promise<LogCommit[] | undefined> {
    const range = options.after ? `${await this.verifyRef(options.after)}..HEAD` : 'HEAD'
    const {LOG_FORMAT} = await logCode()
    const top = await this.topLevel()
    if (options.noMerges) {
      const merge = await execGit(top, this.env, ['rev-list', '--min-parents=2', '--max-count=1', range, '--'])
      if (merge.trim() !== '') return undefined
    }
    const args = ['log', '-z', '--raw', '--root', '--no-abbrev', '-M', LOG_FORMAT, range, '--']
    // with no merge to stop at, the log is read whole, through a file (`readGitLogWhole`); else as it streams
    if (options.noMerges) {
      const commits =
        (await readLinearLogInTwo(top, this.env, args.slice(0, -2), range, options.parts)) ?? (await readGitLogWhole(top, this.env, args))
      if (commits) return options.stop && commits.some(options.stop) ? undefined : commits
    }
    return streamGitLogUntil(top, this.env, args, '', undefined, options.stop)
  }

  async trackedFiles(glob: string): Promise<string[]> {
    return (await this.runFixed(['ls-files', '-z', '--full-name', '--', `:(top,glob)${glob}`])).split('\0').filter(Boolean)
  }

  async filesAt(commit: string, paths: readonly string[]): Promise<string[]> {
    if (paths.length === 0) return []
    const sha = await this.verifyRef(commit)
    const out = await this.runAtTop(['ls-tree', '-r', '-z', '--name-only', '--full-tree', sha, '--', ...paths.map(literal)])
    return out.split('\0').filter(Boolean)
  }

  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    const a = await this.verifyRef(ancestor)
    const d = await this.verifyRef(descendant)
    // every commit reachable from the ancestor is reachable from the descendant
    return (await this.run(['rev-list', '-n', '1', a, '--not', d])).trim() === ''
  }

  async gitPath(name: string): Promise<string> {
    return path.resolve(this.cwd, (await this.runFixed(['rev-parse', '--git-path', name])).trim())
  }

  async commit(paths: string[], message: string, options: {fallbackIdentity?: Identity} = {}): Promise<string> {
    const rels = await Promise.all(paths.map((p) => this.repoPath(p)))
    const identity = options.fallbackIdentity ? await this.identityConfig(options.fallbackIdentity) : []
    await this.runAtTop(['add', '-A', '--', ...rels.map(literal)])
    await this.runAtTop([...identity, 'commit', '-q', '-m', message, '--', ...rels.map(literal)])
    return (await this.run(['rev-parse', 'HEAD'])).trim()
  }

  async stageMoves(moves: readonly {from: string; to: string}[]): Promise<void> {
    if (moves.length === 0) return
    const rels = await Promise.all(moves.map(async (m) => ({from: await this.repoPath(m.from), to: await this.repoPath(m.to)})))
    const tracked = new Set(
      (await this.runAtTop(['ls-files', '-z', '--', ...rels.map((m) => literal(m.from))])).split('\0').filter(Boolean),
    )
    const staged = rels.filter((m) => tracked.has(m.from))
    if (staged.length === 0) return
    await this.runAtTop(['rm', '--cached', '-q', '--', ...staged.map((m) => literal(m.from))])
    await this.runAtTop(['add', '--', ...staged.map((m) => literal(m.to))])
  }

  async init(options: {branch?: string} = {}): Promise<void> {
    await this.run(['init', '-q', ...(options.branch ? [`--initial-branch=${options.branch}`] : [])])
    this.top = undefined
    this.topGit = undefined
  }

  async addAndCommit(paths: string[], message: string, author?: DatedIdentity): Promise<string> {
    if (!author) return this.commit(paths, message, {fallbackIdentity: DEMO_IDENTITY})
    const rels = await Promise.all(paths.map((p) => this.repoPath(p)))
    // the identity and dates go in the environment, as git reads them
    const env = {
      ...this.env,
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_AUTHOR_DATE: author.date,
      GIT_COMMITTER_NAME: author.name,
      GIT_COMMITTER_EMAIL: author.email,
      GIT_COMMITTER_DATE: author.date,
    }
    const top = await this.topLevel()
    const run = (args: string[]) => execGit(top, env, args)
    await run(['add', '-A', '--', ...rels.map(literal)])
    await run(['commit', '-q', '-m', message, '--', ...rels.map(literal)])
    return (await run(['rev-parse', 'HEAD'])).trim()
  }

  async userIdentity(): Promise<{name?: string; email?: string}> {
    const name = (await this.run(['config', '--get', 'user.name']).catch(() => '')).trim()
    const email = (await this.run(['config', '--get', 'user.email']).catch(() => '')).trim()
    return {...(name ? {name} : {}), ...(email ? {email} : {})}
  }

  /** `-c user.name=… -c user.email=…` for whichever the user has not configured. */
  private async identityConfig(fallback: Identity): Promise<string[]> {
    const name = (await this.run(['config', '--get', 'user.name']).catch(() => '')).trim()
    const email = (await this.run(['config', '--get', 'user.email']).catch(() => '')).trim()
    return [...(name ? [] : ['-c', `user.name=${fallback.name}`]), ...(email ? [] : ['-c', `user.email=${fallback.email}`])]
  }

  async repoPath(file: string): Promise<string> {
    const top = await this.topLevel()
    const absolute = path.resolve(this.cwd, file)
    const rel = path.relative(top, realPathOf(absolute))
    if (rel.startsWith('..') || path.isAbsolute(rel)) {
      throw new AdrError('UNSAFE_PATH', `${file} is outside the git repository at ${top}`, {
        suggestions: ['Run the command inside the repository that holds the ADRs, or pass --dir with a directory inside it.'],
      })
    }
    return rel.split(path.sep).join('/')
  }

  /** Pathspecs and the paths git prints are relative to where it runs: these commands run at the top level. */
  private async runAtTop(args: string[]): Promise<string> {
    const top = await this.topLevel()
    this.topGit ??= top === this.cwd ? this.git : simpleGit(top, this.env)
    try {
      return await this.topGit.raw(args)
    } catch (error) {
      throw translateError(error, args)
    }
  }

  /** A command whose every argument adrgate wrote (no user value), run without simple-git: see `runFixedGit`. */
  private runFixed(args: string[], cwd = this.cwd): Promise<string> {
    return runFixedGit(cwd, this.env, args)
  }

  private async run(args: string[]): Promise<string> {
    try {
      return await this.git.raw(args)
    } catch (error) {
      throw translateError(error, args)
    }
  }
}

/** git's refusal of a pathspec outside the work tree as `repoPath` words it (UNSAFE_PATH); any other error as it is. */
function outsideRepository(error: unknown, file: string): unknown {
  if (!(error instanceof AdrError) || error.code !== 'GIT_FAILED' || !/is outside repository/.test(error.message)) return error
  return new AdrError('UNSAFE_PATH', `${file} is outside the git repository`, {
    cause: error,
    suggestions: ['Run the command inside the repository that holds the ADRs, or pass --dir with a directory inside it.'],
  })
}

/** The log's format and parsers, loaded by the first command that reads a log (`adr new`'s git commands read none). */
function logCode(): Promise<typeof import('./git-log.js')> {
  return import('./git-log.js')
}

/** The real path of a file, or of its nearest existing ancestor joined with the rest (the file may not exist yet). */
function realPathOf(absolute: string): string {
  try {
    return realpathSync(absolute)
  } catch {
    const parent = path.dirname(absolute)
    return parent === absolute ? absolute : path.join(realPathOf(parent), path.basename(absolute))
  }
}

/** The commits a shallow clone's history stops at (git's `shallow` file), sorted, one a line; `''` when it cannot be read. */
function readShallowCommits(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').filter(Boolean).sort().join('\n')
  } catch {
    return ''
  }
}
