// Plans a synthetic ADR repository as a list of commits: ADRs created one per commit (some as
// proposals accepted a few commits later), ~10 % superseded with links on both sides, some related,
// the oldest ~5 % in adr-tools (Nygard) format, and optional extra edit commits up to `commits`.
import {fileNameOf, makeProse, makeRandom, pickPeople, pickTags, pickTitle, renderMadr, renderNygard} from './adr-text.js'

const START = Date.UTC(2019, 0, 7, 9, 0, 0) / 1000
const SPAN = 6 * 365 * 24 * 3600

/**
 * Calls `onCommit` for every commit, oldest first, with the full text of each file it changes (rendered
 * at that point of the history). Returns the final ADRs and the number of commits.
 * @param {{size: number, commits?: number, seed?: number}} options
 * @param {(commit: {time: number, author: string, message: string, files: {path: string, text: string}[]}) => void} onCommit
 */
export function planHistory({size, commits: minCommits = 0, seed = size}, onCommit) {
  const random = makeRandom(seed)
  // Past 2,500 ADRs, several are added (and accepted) per commit: every commit writes the whole
  // docs/adr tree object, so one commit per change makes 10,000 ADRs quadratic (minutes, not seconds).
  const perCommit = Math.max(1, Math.ceil(size / 2500))
  const expected = Math.max(minCommits, Math.round((size * 1.3) / perCommit))
  const step = Math.floor(SPAN / expected)
  const adrs = []
  let commitCount = 0
  const pending = new Map()
  let time = START
  const nygardCount = Math.max(1, Math.round(size * 0.05))

  const titleOf = (number) => adrs[number - 1].title
  const render = (adr) => (adr.format === 'nygard' ? renderNygard(adr, titleOf) : renderMadr(adr))
  const batch = {numbers: [], titles: [], author: ''}
  const flush = () => {
    if (batch.titles.length === 0) return
    const [first, last] = [batch.titles[0], batch.titles.at(-1)]
    const message = batch.titles.length === 1 ? `Add ADR ${first}` : `Add ADRs ${first.split(':')[0]} to ${last.split(':')[0]}`
    const numbers = [...new Set(batch.numbers)]
    batch.numbers = []
    batch.titles = []
    emit(batch.author, message, numbers)
  }
  const commit = (author, message, numbers) => {
    flush()
    emit(author, message, numbers)
  }
  const emit = (author, message, numbers) => {
    time += step
    commitCount++
    const files = numbers.map((n) => ({path: `docs/adr/${adrs[n - 1].file}`, text: render(adrs[n - 1])}))
    onCommit({time, author, message, files})
  }

  for (let number = 1; number <= size; number++) {
    const title = number === 1 ? 'Record architecture decisions' : pickTitle(random)
    const deciders = pickPeople(random, random.int(1, 3))
    const adr = {
      number,
      title,
      format: number <= nygardCount ? 'nygard' : 'madr',
      status: 'accepted',
      date: new Date((time + step) * 1000).toISOString().slice(0, 10),
      deciders,
      consulted: pickPeople(random, 1),
      tags: pickTags(random),
      links: [],
      prose: makeProse(random),
    }
    adr.file = fileNameOf(adr)
    adrs.push(adr)
    const files = [number]
    const roll = random.next()
    if (roll < 0.08) adr.status = 'proposed'
    else if (roll < 0.13) adr.status = 'rejected'
    else if (roll < 0.17) adr.status = 'deprecated'
    else if (random.next() < 0.13) supersede(adr, files)
    else if (random.next() < 0.3) {
      adr.status = 'proposed'
      const due = number + random.int(1, 4)
      pending.set(due, [...(pending.get(due) ?? []), number])
    }
    if (random.next() < 0.05 && number > 2) relate(adr, files)
    batch.numbers.push(...files)
    batch.titles.push(`${number}: ${title}`)
    batch.author = deciders[0]
    if (batch.titles.length >= perCommit) flush()
    for (const due of pending.get(number) ?? []) {
      const proposal = adrs[due - 1]
      if (proposal.status !== 'proposed') continue
      proposal.status = 'accepted'
      if (perCommit === 1) commit(proposal.deciders[0], `Accept ADR ${due}: ${proposal.title}`, [due])
      else batch.numbers.push(due)
    }
    pending.delete(number)
    while (commitCount < Math.floor((minCommits * number) / size)) edit()
  }
  flush()
  while (commitCount < minCommits) edit()
  return {adrs, commits: commitCount}

  function supersede(adr, files) {
    for (let tries = 0; tries < 5; tries++) {
      const old = adrs[random.int(0, adr.number - 2)]
      if (old?.status !== 'accepted' || old.number === adr.number) continue
      old.status = 'superseded'
      old.links.push({rel: 'superseded by', target: adr.number, file: adr.file})
      adr.links.push({rel: 'supersedes', target: old.number, file: old.file})
      files.push(old.number)
      return
    }
  }

  function relate(adr, files) {
    const other = adrs[random.int(0, adr.number - 2)]
    if (other.links.some((l) => l.target === adr.number)) return
    other.links.push({rel: 'relates to', target: adr.number, file: adr.file})
    adr.links.push({rel: 'relates to', target: other.number, file: other.file})
    files.push(other.number)
  }

  function edit() {
    const adr = adrs[random.int(0, adrs.length - 1)]
    adr.prose.context[1] = makeProse(random).context[1]
    commit(random.pick(adr.deciders), `Clarify the context of ADR ${adr.number}`, [adr.number])
  }
}
