// The rows of `adr export site` (issue 14): a cold export (no history cache) and one with the history
// cached, each into a fresh directory outside the repository, then the search index's share of the
// site's text, read from the last export. Hooked into suite.js (rows) and targets.js (targets).
import {readdirSync, rmSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {dropHistoryCaches} from './suite.js'

const INDEX = 'search-index.js'

/** Where the export of the repository of `size` ADRs is written (removed after each run). */
function outDir(size) {
  return path.join(tmpdir(), `adrgate-bench-site-out-${size}-${process.pid}`)
}

/** Bytes of the search index and of every other file of the site in `dir`. */
export function siteSizes(dir) {
  let index = 0
  let text = 0
  for (const entry of readdirSync(dir, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile() || entry.name.startsWith('.')) continue
    const bytes = statSync(path.join(entry.parentPath, entry.name)).size
    if (entry.name === INDEX && entry.parentPath === dir) index += bytes
    else text += bytes
  }
  return {index, text}
}

export function siteRows(repo) {
  const out = outDir(repo.adrs)
  const argv = ['export', 'site', '--out', out]
  let last
  return [
    {
      id: 'site-cold',
      label: 'adr export site (no history cache)',
      argv,
      command: 'export site',
      before: () => dropHistoryCaches(repo.dir),
      after: () => rmSync(out, {recursive: true, force: true}),
    },
    {
      id: 'site',
      label: 'adr export site (history cached)',
      argv,
      command: 'export site',
      minWarmup: 1,
      after: () => {
        last = siteSizes(out)
        rmSync(out, {recursive: true, force: true})
      },
    },
    {
      id: 'site-index-share',
      label: 'site: search index / rest of the site',
      command: 'export site',
      // not timed: the sizes of the last export of the row above
      compute: () => {
        if (!last) return {skipped: 'the site row did not run'}
        const share = (100 * last.index) / last.text
        return {share, note: `${share.toFixed(1)} % (${kib(last.index)} of ${kib(last.text)})`}
      },
    },
  ]
}

function kib(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`
}

/** Issue 14's targets: 1,000 ADRs ≤ 5 s; 10,000 ≤ 30 s and ≤ 500 MiB; the index ≤ 25 % of the site's text. */
export function siteTargets(id, size) {
  if (id === 'site-index-share') return [{kind: 'share', limit: 25, label: '≤ 25 %'}]
  if (id !== 'site' && id !== 'site-cold') return []
  if (size === 1000) return [{kind: 'time', limit: 5000, label: '≤ 5 s'}]
  if (size === 10000)
    return [
      {kind: 'time', limit: 30000, label: '≤ 30 s'},
      {kind: 'memory', limit: 500, label: '≤ 500 MiB'},
    ]
  return []
}
