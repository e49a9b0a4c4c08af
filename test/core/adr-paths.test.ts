import {describe, expect, it} from 'vitest'
import {
  adrChanges,
  adrFileIn,
  everyAdrChange,
  formerDirs,
  loadPresence,
  oneAdrChange,
  type Presence,
  type RepoChange,
  savePresence,
} from '../../src/core/history/adr-paths.js'

const blob = (n: number) => String(n).padStart(40, '0')
const add = (path: string, b = 1): RepoChange => ({status: 'A', path, blob: blob(b)})
const mod = (path: string, b = 2): RepoChange => ({status: 'M', path, blob: blob(b)})
const del = (path: string): RepoChange => ({status: 'D', path, blob: blob(0)})
const mv = (from: string, path: string, b = 1): RepoChange => ({status: 'R', from, path, blob: blob(b)})

describe('adrFileIn', () => {
  it('names ADR files directly in a known directory, the top level included', () => {
    expect(adrFileIn(['docs/adr'], 'docs/adr/0001-use-x.md')).toEqual({name: '0001-use-x.md', dir: 'docs/adr'})
    expect(adrFileIn(['docs/adr'], 'docs/adr/archive/0001-use-x.md')).toBeUndefined()
    expect(adrFileIn(['docs/adr'], 'docs/adr/README.md')).toBeUndefined()
    expect(adrFileIn(['docs/adr'], 'docs/adrs/0001-use-x.md')).toBeUndefined()
    expect(adrFileIn([''], '0001-use-x.md')).toEqual({name: '0001-use-x.md', dir: ''})
    expect(adrFileIn(['docs/adr'], undefined)).toBeUndefined()
  })

  it('names the README or index of a folder per ADR by folder and file', () => {
    expect(adrFileIn(['docs/adr'], 'docs/adr/0007-use-kafka/README.md')).toEqual({name: '0007-use-kafka/README.md', dir: 'docs/adr'})
    expect(adrFileIn(['docs/adr'], 'docs/adr/0007-use-kafka/index.md')).toEqual({name: '0007-use-kafka/index.md', dir: 'docs/adr'})
    expect(adrFileIn(['docs/adr'], 'docs/adr/0007-use-kafka/diagram.md')).toBeUndefined()
    expect(adrFileIn(['docs/adr'], 'docs/adr/assets/README.md')).toBeUndefined()
    expect(adrFileIn([''], '0007-use-kafka/README.md')).toEqual({name: '0007-use-kafka/README.md', dir: ''})
  })
})

describe('adrChanges: one commit, by ADR name, across the directories an ADR lived in', () => {
  const dirs = ['docs/adr', 'doc/adr']

  it('sees a folder move between two known directories as nothing happening to the ADR', () => {
    const present: Presence = new Map()
    expect(adrChanges([add('doc/adr/0001-a.md')], dirs, present)).toEqual([{status: 'A', file: '0001-a.md', blob: blob(1)}])
    expect(adrChanges([mv('doc/adr/0001-a.md', 'docs/adr/0001-a.md')], dirs, present)).toEqual([
      {status: 'M', file: '0001-a.md', blob: blob(1)},
    ])
    expect(savePresence(present)).toEqual([['0001-a.md', ['docs/adr']]])
  })

  it('keeps a rename of the file itself during the move', () => {
    const present = loadPresence([['0001-a.md', ['doc/adr']]])
    expect(adrChanges([mv('doc/adr/0001-a.md', 'docs/adr/0001-alpha.md', 3)], dirs, present)).toEqual([
      {status: 'R', file: '0001-alpha.md', from: '0001-a.md', blob: blob(3)},
    ])
  })

  it('follows a move done in two commits: copy first, old folder removed later', () => {
    const present = loadPresence([['0001-a.md', ['doc/adr']]])
    expect(adrChanges([add('docs/adr/0001-a.md')], dirs, present)).toEqual([{status: 'M', file: '0001-a.md', blob: blob(1)}])
    expect(adrChanges([del('doc/adr/0001-a.md')], dirs, present)).toEqual([])
    expect(adrChanges([del('docs/adr/0001-a.md')], dirs, present)).toEqual([{status: 'D', file: '0001-a.md'}])
    expect(present.size).toBe(0)
  })

  it('takes a move git did not pair (deleted and added in one commit) as a change', () => {
    const present = loadPresence([['0001-a.md', ['doc/adr']]])
    expect(adrChanges([del('doc/adr/0001-a.md'), add('docs/adr/0001-a.md', 7)], dirs, present)).toEqual([
      {status: 'M', file: '0001-a.md', blob: blob(7)},
    ])
  })

  it('counts a file that leaves for an unknown place as deleted, and one from an unknown place as added', () => {
    const present = loadPresence([['0001-a.md', ['docs/adr']]])
    expect(adrChanges([mv('docs/adr/0001-a.md', 'attic/0001-a.md')], dirs, present)).toEqual([{status: 'D', file: '0001-a.md'}])
    expect(adrChanges([mv('drafts/0002-b.md', 'docs/adr/0002-b.md')], dirs, present)).toEqual([
      {status: 'A', file: '0002-b.md', blob: blob(1)},
    ])
  })

  it('ignores what is not an ADR file, and gives a modification its new blob', () => {
    const present = loadPresence([['0001-a.md', ['docs/adr']]])
    expect(adrChanges([mod('docs/adr/README.md'), mod('src/0001-a.md'), mod('docs/adr/0001-a.md', 9)], dirs, present)).toEqual([
      {status: 'M', file: '0001-a.md', blob: blob(9)},
    ])
  })
})

describe('formerDirs: where ADR files came from, in a commit read whole', () => {
  it('finds the directory of a rename into a known one, deep or shallow', () => {
    expect(
      formerDirs(
        [mv('docs/architecture/0001-a.md', 'docs/references/architecture/core/0001-a.md'), mv('src/x.ts', 'lib/x.ts')],
        ['docs/references/architecture/core'],
      ),
    ).toEqual(['docs/architecture'])
    expect(formerDirs([mv('0001-a.md', 'adr/0001-a.md')], ['adr'])).toEqual([''])
    expect(formerDirs([mv('decisions/0007-kafka/README.md', 'docs/decisions/0007-kafka/README.md')], ['docs/decisions'])).toEqual([
      'decisions',
    ])
  })

  it('finds a deletion of the same ADR name in the commit that adds it', () => {
    expect(formerDirs([del('doc/adr/0002-b.md'), add('docs/adr/0002-b.md'), del('doc/adr/0003-c.md')], ['docs/adr'])).toEqual(['doc/adr'])
  })

  it('finds nothing for a plain addition, a rename inside known folders, or a non-ADR file', () => {
    expect(formerDirs([add('docs/adr/0002-b.md')], ['docs/adr'])).toEqual([])
    expect(formerDirs([mv('doc/adr/0002-b.md', 'docs/adr/0002-b.md')], ['docs/adr', 'doc/adr'])).toEqual([])
    expect(formerDirs([mv('notes/ideas.md', 'docs/adr/0002-b.md')], ['docs/adr'])).toEqual([])
  })
})

describe('oneAdrChange (the fast path of a commit of one change) reads what everyAdrChange reads', () => {
  // every status, between every kind of path, with each of the two names held by any of three directories
  const dirs = ['docs/adr', 'doc/adr']
  const PATHS = ['docs/adr/0001-a.md', 'doc/adr/0001-a.md', 'docs/adr/0002-b.md', 'other/0001-a.md', 'src/x.ts', 'docs/adr/README.md']
  const HOLDERS = ['docs/adr', 'doc/adr', 'other']
  const subsets: string[][] = [[]]
  for (const d of HOLDERS) for (const s of subsets.slice()) subsets.push([...s, d])
  const changes: RepoChange[] = []
  for (const status of ['A', 'M', 'D', 'R', 'C', 'T']) {
    for (const path of PATHS) {
      if (status === 'R' || status === 'C') for (const from of PATHS) changes.push({status, from, path, blob: blob(3)})
      else changes.push({status, path, blob: status === 'D' ? blob(0) : blob(3)})
    }
  }
  const presences = subsets.flatMap((a) => subsets.map((b) => [a, b] as const))
  const presence = ([a, b]: readonly [string[], string[]]): Presence => {
    const p: Presence = new Map()
    if (a.length) p.set('0001-a.md', new Set(a))
    if (b.length) p.set('0002-b.md', new Set(b))
    return p
  }
  it(`on ${changes.length * presences.length} changes and presences`, () => {
    const wrong: unknown[] = []
    for (const change of changes) {
      for (const held of presences) {
        const fast = presence(held)
        const slow = presence(held)
        const f = oneAdrChange(change, dirs, fast)
        const s = everyAdrChange([change], dirs, slow)
        if (JSON.stringify([f, savePresence(fast)]) !== JSON.stringify([s, savePresence(slow)])) wrong.push({change, held, f, s})
      }
    }
    expect(wrong.slice(0, 3)).toEqual([])
  })

  it('is what adrChanges answers a commit of one change with', () => {
    const present: Presence = new Map()
    expect(adrChanges([add('docs/adr/0001-a.md')], dirs, present)).toEqual([{status: 'A', file: '0001-a.md', blob: blob(1)}])
    expect(adrChanges([mv('docs/adr/0001-a.md', 'docs/adr/0002-b.md')], dirs, present)).toEqual([
      {status: 'R', file: '0002-b.md', from: '0001-a.md', blob: blob(1)},
    ])
  })
})
