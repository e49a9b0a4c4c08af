import type {Adr} from './model.js'

export interface TocOptions {
  /** Markdown printed after the heading, as read from the intro file. */
  intro?: string
  /** Markdown printed after the list, as read from the outro file. */
  outro?: string
  /** Put before each file name in the links, e.g. `doc/adr/` or `https://example.com/adr/`. */
  prefix?: string
}

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
export function renderToc(adrs: readonly Adr[], options: TocOptions = {}): string {
  const prefix = options.prefix ?? ''
  let out = '# Architecture Decision Records\n\n'
  if (options.intro !== undefined) out += `${options.intro}\n`
  let dir: string | undefined
  for (const adr of adrs) {
    // several ADR directories: a heading per directory, links from the repository root
    if (adr.dir && adr.dir.name !== dir) {
      out += `${dir === undefined ? '' : '\n'}## ${markdownLinkText(adr.dir.name)}\n\n`
      dir = adr.dir.name
    }
    out += `* [${markdownLinkText(formatAdrLabel(adr))}](${markdownLinkTarget(prefix + tocTarget(adr))})\n`
  }
  if (options.outro !== undefined) out += `\n${options.outro}`
  return out
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
