import type {Adr} from './model.js'

export interface TocOptions {
  /** Markdown printed after the heading, as read from the intro file. */
  intro?: string
  /** Markdown printed after the list, as read from the outro file. */
  outro?: string
  /** Put before each file name in the links, e.g. `doc/adr/` or `https://example.com/adr/`. */
  prefix?: string
  /** A Markdown table (number, title, status, date) instead of adr-tools' list. */
  long?: boolean
}

/** How the entries alone are written (`renderTocEntries`). */
export type TocEntryOptions = Pick<TocOptions, 'prefix' | 'long'>

/** What a table of contents shows of an ADR: status and date in the `--long` table only (the list's fast path reads neither). */
export type TocAdr = Pick<Adr, 'number' | 'title' | 'file' | 'dir' | 'status' | 'date'>

/** The header of the `--long` table (adr-tools PR #143's columns). */
export const TOC_TABLE_HEADER = ['| # | Title | Status | Date |', '| ---: | --- | --- | --- |'] as const

/** `7. Use PostgreSQL`, or the bare title when the ADR has no number (log4brains). */
export function formatAdrLabel(adr: Pick<Adr, 'number' | 'title'>): string {
  return adr.number === undefined ? adr.title : `${adr.number}. ${adr.title}`
}

/**
 * The table of contents in adr-tools' format, byte for byte: the heading, a blank line, the intro and
 * a blank line, one `* [N. Title](PREFIXfile.md)` per ADR, then a blank line and the outro. The intro
 * and outro are copied as they are (adr-tools `cat`s them), so a file ending in a newline is followed
 * by a blank line.
 */
export function renderToc(adrs: readonly TocAdr[], options: TocOptions = {}): string {
  let out = '# Architecture Decision Records\n\n'
  if (options.intro !== undefined) out += `${options.intro}\n`
  const entries = renderTocEntries(adrs, options)
  if (entries.length > 0) out += `${entries.join('\n')}\n`
  if (options.outro !== undefined) out += `\n${options.outro}`
  return out
}

/**
 * The entries alone, one line each, without line endings: `* [N. Title](PREFIXfile.md)` per ADR, or
 * with `long` a table (number, title, status, date; a `|` in a cell escaped). In a workspace of
 * several directories each directory gets a `## name` heading (and a table of its own), links from
 * the repository root.
 */
export function renderTocEntries(adrs: readonly TocAdr[], options: TocEntryOptions = {}): string[] {
  const prefix = options.prefix ?? ''
  const lines: string[] = []
  const link = (adr: TocAdr, text: string) => `[${text}](${markdownLinkTarget(prefix + tocTarget(adr))})`
  let dir: string | undefined
  let first = true
  for (const adr of adrs) {
    const heading = adr.dir && adr.dir.name !== dir
    if (heading && adr.dir) {
      if (!first) lines.push('')
      lines.push(`## ${markdownLinkText(adr.dir.name)}`, '')
      dir = adr.dir.name
    }
    if (options.long && (first || heading)) lines.push(...TOC_TABLE_HEADER)
    first = false
    if (!options.long) lines.push(`* ${link(adr, markdownLinkText(formatAdrLabel(adr)))}`)
    else {
      const cells = [
        adr.number === undefined ? '' : String(adr.number),
        link(adr, tableCell(markdownLinkText(adr.title))),
        tableCell(adr.status ?? ''),
        tableCell(adr.date ?? ''),
      ]
      lines.push(`| ${cells.join(' | ')} |`)
    }
  }
  if (options.long && first) lines.push(...TOC_TABLE_HEADER)
  return lines
}

/** Text that stays in its table cell: line breaks as spaces, `|` escaped. */
function tableCell(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ').replace(/\|/g, '\\|')
}

/** An ADR listed in the table of contents of its own directory: linked from there, under no heading. */
export function withoutDir<T extends Pick<Adr, 'dir'>>(adr: T): T {
  const {dir: _dir, ...rest} = adr
  return rest as T
}

/** What a ToC entry links to: the file, or in a workspace of several directories its path from the repository root. */
export function tocTarget(adr: Pick<Adr, 'file' | 'dir'>): string {
  return adr.dir ? `${adr.dir.path}/${adr.file}` : adr.file
}

/**
 * A title as link text that stays link text: brackets and backslashes escaped, `<` as an entity, line
 * breaks as spaces, so a title cannot close the link, start another or add an entry. Plain titles
 * are unchanged (adr-tools' output, byte for byte).
 */
export function markdownLinkText(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/[\\[\]]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
}

/** A link target that stays one target: in `<…>` when it holds a space, a parenthesis or `<`/`>` (the latter escaped). */
export function markdownLinkTarget(target: string): string {
  if (!/[\s()<>]/.test(target)) return target
  return `<${target.replace(/[<>]/g, (c) => (c === '<' ? '%3C' : '%3E')).replace(/\s/g, (c) => (c === ' ' ? ' ' : encodeURIComponent(c)))}>`
}
