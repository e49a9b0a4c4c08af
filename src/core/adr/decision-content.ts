import {type SectionBounds, splitLines} from './headings.js'
import type {Adr, FrontMatter} from './model.js'

/** Front-matter keys an accepted ADR may still change. */
const MUTABLE_KEYS = new Set(['status', 'links', 'revisit', 'reviews', 'superseded-by', 'superseded_by', 'supersedes'])

/** What `decisionContent` reads of a parsed ADR: where its front matter, status and links are, and its title. */
export interface DecisionParts {
  frontMatter?: Pick<FrontMatter, 'data' | 'startLine' | 'endLine'>
  sections: readonly SectionBounds[]
  statusLine?: number
  links: readonly {line: number}[]
  title: string
  titleLine?: number
}

/**
 * The part of an ADR that is the decision: everything but its status, its links and its revisit
 * reviews. Two versions with the same decision content differ only in what may change after acceptance.
 */
export function decisionContent(adr: Adr): string {
  const text = adr.text.charCodeAt(0) === 0xfeff ? adr.text.slice(1) : adr.text
  return decisionContentOf(splitLines(text), adr)
}

/**
 * `decisionContent` of the ADR whose text (without a byte-order mark) is split into `lines`, for a
 * reader that has split it already (the history's `readHistoryVersion`). It writes into `lines`.
 */
export function decisionContentOf(lines: string[], adr: DecisionParts): string {
  // 1 on each line (1-based) that is not the decision
  const skip = clearedSkip(lines.length + 2)
  const last = lines.length
  const fm = adr.frontMatter
  if (fm) markLines(skip, fm.startLine, fm.endLine, last)
  let statusSection: DecisionParts['sections'][number] | undefined
  for (const s of adr.sections) {
    if (s.depth === 2 && STATUS_HEADING.test(s.heading)) {
      statusSection = s
      break
    }
  }
  if (statusSection) markLines(skip, statusSection.line + 1, statusSection.endLine, last)
  if (adr.statusLine !== undefined && adr.statusLine !== statusSection?.line) markLines(skip, adr.statusLine, adr.statusLine, last)
  for (const link of adr.links) markLines(skip, link.line, link.line, last)
  // the title without its number: renumbering is not an edit
  if (adr.titleLine !== undefined) lines[adr.titleLine - 1] = `# ${adr.title}`
  // blank lines come and go with status lines; they are not the decision (a line is blank when
  // nothing is left of it without its trailing white space)
  const kept: string[] = []
  for (let i = 0; i < lines.length; i++) {
    if (skip[i + 1] === 1) continue
    const line = lines[i].trimEnd()
    if (line !== '') kept.push(line)
  }
  return `${fm ? decisionKeys(fm.data) : '{}'}\n${kept.join('\n').trim()}`
}

const STATUS_HEADING = /^status$/i

/**
 * The marks of `decisionContentOf`, in one buffer kept between calls and cleared for each: a typed
 * array of a hundred lines is allocated outside the heap, and one for each of a cold history's
 * 10,096 versions was garbage the collector felt. Each call is synchronous, so none sees another's marks.
 */
function clearedSkip(length: number): Uint8Array {
  if (skipBuffer.length < length) skipBuffer = new Uint8Array(Math.max(length, 2 * skipBuffer.length))
  skipBuffer.fill(0, 0, length)
  return skipBuffer
}

let skipBuffer = new Uint8Array(256)

/** Marks the lines `from` to `to` (1-based, inclusive) that the text has: a range may reach past either end. */
function markLines(skip: Uint8Array, from: number, to: number, last: number): void {
  for (let l = Math.max(from, 1); l <= Math.min(to, last); l++) skip[l] = 1
}

/**
 * The front matter's keys that are the decision, as JSON, remembered by the data object: the history
 * hands the versions of a file the same object while their front matter is the same text (its
 * `FrontMatterCache`), so a body edit does not copy and serialise the front matter again. The data
 * is never mutated (`FrontMatterCache`), so the object stands for its JSON.
 */
function decisionKeys(data: Record<string, unknown>): string {
  let json = decisionJson.get(data)
  if (json === undefined) {
    json = JSON.stringify(Object.fromEntries(Object.entries(data).filter(([k]) => !MUTABLE_KEYS.has(k))))
    decisionJson.set(data, json)
  }
  return json
}

const decisionJson = new WeakMap<Record<string, unknown>, string>()
