import {readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {openCommitListings} from '../../src/adapters/git/commit-listings.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'

let repo: TempRepo | undefined
afterEach(() => {
  repo?.cleanup()
  repo = undefined
})

const A = 'a'.repeat(40)
const B = 'b'.repeat(40)

function setUp(): {dir: string; adrDir: string; stored: () => string[]} {
  repo = makeRepo({'docs/adr/0001-a.md': '# 1. A\n'})
  const dir = repo.dir
  const state = path.join(dir, '.git/adrgate')
  const stored = () => readdirSync(state).filter((f) => f.startsWith('commit-listings-'))
  return {dir, adrDir: path.join(dir, 'docs/adr'), stored}
}

describe('openCommitListings: what ls-tree listed at a commit, for the next adr new', () => {
  it('gives back a saved listing for the same directory, and nothing for another one', async () => {
    const {dir, adrDir, stored} = setUp()
    const first = await openCommitListings(dir, adrDir)
    expect(first?.get(A, adrDir)).toBeUndefined()
    first?.set(A, adrDir, ['0001-a.md', 'README.md'])
    await first?.save()
    expect(stored()).toHaveLength(1)
    const second = await openCommitListings(dir, adrDir)
    expect(second?.get(A, adrDir)).toEqual(['0001-a.md', 'README.md'])
    expect(second?.get(B, adrDir)).toBeUndefined()
    // the same ADR directory resolving elsewhere now (a symbolic link pointed at another folder)
    expect(second?.get(A, path.join(dir, 'elsewhere'))).toBeUndefined()
  })

  it('keeps only the commits asked about in the last run that learned one', async () => {
    const {dir, adrDir, stored} = setUp()
    const first = await openCommitListings(dir, adrDir)
    first?.set(A, adrDir, ['0001-a.md'])
    first?.set(B, adrDir, ['0001-a.md', '0002-b.md'])
    await first?.save()
    // the next run: A is no branch's tip any more, C is new
    const second = await openCommitListings(dir, adrDir)
    expect(second?.get(B, adrDir)).toEqual(['0001-a.md', '0002-b.md'])
    second?.set('c'.repeat(40), adrDir, [])
    await second?.save()
    const kept = JSON.parse(readFileSync(path.join(dir, '.git/adrgate', stored()[0]), 'utf8'))
    expect(Object.keys(kept.commits).sort()).toEqual([B, 'c'.repeat(40)])
  })

  it('writes nothing when nothing was learned, and is no cache outside git', async () => {
    const {dir, adrDir, stored} = setUp()
    const warm = await openCommitListings(dir, adrDir)
    expect(warm?.get(A, adrDir)).toBeUndefined()
    await warm?.save()
    expect(readdirSync(path.join(dir, '.git')).includes('adrgate') ? stored() : []).toEqual([])
    expect(await openCommitListings(undefined, adrDir)).toBeUndefined()
  })

  it('is empty when its file is damaged, of another version, or holds a listing of another shape', async () => {
    const {dir, adrDir, stored} = setUp()
    const first = await openCommitListings(dir, adrDir)
    first?.set(A, adrDir, ['0001-a.md'])
    await first?.save()
    const file = path.join(dir, '.git/adrgate', stored()[0])
    const good = JSON.parse(readFileSync(file, 'utf8'))
    for (const text of [
      '{"key": "ls-tree 1", "dir": ',
      JSON.stringify({...good, key: 'ls-tree 0'}),
      JSON.stringify({...good, dir: 7}),
      JSON.stringify({...good, commits: {[A]: '0001-a.md'}}),
      JSON.stringify({...good, commits: {[A]: [1]}}),
    ]) {
      writeFileSync(file, text)
      expect((await openCommitListings(dir, adrDir))?.get(A, adrDir), text).toBeUndefined()
    }
  })
})
