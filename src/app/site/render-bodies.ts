import {availableParallelism} from 'node:os'
import {fileURLToPath} from 'node:url'
import {pathExistsSync} from '../../adapters/paths.js'
import {runWorkerThread} from '../../adapters/worker-thread.js'
import type {BodySource, RenderedBody} from '../../core/site/markdown.js'

/** Options as they cross to a worker thread (a Set does not: the file names travel as a list). */
export interface BodyJob {
  files: string[]
  depth: number
  dir: string
  repoUrl?: string
  /** Several ADR directories: this one's name, and every ADR's page by its path in the repository (see `BodyOptions`). */
  pageDir?: string
  pages?: Record<string, string>
}

/**
 * Below this many ADRs one thread is as fast: a worker pays its own start-up (the Markdown parser's
 * modules and a cold JIT). Parsing is most of an export's time (micromark, about 4 ms an ADR).
 */
export const PARALLEL_THRESHOLD = 400

const WORKER = new URL('./body-worker.js', import.meta.url)

/**
 * Every ADR's body rendered (GFM → sanitised HTML) on every core: this thread takes one share, a
 * worker thread each other. From the TypeScript sources (tests) there is no compiled worker and all
 * runs here; a worker that fails hands its share back to this thread.
 */
export async function renderBodies(sources: readonly BodySource[], job: BodyJob, threshold = PARALLEL_THRESHOLD): Promise<RenderedBody[]> {
  const cores = Math.min(availableParallelism(), 4)
  const canThread = WORKER.protocol === 'file:' && pathExistsSync(fileURLToPath(WORKER))
  if (sources.length <= threshold || cores < 2 || !canThread) return renderHere(sources, job)
  const size = Math.ceil(sources.length / cores)
  const shares = Array.from({length: cores}, (_, i) => sources.slice(i * size, (i + 1) * size)).filter((s) => s.length)
  const [mine, ...theirs] = shares
  const results = await Promise.all([
    ...theirs.map((share) => runWorker(share, job).catch(() => renderHere(share, job))),
    renderHere(mine, job),
  ])
  const here = results.pop() as RenderedBody[]
  return [...here, ...results.flat()]
}

export async function renderHere(sources: readonly BodySource[], job: BodyJob): Promise<RenderedBody[]> {
  const {renderBody} = await import('../../core/site/markdown.js')
  const options = {...job, files: new Set(job.files)}
  return sources.map((source) => renderBody(source, options))
}

function runWorker(sources: readonly BodySource[], job: BodyJob): Promise<RenderedBody[]> {
  return runWorkerThread<RenderedBody[]>(WORKER, {sources, job}, 'site worker')
}
