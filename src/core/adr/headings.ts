import {remembered} from '../remembered.js'
import {FencedCode} from './fenced-code.js'
import type {Section} from './model.js'

/** Splits text into lines without their terminators (`\n` or `\r\n`). */
export function splitLines(text: string): string[] {
  return text.includes('\r') ? splitLinesSlow(text) : splitLinesLf(text)
}

/**
 * The lines of a file's text, its byte-order mark left out, as the parser numbers them. The parser and
 * then several lint rules ask for the lines of the same file, so the last text's lines are kept and
 * handed out again while the text is the same (read-only: every caller reads the same array).
 */
export function textLines(text: string): readonly string[] {
  if (text !== last.text) {
    last.text = text
    last.lines = splitLines(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  }
  return last.lines
}

const last: {text: string | undefined; lines: readonly string[]} = {text: undefined, lines: []}

/**
 * The fast path of `splitLines` for text without a `\r` (nearly every ADR): a split on one character,
 * which V8 does several times faster than a split on a regular expression. It skips nothing: with no
 * `\r` in the text, `\r?\n` can only match a lone `\n`. The history reader splits every version of every
 * ADR (thousands per `adr log`), so this is a third of its splitting time.
 */
export function splitLinesLf(text: string): string[] {
  return text.split('\n')
}

/** `splitLines` for any text: `\n` or `\r\n` ends a line (a lone `\r` does not). */
export function splitLinesSlow(text: string): string[] {
  return text.split(/\r?\n/)
}

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/

/** Whether a line is an ATX heading (`## Status`). */
export function isHeadingLine(line: string): boolean {
  return HEADING.test(line)
}

export interface Heading {
  depth: number
  text: string
  index: number
}

/** The ATX headings from line `start` on, outside fenced code. */
export function scanHeadings(lines: readonly string[], start: number): Heading[] {
  const headings: Heading[] = []
  const code = new FencedCode()
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]
    // a heading or a fence line starts with a space (up to three), `#`, a backtick or a tilde: another
    // line (an empty one too) changes nothing here, neither inside fenced code nor outside it
    const first = line.charCodeAt(0)
    if (first !== 32 && first !== 35 && first !== 96 && first !== 126) continue
    if (code.holds(line)) continue
    const h = HEADING.exec(line)
    if (h) headings.push({depth: h[1].length, text: h[2].trim(), index: i})
  }
  return headings
}

/**
 * The fast path of `scanHeadings(splitLines(text), …).find((h) => h.depth === 1)?.text` for readers
 * that need the title only (`readHeadline`): the first `# Title` heading outside fenced code, from
 * character `offset` (the start of a line) on. It walks the lines in place and stops at the title, so
 * the rest of the file is never split or matched. Lines are `splitLines`' lines: a `\r` before a `\n`
 * is not part of them.
 */
export function firstTitleHeading(text: string, offset: number): string | undefined {
  const code = new FencedCode()
  for (let start = offset; start <= text.length; ) {
    const newline = text.indexOf('\n', start)
    const end = newline === -1 ? text.length : newline > start && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline
    const line = text.slice(start, end)
    start = newline === -1 ? text.length + 1 : newline + 1
    if (code.holds(line)) continue
    const h = HEADING.exec(line)
    if (h && h[1].length === 1) return h[2].trim()
  }
  return undefined
}

/** A section without its text: its heading, depth and lines (`Section` minus `text`). */
export type SectionBounds = Omit<Section, 'text'>

/**
 * Each heading's section: its text up to the next heading, its end where a heading of its depth or
 * above starts. With `withText`, only the sections it picks get their text; the others' is `''`.
 */
export function buildSections(
  lines: readonly string[],
  headings: readonly Heading[],
  withText?: (depth: number, heading: string) => boolean,
): Section[] {
  return headings.map((h, i) => {
    const {heading, depth, line, endLine} = sectionBoundsAt(lines, headings, i)
    if (withText && !withText(depth, heading)) return {heading, depth, line, endLine, text: ''}
    const next = headings[i + 1]?.index ?? lines.length
    const contentEnd = Math.min(endLine, next)
    let last = contentEnd - 1
    while (last > h.index && lines[last].trim() === '') last--
    return {
      heading,
      depth,
      line,
      endLine,
      text: lines
        .slice(h.index + 1, last + 1)
        .join('\n')
        .trim(),
    }
  })
}

/**
 * `buildSections` without the sections' text, for the readers that only look up where a section
 * starts and ends (the history's `readHistoryVersion`): joining every section's lines was most of
 * what building the sections cost.
 */
export function sectionBounds(lines: readonly string[], headings: readonly Heading[]): SectionBounds[] {
  return headings.map((_, i) => sectionBoundsAt(lines, headings, i))
}

function sectionBoundsAt(lines: readonly string[], headings: readonly Heading[], i: number): SectionBounds {
  const h = headings[i]
  let end = lines.length
  for (let j = i + 1; j < headings.length; j++) {
    if (headings[j].depth <= h.depth) {
      end = headings[j].index
      break
    }
  }
  return {heading: h.text, depth: h.depth, line: h.index + 1, endLine: end}
}

/** A heading's words without emphasis or code marks (`**Status**` → `Status`). */
export const cleanHeading: (heading: string) => string = remembered((heading) => heading.replace(/[*_`]/g, '').trim())
