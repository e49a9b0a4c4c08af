/**
 * `pathKey` (adapters/files/path-key.ts) stands in for node:crypto's SHA-1 in the names of adrgate's
 * journals and caches: pinned to it here, so the files earlier versions wrote keep their names.
 */
import {createHash} from 'node:crypto'
import {describe, expect, it} from 'vitest'
import {pathKey, sha1Hex, uniqueHex} from '../../src/adapters/files/path-key.js'
import {disagreements} from '../helpers/disagreements.js'

function* texts(): Generator<string> {
  // every length around SHA-1's block boundaries (55, 56, 63, 64 …), ASCII and not
  for (let n = 0; n <= 300; n++) {
    yield 'a'.repeat(n)
    yield Array.from({length: n}, (_, i) => String.fromCharCode(32 + ((i * 7) % 95))).join('')
    yield 'é'.repeat(n)
  }
  yield '/tmp/adrgate-repo/docs/adr/.adrgate.lock'
  yield '/home/ana/Projets/Café/doc/adr'
  yield '🚀/\u0000/\uffff'
  yield 'x'.repeat(100_000)
}

describe('pathKey', () => {
  it('is the first 12 hex digits of node:crypto’s SHA-1, on every length and alphabet', () => {
    const sha1 = (t: string) => createHash('sha1').update(t).digest('hex')
    expect(disagreements(texts(), (t) => sha1Hex(Buffer.from(t, 'utf8')), sha1)).toEqual([])
    expect(disagreements(texts(), pathKey, (t) => sha1(t).slice(0, 12))).toEqual([])
    expect(sha1Hex(new Uint8Array())).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709')
  })

  it('uniqueHex gives that many random bytes as hex', () => {
    expect(uniqueHex(4)).toMatch(/^[0-9a-f]{8}$/)
    expect(uniqueHex(12)).toMatch(/^[0-9a-f]{24}$/)
    expect(new Set(Array.from({length: 1000}, () => uniqueHex(4))).size).toBeGreaterThan(990)
  })
})
