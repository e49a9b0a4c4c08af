import {randomBytes} from 'node:crypto'
import {promises as fs, readFileSync} from 'node:fs'
import {hostname, tmpdir} from 'node:os'
import path from 'node:path'
import {AdrError} from '../core/errors.js'

// ignoreBOM keeps a byte-order mark in the text: ADRs are edited and printed byte for byte (the parser skips it)
const utf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})

export type ReadResult = {ok: true; text: string} | {ok: false; reason: string; line?: number}

/**
 * Reads a text file that must be UTF-8. A file that is not, or a link that leaves `root`, is a
 * reason, not an exception: the caller reports it as a finding.
 */
export async function readTextFile(file: string, root: string): Promise<ReadResult> {
  let real: string
  try {
    real = await fs.realpath(file)
  } catch (error) {
    return {ok: false, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`}
  }
  const realRoot = await fs.realpath(root).catch(() => root)
  if (real !== realRoot && !real.startsWith(realRoot.endsWith(path.sep) ? realRoot : realRoot + path.sep)) {
    return {ok: false, reason: `is a symbolic link to ${real}, outside the repository; adrgate does not follow it`}
  }
  return decodeText(await fs.readFile(real))
}

/**
 * Reads many files of one directory, as `readTextFile` would, but fast: the directory's real path is
 * checked against `root` once, plain files are read synchronously (for thousands of small files that
 * beats the thread pool), and only the names in `symlinks` are resolved one by one.
 */
export async function readTextFiles(
  dir: string,
  names: readonly string[],
  root: string,
  symlinks: ReadonlySet<string>,
): Promise<ReadResult[]> {
  const realRoot = await fs.realpath(root).catch(() => root)
  const realDir = await fs.realpath(dir).catch(() => undefined)
  const inside =
    realDir !== undefined && (realDir === realRoot || realDir.startsWith(realRoot.endsWith(path.sep) ? realRoot : realRoot + path.sep))
  return Promise.all(
    names.map((name) => {
      if (!inside || symlinks.has(name)) return readTextFile(path.join(dir, name), root)
      try {
        return decodeText(readFileSync(path.join(realDir, name)))
      } catch (error) {
        return {ok: false, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`}
      }
    }),
  )
}

function decodeText(bytes: Buffer): ReadResult {
  try {
    return {ok: true, text: utf8.decode(bytes)}
  } catch {
    const bad = firstInvalidUtf8(bytes)
    return {ok: false, reason: `is not valid UTF-8 (byte ${bad.offset + 1}, line ${bad.line}); save it as UTF-8`, line: bad.line}
  }
}

function firstInvalidUtf8(bytes: Buffer): {offset: number; line: number} {
  let line = 1
  for (let i = 0; i < bytes.length; i++) {
    const end = Math.min(bytes.length, i + 4)
    const b = bytes[i]
    if (b === 0x0a) line++
    if (b < 0x80) continue
    const len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 0
    if (len === 0 || i + len > end) return {offset: i, line}
    try {
      utf8.decode(bytes.subarray(i, i + len))
      i += len - 1
    } catch {
      return {offset: i, line}
    }
  }
  return {offset: 0, line: 1}
}

/** Writes `text` to a temporary file beside `file` and renames it into place. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const tmp = tempName(file)
  try {
    await fs.writeFile(tmp, text, {flag: 'wx'})
    await fs.rename(tmp, file)
  } catch (error) {
    await fs.rm(tmp, {force: true})
    throw ioError(file, error)
  }
}

export interface PlannedWrite {
  file: string
  text: string
  /** Create only: fail if the file exists. */
  create?: boolean
  /** A rename: the old file, removed once every write is in place (and put back if anything fails). */
  replaces?: string
}

/**
 * Writes several files all or nothing: every temporary file is written first; only when all are
 * written are they renamed into place. If a rename fails, the files already replaced are restored.
 */
export async function writeAll(writes: readonly PlannedWrite[]): Promise<void> {
  const staged: {file: string; tmp: string; backup?: string; create?: boolean}[] = []
  // a new ADR in the folder-per-ADR layout (`0008-x/README.md`) needs its folder; removed again on failure
  const madeDirs: string[] = []
  const removeMadeDirs = () => Promise.all(madeDirs.map((d) => fs.rm(d, {recursive: true, force: true})))
  try {
    for (const w of writes) {
      if (w.create) {
        const made = await fs.mkdir(path.dirname(w.file), {recursive: true})
        if (made) madeDirs.push(made)
      }
      const tmp = tempName(w.file)
      staged.push({file: w.file, tmp, create: w.create})
      await fs.writeFile(tmp, w.text, {flag: 'wx'})
    }
  } catch (error) {
    await Promise.all(staged.map((s) => fs.rm(s.tmp, {force: true})))
    await removeMadeDirs()
    throw ioError(staged.at(-1)?.file ?? '', error)
  }
  const done: typeof staged = []
  const removed: {file: string; bytes: Buffer}[] = []
  try {
    for (const s of staged) {
      if (s.create) {
        // link() fails when the name exists: create-if-absent, atomically.
        await fs.link(s.tmp, s.file)
        await fs.rm(s.tmp, {force: true})
      } else {
        s.backup = await fs.readFile(s.file, 'utf8').catch(() => undefined)
        await fs.rename(s.tmp, s.file)
      }
      done.push(s)
    }
    for (const w of writes) {
      if (w.replaces === undefined) continue
      removed.push({file: w.replaces, bytes: await fs.readFile(w.replaces)})
      await fs.rm(w.replaces)
    }
  } catch (error) {
    for (const r of removed) await fs.writeFile(r.file, r.bytes)
    for (const s of done.reverse()) {
      if (s.create) await fs.rm(s.file, {force: true})
      else if (s.backup !== undefined) await fs.writeFile(s.file, s.backup)
    }
    await Promise.all(staged.map((s) => fs.rm(s.tmp, {force: true})))
    await removeMadeDirs()
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new AdrError('FILE_EXISTS', `${path.basename(staged[done.length]?.file ?? '')} already exists`, {cause: error})
    }
    throw ioError(staged[done.length]?.file ?? '', error)
  }
}

function tempName(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
}

function ioError(file: string, error: unknown): AdrError {
  const code = (error as NodeJS.ErrnoException).code
  return new AdrError('IO_FAILED', `Could not write ${file}: ${code ?? (error as Error).message}`, {
    cause: error,
    suggestions:
      code === 'ENOENT' ? ['Check that the directory exists (`adr init` creates it).'] : ['Check the permissions of the directory.'],
  })
}

/**
 * A lock file held while `fn` runs, so that concurrent commands (ten `adr new` at once) take turns.
 * A lock older than `staleMs` is taken over (its holder died).
 */
export async function withLock<T>(lockFile: string, fn: () => Promise<T>, staleMs = 10_000): Promise<T> {
  const started = Date.now()
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await fs.open(lockFile, 'wx')
      await handle.writeFile(String(process.pid))
      await handle.close()
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw ioError(lockFile, error)
      const stat = await fs.stat(lockFile).catch(() => undefined)
      if (stat && Date.now() - stat.mtimeMs > staleMs) {
        await fs.rm(lockFile, {force: true})
        continue
      }
      if (Date.now() - started > staleMs * 3) {
        throw new AdrError('LOCKED', `${lockFile} is held by another adrgate process`, {
          suggestions: [`If no other adr command is running, delete ${lockFile}.`],
        })
      }
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 20 * Math.min(attempt + 1, 10)))
    }
  }
  try {
    return await fn()
  } finally {
    await fs.rm(lockFile, {force: true})
  }
}

/** A new, empty directory under the system's temporary directory, e.g. `/tmp/adrgate-demo-x1y2z3`. */
export async function makeTempDirectory(prefix: string): Promise<string> {
  return fs.realpath(await fs.mkdtemp(path.join(tmpdir(), prefix)))
}

/**
 * Makes `dir` (and its parents) for a command that fills it, refusing one that already holds files
 * (`FILE_EXISTS`), so nothing of the user's is mixed in or overwritten. Returns its real path.
 */
export async function makeEmptyDirectory(dir: string): Promise<string> {
  const entries = await fs.readdir(dir).catch(() => undefined)
  if (entries && entries.length > 0) {
    throw new AdrError('FILE_EXISTS', `${dir} already exists and is not empty`, {
      suggestions: ['Pass --out with a new or empty directory, or leave it out to use a temporary one.'],
    })
  }
  await fs.mkdir(dir, {recursive: true}).catch((error) => {
    throw ioError(dir, error)
  })
  return fs.realpath(dir)
}

/**
 * A lock held for a long session (a debate at the keyboard), not a turn: the file names its holder
 * (pid, host, since). A lock whose process on this host is gone is stale and taken over; a live one
 * is refused at once with `LOCKED`. Returns the release function.
 */
export async function holdLock(lockFile: string, what: string): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await fs.open(lockFile, 'wx')
      await handle.writeFile(JSON.stringify({pid: process.pid, host: hostname(), since: new Date().toISOString()}))
      await handle.close()
      return async () => void (await fs.rm(lockFile, {force: true}))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw ioError(lockFile, error)
      const holder = await readLockHolder(lockFile)
      const fresh = !holder && Date.now() - ((await fs.stat(lockFile).catch(() => undefined))?.mtimeMs ?? 0) < 5_000
      if (fresh) throw new AdrError('LOCKED', `${what} is being opened by another session`, {suggestions: ['Try again in a moment.']})
      if (holder && isHolderAlive(holder)) {
        throw new AdrError('LOCKED', `${what} is open in another session (pid ${holder.pid} on ${holder.host}, since ${holder.since})`, {
          suggestions: ['Finish or stop the other session first.', `If no session is running, delete ${lockFile}.`],
        })
      }
      await fs.rm(lockFile, {force: true})
    }
  }
  throw new AdrError('LOCKED', `${what} is being opened by another session`, {suggestions: ['Try again in a moment.']})
}

interface LockHolder {
  pid: number
  host: string
  since: string
}

async function readLockHolder(lockFile: string): Promise<LockHolder | undefined> {
  try {
    const data = JSON.parse(await fs.readFile(lockFile, 'utf8')) as Partial<LockHolder>
    return typeof data.pid === 'number' ? {pid: data.pid, host: String(data.host ?? ''), since: String(data.since ?? '')} : undefined
  } catch {
    return undefined
  }
}

/** A holder on another host cannot be checked, so it counts as alive. */
function isHolderAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true
  try {
    process.kill(holder.pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
