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
  for (const adr of adrs) out += `* [${formatAdrLabel(adr)}](${prefix}${adr.file})\n`
  if (options.outro !== undefined) out += `\n${options.outro}`
  return out
}
