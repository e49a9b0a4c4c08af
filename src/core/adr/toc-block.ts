import {FencedCode} from './fenced-code.js'
import type {Adr} from './model.js'
import {renderTocEntries} from './render-toc.js'

/**
 * A table of contents kept inside a document of the team's own (`adr generate toc --write FILE`):
 * the entries live between an opening and a closing marker line, and every byte outside them is the
 * document's. The opening marker records how the entries were written (`long`, `prefix=…`,
 * `package=…`), so a rewrite and `adr lint` need no flags.
 */
export const TOC_START = '<!-- adrgate:toc -->'
export const TOC_END = '<!-- /adrgate:toc -->'

/** What the opening marker records. */
export interface TocMarkerOptions {
  /** The table (number, title, status, date) instead of the list. */
  long?: boolean
  /** The link prefix, when it is not the one worked out from where the document is. */
  prefix?: string
  /** In a workspace of several ADR directories: the one directory listed. */
  package?: string
}

const START_LINE = /^<!--\s*adrgate:toc(?:\s+([^>]*?))?\s*-->$/
const END_LINE = /^<!--\s*\/adrgate:toc\s*-->$/

export type TocBlock =
  | {
      ok: true
      /** The text up to the opening marker's line (excluded). */
      before: string
      /** The opening marker's line as written, without its line ending. */
      startLine: string
      /** The entries as they stand, between the markers' lines. */
      body: string
      /** The text from the closing marker's line on. */
      after: string
      /** 1-based line of the opening marker. */
      line: number
      options: TocMarkerOptions
      /** Words in the opening marker adrgate does not know. */
      unknownWords: string[]
      /** The document's line ending, kept in what is written. */
      eol: string
    }
  | {ok: false; reason: 'none' | 'unclosed' | 'several'; line: number}

/** The opening marker line that records these options (the plain `TOC_START` when none). */
export function tocStartMarker(options: TocMarkerOptions): string {
  const words = [
    options.long ? 'long' : '',
    options.prefix !== undefined ? `prefix=${options.prefix}` : '',
    options.package !== undefined ? `package=${options.package}` : '',
  ].filter(Boolean)
  return words.length === 0 ? TOC_START : `<!-- adrgate:toc ${words.join(' ')} -->`
}

/** Whether a value can be recorded in the opening marker (one word, nothing that would end the comment). */
export function recordable(value: string): boolean {
  return value !== '' && !/[\s>]|--/.test(value)
}

/** Finds the one pair of markers in a document: a marker is a line of its own (spaces around it allowed). */
export function findTocBlock(text: string): TocBlock {
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  const starts: number[] = []
  const ends: number[] = []
  const lines = text.split('\n')
  const code = new FencedCode()
  for (const [i, raw] of lines.entries()) {
    // a marker shown in a code block (documentation about the markers) is not one
    if (code.holds(raw.replace(/\r$/, ''))) continue
    const line = raw.replace(/\r$/, '').trim()
    if (END_LINE.test(line)) ends.push(i)
    else if (START_LINE.test(line)) starts.push(i)
  }
  if (starts.length === 0 && ends.length === 0) return {ok: false, reason: 'none', line: 1}
  if (starts.length > 1 || ends.length > 1) {
    const second = Math.min(starts[1] ?? Number.POSITIVE_INFINITY, ends[1] ?? Number.POSITIVE_INFINITY)
    return {ok: false, reason: 'several', line: second + 1}
  }
  if (starts.length === 0 || ends.length === 0 || ends[0] < starts[0]) {
    // the marker without its partner: an opening one never closed, or a closing one with none above it
    return {ok: false, reason: 'unclosed', line: (ends.length && (starts.length === 0 || ends[0] < starts[0]) ? ends[0] : starts[0]) + 1}
  }
  const [start, end] = [starts[0], ends[0]]
  const startLine = lines[start].replace(/\r$/, '')
  const {options, unknownWords} = markerOptions(startLine.trim())
  return {
    ok: true,
    before: lines
      .slice(0, start)
      .map((l) => `${l}\n`)
      .join(''),
    startLine,
    body: lines
      .slice(start + 1, end)
      .map((l) => `${l}\n`)
      .join(''),
    after: lines.slice(end).join('\n'),
    line: start + 1,
    options,
    unknownWords,
    eol,
  }
}

function markerOptions(line: string): {options: TocMarkerOptions; unknownWords: string[]} {
  const words = (START_LINE.exec(line)?.[1] ?? '').split(/\s+/).filter(Boolean)
  const options: TocMarkerOptions = {}
  const unknownWords: string[] = []
  for (const word of words) {
    if (word === 'long') options.long = true
    else if (word.startsWith('prefix=')) options.prefix = word.slice('prefix='.length)
    else if (word.startsWith('package=')) options.package = word.slice('package='.length)
    else unknownWords.push(word)
  }
  return {options, unknownWords}
}

/**
 * The document with the entries between its markers replaced (and the opening marker rewritten to
 * record `options`): a blank line, the entries, a blank line, in the document's line ending.
 */
export function spliceToc(block: Extract<TocBlock, {ok: true}>, entries: readonly string[], options: TocMarkerOptions): string {
  const eol = block.eol
  const indent = /^\s*/.exec(block.startLine)?.[0] ?? ''
  const marker = sameOptions(block.options, options) && block.unknownWords.length === 0 ? block.startLine : indent + tocStartMarker(options)
  return `${block.before}${marker}${eol}${tocBody(entries, eol)}${block.after}`
}

/** A new document holding only a heading and the markers around the entries. */
export function newTocDocument(entries: readonly string[], options: TocMarkerOptions): string {
  return `# Architecture Decision Records\n\n${tocStartMarker(options)}\n${tocBody(entries, '\n')}${TOC_END}\n`
}

function tocBody(entries: readonly string[], eol: string): string {
  return eol + entries.map((line) => line + eol).join('') + eol
}

function sameOptions(a: TocMarkerOptions, b: TocMarkerOptions): boolean {
  return Boolean(a.long) === Boolean(b.long) && a.prefix === b.prefix && a.package === b.package
}

/**
 * Whether the entries between the markers are these: compared line by line, ignoring line endings,
 * trailing spaces and blank lines at either end (a Markdown formatter may add or drop those).
 */
export function tocIsCurrent(body: string, entries: readonly string[]): boolean {
  const lines = tocLines(body)
  return lines.length === entries.length && lines.every((line, i) => line === entries[i].trimEnd())
}

/** The first entry (1-based, counting lines between the markers) that differs, for a message. */
export function firstDifference(body: string, entries: readonly string[]): number {
  const lines = tocLines(body)
  const at = entries.findIndex((entry, i) => lines[i] !== entry.trimEnd())
  return (at === -1 ? Math.min(lines.length, entries.length) : at) + 1
}

/** The lines between the markers without line endings, trailing spaces and blank lines at either end. */
export function tocLines(body: string): string[] {
  const lines = body.split(/\r?\n/).map((l) => l.trimEnd())
  while (lines.length && lines[0] === '') lines.shift()
  while (lines.length && lines.at(-1) === '') lines.pop()
  return lines
}

/** Where a document stands, for its links: the prefix from its folder to the ADR directory and to each of several. */
export interface TocPlace {
  /** To the ADR directory; in a workspace of several directories, to the repository root. */
  prefix: string
  /** In a workspace of several directories: per directory name, the prefix to it. */
  dirPrefixes?: Readonly<Record<string, string>>
}

export type TocEntriesResult = {ok: true; entries: string[]} | {ok: false; unknownPackage: string; names: string[]}

/**
 * The entries a document's table of contents should hold: every ADR (or, with `package`, those of
 * that directory, links from it), as the options say, with links from where the document is.
 */
export function tocEntriesFor(adrs: readonly Adr[], options: TocMarkerOptions, place: TocPlace): TocEntriesResult {
  if (options.package === undefined) {
    return {ok: true, entries: renderTocEntries(adrs, {long: options.long, prefix: options.prefix ?? place.prefix})}
  }
  const names = Object.keys(place.dirPrefixes ?? {})
  const prefix = place.dirPrefixes?.[options.package]
  if (prefix === undefined) return {ok: false, unknownPackage: options.package, names}
  const listed = adrs.filter((adr) => adr.dir?.name === options.package).map(({dir: _dir, ...adr}) => adr)
  return {ok: true, entries: renderTocEntries(listed, {long: options.long, prefix: options.prefix ?? prefix})}
}
