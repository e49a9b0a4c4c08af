import {parseFileName} from './file-name.js'
import {locateBlock} from './front-matter.js'
import {firstTitleHeading} from './headings.js'
import type {Adr} from './model.js'
import {readTitle} from './title.js'

/** What a table of contents shows of an ADR. */
export type Headline = Pick<Adr, 'file' | 'number' | 'title' | 'dir'>

/**
 * The fast path of `parseAdr(text, file)` for `adr generate toc`, which shows each ADR's number and
 * title only. It skips the front matter's YAML, the sections' text, the status, the links, the dates
 * and the people: the title is the first `# Title` heading after the front matter, found without
 * splitting the file (`firstTitleHeading`, the front matter located by `locateBlock`, gray-matter's
 * split without gray-matter) and read with the parser's own `readTitle`. A file without such a
 * heading but with front matter, whose `title:` may name it, is `undefined`: only the parser reads
 * front matter, so the caller parses it (`headlineOf(parseAdr(text, file))`) and the parser loads only
 * for such a file. `test/app/fast-paths.test.ts` pins it to the general path.
 */
export function readHeadline(text: string, file: string): Headline | undefined {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const block = locateBlock(body)
  const blockEnd = block ? 3 + block.language.raw.length + block.length : 0
  const closed = block !== undefined && blockEnd < body.length
  // the body starts on the line after the closing `---` line (which starts after the `\n` at blockEnd)
  const closingEnd = closed ? body.indexOf('\n', blockEnd + 1) : -1
  const bodyOffset = !closed ? 0 : closingEnd === -1 ? body.length + 1 : closingEnd + 1
  const heading = firstTitleHeading(body, bodyOffset)
  if (heading === undefined && closed) return undefined
  return {file, ...readTitle(heading ?? '', parseFileName(file).number)}
}

/** What a table of contents shows of a parsed ADR (`readHeadline`'s general path). */
export function headlineOf(adr: Pick<Adr, 'file' | 'number' | 'title'>): Headline {
  return {file: adr.file, number: adr.number, title: adr.title}
}
