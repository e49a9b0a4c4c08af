import {AdrError} from '../errors.js'
import {formatOf} from '../formats/index.js'
import {addFrontMatterLink, setFrontMatterStatus} from './edit-front-matter.js'
import {appendParagraph, bare, fromLines, isBlank, type Lines, styleLike, toLines} from './edit-lines.js'
import type {Adr} from './model.js'
import {parseAdr} from './parse-adr.js'
import {normaliseRel} from './status.js'

/**
 * Edits of an ADR that change only the lines they must: each takes an ADR and returns the ADR its new
 * text parses to, so edits compose. In adr-tools (nygard) files they write what adr-tools writes.
 */

/** What a link needs to know of the ADR it points at. */
export interface LinkTarget {
  number?: number
  file: string
  /** The link text in adr-tools files: the title line without `# ` (`2. Second Record`). */
  label: string
  /** How front matter names an ADR of another directory (`platform/1`); else by number, or file. */
  ref?: string
}

export function linkTargetOf(adr: Adr): LinkTarget {
  const heading = adr.titleLine ? bare(adr.text.split('\n')[adr.titleLine - 1]).replace(/^\s*#+\s*/, '') : undefined
  const label = heading?.trim() || (adr.number === undefined ? adr.title : `${adr.number}. ${adr.title}`)
  return {number: adr.number, file: adr.file, label}
}

const STATUS_HEADING = /^##[ \t]+Status[ \t]*$/i

/** Whether the ADR keeps its status and links in a `## Status` section (adr-tools) rather than front matter. */
function usesStatusSection(adr: Adr): boolean {
  return formatOf(adr.format).status === 'status-section'
}

/**
 * Whether the ADR keeps its status in `- Status:` fields and must not be given front matter
 * (log4brains): its links are written as `- Rel [label](file)` lines under the status field.
 */
function usesFields(adr: Adr): boolean {
  const format = formatOf(adr.format)
  return !adr.frontMatter && !format.addsFrontMatter && format.status === 'field' && adr.statusLine !== undefined
}

function edited(adr: Adr, doc: Lines): Adr {
  return parseAdr(fromLines(doc), adr.file)
}

/**
 * Adds a typed link. adr-tools files get `REL [label](file)` as its own paragraph before the heading
 * that follows `## Status` (at the end when nothing follows); other files get `{rel, target}` in their
 * front matter's `links:` (relation in lowercase, target by number when it has one).
 */
export function addLink(adr: Adr, rel: string, target: LinkTarget): Adr {
  const doc = toLines(adr.text)
  if (usesFields(adr)) {
    if (adr.links.some((link) => link.relKey === normaliseRel(rel) && pointsAt(link, target))) return adr
    const index = (adr.statusLine ?? 1) - 1
    const current = doc.lines[index] ?? ''
    const bullet = /^\s*[*-]\s+/.exec(bare(current))?.[0] ?? '- '
    let at = index + 1
    while (at < doc.lines.length && /^\s*[*-]\s+\S/.test(bare(doc.lines[at]))) at++
    doc.lines.splice(at, 0, `${bullet}${capitalise(rel)} [${target.label}](${target.file})${doc.cr}`)
    return edited(adr, doc)
  }
  if (!usesStatusSection(adr)) {
    // front-matter links are a set: the same link twice is written once (adr-tools files append, as adr-tools does)
    if (adr.links.some((link) => link.relKey === normaliseRel(rel) && pointsAt(link, target))) return adr
    addFrontMatterLink(adr, doc, normaliseRel(rel), target.ref ?? target.number ?? target.file)
    return edited(adr, doc)
  }
  const {lines, cr} = doc
  const start = lines.findIndex((l) => STATUS_HEADING.test(bare(l)))
  if (start < 0) throw noStatusSection(adr)
  const line = `${rel} [${target.label}](${target.file})`
  const next = lines.findIndex((l, i) => i > start && bare(l).startsWith('##'))
  if (next < 0) appendParagraph(doc, [line])
  else lines.splice(next, 0, line + cr, cr)
  return edited(adr, doc)
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function pointsAt(link: Adr['links'][number], target: LinkTarget): boolean {
  if (target.ref !== undefined) return link.target === target.ref || link.target === target.file
  if (link.targetFile !== undefined) return link.targetFile === target.file
  return target.number !== undefined && link.targetNumber === target.number
}

/**
 * adr-tools' removal of a status: in the `## Status` section, the line that is the status goes, and
 * runs of blank lines there fold to one. Other files are returned as they are.
 */
export function removeStatusLine(adr: Adr): Adr {
  if (!usesStatusSection(adr) || adr.statusText === undefined) return adr
  const doc = toLines(adr.text)
  const kept: string[] = []
  let inStatus = false
  let afterBlank = false
  for (const line of doc.lines) {
    const text = bare(line)
    if (text.startsWith('##')) inStatus = false
    if (STATUS_HEADING.test(text)) inStatus = true
    if (inStatus && text.trim() === '') {
      if (!afterBlank) kept.push(line)
      afterBlank = true
      continue
    }
    if (inStatus && text.trim() === adr.statusText) continue
    if (inStatus) afterBlank = false
    kept.push(line)
  }
  return edited(adr, {lines: kept, cr: doc.cr})
}

/** Changes the status and nothing else: the front matter's `status:`, a `* Status:` field, or the status line. */
export function setStatus(adr: Adr, status: string): Adr {
  const doc = toLines(adr.text)
  const {lines, cr} = doc
  if (adr.frontMatter && (adr.frontMatter.data.status !== undefined || adr.statusLine === undefined)) {
    setFrontMatterStatus(adr, doc, status)
    return edited(adr, doc)
  }
  const index = adr.statusLine === undefined ? -1 : adr.statusLine - 1
  const current = index >= 0 ? lines[index] : undefined
  if (current !== undefined && adr.statusText !== undefined && !STATUS_HEADING.test(bare(current))) {
    const field = /^(\s*(?:[*-]\s+)?(?:\*\*)?status(?:\*\*)?\s*:(?:\*\*)?\s*)(.*?)(\s*)$/i.exec(bare(current))
    const value = styleLike(field ? field[2] : bare(current).trim(), status)
    const indent = /^\s*/.exec(bare(current))?.[0] ?? ''
    lines[index] = (field ? `${field[1]}${value}${field[3]}` : `${indent}${value}`) + (current.endsWith('\r') ? '\r' : '')
    return edited(adr, doc)
  }
  const start = lines.findIndex((l) => STATUS_HEADING.test(bare(l)))
  if (start < 0) throw noStatusSection(adr)
  const value = styleLike(undefined, status)
  const after = lines[start + 1]
  if (after !== undefined && isBlank(after)) lines.splice(start + 2, 0, value + cr, cr)
  else lines.splice(start + 1, 0, cr, value + cr, cr)
  return edited(adr, doc)
}

/**
 * Supersedes `old` by `by`, both sides: adr-tools files get `Superceded by [..](..)` in place of the
 * old status and `Supercedes [..](..)` in the new one (adr-tools' spelling and order); front-matter
 * files get `status: superseded` and the two typed links.
 */
export function supersede(
  old: Adr,
  by: Adr,
  targets: {old: LinkTarget; by: LinkTarget} = {old: linkTargetOf(old), by: linkTargetOf(by)},
): {old: Adr; by: Adr} {
  const {old: oldTarget, by: byTarget} = targets
  let nextOld: Adr
  if (usesStatusSection(old)) nextOld = removeStatusLine(addLink(old, 'Superceded by', byTarget))
  else nextOld = addLink(setStatus(old, 'superseded'), 'superseded by', byTarget)
  const nextBy = addLink(by, usesStatusSection(by) ? 'Supercedes' : 'supersedes', oldTarget)
  return {old: nextOld, by: nextBy}
}

function noStatusSection(adr: Adr): AdrError {
  return new AdrError('INVALID_ARGUMENT', `${adr.file} has no \`## Status\` section to hold its status and links`, {
    suggestions: ['Add a `## Status` section under the date line and run the command again.'],
  })
}
