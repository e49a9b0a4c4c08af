import {promises as fs} from 'node:fs'
import path from 'node:path'
import {AdrError} from '../../core/errors.js'
import {tempName} from './atomic-write.js'
import {assertWritableInside} from './containment.js'
import {crashPoint} from './crash-points.js'
import {ioError} from './io-error.js'
import type {JournalStep} from './journal.js'
import {currentWriteContext, heldLocks} from './write-context.js'

export interface PlannedWrite {
  file: string
  text: string
  /** Create only: fail if the file exists. */
  create?: boolean
  /** A rename: the old file, removed once every write is in place (and put back if anything fails). */
  replaces?: string
}

/**
 * Writes several files all or nothing.
 *
 * 1. Every new text goes to a temporary file beside its target (a failure here changes nothing).
 * 2. Under a lock, the lock is checked to be still ours (`LOCK_LOST` otherwise, nothing changed), and the intent journal lists every rename and removal to come; from here on the
 *    change is decided: a process killed before it finishes has it completed by the next adrgate
 *    command (`recoverJournal`).
 * 3. The temporary files are renamed (or, for a new file, linked) into place, then the old names of
 *    moved files are removed, then the journal.
 *
 * A failure reported by the system in step 3 (a full disk, a permission) puts back what was replaced.
 */
export async function writeAll(writes: readonly PlannedWrite[]): Promise<void> {
  if (writes.length === 0) return
  const context = currentWriteContext()
  if (context?.root) for (const w of writes) for (const f of [w.file, w.replaces ?? w.file]) assertWritableInside(context.root, f)
  const staged: {file: string; tmp: string; backup?: Buffer; create?: boolean}[] = []
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
      // the new text takes the old file's place with the old file's permissions, not the umask's
      const mode = w.create ? undefined : (await fs.stat(w.file).catch(() => undefined))?.mode
      if (mode !== undefined) await fs.chmod(tmp, mode & 0o7777)
    }
  } catch (error) {
    await Promise.all(staged.map((s) => fs.rm(s.tmp, {force: true})))
    await removeMadeDirs()
    throw ioError(staged.at(-1)?.file ?? '', error)
  }
  try {
    // the last moment before anything changes: a process stopped or slowed down this long may have lost its lock
    crashPoint()
    for (const lock of context ? heldLocks(context) : []) await lock.assertHeld()
  } catch (error) {
    await Promise.all(staged.map((s) => fs.rm(s.tmp, {force: true})))
    await removeMadeDirs()
    throw error
  }
  const removals = writes.flatMap((w) => (w.replaces === undefined ? [] : [w.replaces]))
  const journal = context?.journalFile && staged.length + removals.length > 1 ? context.journalFile : undefined
  // the journal's code loads only for a write of several files (a new ADR alone is one rename)
  let journalCode: typeof import('./journal.js') | undefined
  if (journal) {
    const steps: JournalStep[] = [
      ...staged.map((s) => ({op: 'put' as const, file: s.file, tmp: s.tmp, ...(s.create ? {create: true} : {})})),
      ...removals.map((file) => ({op: 'remove' as const, file})),
    ]
    try {
      journalCode = await import('./journal.js')
      await journalCode.writeJournal(journal, steps, context ? heldLocks(context).map((l) => l.file) : [])
    } catch (error) {
      await Promise.all(staged.map((s) => fs.rm(s.tmp, {force: true})))
      await removeMadeDirs()
      throw error
    }
  }
  const done: typeof staged = []
  const removed: {file: string; bytes: Buffer}[] = []
  try {
    for (const s of staged) {
      if (s.create) {
        crashPoint()
        // link() fails when the name exists: create-if-absent, atomically.
        await fs.link(s.tmp, s.file)
        crashPoint()
        await fs.rm(s.tmp, {force: true})
      } else {
        s.backup = await fs.readFile(s.file).catch(() => undefined)
        crashPoint()
        await fs.rename(s.tmp, s.file)
      }
      done.push(s)
    }
    for (const file of removals) {
      const bytes = await fs.readFile(file)
      crashPoint()
      await fs.rm(file)
      removed.push({file, bytes})
    }
  } catch (error) {
    // put back what changed, newest first, each step on its own: one that fails does not stop the rest
    const notRestored: string[] = []
    const undo = async (file: string, step: () => Promise<unknown>) => {
      await step().catch(() => notRestored.push(file))
    }
    for (const r of removed) await undo(r.file, () => fs.writeFile(r.file, r.bytes))
    for (const s of done.reverse()) {
      const backup = s.backup
      if (s.create) await undo(s.file, () => fs.rm(s.file, {force: true}))
      else if (backup !== undefined) await undo(s.file, () => fs.writeFile(s.file, backup))
    }
    if (notRestored.length > 0) {
      throw new AdrError('IO_FAILED', `A write failed and ${notRestored.join(', ')} could not be put back: ${(error as Error).message}`, {
        cause: error,
        suggestions: ['Check the ADR directory with `git status` and restore what changed with `git checkout -- FILE`.'],
      })
    }
    await Promise.all(staged.map((s) => fs.rm(s.tmp, {force: true})))
    await removeMadeDirs()
    if (journal) await journalCode?.removeJournal(journal)
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new AdrError('FILE_EXISTS', `${path.basename(staged[done.length]?.file ?? '')} already exists`, {cause: error})
    }
    throw ioError(staged[done.length]?.file ?? '', error)
  }
  if (journal) {
    crashPoint()
    await journalCode?.removeJournal(journal)
  }
}
