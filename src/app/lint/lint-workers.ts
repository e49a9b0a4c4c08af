import {availableParallelism} from 'node:os'
import {fileURLToPath} from 'node:url'
import {pathExistsSync} from '../../adapters/paths.js'
import {runWorkerThread} from '../../adapters/worker-thread.js'
import type {FileInput, FileLintSetup, FileOutput} from './lint-files.js'

/**
 * Up to this many files to lint, one thread is as fast: a worker pays its own start-up (modules, the
 * schema compile, a cold JIT), about half a second. Measured on 2 cores: 1,000 files 1.5 s in one
 * thread against 1.7–2.1 s in two; 10,000 files about 7 s in two.
 */
export const PARALLEL_THRESHOLD = 1000

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
  const canThread = WORKER.protocol === 'file:' && pathExistsSync(fileURLToPath(WORKER))
  if (inputs.length <= threshold || cores < 2 || !canThread) return lintHere(inputs, setup)
  const size = Math.ceil(inputs.length / cores)
  const shares = Array.from({length: cores}, (_, i) => inputs.slice(i * size, (i + 1) * size)).filter((s) => s.length)
  const [mine, ...theirs] = shares
  const results = await Promise.all([
    lintHere(mine, setup),
    ...theirs.map((files) => runWorker(files, setup).catch(() => lintHere(files, setup))),
  ])
  return results.flat()
}

/** The rules, ajv and the Markdown parser are loaded only when there is something to lint (a warm cache needs none). */
async function lintHere(inputs: readonly FileInput[], setup: FileLintSetup): Promise<FileOutput[]> {
  if (inputs.length === 0) return []
  const {createFileLinter} = await import('./lint-files.js')
  const lint = createFileLinter(setup)
  return lint(inputs)
}

function runWorker(files: FileInput[], setup: FileLintSetup): Promise<FileOutput[]> {
  return runWorkerThread<FileOutput[]>(WORKER, {setup, files}, 'lint worker')
}
