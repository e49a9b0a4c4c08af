import {readdirSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {collatesLikeRoot, comparePlainIds, withPlainIdOrder} from '../../src/cli/plain-id-order.js'
import {PROJECT_ROOT} from '../helpers/run-command.js'

/** The collations comparePlainIds stands in for: the root one, English, and the POSIX locale's. */
const COLLATORS = ['und', 'en-US', 'en-GB', 'en-US-u-va-posix'].map((locale) => new Intl.Collator(locale))

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz:-'

/** Every string of the alphabet up to `length` characters (the empty one included). */
function allStrings(length: number): string[] {
  let level = ['']
  const out = ['']
  for (let i = 0; i < length; i++) {
    level = level.flatMap((s) => [...ALPHABET].map((c) => s + c))
    out.push(...level)
  }
  return out
}

/** adrgate's command ids as oclif knows them (`debate:start`), from src/commands/. */
function commandIds(): string[] {
  const dir = path.join(PROJECT_ROOT, 'src/commands')
  return readdirSync(dir, {recursive: true, encoding: 'utf8'})
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.replace(/\.ts$/, '').split(path.sep).join(':'))
}

describe('comparePlainIds, against ICU', () => {
  it('orders every pair of strings of a–z, `:` and `-` up to two characters as each collator does', () => {
    const strings = allStrings(2)
    const differ: string[] = []
    for (const collator of COLLATORS)
      for (const a of strings) for (const b of strings) if (comparePlainIds(a, b) !== collator.compare(a, b)) differ.push(`${a} ${b}`)
    expect(strings.length).toBe(1 + 28 + 28 * 28)
    expect(differ).toEqual([])
  })

  it('orders adrgate’s command ids, and ids that share long prefixes, as the collator does', () => {
    const ids = [...commandIds(), 'debate', 'debate-x', 'debate:', 'debate:start:x', 'generate:toc', 'generat', 'upgrade-repository']
    expect(ids.length).toBeGreaterThan(20)
    for (const collator of COLLATORS)
      expect([...ids].sort((a, b) => comparePlainIds(a, b) ?? Number.NaN)).toEqual([...ids].sort(collator.compare))
  })

  it('leaves anything else to the collator: capitals, digits, spaces, accents', () => {
    for (const [a, b] of [
      ['List', 'list'],
      ['a1', 'a:'],
      ['a b', 'ab'],
      ['é', 'f'],
    ])
      expect(comparePlainIds(a, b)).toBeUndefined()
  })
})

describe('collatesLikeRoot', () => {
  it.each([
    [{}, true],
    [{LANG: 'C'}, true],
    [{LC_ALL: 'C.UTF-8'}, true],
    [{LANG: 'POSIX'}, true],
    [{LANG: 'en_GB.UTF-8'}, true],
    [{LANG: 'da_DK.UTF-8'}, false],
    [{LANG: 'en_US.UTF-8', LC_MESSAGES: 'lt_LT.UTF-8'}, false],
    [{LANG: 'da_DK.UTF-8', LC_ALL: 'C'}, true],
    [{LC_ALL: 'sv_SE.UTF-8', LANG: 'en_US.UTF-8'}, false],
  ])('%j: %s', (env, expected) => {
    expect(collatesLikeRoot(env)).toBe(expected)
  })
})

describe('withPlainIdOrder', () => {
  const original = String.prototype.localeCompare

  it('compares plain ids by code point while it runs, passes the rest on, and puts localeCompare back', async () => {
    const seen = await withPlainIdOrder({}, async () => {
      expect(String.prototype.localeCompare).not.toBe(original)
      return [
        ['list', 'debate:start'].sort((a, b) => a.localeCompare(b)),
        'é'.localeCompare('f'),
        'a'.localeCompare('B', 'en', {caseFirst: 'upper'}),
      ]
    })
    expect(seen).toEqual([['debate:start', 'list'], -1, -1])
    expect(String.prototype.localeCompare).toBe(original)
  })

  it('puts it back when the load fails, and changes nothing under a locale that tailors a–z', async () => {
    await expect(withPlainIdOrder({}, async () => Promise.reject(new Error('no config')))).rejects.toThrow('no config')
    expect(String.prototype.localeCompare).toBe(original)
    await withPlainIdOrder({LANG: 'da_DK.UTF-8'}, async () => expect(String.prototype.localeCompare).toBe(original))
  })
})
