/**
 * The text a template leaves in an ADR when nobody replaces it, derived from the templates themselves
 * (the built-in ones and a project's `templates/template.md`), so the list can never drift from what
 * `adr new` writes. Pure: template texts in, normalised lines out.
 */

/** Template words that `adr new` fills in; a line made only of them is not guidance. */
const FILLED = /^(?:number|title|date|status|\.|\s)*$/i

/** One line or paragraph as compared: lowercase, list markers and emphasis off, spaces folded. */
export function normaliseTemplateLine(text: string): string {
  return text
    .replace(/^\s*(?:[*+-]|\d+[.)])\s+/, '')
    .replace(/\*\*|__|[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
}

/** The guidance lines and paragraphs of the templates, normalised: what untouched template text looks like. */
export function templateLines(templates: readonly string[]): string[] {
  const found = new Set<string>()
  for (const template of templates) {
    const body = template.replace(/^\uFEFF/, '').replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '')
    for (const paragraph of body.split(/\r?\n\s*\r?\n/)) {
      const lines = paragraph.split(/\r?\n/).filter((l) => l.trim() && !/^ {0,3}#/.test(l))
      const candidates = [lines.join(' '), ...lines]
      for (const candidate of candidates) {
        const text = normaliseTemplateLine(candidate)
        if (text.split(' ').length >= 2 && !FILLED.test(text)) found.add(text)
      }
    }
  }
  return [...found].sort()
}

/** The first line of `text` (1-based within it) that is untouched template text, if any. */
export function findTemplateLine(text: string, lines: ReadonlySet<string>): {line: number; text: string} | undefined {
  const all = text.split('\n')
  return findTemplateLineIn(all, 0, all.length, lines)
}

/**
 * `findTemplateLine` over lines `from` to `to` (exclusive) of a file already split into lines (none
 * holds a `\n`), as if they were joined with `\n`: what `required-sections` asks of each section,
 * without joining it and splitting it again. `line` is 1-based within the section. A line that is
 * template text comes first, then a paragraph wrapped over several lines; both are looked for in one
 * pass over the lines. A wrapped paragraph is joined only when its first words may open a template
 * line: when its first line has `KEY_WORDS` words or more, they are the paragraph's first words too,
 * and that line's own test has ruled them in or out.
 */
export function findTemplateLineIn(
  all: readonly string[],
  from: number,
  to: number,
  lines: ReadonlySet<string>,
): {line: number; text: string} | undefined {
  if (lines.size === 0) return undefined
  const keys = leadingKeysOf(lines)
  let paragraph: {line: number; text: string} | undefined
  let start = from
  // whether the paragraph from `start` may be template text, as far as its first line tells
  let mayBe = true
  for (let i = from; i <= to; i++) {
    const line = i < to ? all[i] : ''
    if (i < to) {
      const key = leadingWords(line, KEY_WORDS)
      const known = keys.has(key)
      if (known && lines.has(normaliseTemplateLine(line))) return {line: i - from + 1, text: line.trim()}
      if (i === start) mayBe = known || wordCount(key) < KEY_WORDS
    }
    if (i === to || line.trim() === '') {
      if (paragraph === undefined && mayBe && i > start + 1) {
        const text = all.slice(start, i).join(' ')
        if (keys.has(leadingWords(text, KEY_WORDS)) && lines.has(normaliseTemplateLine(text)))
          paragraph = {line: start - from + 1, text: text.trim()}
      }
      start = i + 1
    }
  }
  return paragraph
}

/** The words of `leadingWords`' answer (one space parts them). */
function wordCount(words: string): number {
  if (words === '') return 0
  let count = 1
  for (let i = words.indexOf(' '); i !== -1; i = words.indexOf(' ', i + 1)) count++
  return count
}

/**
 * How many leading words rule a line out before it is normalised: two were too few, since the
 * templates' `Good, because …` and `Chosen option: …` open a quarter of the lines of a real MADR file's
 * Decision Outcome, and each of those was normalised whole, wrapped paragraphs too.
 */
const KEY_WORDS = 4

const leadingKeys = new WeakMap<ReadonlySet<string>, Set<string>>()

/** The first `KEY_WORDS` words of each template line (all of them when it has fewer; every one has two or more). */
function leadingKeysOf(lines: ReadonlySet<string>): Set<string> {
  let keys = leadingKeys.get(lines)
  if (!keys) {
    keys = new Set([...lines].map((line) => line.split(' ').slice(0, KEY_WORDS).join(' ')))
    leadingKeys.set(lines, keys)
  }
  return keys
}

/** `\s` as JavaScript's regular expressions and `trim` read it. */
const SPACE = /\s/
const isSpace = (c: string) => (c.charCodeAt(0) < 128 ? c === ' ' || (c >= '\t' && c <= '\r') : SPACE.test(c))
const LIST_MARKER = /^\s*(?:[*+-]|\d+[.)])\s+/

/**
 * The first `count` words of `normaliseTemplateLine(text)` (all of them when it has fewer), found
 * without normalising the whole line: lint compares every line of every required section with the
 * template lines, and nearly every line of a real ADR is ruled out by its first words (a line's
 * normalised form can be a template line only when its first `count` words are a template line's).
 * The words are read as the normaliser makes them: the list marker off, `*`, `_` and backticks
 * dropped, any run of spaces a word break. `test/core/template-text.test.ts` pins it to the normaliser.
 */
export function leadingWords(text: string, count = 2): string {
  return leadingWordsPlain(text, count) ?? leadingWordsSlow(text, count)
}

/**
 * The fast path of `leadingWords` for the usual line: one that opens with a letter, or with a list
 * marker (`*`, `-`, `+`, `1.`, `1)`) and one space before a letter, whose first `count` words hold no
 * `*`, `_` or backtick, are parted by single spaces, and hold no space but ASCII's. Such words are a
 * slice of the line, taken whole, where `leadingWordsSlow` copies them a character at a time; any
 * other line gives `undefined`, and `leadingWordsSlow` reads it. `test/core/template-text.test.ts`
 * pins it to `leadingWordsSlow`.
 */
export function leadingWordsPlain(text: string, count: number): string | undefined {
  const start = markerLength(text)
  if (start === undefined) return undefined
  const first = text.charCodeAt(start) | 32
  if (first < 97 || first > 122) return undefined
  let words = 0
  let p = start
  for (; p < text.length; p++) {
    const c = text.charCodeAt(p)
    if (c === 32) {
      if (++words === count) break
      // a second space, or a space at the end: the slow path folds them
      const next = text.charCodeAt(p + 1)
      if (next === 32 || Number.isNaN(next)) return undefined
      continue
    }
    if (c === 42 || c === 95 || c === 96 || (c >= 9 && c <= 13)) return undefined
    if (c >= 128 && SPACE.test(text[p])) return undefined
  }
  return text.slice(start, p).toLowerCase()
}

/** The length of a list marker and the one space after it (`* `, `12. `), 0 for none, `undefined` for one the fast path leaves to `LIST_MARKER`. */
function markerLength(text: string): number | undefined {
  const c = text.charCodeAt(0)
  if (c === 42 || c === 43 || c === 45) return text.charCodeAt(1) === 32 ? 2 : undefined
  if (c < 48 || c > 57) return 0
  let q = 1
  while (text.charCodeAt(q) >= 48 && text.charCodeAt(q) <= 57) q++
  const after = text.charCodeAt(q)
  return (after === 46 || after === 41) && text.charCodeAt(q + 1) === 32 ? q + 2 : undefined
}

function leadingWordsSlow(text: string, count: number): string {
  let out = ''
  let words = 0
  let inWord = false
  const marker = LIST_MARKER.exec(text)
  for (let p = marker ? marker[0].length : 0; p < text.length; p++) {
    const c = text[p]
    if (c === '*' || c === '_' || c === '`') continue
    if (isSpace(c)) {
      if (inWord && ++words === count) break
      inWord = false
      continue
    }
    if (!inWord && words > 0) out += ' '
    inWord = true
    out += c
  }
  return out.toLowerCase()
}
