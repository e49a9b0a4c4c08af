import {existsSync} from 'node:fs'
import type {Workspace} from '../workspace.js'
import {journalFileOf} from './state-directory.js'
import {currentWriteContext} from './write-context.js'

/**
 * For commands that only read: when a write was interrupted (its journal is still there), completes
 * it first under the directory's lock, so nobody reads a decision twice or half a supersede. One
 * `stat` otherwise. The lock and recovery code (directory-lock.ts and the nine modules it loads) is
 * imported only when there is a journal to complete: a reader's start-up does not pay for it.
 */
export async function recoverInterruptedWrite(ws: Workspace): Promise<void> {
  if (currentWriteContext() || !existsSync(journalFileOf(ws))) return
  const {withDirectoryLock} = await import('./directory-lock.js')
  await withDirectoryLock(ws, async () => undefined)
}
