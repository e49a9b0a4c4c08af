import {AdrError} from '../errors.js'
import type {Adr} from './model.js'

/** Where in an ADR a line that matched lives. */
export type MatchPlace = 'title' | 'front-matter' | 'body'

/** One line of an ADR that holds a search term. */
export interface SearchMatch {
  /** 1-based, in the whole file (front matter included), as an editor counts. */
  line: number
  place: MatchPlace
  /** The line, trimmed; a long line is cut to the part around the first term, with `…` where cut. */
  text: string
  /** The terms this line holds, lowercase, in the order they were given. */
  terms: string[]
}

/**
 * The search terms: each argument is one term, so `postgres "read replica"` is two, the second a
 * phrase. Compared case-insensitively; empty ones are dropped, and no term at all is an error.
 */
export function searchTerms(args: readonly string[]): string[] {
  const terms = [...new Set(args.map((arg) => arg.replace(/\s+/g, ' ').trim().toLowerCase()).filter(Boolean))]
  if (terms.length === 0) {
    throw new AdrError('INVALID_ARGUMENT', 'No text to search for', {
      suggestions: ['adr search postgres', 'adr search postgres "read replica"'],
    })
  }
  return terms
}

/** A term as a pattern: case-insensitive (Unicode case folding), the spaces of a phrase matching any run of spaces or tabs. */
export function termPattern(term: string): RegExp {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ \\t]+')
  return new RegExp(escaped, 'iu')
}

/**
 * Whether a file's text holds every term: the cheap test made before a file is parsed. A regular
 * expression per term, so no lowercased copy of every file is made (on 10,000 ADRs that copy cost
 * most of a search).
 */
export function holdsEveryTerm(text: string, patterns: readonly RegExp[]): boolean {
  return patterns.every((pattern) => pattern.test(text))
}

const EXCERPT = 160

/** The lines of a parsed ADR that hold a term, each placed in the title, the front matter or the body. */
export function matchingLines(adr: Adr, terms: readonly string[], patterns = terms.map(termPattern)): SearchMatch[] {
  const text = adr.text.charCodeAt(0) === 0xfeff ? adr.text.slice(1) : adr.text
  const lines = text.split(/\r?\n/)
  const matches: SearchMatch[] = []
  for (const [i, raw] of lines.entries()) {
    const held = terms.filter((_, t) => patterns[t].test(raw))
    if (held.length === 0) continue
    const line = i + 1
    matches.push({line, place: placeOf(adr, line), text: excerpt(raw, patterns[terms.indexOf(held[0])]), terms: held})
  }
  return matches
}

function placeOf(adr: Adr, line: number): MatchPlace {
  if (line === adr.titleLine) return 'title'
  const fm = adr.frontMatter
  if (fm && line >= fm.startLine && line <= fm.endLine) return 'front-matter'
  return 'body'
}

/** The line trimmed, cut around the first term when it is long. */
function excerpt(raw: string, pattern: RegExp): string {
  const line = raw.replace(/\s+/g, ' ').trim()
  if (line.length <= EXCERPT) return line
  const at = Math.max(0, line.search(pattern))
  const start = Math.max(0, Math.min(at - 40, line.length - EXCERPT))
  const end = Math.min(line.length, start + EXCERPT)
  return `${start > 0 ? '…' : ''}${line.slice(start, end).trim()}${end < line.length ? '…' : ''}`
}
