import {Worker} from 'node:worker_threads'

/**
 * Runs one worker thread to its first message: its answer. A worker that fails, or stops without
 * answering (whatever its exit code), rejects, so the caller can do the share itself; it never hangs.
 */
export function runWorkerThread<T>(script: URL, workerData: unknown, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    let answered = false
    const worker = new Worker(script, {workerData})
    worker.once('message', (out: T) => {
      answered = true
      resolve(out)
      void worker.terminate()
    })
    worker.once('error', reject)
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`${what} stopped with exit code ${code} before it answered`))
    })
  })
}
