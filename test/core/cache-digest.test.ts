import {describe, expect, it} from 'vitest'
import {cacheDigest} from '../../src/core/lint/cache-digest.js'

describe('cacheDigest', () => {
  it('is 16 hex digits, the same for the same text', () => {
    expect(cacheDigest('abc')).toMatch(/^[0-9a-f]{16}$/)
    expect(cacheDigest('abc')).toBe(cacheDigest('abc'))
    expect(cacheDigest('')).toMatch(/^[0-9a-f]{16}$/)
  })

  it('tells apart texts that differ in one character, in order, in length or beyond Latin-1', () => {
    const texts = ['a\0b', 'b\0a', 'a\0b\0', 'a\0c', 'é', 'e', '😀', '😁', 'x'.repeat(10_000), `${'x'.repeat(9_999)}y`]
    expect(new Set(texts.map(cacheDigest)).size).toBe(texts.length)
  })

  it('gives a file list and its hashes digests that do not collide over many small changes', () => {
    const seen = new Set<string>()
    for (let i = 0; i < 20_000; i++) seen.add(cacheDigest(['0001-a.md', String(i), '0002-b.md', String(i % 7)].join('\0')))
    expect(seen.size).toBe(20_000)
  })
})
