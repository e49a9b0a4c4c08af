import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parseFileName} from '../../src/core/adr/file-name.js'
import {splitFrontMatter, splitFrontMatterFast} from '../../src/core/adr/front-matter.js'
import {firstTitleHeading, scanHeadings, splitLines, splitLinesLf, splitLinesSlow} from '../../src/core/adr/headings.js'
import {disagreements} from '../helpers/disagreements.js'

// The fast readers' helpers are pinned to the general path's: splitFrontMatterFast (gray-matter's
// split without gray-matter) to splitFrontMatter, firstTitleHeading to scanHeadings, on the fixtures and
// on texts built from every piece a front matter block or a title can be made of.

const fixtures = path.resolve(import.meta.dirname, '../fixtures')
const corpus: string[] = readdirSync(fixtures, {recursive: true, encoding: 'utf8'})
  .filter((f) => f.endsWith('.md'))
  .map((f) => readFileSync(path.join(fixtures, f), 'utf8'))

/** Every sequence of `count` pieces: openings, closings, languages, line breaks, headings, fences. */
function texts(pieces: readonly string[], count: number): string[] {
  if (count === 0) return ['']
  return texts(pieces, count - 1).flatMap((head) => pieces.map((piece) => head + piece))
}

const PIECES = ['---', '----', '---yaml', '---js ', '  ', '\n', '\r\n', '\r', 'a: 1', '# T', '```', '~~~~', '#', '\t# X', 'x']
const BUILT = texts(PIECES, 4)

describe('splitFrontMatterFast gives what splitFrontMatter gives', () => {
  it.each(corpus.map((text, i) => [i, text]))('fixture %i', (_i, text) => {
    const lines = splitLines(text)
    expect(splitFrontMatterFast(text, lines)).toEqual(splitFrontMatter(text, lines))
  })

  it(`on ${BUILT.length} texts built from the pieces of a block`, () => {
    const lines = new Map(BUILT.map((text) => [text, splitLines(text)]))
    const split = (how: typeof splitFrontMatter) => (text: string) => how(text, lines.get(text)!)
    expect(disagreements(BUILT, split(splitFrontMatterFast), split(splitFrontMatter))).toEqual([])
  })

  it('on a block longer than the YAML limit, and on one that never closes', () => {
    for (const text of [`---\n${'a: 1\n'.repeat(60_000)}---\n# T\n`, `---\n${'a: 1\n'.repeat(10)}`, '---', '---\n', '---\n---']) {
      const lines = splitLines(text)
      expect(splitFrontMatterFast(text, lines)).toEqual(splitFrontMatter(text, lines))
    }
  })
})

describe('firstTitleHeading finds the heading scanHeadings finds first at depth 1', () => {
  const general = (text: string, start: number) => scanHeadings(splitLines(text), start).find((h) => h.depth === 1)?.text

  it.each(corpus.map((text, i) => [i, text]))('fixture %i', (_i, text) => {
    expect(firstTitleHeading(text, 0)).toBe(general(text, 0))
  })

  it(`on ${BUILT.length} texts built from headings, fences and line breaks, from every line`, () => {
    const starts = BUILT.flatMap((text) => {
      let offset = 0
      return splitLines(text).map((content, line) => {
        const start = {text, line, offset}
        // the next line starts after this one and its `\r\n` or `\n`
        offset += content.length + (text.startsWith('\r\n', offset + content.length) ? 2 : 1)
        return start
      })
    })
    expect(
      disagreements(
        starts,
        (s) => firstTitleHeading(s.text, s.offset),
        (s) => general(s.text, s.line),
      ),
    ).toEqual([])
  })
})

describe('splitLines: its fast path (no `\\r`) splits as the general one', () => {
  it('on the fixtures and on every built text with no `\\r`', () => {
    const plain = [...corpus, ...BUILT].map((t) => t.replaceAll('\r', '')).concat(['', '\n', '\n\n', 'a', 'a\n', '\na'])
    expect(disagreements(plain, splitLinesLf, splitLinesSlow)).toEqual([])
  })

  it('takes the general path whenever a `\\r` is there (`\\r\\n` ends a line, a lone `\\r` does not)', () => {
    const withCr = [...BUILT.filter((t) => t.includes('\r')), 'a\r\nb', 'a\rb\n', '\r', '\r\n\r\n']
    expect(disagreements(withCr, splitLines, splitLinesSlow)).toEqual([])
    expect(splitLines('a\r\nb\rc\n')).toEqual(['a', 'b\rc', ''])
  })
})

describe('parseFileName remembers what it read', () => {
  it('gives the same facts on every call, and no caller can change them', () => {
    const first = parseFileName('0007-use-kafka.md')
    expect(parseFileName('0007-use-kafka.md')).toBe(first)
    expect(first).toEqual({number: 7, slug: 'use-kafka', dated: false, naming: {prefix: '', digits: 4, separator: '-'}})
    expect(Object.isFrozen(first) && Object.isFrozen(first.naming)).toBe(true)
  })
})
