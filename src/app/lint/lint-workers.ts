import {availableParallelism} from 'node:os'
import {fileURLToPath} from 'node:url'
import {notice} from '../../adapters/notices.js'
import {pathExistsSync} from '../../adapters/paths.js'
import {runWorkerThread} from '../../adapters/worker-thread.js'
import type {FileInput, FileLintSetup, FileOutput} from './lint-files.js'

/**
 * Up to this many files to lint, one thread is cheaper (ADR 30): a worker thread pays its own start-up
 * (modules, a cold JIT, its own garbage collector) and the copies of the texts and results between
 * threads, and it never saves CPU, only wall time on idle cores. Measured on 2 cores at 10,000 files
 * (CPU seconds, `adr lint --no-cache`): 3.4–3.8 s in one thread against 4.9–5.0 s in two, and one
 * thread also finished first (5.6–6.1 s against 8.3–9.5 s of wall time) on the shared machine.
 */
export const PARALLEL_THRESHOLD = 20_000

const WORKER = new URL('./lint-worker.js', import.meta.url)

/** How the work is shared: internal settings, for the tests (the command sets none of them). */
export interface ParallelOptions {
  /** Above this many files, worker threads share the work (`PARALLEL_THRESHOLD`). */
  threshold?: number
  /** How many threads share it, this one included (default: the cores, at most four). */
  threads?: number
  /** The worker's script (default: the compiled `lint-worker.js` beside this module). */
  worker?: URL
}

/**
 * Lints files on every core: the main thread takes one share, a worker thread each other share. From
 * the TypeScript sources (tests) there is no compiled worker, and everything runs in this thread. A
 * worker that fails (no threads in a sandbox, out of memory, a worker that cannot load) hands its
 * share back to this thread, which says so on stderr: the findings are the same, and the failure is
 * seen. A share that fails here too fails the lint, as it would in one thread.
 */
export async function lintInParallel(
  inputs: readonly FileInput[],
  setup: FileLintSetup,
  options: ParallelOptions = {},
): Promise<FileOutput[]> {
  const {threshold = PARALLEL_THRESHOLD, worker = WORKER} = options
  const cores = options.threads ?? Math.min(availableParallelism(), 4)
  const canThread = worker.protocol === 'file:' && pathExistsSync(fileURLToPath(worker))
  if (inputs.length <= threshold || cores < 2 || !canThread) return lintHere(inputs, setup)
  const size = Math.ceil(inputs.length / cores)
  const shares = Array.from({length: cores}, (_, i) => inputs.slice(i * size, (i + 1) * size)).filter((s) => s.length)
  const [mine, ...theirs] = shares
  const results = await Promise.all([
    lintHere(mine, setup),
    ...theirs.map((files) =>
      runWorkerThread<FileOutput[]>(worker, {setup, files}, 'lint worker').catch((error: unknown) => {
        notice(`a lint worker thread failed (${reasonOf(error)}); its ${files.length} files were linted in the main thread`)
        return lintHere(files, setup)
      }),
    ),
  ])
  return results.flat()
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.split('\n')[0]
}

/** The rules, ajv and the Markdown parser are loaded only when there is something to lint (a warm cache needs none). */
async function lintHere(inputs: readonly FileInput[], setup: FileLintSetup): Promise<FileOutput[]> {
  if (inputs.length === 0) return []
  const {createFileLinter} = await import('./lint-files.js')
  const lint = createFileLinter(setup)
  return lint(inputs)
}
