import {cleanHeading, isHeadingLine} from '../../adr/headings.js'
import type {AdrLink, Section} from '../../adr/model.js'
import {cleanStatusText, isStatus, normaliseStatus} from '../../adr/status.js'
import {makeLink, relationLink} from './links.js'

/** A Status section, as adr-tools writes it: `## Status`, or `### Status` under a metadata heading (any depth below the title). */
export function isStatusHeading(depth: number, heading: string): boolean {
  return depth >= 2 && /^status:?$/i.test(cleanHeading(heading))
}

/**
 * A Status section's status and links: its first line that is not a link line is the status (kept as
 * written); every line of relation words and one link is a typed link. `Superseded by [3. X](…)` as the
 * section's first line is the status and a link at once.
 */
export function readStatusSection(lines: readonly string[], section: Pick<Section, 'line' | 'endLine'>, file: string) {
  const links: AdrLink[] = []
  let statusText: string | undefined
  let statusLine: number | undefined
  const end = Math.min(section.endLine, lines.length)
  for (let i = section.line; i < end; i++) {
    const line = lines[i].trim()
    if (line === '' || isHeadingLine(line) || /^<!--.*-->$/.test(line)) continue
    const link = relationLink(cleanStatusText(line))
    if (link) {
      links.push(makeLink(link.rel, link.href, link.label, i + 1, 'status-section', file))
      if (statusText === undefined && links.length === 1 && isStatus(normaliseStatus(link.rel))) {
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
