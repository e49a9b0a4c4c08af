// The repository for `adr log` (issue 5): 10,000 commits over 1,000 ADRs. Uses the issue-5 fixture
// `bench/fixtures/history-repo.js` when it exists, else the synthetic generator with extra edit commits.
import {existsSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {ensureRepository} from './synthetic-repo.js'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const FIXTURE = ['history-repo.js', 'history-repo.mjs'].map((f) => path.join(HERE, 'fixtures', f)).find((f) => existsSync(f))

export const HISTORY_ADRS = 1000
export const HISTORY_COMMITS = 10000

/** @returns {Promise<{dir: string, adrs: number, commits: number, source: string}>} */
export async function ensureHistoryRepository(log) {
  if (FIXTURE) {
    const fixture = await import(pathToFileURL(FIXTURE).href)
    const build = fixture.ensureHistoryRepo ?? fixture.buildHistoryRepo ?? fixture.default
    if (typeof build === 'function') {
      const repo = await build({adrs: HISTORY_ADRS, commits: HISTORY_COMMITS, log})
      const dir = typeof repo === 'string' ? repo : repo.dir
      return {dir, adrs: repo.adrs ?? HISTORY_ADRS, commits: repo.commits ?? HISTORY_COMMITS, source: 'bench/fixtures/history-repo'}
    }
    log(`bench/fixtures/${path.basename(FIXTURE)} exports no builder function; using bench/history-repo.js`)
  }
  const repo = ensureRepository({name: `history-${HISTORY_ADRS}x${HISTORY_COMMITS}`, size: HISTORY_ADRS, commits: HISTORY_COMMITS, log})
  return {...repo, source: 'bench/history-repo.js'}
}
