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
}

const storage = new AsyncLocalStorage<WriteContext>()

export function currentWriteContext(): WriteContext | undefined {
  return storage.getStore()
}

export function runInWriteContext<T>(context: WriteContext, fn: () => Promise<T>): Promise<T> {
  return storage.run(context, fn)
}
