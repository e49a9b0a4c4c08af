import {type Dirent, promises as fs} from 'node:fs'
import path from 'node:path'
import {AdrError} from '../../core/errors.js'
import type {Workspace} from '../workspace.js'
import {removeLeftoverTempFiles} from './atomic-write.js'
import {enclosingGitDirectory, resolvesInside} from './containment.js'
import {acquireLock, type HeldLock, withLock} from './lock.js'
import {directoryLockFile, journalFileOf, stateDirectory} from './state-directory.js'
import {currentWriteContext, heldLocks, runInWriteContext} from './write-context.js'

export {recoverInterruptedWrite} from './interrupted-write.js'
// where the lock, the journal and the state directory are (a module of its own: readers need only that)
export {directoryLockFile, journalFileOf, stateDirectory} from './state-directory.js'

function describe(ws: Workspace): string {
  return `the ADR directory ${path.relative(ws.cwd, ws.adrDir) || '.'}`
}

/** Refuses an ADR directory inside a git directory: a bare repository (which has no working tree), or a `.git`. */
export function assertWorkTree(ws: Workspace): void {
  const gitDir = enclosingGitDirectory(ws.adrDir)
  if (!gitDir) return
  throw new AdrError(
    'UNSAFE_PATH',
    `${ws.adrDir} is inside the git directory ${gitDir}; ADRs are written in a working tree, and a bare repository has none`,
    {
      suggestions: ['Clone the repository (git clone) and run the command in the clone.'],
    },
  )
}

/** The ADR directory's entries as `readdir` listed them (`withFileTypes`) under its lock, after the sweep. */
export type ListedEntries = readonly Dirent[]

/**
 * Runs `fn` holding the ADR directory's lock, the one lock every writer of an ADR takes. First, under
 * the lock, an interrupted multi-file write is completed and temporary files left by dead processes
 * are removed. Nested calls for the same directory (a debate that creates its ADR) share the turn.
 * `fn` is given the directory's entries as the sweep listed them, less what it removed: the directory
 * as it is now, which no other writer can change while the lock is held, so the ADRs' loader need
 * not list it again (one `readdir` of 10,000 names, not two). A nested call is given none.
 */
export async function withDirectoryLock<T>(ws: Workspace, fn: (lock: HeldLock, listed?: ListedEntries) => Promise<T>): Promise<T> {
  const lockFile = directoryLockFile(ws)
  const outer = currentWriteContext()
  if (outer?.lock.file === lockFile) return fn(outer.lock)
  assertWorkTree(ws)
  return withLock(lockFile, describe(ws), async (lock) => {
    const journalFile = journalFileOf(ws)
    await completeInterruptedWrites(ws, journalFile, [lock, ...(outer ? heldLocks(outer) : [])])
    const entries = await fs.readdir(ws.adrDir, {withFileTypes: true}).catch(() => undefined)
    const removed = await removeLeftoverTempFiles(
      ws.adrDir,
      undefined,
      entries?.map((e) => e.name),
    )
    await removeLeftoverTempFiles(path.join(ws.adrDir, 'debates'))
    const listed = removed.length === 0 ? entries : entries?.filter((e) => !removed.includes(e.name))
    // --dir is the user's own choice: the root is then where that directory is
    return runInWriteContext({lock, journalFile, root: ws.source === 'flag' ? undefined : ws.root, outer}, () => fn(lock, listed))
  })
}

/**
 * Completes, before the directory is written or its leftover temporary files removed, every
 * interrupted write that touches it: its own journal's, and another directory's whose write spanned
 * both (a link across directories, journalled once, in the directory locked last). Completing one
 * takes every lock its writer held, at once or not at all (`wait: false`: two commands completing
 * from either side never wait on each other); a lock in use stops the command with LOCKED, so no
 * write lands on a file that a pending journal is about to replace.
 */
async function completeInterruptedWrites(ws: Workspace, own: string, held: HeldLock[]): Promise<void> {
  const display = (f: string) => path.relative(ws.cwd, f)
  const state = stateDirectory(ws.gitRoot)
  // the journals there are (one listing, no read of a journal that is not there): this directory's,
  // and any other directory's whose write also touched this one
  const journals = state
    ? (await fs.readdir(state).catch(() => [] as string[]))
        .filter((name) => /^intent-[0-9a-f]+\.json$/.test(name))
        .map((name) => path.join(state, name))
    : [own]
  if (journals.length === 0) return
  // the journal's reader loads only when there is a journal to read (a write that completes loads none)
  const {readJournalSummary, recoverJournal} = await import('./journal.js')
  for (const file of journals) {
    const summary = await readJournalSummary(file)
    if (file !== own && !summary?.files.some((f) => resolvesInside(ws.adrDir, f))) continue
    const taken: HeldLock[] = []
    try {
      for (const lockFile of summary?.locks ?? []) {
        if (held.some((h) => h.file === lockFile) || taken.some((t) => t.file === lockFile)) continue
        taken.push(
          await acquireLock(lockFile, {
            what: `the ADR directory ${display(path.dirname(lockFile))}, which an interrupted write also touched`,
            wait: false,
          }),
        )
      }
      await recoverJournal(file, ws.root, display)
    } finally {
      await Promise.all(taken.map((t) => t.release()))
    }
  }
}

/** A debate's session lock: held while a session runs, refused at once while another session holds it. */
export function acquireSessionLock(lockFile: string, what: string): Promise<HeldLock> {
  return acquireLock(lockFile, {what, wait: false})
}
