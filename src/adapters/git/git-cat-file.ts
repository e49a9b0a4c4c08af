import {type ChildProcessWithoutNullStreams, spawn} from 'node:child_process'
import {AdrError} from '../../core/errors.js'
import {invalidUtf8} from '../files/utf8-check.js'
import {runGitChild} from './git-child.js'
import {type GitToFile, runGitToFile} from './git-to-file.js'

/** One object as `git cat-file --batch` returns it. */
export interface GitObject {
  oid: string
  type: string
  content: Buffer
}

/**
 * A long-running `git cat-file --batch`: one process for any number of reads. Requests are written
 * to its stdin as they come (pipelined); responses are parsed from the binary stdout stream by the
 * size in each header, and handed back in request order. Close it when done.
 */
export interface CatFile {
  /** An object by id or `rev:path`; `undefined` when git says it is missing. */
  read(object: string): Promise<GitObject | undefined>
  /** A blob's text (UTF-8); `undefined` when missing. */
  readText(object: string): Promise<string | undefined>
  /** Sends every request still waiting to git now (with `batch`, a read is answered only after this, or `close`). */
  flush(): void
  close(): Promise<void>
}

export interface CatFileOptions {
  /**
   * For a caller that asks for thousands of objects without awaiting each (the history reader):
   * requests are sent to git only when this many are waiting, or on `flush` / `close`, instead of once
   * per burst of requests. Each write to git's stdin wakes git up, and a loaded machine bills a
   * fraction of a millisecond for it: one write per few hundred objects, not one per git log chunk.
   * A caller that awaits a read before asking for the next must not set it (or must `flush` first).
   */
  batch?: number
}

interface Pending {
  object: string
  resolve(value: GitObject | undefined): void
  reject(error: Error): void
}

/** The reader in `cwd`; git runs with `env`, the command's environment. */
export function openCatFile(cwd: string, env: NodeJS.ProcessEnv, options: CatFileOptions = {}): CatFile {
  return new BatchReader(cwd, env, options.batch)
}

class BatchReader implements CatFile {
  private readonly child: ChildProcessWithoutNullStreams
  private readonly queue: Pending[] = []
  /** What stdout gave since the last object was handed out. */
  private chunks: Buffer[] = []
  private received = 0
  /** The object being received: where its content starts and ends in the joined chunks. */
  private header?: {oid: string; type: string; start: number; end: number}
  private outbox: string[] = []
  private failure?: Error
  private readonly exited: Promise<void>
  private stderr = ''

  private readonly batch?: number

  constructor(cwd: string, env: NodeJS.ProcessEnv, batch?: number) {
    this.batch = batch
    this.child = spawn('git', ['cat-file', '--batch'], {cwd, env, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true})
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk))
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString('utf8')
    })
    this.child.stdin.on('error', () => undefined) // reported through 'exit' / 'error' below
    this.exited = new Promise((resolve) => {
      this.child.on('error', (error) => {
        this.fail(
          new AdrError('GIT_FAILED', `Could not start git: ${error.message}`, {
            cause: error,
            suggestions: ['Install git and make sure it is on the PATH.'],
          }),
        )
        resolve()
      })
      this.child.on('close', (code) => {
        if (this.queue.length || code) this.fail(exitError(code, this.stderr))
        resolve()
      })
    })
  }

  read(object: string): Promise<GitObject | undefined> {
    if (/[\n\r]/.test(object)) return Promise.reject(new AdrError('INVALID_ARGUMENT', 'A git object name cannot contain a line break'))
    if (this.failure) return Promise.reject(this.failure)
    if (this.child.stdin.writableEnded) return Promise.reject(new AdrError('GIT_FAILED', 'The git object reader is already closed'))
    return new Promise((resolve, reject) => {
      this.queue.push({object, resolve, reject})
      // one write per burst of requests, not one per object: thousands of small writes cost more than the reads
      if (this.outbox.length === 0 && this.batch === undefined) queueMicrotask(() => this.flush())
      this.outbox.push(`${object}\n`)
      if (this.batch !== undefined && this.outbox.length >= this.batch) this.flush()
    })
  }

  async readText(object: string): Promise<string | undefined> {
    return (await this.read(object))?.content.toString('utf8')
  }

  async close(): Promise<void> {
    if (this.outbox.length) this.flush()
    if (!this.child.stdin.writableEnded) this.child.stdin.end()
    await this.exited
  }

  flush(): void {
    if (this.outbox.length === 0) return
    const text = this.outbox.join('')
    this.outbox = []
    if (!this.child.stdin.writableEnded) this.child.stdin.write(text)
  }

  /**
   * Chunks are collected as they come and joined once per object, when the whole of it is there:
   * joining on every chunk would copy a 50 MB blob thousands of times (quadratic).
   */
  private receive(chunk: Buffer): void {
    this.chunks.push(chunk)
    this.received += chunk.length
    while (this.queue.length && this.received > 0) {
      if (!this.header) {
        const joined = this.join()
        const eol = joined.indexOf(0x0a)
        if (eol < 0) return
        const line = joined.toString('utf8', 0, eol)
        if (/ (missing|ambiguous)$/.test(line)) {
          this.keep(joined.subarray(eol + 1))
          this.queue.shift()?.resolve(undefined)
          continue
        }
        const [oid, type, sizeText] = line.split(' ')
        // header, content, and the newline git writes after it
        this.header = {oid, type, start: eol + 1, end: eol + 1 + Number(sizeText)}
      }
      const {oid, type, start, end} = this.header
      if (this.received < end + 1) return
      const joined = this.join()
      const content = Buffer.from(joined.subarray(start, end))
      this.header = undefined
      this.keep(joined.subarray(end + 1))
      this.queue.shift()?.resolve({oid, type, content})
    }
  }

  /** Everything received and not yet handed out, as one buffer (joined only when there are several). */
  private join(): Buffer {
    if (this.chunks.length !== 1) this.chunks = [Buffer.concat(this.chunks, this.received)]
    return this.chunks[0]
  }

  private keep(rest: Buffer): void {
    this.chunks = rest.length ? [rest] : []
    this.received = rest.length
  }

  private fail(error: Error): void {
    this.failure ??= error
    for (const p of this.queue.splice(0)) p.reject(error)
  }
}

function exitError(code: number | null, stderr: string): AdrError {
  if (/not a git repository/i.test(stderr)) {
    return new AdrError('NOT_A_GIT_REPOSITORY', 'This directory is not inside a git repository', {
      suggestions: ["Run the command inside your project's repository, or create one with `git init`."],
    })
  }
  return new AdrError('GIT_FAILED', `git cat-file stopped (exit ${code ?? 'signal'}): ${stderr.trim().split('\n')[0] || 'no message'}`, {
    suggestions: ['Check the repository with `git fsck`.'],
  })
}

/**
 * The texts (UTF-8) of many objects at once, by their place in `objects` (`undefined` for one git
 * says is missing): one `git cat-file --batch --buffer`, every name written before any answer is
 * read, so git writes its answers in full buffers and they are parsed once, from one buffer. Each text
 * is decoded when asked for, so thousands of them are not all alive at once. For a caller that knows
 * every object it needs before it needs the first (the history's whole-log fast path); `openCatFile`
 * is for one that asks as it goes. Git's answers go through a temporary file (`runGitToFile`, a fast
 * path) unless `fastPaths` is false or no such file can be made; then through a pipe.
 *
 * The objects are asked for last first. The history lists its versions oldest first, and a packed
 * repository keeps the newest version of a file whole and the older ones as deltas on it (git's
 * packer takes the newer object as the base), so asked newest first, each delta's base is already in
 * git's delta cache: on the bench's 10,096 versions, git's CPU went from about 120 to about 100 ms.
 * The answers are the same in any order; only their place in git's output changes.
 */
export async function readTexts(cwd: string, env: NodeJS.ProcessEnv, objects: readonly string[], fastPaths = true): Promise<ReadTexts> {
  if (objects.some((o) => /[\n\r]/.test(o))) throw new AdrError('INVALID_ARGUMENT', 'A git object name cannot contain a line break')
  if (objects.length === 0) return {text: () => undefined, invalid: () => undefined}
  const input = `${[...objects].reverse().join('\n')}\n`
  const {
    code,
    stdout: out,
    stderr,
  } = await catFileOutput(cwd, env, input, fastPaths).catch((error: Error) => {
    throw new AdrError('GIT_FAILED', `Could not start git: ${error.message}`, {
      cause: error,
      suggestions: ['Install git and make sure it is on the PATH.'],
    })
  })
  if (code !== 0) throw exitError(code, stderr)
  /** Where each object's content starts and ends in `out` (-1 for a missing one). */
  const bounds = new Float64Array(objects.length * 2)
  let at = 0
  // git answers in the order asked: last object first
  for (let i = objects.length - 1; i >= 0; i--) {
    const eol = out.indexOf(0x0a, at)
    if (eol < 0) throw exitError(code, 'git cat-file answered fewer objects than it was asked')
    const line = out.toString('utf8', at, eol)
    if (/ (missing|ambiguous)$/.test(line)) {
      bounds[2 * i] = -1
      at = eol + 1
      continue
    }
    const size = Number(line.split(' ')[2])
    if (!Number.isSafeInteger(size)) throw exitError(code, `git cat-file answered "${line}"`)
    bounds[2 * i] = eol + 1
    bounds[2 * i + 1] = eol + 1 + size
    // the content, then the newline git writes after it
    at = eol + 2 + size
  }
  const found = (index: number) => index < objects.length && bounds[2 * index] >= 0
  return {
    text: (index) => (found(index) ? out.toString('utf8', bounds[2 * index], bounds[2 * index + 1]) : undefined),
    invalid: (index) => (found(index) ? invalidUtf8(out.subarray(bounds[2 * index], bounds[2 * index + 1])) : undefined),
  }
}

/** What `readTexts` read: each object's text, and where its bytes stop being UTF-8 (`undefined` when they are). */
export interface ReadTexts {
  /** The text, decoded as UTF-8 (a byte that is not is U+FFFD); `undefined` for a missing object. */
  text(index: number): string | undefined
  invalid(index: number): {offset: number; line: number} | undefined
}

/** `git cat-file --batch --buffer`'s whole output for `input`: through a temporary file (`runGitToFile`), else a pipe. */
async function catFileOutput(cwd: string, env: NodeJS.ProcessEnv, input: string, fastPaths: boolean): Promise<GitToFile> {
  const args = ['cat-file', '--batch', '--buffer']
  return (fastPaths && (await runGitToFile(cwd, env, args, input))) || catFileThroughPipe(cwd, env, args, input)
}

async function catFileThroughPipe(cwd: string, env: NodeJS.ProcessEnv, args: string[], input: string): Promise<GitToFile> {
  const chunks: Buffer[] = []
  const {code, stderr} = await runGitChild(cwd, env, args, input, (chunk) => chunks.push(chunk))
  return {code, stdout: Buffer.concat(chunks), stderr}
}
