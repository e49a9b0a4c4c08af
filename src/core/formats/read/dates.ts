import {cleanHeading} from '../../adr/headings.js'
import type {Section} from '../../adr/model.js'
import {remembered} from '../../remembered.js'

const DATE_LINE = /^Date:[ \t]*(.+?)\s*$/
const ISO_DATE_IN_TEXT = /\b(\d{4}-\d{2}-\d{2})\b/
/** How far below the start of the body a `Date:` line is looked for. */
const DATE_LINE_LINES = 40

/** adr-tools' `Date: 2020-01-01` line under the title. */
export function dateLine(lines: readonly string[], start: number): string | undefined {
  for (let i = start; i < Math.min(lines.length, start + DATE_LINE_LINES); i++) {
    const m = DATE_LINE.exec(lines[i])
    if (m) return m[1]
  }
  return undefined
}

/** Whether a heading opens a changelog (`## Changelog`, `## History`, `## Revisions`): where `changelogDate` reads. */
export function isChangelogHeading(depth: number, heading: string): boolean {
  return depth >= 2 && namesChangelog(heading)
}

const namesChangelog = remembered((heading) => /^(?:changelog|change log|history|revisions?)$/i.test(cleanHeading(heading)))

/** The first dated entry of a `## Changelog` section (`* 2021-03-04: Initial draft`), as the cosmos ADRs keep it. */
export function changelogDate(sections: readonly Section[]): string | undefined {
  const changelog = sections.find((s) => isChangelogHeading(s.depth, s.heading))
  if (!changelog) return undefined
  for (const line of changelog.text.split('\n')) {
    const m = ISO_DATE_IN_TEXT.exec(line)
    if (m) return m[1]
  }
  return undefined
}
