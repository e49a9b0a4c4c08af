import type {Heading} from '../../adr/headings.js'
import type {AdrLink} from '../../adr/model.js'
import {cleanStatusText} from '../../adr/status.js'
import {LINK_IN_TEXT, makeLink, relationLink} from './links.js'

/**
 * The fields written under the title, before the first `##` heading, where log4brains and MADR 2 keep
 * status, date and people: `* Status: accepted`, `- Date: 2020-01-01`, `**Status:** Accepted`, or a
 * plain `Status: Accepted` line.
 */
const FIELD = /^[*-][ \t]+(?:\*\*)?([A-Za-z][\w -]*?)(?:\*\*)?:(?:\*\*)?[ \t]*(.*)$/
const BOLD_FIELD = /^\*\*([A-Za-z][\w -]*?):?\*\*:?[ \t]*(.*)$/
const PLAIN_FIELD = /^(Status|Date|Deciders|Tags)[ \t]*:[ \t]*(.+?)\s*$/i
/** How far below the start of the body fields are looked for. */
const FIELD_LINES = 60

export interface Field {
  value: string
  line: number
}

/** The fields by their key in lowercase, hyphenated (`decision-makers`); the first of a key counts. */
export function scanFields(lines: readonly string[], start: number, headings: readonly Heading[]): Map<string, Field> {
  const fields = new Map<string, Field>()
  for (let i = start; i < fieldsEnd(lines, start, headings); i++) {
    const line = lines[i].trim()
    const m = FIELD.exec(line) ?? BOLD_FIELD.exec(line) ?? PLAIN_FIELD.exec(line)
    if (!m) continue
    const key = m[1].trim().toLowerCase().replace(/\s+/g, '-')
    if (!fields.has(key)) fields.set(key, {value: m[2].trim(), line: i + 1})
  }
  return fields
}

/** `- Superseded by [20200404-x](20200404-x.md)` under log4brains' fields: relation words and one link. */
export function fieldLinks(lines: readonly string[], start: number, headings: readonly Heading[], file: string): AdrLink[] {
  const links: AdrLink[] = []
  for (let i = start; i < fieldsEnd(lines, start, headings); i++) {
    const line = lines[i].trim()
    const bullet = /^[*-][ \t]+(.*)$/.exec(line)
    if (!bullet || FIELD.test(line)) continue
    const link = relationLink(bullet[1])
    if (link) links.push(makeLink(link.rel, link.href, link.label, i + 1, 'body', file))
  }
  return links
}

/** The status a `Status:` field gives, and the link written in it (`- Status: superseded by [3. X](0003-x.md)`). */
export function statusField(field: Field, file: string): {statusText: string; statusLine: number; links: AdrLink[]} {
  const link = LINK_IN_TEXT.exec(field.value)
  const links = link ? [makeLink(cleanStatusText(link[1]).trim() || 'superseded by', link[3], link[2], field.line, 'body', file)] : []
  return {statusText: field.value, statusLine: field.line, links}
}

function fieldsEnd(lines: readonly string[], start: number, headings: readonly Heading[]): number {
  const firstSection = headings.find((h) => h.depth >= 2)?.index ?? lines.length
  return Math.min(firstSection, start + FIELD_LINES, lines.length)
}
