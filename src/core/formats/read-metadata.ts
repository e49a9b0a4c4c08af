import type {FileNameInfo} from '../adr/file-name.js'
import {cleanHeading, type Heading, type SectionBounds} from '../adr/headings.js'
import type {Adr, AdrFormat, AdrLink, FrontMatter, Section} from '../adr/model.js'
import {normaliseStatus, type StatusMap} from '../adr/status.js'
import type {DatePlace, StatusPlace} from './format.js'
import {formatOf, recogniseFormat} from './index.js'
import {changelogDate, dateLine} from './read/dates.js'
import {type Field, fieldLinks, scanFields, statusField} from './read/fields.js'
import {findKeyLine, frontMatterLinks, listValue, splitList, stringValue} from './read/front-matter-values.js'
import {statusReference} from './read/links.js'
import {isStatusHeading, readStatusSection} from './read/status-section.js'

/** An ADR file as the parser has split it: the places a format may keep its status, date and links. */
export interface AdrDocument {
  file: string
  lines: readonly string[]
  /** The index of the body's first line (after the front matter). */
  bodyStart: number
  frontMatter?: FrontMatter
  headings: readonly Heading[]
  sections: readonly Section[]
  name: FileNameInfo
}

export type AdrMetadata = Pick<
  Adr,
  'format' | 'status' | 'statusText' | 'statusLine' | 'date' | 'deciders' | 'consulted' | 'informed' | 'tags' | 'links'
>

interface StatusRead {
  statusText?: string
  /** The line of the status, or of the place that should hold it. */
  statusLine?: number
  links?: readonly AdrLink[]
}

/**
 * What the ADR's format says of it: the format is the first descriptor that recognises the document,
 * and the status and the date are read at the places that descriptor names, in its order. Links are
 * read wherever any format keeps them (a Status section's, the bullets under the title, front matter's
 * `links:`, the reference after a status word), so a link is never lost to a misjudged format.
 */
export function readMetadata(doc: AdrDocument, statuses?: StatusMap): AdrMetadata {
  const fm = doc.frontMatter?.data ?? {}
  const fields = scanFields(doc.lines, doc.bodyStart, doc.headings)
  const {format, status, statusText, statusLine, links} = readStatusAndLinks(doc, statuses, fields)
  return {
    format,
    status,
    statusText,
    statusLine,
    date: readDate(formatOf(format).reads.date, doc, fm, fields),
    deciders:
      listValue(fm['decision-makers'] ?? fm.deciders) ?? splitList(fields.get('deciders')?.value ?? fields.get('decision-makers')?.value),
    consulted: listValue(fm.consulted) ?? splitList(fields.get('consulted')?.value),
    informed: listValue(fm.informed) ?? splitList(fields.get('informed')?.value),
    tags: listValue(fm.tags) ?? splitList(fields.get('tags')?.value),
    links,
  }
}

/** What `readStatusAndLinks` needs of a document: its sections' places, not their text. */
export type StatusDocument = Omit<AdrDocument, 'sections'> & {sections: readonly SectionBounds[]}

/**
 * The part of `readMetadata` that gives the format, the status and the links (not the date nor the
 * people), for the readers that need no more (the history's `readHistoryVersion`). `fields` are the
 * document's `scanFields`.
 */
export function readStatusAndLinks(
  doc: StatusDocument,
  statuses?: StatusMap,
  fields: ReadonlyMap<string, Field> = scanFields(doc.lines, doc.bodyStart, doc.headings),
): Pick<AdrMetadata, 'format' | 'status' | 'statusText' | 'statusLine' | 'links'> {
  const fm = doc.frontMatter?.data ?? {}
  const section = doc.sections.find((s) => isStatusHeading(s.depth, s.heading))
  const sectionRead = section ? readStatusSection(doc.lines, section, doc.file) : undefined
  const id: AdrFormat = recogniseFormat({
    frontMatter: doc.frontMatter !== undefined,
    frontMatterStatus: stringValue(fm.status) !== undefined,
    statusSection: section !== undefined,
    sections: new Set(doc.sections.filter((s) => s.depth >= 2).map((s) => cleanHeading(s.heading).toLowerCase())),
    datedName: doc.name.dated,
  })
  const format = formatOf(id)

  const links: AdrLink[] = [...fieldLinks(doc.lines, doc.bodyStart, doc.headings, doc.file), ...(sectionRead?.links ?? [])]
  const places: Record<StatusPlace, () => StatusRead | undefined> = {
    'front-matter': () => frontMatterStatus(doc, fm),
    'status-section': () => section && {statusText: sectionRead?.statusText, statusLine: sectionRead?.statusLine ?? section.line},
    field: () => {
      const field = fields.get('status')
      return field && statusField(field, doc.file)
    },
  }
  const {statusText, statusLine, links: statusLinks} = firstStatus(format.reads.status.map((place) => places[place]))
  links.push(...(statusLinks ?? []))
  const status = finishStatus(doc, fm, links, statusText, statusLine, statuses)
  return {format: id, status, statusText, statusLine, links}
}

/**
 * What both readers do once the status text is found: the status normalised, the reference its text
 * makes ("Superseded by 12") added to `links` unless a link says it already, `superseded` when only a
 * link says so, and the front matter's links last. Returns the status.
 */
function finishStatus(
  doc: StatusDocument,
  fm: Record<string, unknown>,
  links: AdrLink[],
  statusText: string | undefined,
  statusLine: number | undefined,
  statuses: StatusMap | undefined,
): string | undefined {
  let status: string | undefined
  if (statusText !== undefined) {
    status = normaliseStatus(statusText, statuses)
    const reference = statusReference(statusText, statusLine ?? 1)
    if (reference && !links.some((l) => l.relKey === reference.relKey && l.targetNumber === reference.targetNumber)) links.push(reference)
  }
  if (status === undefined && links.some((l) => l.relKey === 'superseded by')) status = 'superseded'
  for (const link of frontMatterLinks(fm.links, doc.lines, doc.frontMatter?.startLine ?? 0, doc.frontMatter?.endLine ?? 0, doc.file)) {
    links.push(link)
  }
  return status
}

/**
 * FAST PATH of `readStatusAndLinks` for a reader that does not need the format (the history's
 * `readHistoryVersion`): the same status, status text, status line and links, without telling the
 * format. It skips `recogniseFormat` (with its set of every section's cleaned heading), the places'
 * closures, and the fields' scan unless the status is read from them, because the format only orders
 * the places, and the order comes out the same for every format: MADR reads front matter first and
 * the others never do, but a document whose front matter holds a status is MADR (NYGARD and
 * LOG4BRAINS recognise none with one), and front matter without one gives no status and no line. So
 * every format reads front matter, then the Status section, then the fields, as this does.
 * `test/core/history-version.test.ts` pins it to `readStatusAndLinks`.
 */
export function readStatusAndLinksOfAnyFormat(
  doc: StatusDocument,
  statuses?: StatusMap,
): Pick<AdrMetadata, 'status' | 'statusText' | 'statusLine' | 'links'> {
  const fm = doc.frontMatter?.data ?? {}
  let section: SectionBounds | undefined
  for (const s of doc.sections) {
    if (isStatusHeading(s.depth, s.heading)) {
      section = s
      break
    }
  }
  const sectionRead = section ? readStatusSection(doc.lines, section, doc.file) : undefined
  const links: AdrLink[] = fieldLinks(doc.lines, doc.bodyStart, doc.headings, doc.file)
  if (sectionRead) for (const link of sectionRead.links) links.push(link)
  let statusText: string | undefined
  let statusLine: number | undefined
  const fromFrontMatter = doc.frontMatter ? stringValue(fm.status) : undefined
  if (fromFrontMatter !== undefined && doc.frontMatter) {
    statusText = fromFrontMatter
    statusLine = findKeyLine(doc.lines, doc.frontMatter.startLine, doc.frontMatter.endLine, 'status')
  } else if (section && sectionRead?.statusText !== undefined) {
    statusText = sectionRead.statusText
    statusLine = sectionRead.statusLine ?? section.line
  } else {
    const field = scanFields(doc.lines, doc.bodyStart, doc.headings).get('status')
    if (field) {
      const read = statusField(field, doc.file)
      statusText = read.statusText
      statusLine = read.statusLine
      for (const link of read.links) links.push(link)
    } else if (section) statusLine = sectionRead?.statusLine ?? section.line
  }
  const status = finishStatus(doc, fm, links, statusText, statusLine, statuses)
  return {status, statusText, statusLine, links}
}

/**
 * The first place that holds a status gives it; a place that has none but says where it should be
 * (an empty Status section) gives that line unless a later place holds the status.
 */
function firstStatus(places: readonly (() => StatusRead | undefined)[]): StatusRead {
  let line: number | undefined
  for (const place of places) {
    const read = place()
    if (read?.statusText !== undefined) return read
    line ??= read?.statusLine
  }
  return {statusLine: line}
}

function frontMatterStatus(doc: StatusDocument, fm: Record<string, unknown>): StatusRead | undefined {
  const text = stringValue(fm.status)
  if (text === undefined || !doc.frontMatter) return undefined
  return {statusText: text, statusLine: findKeyLine(doc.lines, doc.frontMatter.startLine, doc.frontMatter.endLine, 'status')}
}

function readDate(places: readonly DatePlace[], doc: AdrDocument, fm: Record<string, unknown>, fields: ReadonlyMap<string, Field>) {
  const read: Record<DatePlace, () => string | undefined> = {
    'front-matter': () => stringValue(fm.date),
    field: () => fields.get('date')?.value,
    'date-line': () => dateLine(doc.lines, doc.bodyStart),
    changelog: () => changelogDate(doc.sections),
    'file-name': () => doc.name.date,
  }
  for (const place of places) {
    const date = read[place]()
    if (date !== undefined) return date
  }
  return undefined
}
