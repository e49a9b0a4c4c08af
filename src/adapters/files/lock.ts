import {promises as fs, constants as fsConstants} from 'node:fs'
import {hostname} from 'node:os'
import path from 'node:path'
import {AdrError} from '../../core/errors.js'
import {notice} from '../notices.js'
import {tempName} from './atomic-write.js'
import {ioError} from './io-error.js'
import {uniqueHex} from './path-key.js'
import {bootId, isProcessAlive, processStartTime} from './process-alive.js'

/**
 * One lock design for every lock adrgate takes (the ADR directory's turn lock, a debate's session
 * lock); ADR 10 records why.
 *
 * - The lock file names its owner: pid, host, a random token, when it started (and, on Linux, the
 *   process's start time and the boot, so a reused pid or a reboot is not taken for the owner). It
 *   is written in full to a temporary file and linked into place, so it is never seen empty.
 * - The owner refreshes its mtime every `REFRESH_MS` while it holds it.
 * - Another process takes it over only when the owner is provably gone (same host: no such process,
 *   or another process under that pid, or another boot) or, for an owner on another host (which
 *   cannot be checked), when the lock has not been refreshed for `STALE_MS`. A running owner on this
 *   host is never robbed, however long it takes or stays stopped (Ctrl-Z). A lock whose file cannot
 *   be read as ours (empty, from an older adrgate or a full disk) is taken over at once. Every
 *   take-over prints one line.
 * - Only the owner releases it (its token is checked), and an owner whose lock was taken over finds
 *   out before it writes (`assertHeld`, called by every write made under the lock): `LOCK_LOST`,
 *   nothing written.
 */
export const REFRESH_MS = 1_000
export const STALE_MS = 10_000
/** How long a turn waits for a running owner before giving up. */
const WAIT_MS = 60_000
/** When waiting for one holder starts to be worth a line on stderr. */
const NOTICE_AFTER_MS = 2_000
/** How long an owner looks for its lock file, missing for an instant, before it counts the lock as lost. */
const ASIDE_PATIENCE_MS = 1_000
/** How long a lock file that is not ours may stay unreadable (an older adrgate writing its pid) before it counts as broken. */
const UNREADABLE_GRACE_MS = 1_000

export interface LockOwner {
  pid: number
  host: string
  token: string
  since: string
  started?: string
  boot?: string
}

export interface HeldLock {
  readonly file: string
  readonly owner: LockOwner
  /** Throws `LOCK_LOST` when another process holds the lock now. */
  assertHeld(): Promise<void>
  release(): Promise<void>
}

export interface LockOptions {
  /** What the lock protects, for messages: "the ADR directory doc/adr", "the debate of 0012-….md". */
  what: string
  /** A turn waits for a running owner; a session (`wait: false`) is refused at once. */
  wait: boolean
}

/** Takes the lock, waiting (a turn) or refusing (a session) while another running process holds it. */
export async function acquireLock(file: string, options: LockOptions): Promise<HeldLock> {
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    token: uniqueHex(12),
    since: new Date().toISOString(),
    started: processStartTime(process.pid),
    boot: bootId(),
  }
  const begun = Date.now()
  let waitedNotice = false
  const blocker = {token: '', since: Date.now()}
  for (let attempt = 0; ; attempt++) {
    if (await tryCreate(file, owner)) return holdFor(file, owner, options.what)
    const judged = await judge(file)
    if (judged.state === 'gone') continue
    if (judged.state === 'recoverable') {
      if (await removeIfSame(file, judged.ino)) notice(`${judged.why}; recovered the lock of ${options.what} (${displayLock(file)})`)
      continue
    }
    const held = describeOwner(judged.owner, judged.ageMs)
    if (!options.wait) {
      throw new AdrError('LOCKED', `${capitalise(options.what)} is in use by another adrgate (${held})`, {
        suggestions: ['Finish or stop the other session first.', `If no adrgate is running there, delete ${file}.`],
      })
    }
    const waited = Date.now() - begun
    if (waited > WAIT_MS) {
      throw new AdrError(
        'LOCKED',
        `${capitalise(options.what)} is still locked by another adrgate after ${Math.round(waited / 1000)} s (${held})`,
        {
          suggestions: [
            'Let the other command finish (a stopped one, Ctrl-Z, continues with `fg`), then run this one again.',
            `If no adrgate is running, delete ${file}.`,
          ],
        },
      )
    }
    // a line when one holder keeps us waiting (a queue of quick turns, ten `adr new` at once, says nothing)
    const token = judged.owner?.token ?? ''
    if (token !== blocker.token) Object.assign(blocker, {token, since: Date.now()})
    if (!waitedNotice && Date.now() - blocker.since > NOTICE_AFTER_MS) {
      waitedNotice = true
      notice(`waiting for ${options.what}: it is locked by ${held}`)
    }
    await sleep(10 + Math.random() * 20 * Math.min(attempt + 1, 10))
  }
}

/** Runs `fn` while holding the lock as a turn, and releases it (only if it is still ours) afterwards. */
export async function withLock<T>(file: string, what: string, fn: (lock: HeldLock) => Promise<T>): Promise<T> {
  const lock = await acquireLock(file, {what, wait: true})
  try {
    return await fn(lock)
  } finally {
    await lock.release()
  }
}

/** Writes the owner to a temporary file and links it into place: the lock appears whole or not at all. */
async function tryCreate(file: string, owner: LockOwner): Promise<boolean> {
  const tmp = tempName(file)
  try {
    await fs.writeFile(tmp, `${JSON.stringify(owner)}\n`, {flag: 'wx'})
    try {
      await fs.link(tmp, file)
      return true
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'EEXIST') return false
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error
      // a file system without hard links: exclusive create, then the content
      const handle = await fs.open(file, 'wx').catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'EEXIST') return undefined
        throw e
      })
      if (!handle) return false
      await handle.writeFile(`${JSON.stringify(owner)}\n`)
      await handle.close()
      return true
    }
  } catch (error) {
    throw ioError(file, error, 'create the lock')
  } finally {
    await fs.rm(tmp, {force: true})
  }
}

type Judged = {state: 'gone'} | {state: 'recoverable'; ino: number; why: string} | {state: 'held'; owner?: LockOwner; ageMs: number}

async function judge(file: string): Promise<Judged> {
  const read = await readLockFile(file)
  if (!read) return {state: 'gone'}
  const {stat} = read
  const ageMs = Date.now() - stat.mtimeMs
  const owner = parseOwner(read.text)
  if (!owner) {
    if (ageMs < UNREADABLE_GRACE_MS) return {state: 'held', ageMs}
    return {
      state: 'recoverable',
      ino: stat.ino,
      why: stat.size === 0 ? 'an empty lock file was left behind' : 'the lock file names no owner',
    }
  }
  if (owner.host === hostname()) {
    const boot = bootId()
    if (owner.boot && boot && owner.boot !== boot)
      return {state: 'recoverable', ino: stat.ino, why: `pid ${owner.pid} held it before the machine restarted`}
    if (!isProcessAlive(owner.pid)) return {state: 'recoverable', ino: stat.ino, why: `pid ${owner.pid} is no longer running`}
    const started = owner.started && processStartTime(owner.pid)
    if (started && started !== owner.started) return {state: 'recoverable', ino: stat.ino, why: `pid ${owner.pid} is no longer running`}
    return {state: 'held', owner, ageMs}
  }
  if (ageMs > STALE_MS) {
    return {
      state: 'recoverable',
      ino: stat.ino,
      why: `pid ${owner.pid} on ${owner.host} has not refreshed it for ${Math.round(ageMs / 1000)} s`,
    }
  }
  return {state: 'held', owner, ageMs}
}

/**
 * The lock file's stat and text, both of the one file opened (`undefined` when there is none): the
 * file named `file` may change between two calls by name. Judged from a stat by name and a read by
 * name, a lock released and taken again in between looked like an old file that names no owner (the
 * read found no file, the stat was the old one's), was "recovered", and a competitor's lock was
 * renamed aside for an instant: long enough, on a loaded machine, for its owner to find it missing
 * (`LOCK_LOST`) or for a third process to take the lock. A file that cannot be opened but exists
 * (no permission) is one whose owner cannot be read.
 */
async function readLockFile(file: string): Promise<{stat: {mtimeMs: number; ino: number; size: number}; text?: string} | undefined> {
  // not through a symbolic link: the lock is the link itself, as `removeIfSame` sees it
  const handle = await fs.open(file, fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0)).catch(() => undefined)
  if (!handle) {
    const stat = await fs.lstat(file).catch(() => undefined)
    return stat && {stat}
  }
  try {
    const stat = await handle.stat()
    return {stat, text: await handle.readFile('utf8').catch(() => undefined)}
  } catch {
    return undefined
  } finally {
    await handle.close().catch(() => undefined)
  }
}

function parseOwner(text: string | undefined): LockOwner | undefined {
  if (!text) return undefined
  // adrgate 0.1's turn lock held a bare pid, written on this host
  if (/^\d+\s*$/.test(text)) return {pid: Number(text), host: hostname(), token: '', since: ''}
  try {
    const data = JSON.parse(text) as Partial<LockOwner>
    if (typeof data.pid !== 'number' || typeof data.host !== 'string') return undefined
    return {
      pid: data.pid,
      host: data.host,
      token: String(data.token ?? ''),
      since: String(data.since ?? ''),
      started: data.started,
      boot: data.boot,
    }
  } catch {
    return undefined
  }
}

/**
 * Removes the lock file only if it is still the one judged (same inode): it is first renamed aside,
 * so a lock another process has just taken is never deleted; that one is put back.
 */
async function removeIfSame(file: string, ino: number): Promise<boolean> {
  const aside = tempName(file)
  try {
    await fs.rename(file, aside)
  } catch {
    return false
  }
  const stat = await fs.lstat(aside).catch(() => undefined)
  if (stat?.ino === ino) {
    await fs.rm(aside, {force: true})
    return true
  }
  await fs.link(aside, file).catch(() => undefined)
  await fs.rm(aside, {force: true})
  return false
}

function holdFor(file: string, owner: LockOwner, what: string): HeldLock {
  let released = false
  const readToken = async (): Promise<string | undefined> => {
    // a competitor recovering a broken lock renames the file aside for an instant, and puts back one
    // that is not the broken one: look again, for as long as a loaded machine may take, before concluding
    const until = Date.now() + ASIDE_PATIENCE_MS
    for (;;) {
      const current = parseOwner(await fs.readFile(file, 'utf8').catch(() => undefined))
      if (current || Date.now() > until) return current?.token
      await sleep(15)
    }
  }
  const refresh = async () => {
    const now = new Date()
    await fs.utimes(file, now, now).catch(() => undefined)
  }
  const timer = setInterval(() => void refresh(), REFRESH_MS)
  timer.unref()
  return {
    file,
    owner,
    async assertHeld() {
      if ((await readToken()) === owner.token) return refresh()
      const now = parseOwner(await fs.readFile(file, 'utf8').catch(() => undefined))
      throw new AdrError(
        'LOCK_LOST',
        `The lock of ${what} was taken over${now ? ` by pid ${now.pid} on ${now.host}` : ''} while this command ran; nothing was written`,
        {suggestions: ['Run the command again.']},
      )
    },
    async release() {
      if (released) return
      released = true
      clearInterval(timer)
      const aside = tempName(file)
      try {
        await fs.rename(file, aside)
      } catch {
        return
      }
      const mine = parseOwner(await fs.readFile(aside, 'utf8').catch(() => undefined))?.token === owner.token
      if (!mine) await fs.link(aside, file).catch(() => undefined)
      await fs.rm(aside, {force: true})
    },
  }
}

function describeOwner(owner: LockOwner | undefined, ageMs: number): string {
  if (!owner) return 'a process that is still writing its name'
  const refreshed = ageMs > STALE_MS ? `, not refreshed for ${Math.round(ageMs / 1000)} s: is it stopped?` : ''
  return `pid ${owner.pid} on ${owner.host}, since ${owner.since}${refreshed}`
}

function displayLock(file: string): string {
  return path.basename(file)
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
