import {describe, expect, it} from 'vitest'
import {
  findTemplateLine,
  findTemplateLineIn,
  leadingWords,
  leadingWordsPlain,
  normaliseTemplateLine,
  templateLines,
} from '../../src/core/lint/template-text.js'

/** A small deterministic generator (the same strings on every run). */
function* strings(count: number, seed = 7): Generator<string> {
  // list markers, emphasis, ASCII and Unicode spaces (\s and trim read them), letters whose lower case is special
  const alphabet = [' ', ' ', '  ', '\t', '\u00a0', '\u2028', '\ufeff', '\u0085', '*', '**', '_', '`', '-', '+', '1', '12', '.', ')']
  alphabet.push('a', 'Word', 'the', 'IS', 'Σ', 'ΑΣ', 'İ', '#', '😀', 'x.', '{', '<b>')
  let state = seed
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state
  }
  for (let i = 0; i < count; i++) {
    let s = ''
    const length = next() % 12
    for (let j = 0; j < length; j++) s += alphabet[next() % alphabet.length]
    yield s
  }
}

describe('leadingWords, the quick test findTemplateLine runs before normalising a line', () => {
  it('is the first two (or N) words of normaliseTemplateLine, on 20,000 generated lines and the hard cases', () => {
    const hard = [
      '- * foo bar baz',
      '1. **Bold** text',
      '12.5 is not a marker',
      '-foo bar',
      '*  * a b',
      ' \u00a0ΑΣ Σ x',
      '`code` __x__ y',
      '',
    ]
    const differs = [...hard, ...strings(20_000)].filter(
      (line) => leadingWords(line) !== normaliseTemplateLine(line).split(' ').slice(0, 2).join(' '),
    )
    expect(differs).toEqual([])
    // findTemplateLine rules lines out by their first four words
    for (const count of [1, 3, 4, 6]) {
      const wrong = [...hard, ...strings(20_000, 3 + count)].filter(
        (line) => leadingWords(line, count) !== normaliseTemplateLine(line).split(' ').slice(0, count).join(' '),
      )
      expect({count, wrong}).toEqual({count, wrong: []})
    }
  })
})

describe('leadingWordsPlain, the fast path of leadingWords', () => {
  /** Lines as ADRs write them: words and list markers, mostly parted by one space, now and then something else. */
  function* usualLines(count: number): Generator<string> {
    const plain = ['Good,', 'because', 'it', 'The', 'issue', 'naïve', 'x.y', 'Option', 'we', 'Use']
    const words = [...plain, ...plain, ...plain, 'Ωmega', '{b}', '**Bold**', '_a_', '`c`', 'İ', 'ΑΣ', '😀']
    const markers = ['', '', '', '', '', '* ', '- ', '+ ', '1. ', '12) ', '*', '-x ', '1.', ' ', '3.5 ']
    const spaces = [...Array(20).fill(' '), '  ', '\t', '\u00a0', '\u2028', ' *', '']
    let state = 29
    const next = (n: number) => {
      state = (state * 1103515245 + 12345) % 2 ** 31
      // the high bits: an LCG's low bits repeat with a short period
      return Math.floor((state / 2 ** 31) * n)
    }
    for (let i = 0; i < count; i++) {
      let line = markers[next(markers.length)]
      const length = next(8)
      for (let j = 0; j < length; j++) line += (j ? spaces[next(spaces.length)] : '') + words[next(words.length)]
      yield line
    }
  }

  it('answers as the normaliser reads the first words whenever it answers, and answers most usual lines', () => {
    const lines = [...usualLines(30_000), ...strings(20_000, 17)]
    for (const count of [2, 4]) {
      const answered = lines.filter((line) => leadingWordsPlain(line, count) !== undefined)
      const wrong = answered.filter(
        (line) => leadingWordsPlain(line, count) !== normaliseTemplateLine(line).split(' ').slice(0, count).join(' '),
      )
      expect({count, wrong}).toEqual({count, wrong: []})
      // not vacuous: it answers a good share of the usual lines, and leaves the rest to the slow path
      expect(answered.length).toBeGreaterThan(5_000)
      expect(answered.length).toBeLessThan(lines.length - 10_000)
    }
  })
})

describe('findTemplateLine', () => {
  const lines = new Set(
    templateLines([
      '# T\n\n## Context\n\nThe issue motivating this decision.\n\n* Good, because {positive consequence}\n\nWrapped over\ntwo lines here.\n',
    ]),
  )

  it('finds a template line however it is marked up, and a wrapped paragraph', () => {
    expect(findTemplateLine('Our own text.\n\n- **The issue** motivating  this decision.', lines)).toEqual({
      line: 3,
      text: '- **The issue** motivating  this decision.',
    })
    expect(findTemplateLine('Text.\n\nwrapped over two\nlines here.\n', lines)).toEqual({line: 3, text: 'wrapped over two lines here.'})
    expect(findTemplateLine('The issue is ours, and we wrote it.\n', lines)).toBeUndefined()
  })

  it('agrees with normalising every line and paragraph, on generated sections', () => {
    const generated = [...strings(3000, 11)]
    // template lines: some generated lines, and some generated pairs as one paragraph wrapped over two lines
    const wrapped = generated.flatMap((_, i) => (i % 32 === 2 ? [normaliseTemplateLine(`${generated[i]} ${generated[i + 1]}`)] : []))
    const candidates = [...generated.slice(0, 300).map(normaliseTemplateLine), ...wrapped]
    const set = new Set([...lines, ...candidates.filter((l) => l.split(' ').length >= 2)])
    /** findTemplateLine as it was before the quick test: every line, then every wrapped paragraph, normalised. */
    const reference = (text: string) => {
      const all = text.split('\n')
      for (let i = 0; i < all.length; i++) if (set.has(normaliseTemplateLine(all[i]))) return {line: i + 1, text: all[i].trim()}
      let start = 0
      for (let i = 0; i <= all.length; i++) {
        if (i === all.length || all[i].trim() === '') {
          const paragraph = all.slice(start, i).join(' ')
          if (i > start + 1 && set.has(normaliseTemplateLine(paragraph))) return {line: start + 1, text: paragraph.trim()}
          start = i + 1
        }
      }
      return undefined
    }
    const found = {lines: 0, paragraphs: 0}
    for (let i = 0; i + 4 <= generated.length; i += 4) {
      // two one-line paragraphs and one wrapped over two lines
      const [a, b, c, d] = generated.slice(i, i + 4)
      const section = `${a}\n\n${b}\n\n${c}\n${d}`
      const expected = reference(section)
      expect(findTemplateLine(section, set)).toEqual(expected)
      if (expected) found[expected.line === 5 && !set.has(normaliseTemplateLine(c)) ? 'paragraphs' : 'lines']++
    }
    // the comparison is not vacuous: template lines, and wrapped ones, are found
    expect(found.lines).toBeGreaterThan(20)
    expect(found.paragraphs).toBeGreaterThan(0)
  })

  it("findTemplateLineIn reads a window of a file's lines as findTemplateLine reads the window joined", () => {
    const generated = [...strings(600, 5)]
    const set = new Set([
      ...lines,
      ...generated
        .slice(0, 60)
        .map(normaliseTemplateLine)
        .filter((l) => l.split(' ').length >= 2),
    ])
    // blank lines between some, so that paragraphs wrap over several lines
    const file = generated.flatMap((g, i) => (i % 3 === 0 ? [g, ''] : [g]))
    let hits = 0
    for (let from = 0; from < file.length; from += 7) {
      for (const to of [from, from + 1, from + 5, from + 12, file.length]) {
        const expected = findTemplateLine(file.slice(from, to).join('\n'), set)
        expect({from, to, found: findTemplateLineIn(file, from, Math.min(to, file.length), set)}).toEqual({from, to, found: expected})
        if (expected) hits++
      }
    }
    expect(hits).toBeGreaterThan(20)
  })
})
