import {AsyncLocalStorage} from 'node:async_hooks'
import type {HeldLock} from './lock.js'

/**
 * What the writes made inside a lock's turn need to know, without every caller passing it along:
 * the lock (every multi-file write checks that it is still ours before it changes anything) and the
 * intent journal to write first.
 */
export interface WriteContext {
  lock: HeldLock
  journalFile?: string
  /** The repository root: every write must resolve inside it. */
  root?: string
  /** The enclosing directory's context, when a write holds two directories' locks (a link across them). */
  outer?: WriteContext
}

/** Every lock the writes of this context hold: its own, then the enclosing ones'. */
export function heldLocks(context: WriteContext): HeldLock[] {
  return context.outer ? [context.lock, ...heldLocks(context.outer)] : [context.lock]
}

const storage = new AsyncLocalStorage<WriteContext>()

export function currentWriteContext(): WriteContext | undefined {
  return storage.getStore()
}

export function runInWriteContext<T>(context: WriteContext, fn: () => Promise<T>): Promise<T> {
  return storage.run(context, fn)
}
