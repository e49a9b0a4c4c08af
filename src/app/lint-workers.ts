import {existsSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import {fileURLToPath} from 'node:url'
import {Worker} from 'node:worker_threads'
import type {FileInput, FileLintSetup, FileOutput} from './lint-files.js'

/** Below this many files to lint, threads cost more than they save. */
export const PARALLEL_THRESHOLD = 500

const WORKER = new URL('./lint-worker.js', import.meta.url)

/**
 * Lints files on every core: the main thread takes one share, a worker thread each other share. From
 * the TypeScript sources (tests) there is no compiled worker, and everything runs in this thread; a
 * worker that fails (no threads in a sandbox, out of memory) hands its share back to this thread.
 */
export async function lintInParallel(
  inputs: readonly FileInput[],
  setup: FileLintSetup,
  threshold = PARALLEL_THRESHOLD,
): Promise<FileOutput[]> {
  const cores = Math.min(availableParallelism(), 4)
  const canThread = WORKER.protocol === 'file:' && existsSync(fileURLToPath(WORKER))
  if (inputs.length <= threshold || cores < 2 || !canThread) return lintHere(inputs, setup)
  const size = Math.ceil(inputs.length / cores)
  const shares = Array.from({length: cores}, (_, i) => inputs.slice(i * size, (i + 1) * size)).filter((s) => s.length)
  const [mine, ...theirs] = shares
  const results = await Promise.all([lintHere(mine, setup), ...theirs.map((files) => runWorker(files, setup).catch(() => lintHere(files, setup)))])
  return results.flat()
}

/** The rules, ajv and the Markdown parser are loaded only when there is something to lint (a warm cache needs none). */
async function lintHere(inputs: readonly FileInput[], setup: FileLintSetup): Promise<FileOutput[]> {
  if (inputs.length === 0) return []
  const {createFileLinter} = await import('./lint-files.js')
  const lint = await createFileLinter(setup)
  return inputs.map(lint)
}

function runWorker(files: FileInput[], setup: FileLintSetup): Promise<FileOutput[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {workerData: {setup, files}})
    worker.once('message', (out: FileOutput[]) => {
      resolve(out)
      void worker.terminate()
    })
    worker.once('error', reject)
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`lint worker stopped with exit code ${code}`))
    })
  })
}
