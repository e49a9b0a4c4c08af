import {createHash} from 'node:crypto'
import path from 'node:path'
import {openGit} from '../../adapters/git/git.js'
import {readHistoryCache, writeHistoryCache} from '../../adapters/history/history-cache.js'
import type {Workspace} from '../../adapters/workspace.js'
import {type BodySource, isRenderedBodies, type RenderedBody} from '../../core/site/markdown.js'
import {type BodyJob, renderBodies} from './render-bodies.js'

/** Bumped whenever the rendered HTML changes for the same input (the renderer, the sanitiser's schema). */
const CACHE = 'site-bodies/2'

/**
 * The bodies, rendered once per distinct text: `.git/adrgate/site-bodies.json` keeps each ADR's HTML
 * by a hash of its text and of the repository URL, with the ADR files its links named (and whether
 * each existed), so a second export parses only the ADRs that changed or whose link targets came
 * or went. Outside git there is no cache.
 */
export async function renderBodiesCached(
  ws: Workspace,
  sources: readonly BodySource[],
  job: BodyJob,
  version = '',
): Promise<RenderedBody[]> {
  const gitDir = await openGit(ws.cwd, ws.env)
    .probe()
    .then((p) => p.gitDir)
    .catch(() => undefined)
  if (!gitDir) return renderBodies(sources, job)
  // one cache per ADR directory of a repository of several (each export would evict the other's)
  const file = path.join(gitDir, 'adrgate', job.pageDir === undefined ? 'site-bodies.json' : `site-bodies-${job.pageDir}.json`)
  // what every body's links depend on, but the set of ADRs (checked per body: its `refs`)
  const context = createHash('sha1')
    .update(JSON.stringify({depth: job.depth, dir: job.dir, repoUrl: job.repoUrl, version, pageDir: job.pageDir, pages: job.pages}))
    .digest('hex')
  const files = new Set(job.files)
  const stillValid = (body: RenderedBody | undefined) => body?.refs?.every(([name, found]) => files.has(name) === found) ?? false
  const key = `${CACHE}|${context}`
  const cached = new Map(Object.entries((await readHistoryCache(file, key, isRenderedBodies)) ?? {}))
  const keys = sources.map((s) =>
    createHash('sha1')
      .update(`${s.frontMatterEnd ?? ''}\0${s.text}`)
      .digest('hex'),
  )
  const missing = sources.flatMap((_, i) => (stillValid(cached.get(keys[i])) ? [] : [i]))
  if (missing.length > 0) {
    const rendered = await renderBodies(
      missing.map((i) => sources[i]),
      job,
    )
    for (const [n, i] of missing.entries()) cached.set(keys[i], rendered[n])
  }
  const bodies = keys.map((k) => cached.get(k) as RenderedBody)
  if (missing.length > 0 || cached.size !== new Set(keys).size) {
    // only what this export used: a deleted or edited ADR's old HTML goes
    await writeHistoryCache(file, key, Object.fromEntries(keys.map((k, i) => [k, bodies[i]])))
  }
  return bodies
}
