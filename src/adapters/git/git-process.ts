import {type ChildProcess, execFile, spawn} from 'node:child_process'
import {createRequire} from 'node:module'
import {StringDecoder} from 'node:string_decoder'
import type {SimpleGit, SimpleGitOptions} from 'simple-git'
import {AdrError} from '../../core/errors.js'
import type {LogCommit} from './git-log.js'

// How git runs for the adapter (git.ts): simple-git, loaded when first needed, for the short commands;
// a process of its own for the long `git log` streams and for commits with a given identity; and the
// translation of whatever fails into an AdrError. The only module that imports simple-git.

/**
 * simple-git (a tenth of the start-up budget) is loaded on the first git command, not when this module
 * is imported: commands import the adapter for their optional git flags (`lint --since`, `list --long`).
 */
const require = createRequire(import.meta.url)
let library: typeof import('simple-git') | undefined
function gitLibrary(): typeof import('simple-git') {
  library ??= require('simple-git') as typeof import('simple-git')
  return library
}
/**
 * simple-git refuses an environment of its own that holds variables git runs programs or reads
 * configuration from (EDITOR, PAGER, GIT_CONFIG_GLOBAL …), guarding against an environment a caller
 * does not control. This one is the user's own, which git would inherit anyway, and the arguments
 * adrgate builds never set those settings: the refusals for the environment's categories are lifted,
 * the others (option-like values, `--upload-pack` …) stay.
 */
const ENVIRONMENT_IS_THE_USERS = {
  allowUnsafeEditor: true,
  allowUnsafeAskPass: true,
  allowUnsafeConfigPaths: true,
  allowUnsafeConfigEnvCount: true,
  allowUnsafeDiffExternal: true,
  allowUnsafePager: true,
  allowUnsafeGitProxy: true,
  allowUnsafeTemplateDir: true,
  allowUnsafeSshCommand: true,
}

export function simpleGit(baseDir: string, env: NodeJS.ProcessEnv): SimpleGit {
  const options: Partial<SimpleGitOptions> = {baseDir, maxConcurrentProcesses: 4, trimmed: false, unsafe: ENVIRONMENT_IS_THE_USERS}
  return gitLibrary().simpleGit(options).env(env)
}

/**
 * Runs `git log` (or any command printing its raw format) in `top`, parsing its output as it streams:
 * `onCommit` sees each commit as git prints it; `input` goes to its stdin.
 */
export async function streamGitLog(
  top: string,
  env: NodeJS.ProcessEnv,
  args: string[],
  input: string,
  onCommit?: (commit: LogCommit) => void,
): Promise<LogCommit[]> {
  return (await streamGitLogUntil(top, env, args, input, onCommit)) as LogCommit[]
}

/**
 * `streamGitLog` that gives up as soon as `stop` says so of a commit: git is stopped (and waited for)
 * and the answer is `undefined`.
 */
export async function streamGitLogUntil(
  top: string,
  env: NodeJS.ProcessEnv,
  args: string[],
  input: string,
  onCommit?: (commit: LogCommit) => void,
  stop?: (commit: LogCommit) => boolean,
): Promise<LogCommit[] | undefined> {
  const commits: LogCommit[] = []
  let stopped = false
  let child: ChildProcess | undefined
  // the log's parser loads with the first log read (`adr new`'s git commands read none)
  const [{createRawLogParser}, {runGitChild}] = await Promise.all([import('./git-log.js'), import('./git-child.js')])
  const parser = createRawLogParser((c) => {
    if (stopped) return
    if (stop?.(c)) {
      stopped = true
      child?.kill()
      return
    }
    commits.push(c)
    onCommit?.(c)
  })
  const decoder = new StringDecoder('utf8')
  // GIT_FLUSH=0: git writes its log in full buffers, not one write per commit (thousands of tiny
  // reads, each a buffer of its own, cost more than parsing what they carry)
  const {code, stderr} = await runGitChild(
    top,
    {...env, GIT_FLUSH: '0'},
    args,
    input,
    (chunk) => {
      if (!stopped) parser.push(decoder.write(chunk))
    },
    (started) => {
      child = started
    },
  ).catch((error: Error) => {
    throw translateError(new (gitLibrary().GitError)(undefined, `spawn git: ${error.message}`), args)
  })
  if (stopped) return undefined
  if (code !== 0) throw translateError(new Error(stderr || `exit ${code}`), args)
  parser.push(decoder.end())
  parser.end()
  return stopped ? undefined : commits
}

/**
 * FAST PATH of `streamGitLogUntil` for a log read to its end (no commit to stop at, `logAll` with
 * `noMerges`): git writes it to a temporary file (`runGitToFile`), decoded and parsed in one go when
 * git exits. It skips the stream: some 800 reads of a pipe for the bench's 10,500 commits, about
 * 60 ms of Node's CPU, for one read. The same commits as the stream gives (the same parser);
 * `undefined` when no temporary file can be made, and the caller streams.
 */
export async function readGitLogWhole(top: string, env: NodeJS.ProcessEnv, args: string[]): Promise<LogCommit[] | undefined> {
  // loaded with the first whole log read, as the parser is (`adr new`'s git commands read none)
  const {runGitToFile} = await import('./git-to-file.js')
  const run = await runGitToFile(top, env, args, '').catch((error: Error) => {
    throw translateError(new (gitLibrary().GitError)(undefined, `spawn git: ${error.message}`), args)
  })
  // no temporary file, or git did not end well writing to it: the caller streams, which runs git again and reports its own failure
  if (!run) return undefined
  const {parseRawLog} = await import('./git-log.js')
  return parseRawLog(run.stdout.toString('utf8'))
}

/** Runs one git command in `top` with `env` (an identity and dates of its own, say); its stdout. */
export function execGit(top: string, env: NodeJS.ProcessEnv, args: string[]): Promise<string> {
  return new Promise<string>((resolve, reject) =>
    execFile('git', args, {cwd: top, env, encoding: 'utf8'}, (error, stdout, stderr) =>
      error ? reject(translateError(Object.assign(error, {message: stderr || error.message}), args)) : resolve(stdout),
    ),
  )
}

/**
 * The fast path of simple-git's `raw()` for git commands whose every argument adrgate writes itself
 * (`rev-parse --show-toplevel`, `for-each-ref`, `ls-tree` of a commit git listed, with a literal
 * pathspec): no value a user typed, so none that simple-git's refusal of unsafe options would stop. git
 * runs directly, without loading simple-git (a tenth of the start-up budget): `adr log` with its
 * history cached and `adr new` run only such commands. What `raw()` gives is kept: stdout; an exit code
 * other than 0 with nothing on stderr is no failure (`rev-parse -q --verify` of an unborn HEAD prints
 * nothing and exits 1); a failure is translated from stdout and stderr together, as simple-git's
 * message has them; at most four such processes run at once (simple-git's limit here).
 * `test/adapters/git-fixed.test.ts` pins it to simple-git's `raw()`.
 */
export async function runFixedGit(cwd: string, env: NodeJS.ProcessEnv, args: string[]): Promise<string> {
  while (running >= MAX_PROCESSES) await new Promise<void>((resolve) => waiting.push(resolve))
  running++
  try {
    return await new Promise<string>((resolve, reject) => {
      const child = spawn('git', args, {cwd, env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true})
      const out: Buffer[] = []
      const err: Buffer[] = []
      child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
      child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
      child.on('error', (error) => reject(translateError(error, args)))
      child.on('close', (code) => {
        const stdout = Buffer.concat(out).toString('utf8')
        const stderr = Buffer.concat(err).toString('utf8')
        if (code !== 0 && stderr.length > 0) reject(translateError(new Error(stdout + stderr), args))
        else resolve(stdout)
      })
    })
  } finally {
    running--
    waiting.shift()?.()
  }
}

const MAX_PROCESSES = 4
let running = 0
const waiting: (() => void)[] = []

/** Pathspec magic so that `*`, `?` and `:` in a path are taken literally. */
export function literal(rel: string): string {
  return `:(literal)${rel || '.'}`
}

export function translateError(error: unknown, args: string[]): AdrError {
  if (error instanceof AdrError) return error
  const message = error instanceof Error ? error.message : String(error)
  if (/not a git repository/i.test(message)) {
    return new AdrError('NOT_A_GIT_REPOSITORY', 'This directory is not inside a git repository', {
      cause: error,
      suggestions: ["Run the command inside your project's repository, or create one with `git init`."],
    })
  }
  // an error from simple-git means simple-git is loaded
  if (library && error instanceof library.GitPluginError && error.plugin === 'unsafe') {
    return new AdrError('INVALID_ARGUMENT', `Refused to pass an option-like value to git: ${message}`, {cause: error})
  }
  const what = `git ${args.find((a) => !a.startsWith('-')) ?? ''}`.trim()
  const detail = message.trim().split('\n')[0]
  const suggestions = /Please tell me who you are|empty ident/i.test(message)
    ? ['Set your identity: `git config --global user.name "Your Name"` and `git config --global user.email you@example.com`.']
    : ((library && error instanceof library.GitError) || (error as NodeJS.ErrnoException).code === 'ENOENT') &&
        /ENOENT|spawn git/i.test(message)
      ? ['Install git and make sure it is on the PATH.']
      : ['Run the same git command yourself to see the full message, and check the repository with `git status`.']
  return new AdrError('GIT_FAILED', `${what} failed: ${detail}`, {cause: error, suggestions})
}
