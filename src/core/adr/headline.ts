import {parseFileName} from './file-name.js'
import {splitFrontMatter} from './front-matter.js'
import type {Adr} from './model.js'
import {parseAdr, readTitle, scanHeadings, splitLines} from './parse-adr.js'

/** What a table of contents shows of an ADR. */
export type Headline = Pick<Adr, 'file' | 'number' | 'title' | 'dir'>

/**
 * The fast path of `parseAdr(text, file)` for `adr generate toc`, which shows each ADR's number and
 * title only. It skips the front matter's YAML, the sections' text, the status, the links, the dates
 * and the people: the title is the first `# Title` heading, read with the parser's own helpers
 * (`scanHeadings`, `readTitle`). A file without such a heading but with YAML front matter, whose
 * `title:` may name it, is parsed as the general path parses it. `test/app/fast-paths.test.ts` pins
 * it to the general path.
 */
export function readHeadline(text: string, file: string): Headline {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const lines = splitLines(body)
  const split = splitFrontMatter(body, lines)
  const heading = scanHeadings(lines, split.bodyStart).find((h) => h.depth === 1)
  if (!heading && split.yaml) {
    const adr = parseAdr(text, file)
    return {file, number: adr.number, title: adr.title}
  }
  return {file, ...readTitle(heading?.text ?? '', parseFileName(file).number)}
}
