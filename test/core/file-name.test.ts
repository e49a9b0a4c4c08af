/**
 * `plainNumberedName` is the fast path of `generalFileName` for `0007-use-kafka.md`-shaped names, and
 * `isAdrFileName` takes it before `generalIsAdrFileName`: both are pinned to the general readers here,
 * on names built from pieces that sit on every edge of the pattern (digit counts around seven and eight,
 * dates, templates, placeholders, capitals, other separators, folders, other extensions).
 */
import {describe, expect, it} from 'vitest'
import {
  generalFileName,
  generalIsAdrFileName,
  isAdrFileName,
  isDatedDirectory,
  numberOfFile,
  parseFileName,
  plainAdrNumber,
  plainNaming,
  plainNumberedName,
} from '../../src/core/adr/file-name.js'
import {disagreements} from '../helpers/disagreements.js'

const NUMBERS = ['', '0', '7', '0007', '2020', '123456', '1234567', '12345678', '20201002']
const JOINS = ['', '-', '_', ' ', '--', '-10-02-', '-10-02_']
const SLUGS = [
  'use-kafka',
  'template',
  'adr-template',
  'template-madr',
  'x',
  'Use-Kafka',
  '9lives',
  'a_b',
  'a.b',
  'xxx',
  'nnn-x',
  'as-template-engine',
  '',
]
const ENDS = ['.md', '.MD', '.markdown', '']
const FOLDERS = ['', '0007-use-kafka/', 'docs\\']

const names = FOLDERS.flatMap((folder) =>
  NUMBERS.flatMap((n) => JOINS.flatMap((join) => SLUGS.flatMap((slug) => ENDS.map((end) => `${folder}${n}${join}${slug}${end}`)))),
)

describe('the plain numbered name is read as every name is read', () => {
  it(`on ${names.length} names`, () => {
    let taken = 0
    for (const name of names) {
      const fast = plainNumberedName(name)
      if (fast === undefined) continue
      taken++
      expect({name, info: fast}).toEqual({name, info: generalFileName(name)})
    }
    // the fast path is taken for the plain names, not for the others
    expect(taken).toBeGreaterThan(20)
    expect(plainNumberedName('0007-use-kafka.md')).toBeDefined()
    expect(plainNumberedName('2020-10-02-use-kafka.md')).toBeUndefined()
  })

  it('isAdrFileName and parseFileName agree with the general readers on every name', () => {
    for (const name of names) {
      expect({name, is: isAdrFileName(name)}).toEqual({name, is: generalIsAdrFileName(name)})
      expect({name, info: parseFileName(name)}).toEqual({name, info: generalFileName(name)})
    }
  })

  it('plainAdrNumber is the number of an ADR file name, where it answers, and numberOfFile always', () => {
    expect(disagreements(names, numberOfFile, (name) => generalFileName(name).number)).toEqual([])
    const plain = names.filter((name) => plainAdrNumber(name) !== undefined)
    expect(plain.length).toBeGreaterThan(20)
    // where the fast readers answer, the name is an ADR's, with that number and that naming
    const general = (name: string) => ({
      is: generalIsAdrFileName(name),
      number: generalFileName(name).number,
      naming: generalFileName(name).naming,
    })
    expect(disagreements(plain, (name) => ({is: true, number: plainAdrNumber(name), naming: plainNaming(name)}), general)).toEqual([])
    expect(names.filter((name) => (plainNaming(name) === undefined) !== (plainAdrNumber(name) === undefined))).toEqual([])
    // a template's name is left to the general readers, a word in the slug is not a template
    expect(plainAdrNumber('0000-template.md')).toBeUndefined()
    expect(plainAdrNumber('0001-adr-template.md')).toBeUndefined()
    expect(plainAdrNumber('0039-use-velocity-as-template-engine.md')).toBeUndefined()
    expect(isAdrFileName('0039-use-velocity-as-template-engine.md')).toBe(true)
    expect(plainAdrNumber('0000-start-here.md')).toBe(0)
  })

  it('keeps the cases the fast path must not change', () => {
    expect(isAdrFileName('0000-template.md')).toBe(false)
    expect(isAdrFileName('0039-use-velocity-as-template-engine.md')).toBe(true)
    expect(parseFileName('2020-10-02-use-kafka.md')).toMatchObject({dated: true, date: '2020-10-02'})
    expect(parseFileName('0007-use-kafka.md')).toEqual({
      number: 7,
      slug: 'use-kafka',
      dated: false,
      naming: {prefix: '', digits: 4, separator: '-'},
    })
  })
})

describe('isDatedDirectory stops once the names left cannot change its answer', () => {
  /** The answer from every name counted. */
  const counted = (files: readonly string[]) => {
    const infos = files.map((f) => parseFileName(f))
    const dated = infos.filter((i) => i.dated).length
    const numbered = infos.filter((i) => !i.dated && i.number !== undefined).length
    return dated > 0 && dated >= numbered
  }
  it('over every list of up to seven names, numbered, dated or neither', () => {
    const kinds = ['0007-use-kafka.md', '20201002-use-kafka.md', 'README.md', 'ADR-007_Use.md', '2020-10-02-x.md']
    const lists: string[][] = []
    for (let length = 0; length <= 7; length++) {
      for (let code = 0; code < kinds.length ** length; code++) {
        lists.push(Array.from({length}, (_, i) => kinds[Math.floor(code / kinds.length ** i) % kinds.length]))
      }
    }
    expect(lists.length).toBeGreaterThan(90_000)
    expect(disagreements(lists, isDatedDirectory, counted)).toEqual([])
  })
})
