import {promises as fs} from 'node:fs'
import path from 'node:path'
import {AdrError} from '../../core/errors.js'
import {notice} from '../notices.js'
import {writeFileAtomic} from './atomic-write.js'
import {resolvesInside} from './containment.js'
import {ioError} from './io-error.js'

/**
 * The intent journal of a multi-file write (`.git/adrgate/intent-….json`): the renames and removals
 * still to do, written once every new text is staged in its temporary file. A command that finds
 * one (its writer was killed) finishes the change under the same lock, so a half-applied supersede
 * or a renumbered ADR that exists twice never stays on disk.
 */
export type JournalStep = {op: 'put'; file: string; tmp: string; create?: boolean} | {op: 'remove'; file: string}

interface Journal {
  version: 1
  pid: number
  written: string
  steps: JournalStep[]
  /**
   * The lock files the writer held, when more than its own directory's (a link across two ADR
   * directories): whoever completes the write takes them all first. Absent in older journals.
   */
  locks?: string[]
}

export async function writeJournal(file: string, steps: JournalStep[], locks: string[] = []): Promise<void> {
  const journal: Journal = {version: 1, pid: process.pid, written: new Date().toISOString(), steps, ...(locks.length > 1 ? {locks} : {})}
  try {
    await fs.mkdir(path.dirname(file), {recursive: true})
  } catch (error) {
    throw ioError(path.dirname(file), error, 'create')
  }
  await writeFileAtomic(file, `${JSON.stringify(journal, null, 2)}\n`)
}

export async function removeJournal(file: string): Promise<void> {
  await fs.rm(file, {force: true})
}

/**
 * Completes the write a journal describes, if there is one (the caller holds the lock it was
 * written under). Every step is safe to repeat: a staged file still there is moved into place, one
 * already moved is skipped. The old names are removed only when every new file is in place; if one
 * is neither (someone deleted it meanwhile), nothing is removed and the notice says what is left.
 */
export async function recoverJournal(file: string, root: string, display: (file: string) => string = (f) => f): Promise<boolean> {
  let text: string
  try {
    text = await fs.readFile(file, 'utf8')
  } catch {
    return false
  }
  const journal = parseJournal(text)
  if (journal === 'newer') {
    throw new AdrError(
      'CHANGED_UNDER_US',
      `${display(file)} is the journal of an interrupted write by a newer adrgate; this version cannot complete it`,
      {
        suggestions: [
          'Run the newer adrgate once (any command completes the write), then go on.',
          'Or check the ADR directory with `git status` and remove the journal by hand.',
        ],
      },
    )
  }
  if (!journal?.steps.every((s) => resolvesInside(root, s.file))) {
    await removeJournal(file)
    notice(`ignored and removed an intent journal that is not one of ours (unreadable, or naming files outside the repository): ${file}`)
    return true
  }
  const missing: string[] = []
  const changed = new Set<string>()
  const removed = new Set<string>()
  for (const step of journal.steps) {
    if (step.op !== 'put') continue
    const tmp = await fs.lstat(step.tmp).catch(() => undefined)
    const target = await fs.lstat(step.file).catch(() => undefined)
    if (tmp && target && step.create && tmp.ino === target.ino) await fs.rm(step.tmp, {force: true})
    else if (tmp) {
      await fs.rename(step.tmp, step.file)
      changed.add(display(step.file))
    } else if (!target) missing.push(display(step.file))
  }
  if (missing.length === 0) {
    for (const step of journal.steps) {
      if (step.op !== 'remove') continue
      if (
        await fs.rm(step.file).then(
          () => true,
          () => false,
        )
      )
        removed.add(display(step.file))
    }
  }
  await removeJournal(file)
  const by = `pid ${journal.pid}, ${journal.written}`
  if (missing.length > 0) {
    notice(
      `could not complete an interrupted write (${by}): ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing; check the ADR directory (git status)`,
    )
  } else {
    const what = [changed.size ? `wrote ${[...changed].join(', ')}` : '', removed.size ? `removed ${[...removed].join(', ')}` : '']
    notice(`completed a write interrupted before it finished (${by})${what.some(Boolean) ? `: ${what.filter(Boolean).join('; ')}` : ''}`)
  }
  return true
}

/** The journal; `'newer'` for one a later version wrote (kept for it to complete); undefined for what is not a journal. */
/**
 * What a journal left by an interrupted write touches and which locks completing it takes, without
 * completing it; undefined when there is none, or it is not one this version reads.
 */
export async function readJournalSummary(file: string): Promise<{files: string[]; locks: string[]} | undefined> {
  const text = await fs.readFile(file, 'utf8').catch(() => undefined)
  const journal = text === undefined ? undefined : parseJournal(text)
  if (journal === undefined || journal === 'newer') return undefined
  const locks = Array.isArray(journal.locks) ? journal.locks.filter((l): l is string => typeof l === 'string') : []
  return {files: journal.steps.map((s) => s.file), locks}
}

function parseJournal(text: string): Journal | 'newer' | undefined {
  try {
    const data = JSON.parse(text) as Journal
    if (typeof data?.version === 'number' && data.version > 1) return 'newer'
    if (data?.version !== 1 || !Array.isArray(data.steps)) return undefined
    const valid = data.steps.every(
      (s) =>
        s &&
        typeof s.file === 'string' &&
        path.isAbsolute(s.file) &&
        (s.op === 'remove' || (s.op === 'put' && typeof s.tmp === 'string' && path.dirname(s.tmp) === path.dirname(s.file))),
    )
    return valid ? data : undefined
  } catch {
    return undefined
  }
}
