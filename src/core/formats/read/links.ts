import {FOLDER_ADR_FILES, parseFileName} from '../../adr/file-name.js'
import type {AdrLink} from '../../adr/model.js'
import {cleanStatusText, normaliseRel, reverseRel} from '../../adr/status.js'

/** A link's text may hold balanced brackets, as titles do (`[2. Use [brackets]](0002-use-brackets.md)`). */
const LABEL = String.raw`((?:[^\[\]]|\[[^\[\]]*\])*)`
/** Relation words, one Markdown link, and at most a closing punctuation mark: `Superseded by [ADR046: X](ADR046-x.md).` */
const LINK_LINE = new RegExp(String.raw`^(.+?) \[${LABEL}\]\(([^)]*)\)[ \t]*[.,;]?\s*$`)
/** The first Markdown link in a text, with the words before it. */
export const LINK_IN_TEXT = new RegExp(String.raw`^(.*?)\[${LABEL}\]\(([^)]*)\)`)
/** `accepted; supersedes ADR-0045`: a relation and an ADR number written after the status word. */
const STATUS_REFERENCE = /[;,]\s*([A-Za-z][A-Za-z -]*?)\s+(?:ADR[-_ ]?)?0*(\d+)\b/i

/** A line that is relation words and one link (`Superseded by [3. X](0003-x.md).`): its parts, else undefined. */
export function relationLink(line: string): {rel: string; label: string; href: string} | undefined {
  const link = LINK_LINE.exec(line)
  return link && isRelationWords(link[1]) ? {rel: link[1], label: link[2], href: link[3]} : undefined
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

function numberFromLabel(label: string | undefined): number | undefined {
  const m = label ? /^(?:ADR[-_ ]?)?0*(\d+)\b/i.exec(label) : null
  return m ? Number(m[1]) : undefined
}
