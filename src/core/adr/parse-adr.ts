import {recogniseFormat} from '../formats/index.js'
import {FencedCode} from './fenced-code.js'
import {FOLDER_ADR_FILES, parseFileName} from './file-name.js'
import {type FrontMatterCache, readFrontMatter} from './front-matter.js'
import type {Adr, AdrFormat, AdrLink, Problem, Section} from './model.js'
import {cleanStatusText, isStatus, normaliseRel, normaliseStatus, reverseRel, type StatusMap} from './status.js'

/** Splits text into lines without their terminators (`\n` or `\r\n`). */
export function splitLines(text: string): string[] {
  return text.split(/\r?\n/)
}

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/
/** `7. Title`, `7: Title`, `7 - Title`, `ADR-007: Title`, `ADR 7 Title`; a bare leading number (`99 Luft Balloons`) is part of the title. */
const TITLE_NUMBER = /^(?:ADR[-_ ]?0*(\d+)(?:\.|:|\s+-|\s+–|\s*:)?|0*(\d+)(?:\.|\s+-|\s+–|\s*:))\s+(.+)$/i
/** A link's text may hold balanced brackets, as titles do (`[2. Use [brackets]](0002-use-brackets.md)`). */
const LABEL = String.raw`((?:[^\[\]]|\[[^\[\]]*\])*)`
/** Relation words, one Markdown link, and at most a closing punctuation mark: `Superseded by [ADR046: X](ADR046-x.md).` */
const LINK_LINE = new RegExp(String.raw`^(.+?) \[${LABEL}\]\(([^)]*)\)[ \t]*[.,;]?\s*$`)
const FIELD = /^[*-][ \t]+(?:\*\*)?([A-Za-z][\w -]*?)(?:\*\*)?:(?:\*\*)?[ \t]*(.*)$/
const BOLD_FIELD = /^\*\*([A-Za-z][\w -]*?):?\*\*:?[ \t]*(.*)$/
/** `Status: Accepted`, `Date: 2020-01-01` as plain lines under the title. */
const PLAIN_FIELD = /^(Status|Date|Deciders|Tags)[ \t]*:[ \t]*(.+?)\s*$/i
const DATE_LINE = /^Date:[ \t]*(.+?)\s*$/
const ISO_DATE_IN_TEXT = /\b(\d{4}-\d{2}-\d{2})\b/
/** `accepted; supersedes ADR-0045`: a relation and an ADR number written after the status word. */
const STATUS_REFERENCE = /[;,]\s*([A-Za-z][A-Za-z -]*?)\s+(?:ADR[-_ ]?)?0*(\d+)\b/i

export interface Heading {
  depth: number
  text: string
  index: number
}

/**
 * Parses any ADR file — MADR 2/3/4, adr-tools (Nygard), log4brains — into the one model. Never throws
 * on user content: what it cannot read becomes a located problem.
 */
export interface ParseOptions {
  frontMatterCache?: FrontMatterCache
  /** The team's own status words (`.adrgate.yaml` `statuses:`), read as lifecycle statuses. */
  statuses?: StatusMap
}

export function parseAdr(input: string, file: string, options: ParseOptions = {}): Adr {
  const text = input
  const body = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  const lines = splitLines(body)
  const {frontMatter, bodyStart, problems} = readFrontMatter(body, lines, options.frontMatterCache)
  const fm = frontMatter?.data ?? {}
  const headings = scanHeadings(lines, bodyStart)
  const sections = buildSections(lines, headings)
  const name = parseFileName(file)

  const titleHeading = headings.find((h) => h.depth === 1)
  const {title, number} = readTitle(titleHeading?.text ?? stringValue(fm.title) ?? '', name.number)

  const fields = scanFields(lines, bodyStart, headings)
  const links: AdrLink[] = fieldLinks(lines, bodyStart, headings, file)
  let status: string | undefined
  let statusText: string | undefined
  let statusLine: number | undefined

  const fmStatus = stringValue(fm.status)
  if (fmStatus !== undefined && frontMatter) {
    statusText = fmStatus
    statusLine = findKeyLine(lines, frontMatter.startLine, frontMatter.endLine, 'status')
  }
  // `## Status`, or `### Status` under a metadata heading: any depth below the title
  const statusSection = sections.find((s) => isStatusHeading(s.depth, s.heading))
  if (statusSection) {
    const read = readStatusSection(lines, statusSection, file)
    links.push(...read.links)
    if (statusText === undefined) {
      statusText = read.statusText
      statusLine = read.statusLine ?? statusSection.line
    }
  }
  const statusField = fields.get('status')
  if (statusText === undefined && statusField) {
    const link = LINK_IN_TEXT.exec(statusField.value)
    if (link) links.push(makeLink(cleanStatusText(link[1]).trim() || 'superseded by', link[3], link[2], statusField.line, 'body', file))
    statusText = statusField.value
    statusLine = statusField.line
  }
  // which format this is: the first descriptor in src/core/formats that recognises what was seen
  const format: AdrFormat = recogniseFormat({
    frontMatter: frontMatter !== undefined,
    frontMatterStatus: fmStatus !== undefined,
    statusSection: statusSection !== undefined,
    nygardSections: hasNygardSections(sections),
    datedName: name.dated,
  })
  if (statusText !== undefined) {
    status = normaliseStatus(statusText, options.statuses)
    const reference = statusReference(statusText, statusLine ?? 1)
    if (reference && !links.some((l) => l.relKey === reference.relKey && l.targetNumber === reference.targetNumber)) links.push(reference)
  }
  if (status === undefined && links.some((l) => l.relKey === 'superseded by')) status = 'superseded'

  links.push(...frontMatterLinks(fm.links, lines, frontMatter?.startLine ?? 0, frontMatter?.endLine ?? 0, file))

  const date = stringValue(fm.date) ?? fields.get('date')?.value ?? findDateLine(lines, bodyStart) ?? changelogDate(sections) ?? name.date
  const deciders =
    listValue(fm['decision-makers'] ?? fm.deciders) ?? splitList(fields.get('deciders')?.value ?? fields.get('decision-makers')?.value)

  if (!title)
    problems.push({
      line: bodyStart + 1,
      column: 1,
      severity: 'error',
      rule: 'parse/title',
      message: 'Unexpected file without a `# Title` heading, expected one at the top of the body',
    })

  return {
    file,
    number,
    title,
    titleLine: titleHeading ? titleHeading.index + 1 : undefined,
    status,
    statusText,
    statusLine,
    date,
    deciders,
    consulted: listValue(fm.consulted) ?? splitList(fields.get('consulted')?.value),
    informed: listValue(fm.informed) ?? splitList(fields.get('informed')?.value),
    tags: listValue(fm.tags) ?? splitList(fields.get('tags')?.value),
    links,
    frontMatter,
    sections,
    format,
    problems,
    text,
  }
}

export const LINK_IN_TEXT = new RegExp(String.raw`^(.*?)\[${LABEL}\]\(([^)]*)\)`)

/** The ATX headings from line `start` on, outside fenced code. */
export function scanHeadings(lines: readonly string[], start: number): Heading[] {
  const headings: Heading[] = []
  const code = new FencedCode()
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]
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

function buildSections(lines: readonly string[], headings: readonly Heading[]): Section[] {
  return headings.map((h, i) => {
    let end = lines.length
    for (let j = i + 1; j < headings.length; j++) {
      if (headings[j].depth <= h.depth) {
        end = headings[j].index
        break
      }
    }
    const next = headings[i + 1]?.index ?? lines.length
    const contentEnd = Math.min(end, next)
    let last = contentEnd - 1
    while (last > h.index && lines[last].trim() === '') last--
    return {
      heading: h.text,
      depth: h.depth,
      line: h.index + 1,
      endLine: end,
      text: lines
        .slice(h.index + 1, last + 1)
        .join('\n')
        .trim(),
    }
  })
}

/** `- Superseded by [20200404-x](20200404-x.md)` under log4brains' fields: relation words and one link. */
export function fieldLinks(lines: readonly string[], start: number, headings: readonly Heading[], file: string): AdrLink[] {
  const links: AdrLink[] = []
  const firstSection = headings.find((h) => h.depth >= 2)?.index ?? lines.length
  for (let i = start; i < Math.min(firstSection, start + 60, lines.length); i++) {
    const bullet = /^[*-][ \t]+(.*)$/.exec(lines[i].trim())
    if (!bullet || FIELD.test(lines[i].trim())) continue
    const link = LINK_LINE.exec(bullet[1])
    if (link && isRelationWords(link[1])) links.push(makeLink(link[1], link[3], link[2], i + 1, 'body', file))
  }
  return links
}

/** `* Status: accepted`, `- Date: 2020-01-01`, `**Status:** Accepted` — before the first `##` heading. */
export function scanFields(lines: readonly string[], start: number, headings: readonly Heading[]) {
  const fields = new Map<string, {value: string; line: number}>()
  const firstSection = headings.find((h) => h.depth >= 2)?.index ?? lines.length
  for (let i = start; i < Math.min(firstSection, start + 60, lines.length); i++) {
    const m = FIELD.exec(lines[i].trim()) ?? BOLD_FIELD.exec(lines[i].trim()) ?? PLAIN_FIELD.exec(lines[i].trim())
    if (!m) continue
    const key = m[1].trim().toLowerCase().replace(/\s+/g, '-')
    if (!fields.has(key)) fields.set(key, {value: m[2].trim(), line: i + 1})
  }
  return fields
}

export function readStatusSection(lines: readonly string[], section: Pick<Section, 'line' | 'endLine'>, file: string) {
  const links: AdrLink[] = []
  let statusText: string | undefined
  let statusLine: number | undefined
  const end = Math.min(section.endLine, lines.length)
  for (let i = section.line; i < end; i++) {
    const line = lines[i].trim()
    if (line === '' || HEADING.test(line) || /^<!--.*-->$/.test(line)) continue
    const link = LINK_LINE.exec(cleanStatusText(line))
    if (link && isRelationWords(link[1])) {
      links.push(makeLink(link[1], link[3], link[2], i + 1, 'status-section', file))
      // `Superseded by [3. X](…)` as the section's first line is the status and a link at once
      if (statusText === undefined && links.length === 1 && isStatus(normaliseStatus(link[1]))) {
        statusText = line
        statusLine = i + 1
      }
      continue
    }
    if (statusText === undefined) {
      statusText = line
      statusLine = i + 1
    }
  }
  return {links, statusText, statusLine}
}

/**
 * Relation words before a link: a relation adrgate knows (`Supersedes`, `Amended by`), or a short
 * phrase of words (adr-tools lets teams name their own, `-l "5:Builds on:Built on by"`). A sentence
 * that merely ends with a link (`We discussed this in [the notes](notes.md)`) is prose.
 */
function isRelationWords(text: string): boolean {
  const words = text.trim().replace(/:$/, '')
  if (!/^[\p{L}][\p{L}' -]*$/u.test(words)) return false
  const key = normaliseRel(words)
  return reverseRel(key) !== undefined || key.split(' ').length <= 3
}

export function makeLink(
  rel: string,
  href: string,
  label: string | undefined,
  line: number,
  origin: AdrLink['origin'],
  from = '',
): AdrLink {
  const targetFile = linkTargetPath(from, href)
  const targetNumber = parseFileName(targetFile ?? '').number ?? numberFromLabel(label)
  const relText = rel.trim().replace(/:$/, '')
  return {rel: relText, relKey: normaliseRel(relText), target: href, targetFile, targetNumber, label, line, origin}
}

/**
 * The file a link's path names, relative to the ADR directory: `0002-x.md`, or `0002-x/README.md`
 * for a folder-per-ADR link (`../0002-x/README.md`). A path that leaves the directory keeps its last
 * part (`../adr/0002-x.md` → `0002-x.md`).
 */
export function linkTargetPath(from: string, href: string): string | undefined {
  let target = href.split('#')[0].split('?')[0].trim()
  if (!target) return undefined
  try {
    target = decodeURIComponent(target)
  } catch {
    // a stray % stays as written
  }
  const parts = [...from.split('/').slice(0, -1), ...target.split('/')]
  const resolved: string[] = []
  let outside = false
  for (const part of parts) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (resolved.length === 0) outside = true
      else resolved.pop()
    } else resolved.push(part)
  }
  if (resolved.length === 0) return undefined
  const last = resolved.at(-1) ?? ''
  const isFolderFile = FOLDER_ADR_FILES.some((f) => f.toLowerCase() === last.toLowerCase()) && resolved.length >= 2
  if (outside || target.startsWith('/') || resolved.length > (isFolderFile ? 2 : 1)) {
    return isFolderFile ? resolved.slice(-2).join('/') : last
  }
  return resolved.join('/')
}

/** `accepted; supersedes ADR-0045`: the reference after the status word, as a typed link. */
export function statusReference(text: string, line: number): AdrLink | undefined {
  const m = STATUS_REFERENCE.exec(cleanStatusText(text))
  if (!m || reverseRel(m[1]) === undefined) return undefined
  const number = Number(m[2])
  return {rel: m[1].trim(), relKey: normaliseRel(m[1]), target: String(number), targetNumber: number, line, origin: 'body'}
}

/**
 * The title and the number: the title as the `# Title` heading (else front matter's `title:`) gives it,
 * with a number prefix taken off wherever it comes from (`# ADR-007: T`, `title: 'ADR001: T'`); the
 * number from the file name, else from that prefix.
 */
export function readTitle(given: string, fileNumber: number | undefined): {title: string; number: number | undefined} {
  const match = TITLE_NUMBER.exec(given)
  if (!match) return {title: given, number: fileNumber}
  return {title: match[3].trim(), number: fileNumber ?? Number(match[1] ?? match[2])}
}

/** A Status section: `## Status`, or `### Status` under a metadata heading (any depth below the title). */
export function isStatusHeading(depth: number, heading: string): boolean {
  return depth >= 2 && /^status:?$/i.test(cleanHeading(heading))
}

function cleanHeading(heading: string): string {
  return heading.replace(/[*_`]/g, '').trim()
}

/** adr-tools' sections, as Docusaurus and Backstage sites keep them under their own front matter. */
function hasNygardSections(sections: readonly Section[]): boolean {
  const names = new Set(sections.filter((s) => s.depth >= 2).map((s) => cleanHeading(s.heading).toLowerCase()))
  return names.has('context') && names.has('decision')
}

/** The first dated entry of a `## Changelog` section (`* 2021-03-04: Initial draft`), as the cosmos ADRs keep it. */
function changelogDate(sections: readonly Section[]): string | undefined {
  const changelog = sections.find((s) => s.depth >= 2 && /^(?:changelog|change log|history|revisions?)$/i.test(cleanHeading(s.heading)))
  if (!changelog) return undefined
  for (const line of changelog.text.split('\n')) {
    const m = ISO_DATE_IN_TEXT.exec(line)
    if (m) return m[1]
  }
  return undefined
}

function numberFromLabel(label: string | undefined): number | undefined {
  const m = label ? /^(?:ADR[-_ ]?)?0*(\d+)\b/i.exec(label) : null
  return m ? Number(m[1]) : undefined
}

export function frontMatterLinks(value: unknown, lines: readonly string[], start: number, end: number, file: string): AdrLink[] {
  if (!Array.isArray(value)) return []
  const keyLine = findKeyLine(lines, start, end, 'links') ?? start
  const itemLines: number[] = []
  for (let i = keyLine; i < end - 1; i++) {
    if (/^\s*-\s/.test(lines[i])) itemLines.push(i + 1)
    else if (/^\S/.test(lines[i])) break
  }
  const links: AdrLink[] = []
  value.forEach((item, index) => {
    if (!item || typeof item !== 'object') return
    const {rel, target} = item as {rel?: unknown; target?: unknown}
    if (typeof rel !== 'string' || (typeof target !== 'string' && typeof target !== 'number')) return
    const text = String(target)
    const asNumber = typeof target === 'number' ? target : /^\d+$/.test(text) ? Number(text) : undefined
    const targetFile = text.endsWith('.md') ? linkTargetPath(file, text) : undefined
    links.push({
      rel,
      relKey: normaliseRel(rel),
      target: text,
      targetNumber: asNumber ?? (targetFile ? parseFileName(targetFile).number : undefined),
      targetFile,
      line: itemLines[index] ?? keyLine,
      origin: 'front-matter',
    })
  })
  return links
}

/** 1-based line of a top-level `key:` inside the front matter (`start`/`end` are the delimiter lines). */
export function findKeyLine(lines: readonly string[], start: number, end: number, key: string): number | undefined {
  const re = new RegExp(`^${key}\\s*:`)
  for (let i = start; i < end - 1; i++) if (re.test(lines[i])) return i + 1
  return undefined
}

function findDateLine(lines: readonly string[], start: number): string | undefined {
  for (let i = start; i < Math.min(lines.length, start + 40); i++) {
    const m = DATE_LINE.exec(lines[i])
    if (m) return m[1]
  }
  return undefined
}

export function stringValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim()
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  return undefined
}

function listValue(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined
  if (Array.isArray(value)) return value.map((v) => stringValue(v)).filter((v): v is string => v !== undefined && v !== '')
  const single = stringValue(value)
  return single === undefined ? undefined : splitList(single)
}

function splitList(value: string | undefined): string[] {
  if (!value) return []
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v && !/^\[.*\]$/.test(v))
}

export type {Problem}
