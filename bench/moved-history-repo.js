// The repository for history across directory moves (issue 9): 10,500 commits, 1,000 ADRs, and the
// ADR folder moved three times as long-lived projects do (`adr` → `doc/adr` → `docs/architecture` →
// `docs/references/architecture/core`). Most commits change code, not ADRs, as in a real project.
// Written as one `git fast-import` stream (a folder move is one `R` command), cached under
// os.tmpdir() by its parameters.
import {tmpdir} from 'node:os'
import path from 'node:path'
import {buildRepositoryOnce, fastImportStream} from './fast-import.js'

const VERSION = 1
export const MOVED_ADRS = 1000
export const MOVED_COMMITS = 10500
/** Where the ADRs live, in order; the folder moves at the commits in `MOVES_AT`. */
export const MOVED_DIRS = ['adr', 'doc/adr', 'docs/architecture', 'docs/references/architecture/core']
const MOVES_AT = [2600, 5200, 7800]
const START = Date.UTC(2016, 0, 4, 9, 0, 0) / 1000
const PEOPLE = ['Hana Sato', 'Idris Bello', 'Mira Kovac', 'Noah Lind', 'Zara Okafor']
const TOPICS = 'billing routing storage search metrics identity payments logging caching scheduling'.split(' ')

function makeRandom(seed) {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 4294967296
  }
}

function render(adr) {
  const notes = adr.notes.map((n) => `\n${n}\n`).join('')
  return `# ${adr.number}. ${adr.title}\n\nDate: ${adr.date}\n\n## Status\n\n${adr.status}\n\n## Context\n\nThe ${adr.topic} service needs a rule.\n${notes}\n## Decision\n\nWe will ${adr.title.toLowerCase()}.\n\n## Consequences\n\nThe ${adr.topic} team owns it.\n`
}

/** The stream, and each ADR with when and by whom it was first created (`createdAt`, seconds; `author`). */
function buildStream({adrs: size, commits: total, seed = 11}) {
  const random = makeRandom(seed)
  const pick = (list) => list[Math.floor(random() * list.length)]
  const adrs = []
  const stream = fastImportStream()
  let dir = 0
  for (let i = 1; i <= total; i++) {
    const time = START + i * 3000
    const person = pick(PEOPLE)
    const ops = []
    let message
    if (MOVES_AT.includes(i)) {
      ops.push({rename: [MOVED_DIRS[dir], MOVED_DIRS[dir + 1]]})
      message = `Move the decision log to ${MOVED_DIRS[dir + 1]}`
      dir++
    } else if (i === 1 || random() < 0.35) {
      const file = `src/${pick(TOPICS)}/module-${Math.floor(random() * 40)}.ts`
      ops.push({file, text: `export const revision = ${i}\n`})
      message = `Change ${file}`
    } else if (adrs.length < size && (adrs.length < Math.ceil((size * i) / total) || adrs.length === 0)) {
      const number = adrs.length + 1
      const topic = pick(TOPICS)
      const adr = {number, topic, title: `Use a shared ${topic} library ${number}`, status: 'Proposed', notes: []}
      adr.date = new Date(time * 1000).toISOString().slice(0, 10)
      adr.createdAt = time
      adr.author = person
      adr.file = `${String(number).padStart(4, '0')}-use-a-shared-${topic}-library-${number}.md`
      adrs.push(adr)
      ops.push({adr})
      message = `Propose ADR ${number}`
    } else {
      const adr = pick(adrs)
      if (adr.status === 'Proposed' && random() < 0.5) {
        adr.status = 'Accepted'
        message = `Accept ADR ${adr.number}`
      } else {
        adr.notes.push(`Note ${i}: measured ${Math.floor(random() * 900)} ms at peak.`)
        message = `Note on ADR ${adr.number}`
      }
      ops.push({adr})
    }
    stream.commit({author: person, email: `${person.split(' ')[0].toLowerCase()}@example.org`, time, message})
    for (const op of ops) {
      if (op.rename) stream.rename(...op.rename)
      else if (op.adr) stream.modify(`${MOVED_DIRS[dir]}/${op.adr.file}`, render(op.adr))
      else stream.modify(op.file, op.text)
    }
    stream.end()
  }
  return {buffer: stream.toBuffer(), adrs}
}

/**
 * What the history must say of each ADR: created once, in the commit that proposed it, by its
 * author — in the first of the four folders, whatever moves came after. Planned again (the
 * repository is cached), without writing anything.
 * @returns {{number: number, createdAt: number, author: string}[]}
 */
export function expectedCreations() {
  return buildStream({adrs: MOVED_ADRS, commits: MOVED_COMMITS}).adrs.map((a) => ({
    number: a.number,
    createdAt: a.createdAt,
    author: a.author,
  }))
}

/**
 * Builds (or reuses) the repository.
 * @returns {Promise<{dir: string, adrDir: string, adrs: number, commits: number, moves: number}>}
 */
export async function ensureMovedHistoryRepository(log = () => {}) {
  const adrs = MOVED_ADRS
  const commits = MOVED_COMMITS
  const dir = path.join(tmpdir(), `adrgate-moved-history-v${VERSION}-${adrs}x${commits}`)
  const result = {dir, adrDir: MOVED_DIRS.at(-1), dirs: MOVED_DIRS, adrs, commits, moves: MOVES_AT.length}
  buildRepositoryOnce(dir, () => buildStream({adrs, commits}).buffer, {
    log,
    what: `${commits.toLocaleString('en')} commits, ${adrs.toLocaleString('en')} ADRs, ${MOVES_AT.length} folder moves`,
  })
  return result
}
