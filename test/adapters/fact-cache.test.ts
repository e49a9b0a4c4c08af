import {readdirSync, readFileSync, statSync, utimesSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {eachFileFact, type FactResult} from '../../src/adapters/files/contained-read.js'
import {openFactCache} from '../../src/adapters/files/fact-cache.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'

let repo: TempRepo | undefined
afterEach(() => {
  repo?.cleanup()
  repo = undefined
})

const isString = (fact: unknown): fact is string => typeof fact === 'string'
const FILES = ['0001-a.md', '0002-b.md', '0003-latin1.md']

function setUp(): {dir: string; adrDir: string} {
  repo = makeRepo({
    'docs/adr/0001-a.md': '# 1. A\n',
    'docs/adr/0002-b.md': '# 2. B\n',
    'docs/adr/0003-latin1.md': Buffer.from([0x23, 0x20, 0xe9, 0x0a]),
  })
  return {dir: repo.dir, adrDir: path.join(repo.dir, 'docs/adr')}
}

const open = (dir: string, adrDir: string, key = 'k1') => openFactCache({gitRoot: dir, adrDir, kind: 'test', key, valid: isString})

/** The facts `eachFileFact` hands on, and the files it read (its `learn` saw). */
async function facts(dir: string, adrDir: string, key = 'k1') {
  const cache = await open(dir, adrDir, key)
  const read: string[] = []
  const out: FactResult<string>[] = []
  await eachFileFact(
    adrDir,
    FILES,
    dir,
    new Set(),
    {decode: true, cache},
    (i, text) => {
      read.push(FILES[i])
      return `${FILES[i]}: ${text.trim()}`
    },
    (_i, result) => {
      out.push(result)
      return true
    },
  )
  await cache?.save(FILES)
  return {read, out}
}

/** Moves the cache's date on by `ms`, as if it had been written that much later (the files then look old). */
function age(dir: string, ms = 60_000): void {
  const state = path.join(dir, '.git', 'adrgate')
  for (const name of readdirSync(state).filter((f) => f.startsWith('facts-'))) {
    const file = path.join(state, name)
    const data = JSON.parse(readFileSync(file, 'utf8'))
    writeFileSync(file, JSON.stringify({...data, asOf: data.asOf + ms}))
  }
}

describe('the fact cache (adapters/files/fact-cache.ts) and eachFileFact', () => {
  it('reads every file the first time, then only the files whose stat changed; unreadable files every time', async () => {
    const {dir, adrDir} = setUp()
    const first = await facts(dir, adrDir)
    expect(first.read).toEqual(['0001-a.md', '0002-b.md'])
    expect(first.out.map((r) => (r.ok ? r.fact : r.reason))).toEqual([
      '0001-a.md: # 1. A',
      '0002-b.md: # 2. B',
      expect.stringContaining('is not valid UTF-8'),
    ])
    // just written: every file changed within RACY_MS of the run that learned it, so nothing is trusted yet
    expect((await facts(dir, adrDir)).read).toEqual(['0001-a.md', '0002-b.md'])
    age(dir)
    const warm = await facts(dir, adrDir)
    expect(warm.read).toEqual([])
    expect(warm.out).toEqual(first.out)
    // an edit of the same size still changes the stat (the change time at least)
    writeFileSync(path.join(adrDir, '0002-b.md'), '# 2. C\n')
    age(dir)
    const edited = await facts(dir, adrDir)
    expect(edited.read).toEqual(['0002-b.md'])
    expect(edited.out[1]).toEqual({ok: true, fact: '0002-b.md: # 2. C'})
  })

  it('a modification time set back (touch -d, tar) does not hide an edit: the change time moves', async () => {
    const {dir, adrDir} = setUp()
    const file = path.join(adrDir, '0001-a.md')
    utimesSync(file, 1_700_000_000, 1_700_000_000)
    await facts(dir, adrDir)
    age(dir)
    const before = statSync(file)
    writeFileSync(file, '# 1. Z\n')
    utimesSync(file, 1_700_000_000, 1_700_000_000)
    expect([statSync(file).size, statSync(file).mtimeMs]).toEqual([before.size, before.mtimeMs])
    const after = await facts(dir, adrDir)
    expect(after.read).toEqual(['0001-a.md'])
    expect(after.out[0]).toEqual({ok: true, fact: '0001-a.md: # 1. Z'})
  })

  it('a fact learned in a racy moment stays untrusted when a later run saves the cache without reading its file', async () => {
    const {dir, adrDir} = setUp()
    await facts(dir, adrDir)
    // a later run that learns only 0002 (0001 is not asked for) writes the cache under its own, later date
    writeFileSync(path.join(adrDir, '0002-b.md'), '# 2. Changed\n')
    const cache = await open(dir, adrDir)
    cache?.set('0002-b.md', statSync(path.join(adrDir, '0002-b.md')), 'learned')
    await cache?.save(FILES)
    age(dir)
    // 0001's fact was racy when it was learned: dropped, not made trusted by the later date
    expect((await facts(dir, adrDir)).read).toEqual(['0001-a.md'])
  })

  it('another key, a damaged file, a fact of the wrong shape, or no git directory: nothing is trusted', async () => {
    const {dir, adrDir} = setUp()
    await facts(dir, adrDir)
    age(dir)
    expect((await facts(dir, adrDir, 'k2')).read).toEqual(['0001-a.md', '0002-b.md'])
    const state = path.join(dir, '.git', 'adrgate')
    const [name] = readdirSync(state).filter((f) => f.startsWith('facts-'))
    const data = JSON.parse(readFileSync(path.join(state, name), 'utf8'))
    data.files['0001-a.md'][4] = 42
    writeFileSync(path.join(state, name), JSON.stringify({...data, asOf: data.asOf + 60_000}))
    expect((await facts(dir, adrDir, 'k2')).read).toEqual(['0001-a.md'])
    writeFileSync(path.join(state, name), '{not json')
    expect((await facts(dir, adrDir, 'k2')).read).toEqual(['0001-a.md', '0002-b.md'])
    expect(await openFactCache({gitRoot: undefined, adrDir, kind: 'test', key: 'k', valid: isString})).toBeUndefined()
  })

  it('keeps one cache per directory, and drops the facts of files that left it', async () => {
    const {dir, adrDir} = setUp()
    await facts(dir, adrDir)
    const other = await open(dir, path.join(dir, 'web/adr'))
    expect(other?.get('0001-a.md', statSync(path.join(adrDir, '0001-a.md')))).toBeUndefined()
    age(dir)
    const cache = await open(dir, adrDir)
    cache?.set('0002-b.md', statSync(path.join(adrDir, '0002-b.md')), '0002-b.md: # 2. B')
    await cache?.save(['0002-b.md'])
    const state = path.join(dir, '.git', 'adrgate')
    const [name] = readdirSync(state).filter((f) => f.startsWith('facts-'))
    expect(Object.keys(JSON.parse(readFileSync(path.join(state, name), 'utf8')).files)).toEqual(['0002-b.md'])
  })
})
