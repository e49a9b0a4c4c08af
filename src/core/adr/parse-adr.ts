import {isChangelogHeading} from '../formats/read/dates.js'
import {stringValue} from '../formats/read/front-matter-values.js'
import {readMetadata} from '../formats/read-metadata.js'
import {parseFileName} from './file-name.js'
import {type FrontMatterCache, readFrontMatter} from './front-matter.js'
import {buildSections, scanHeadings, textLines} from './headings.js'
import type {Adr} from './model.js'
import type {StatusMap} from './status.js'
import {readTitle} from './title.js'

export interface ParseOptions {
  frontMatterCache?: FrontMatterCache
  /** The team's own status words (`.adrgate.yaml` `statuses:`), read as lifecycle statuses. */
  statuses?: StatusMap
}

/**
 * Parses any ADR file — MADR 2/3/4, adr-tools (Nygard), log4brains — into the one model. The parser
 * splits the file (front matter, headings, sections), reads the title and the number, and leaves
 * everything a format decides (which format it is, where its status, date and links are) to the
 * format descriptors in `src/core/formats/` (`readMetadata`). Never throws on user content: what it
 * cannot read becomes a located problem.
 */
export function parseAdr(input: string, file: string, options: ParseOptions = {}): Adr {
  return parse(input, file, options)
}

/**
 * The fast path of `parseAdr` for `adr lint`: the same ADR, but a section's `text` is left `''`
 * unless it is a changelog (the one section whose text the parse itself reads, for its date). Joining
 * each section's lines was two fifths of the parse, and lint never reads the text: its rules read a
 * section by its lines (`required-sections`), and each ADR is summarised without its sections once
 * linted (`summariseAdr`). `test/app/lint-fast-paths.test.ts` pins it and lint's findings to `parseAdr`.
 */
export function parseAdrForLint(input: string, file: string, options: ParseOptions = {}): Adr {
  return parse(input, file, options, isChangelogHeading)
}

function parse(input: string, file: string, options: ParseOptions, withText?: (depth: number, heading: string) => boolean): Adr {
  const text = input
  const body = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  const lines = textLines(input)
  const {frontMatter, bodyStart, problems} = readFrontMatter(body, lines, options.frontMatterCache)
  const headings = scanHeadings(lines, bodyStart)
  const sections = buildSections(lines, headings, withText)
  const name = parseFileName(file)

  const titleHeading = headings.find((h) => h.depth === 1)
  const {title, number} = readTitle(titleHeading?.text ?? stringValue(frontMatter?.data.title) ?? '', name.number)
  const metadata = readMetadata({file, lines, bodyStart, frontMatter, headings, sections, name}, options.statuses)

  if (!title)
    problems.push({
      line: bodyStart + 1,
      column: 1,
      severity: 'error',
      rule: 'parse/title',
      message: 'Unexpected file without a `# Title` heading, expected one at the top of the body',
    })

  return {
    file,
    number,
    title,
    titleLine: titleHeading ? titleHeading.index + 1 : undefined,
    status: metadata.status,
    statusText: metadata.statusText,
    statusLine: metadata.statusLine,
    date: metadata.date,
    deciders: metadata.deciders,
    consulted: metadata.consulted,
    informed: metadata.informed,
    tags: metadata.tags,
    links: metadata.links,
    frontMatter,
    sections,
    format: metadata.format,
    problems,
    text,
  }
}
