/**
 * `slugify` and `cleanStatusText` skip their Unicode patterns (`\p{L}`, `\p{N}`) on text where an ASCII
 * test decides the same (issue 13: each such pattern costs a start-up some 0.4 ms to compile). These
 * tests pin each to the Unicode pattern alone, over every character of the Basic Multilingual Plane
 * that matters here and over titles and status lines built from them.
 */
import {describe, expect, it} from 'vitest'
import {slugify} from '../../src/core/adr/slug.js'
import {cleanStatusText} from '../../src/core/adr/status.js'
import {disagreements} from '../helpers/disagreements.js'

/** slugify as it was: the Unicode pattern for every title. */
function slugifyUnicode(title: string): string {
  return title
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
}

/** Every ASCII character, and a sample of the rest: letters, digits, marks, symbols, emoji, spaces. */
const ASCII = Array.from({length: 128}, (_, i) => String.fromCharCode(i))
const OTHERS = [
  'é',
  'É',
  'ß',
  'İ',
  'ı',
  'ﬁ',
  'Ω',
  'ж',
  '中',
  '٣',
  '①',
  'Ⅻ',
  '\u0301',
  '\u00a0',
  '\u2028',
  '✅',
  '⌛️',
  '🚀',
  '—',
  '«',
  '\ufeff',
]
const CHARS = [...ASCII, ...OTHERS]

/** Every pair of the characters, and each in a few typical lines. */
function* texts(): Generator<string> {
  for (const a of CHARS) {
    yield a
    for (const b of CHARS) yield a + b
    yield `Use ${a}Kafka${a} for events`
    yield `${a} Accepted`
    yield `**${a}** Status: ${a}Superseded by [2. X](0002-x.md)`
  }
  yield ''
  yield 'Use PostgreSQL for invoices'
  yield 'Café au lait 2.0'
}

describe('the ASCII short cuts agree with the Unicode patterns', () => {
  it('slugify', () => {
    expect(disagreements(texts(), slugify, slugifyUnicode)).toEqual([])
    expect(slugify('Use Café for 2 Things!')).toBe('use-café-for-2-things')
  })

  it('cleanStatusText', () => {
    // the general path, written out: cleanStatusText with both removals done by the Unicode pattern
    const unicode = (text: string) => {
      let t = text.trim()
      t = t.replace(/^(?:>\s*)+/, '').replace(/^[-*+][ \t]+/, '')
      t = t
        .replace(/\*\*|__|~~|`/g, '')
        .replace(/(^|[\s(])[*_]+(?=\S)/g, '$1')
        .replace(/(\S)[*_]+(?=[\s).,;:!?]|$)/g, '$1')
      t = t.replace(/^[^\p{L}\p{N}[]+/u, '')
      t = t.replace(/^status\s*[:-]\s*/i, '')
      t = t.replace(/^[^\p{L}\p{N}[]+/u, '')
      return t.trim()
    }
    expect(disagreements(texts(), cleanStatusText, unicode)).toEqual([])
    expect(cleanStatusText('> **✅ Accepted**')).toBe('Accepted')
  })
})
