import {type FormatVotes, formatVoteOf} from '../formats/choose-format.js'
import {parseFileName} from './file-name.js'
import {splitFrontMatter} from './front-matter.js'
import {isStatusHeading, type ParseOptions, parseAdr, scanFields, scanHeadings, splitLines} from './parse-adr.js'

/**
 * The fast path of `formatVoteOf(parseAdr(text, file))`: the format one existing ADR counts for when
 * `adr new` chooses the format of a new one, for `adr new` without -s/-l, which needs nothing else of
 * the other ADRs. It skips the parse of the front matter's YAML, the sections' text, the links, the
 * dates and the people. In the two plain cases it decides from what the parser's own helpers find:
 * no Status section and a numbered name, with front matter (MADR, counted), or without (MADR,
 * counted when a `Status:` field is there). Anything else (a Status section, a dated log4brains name)
 * is parsed as the general path parses it. `test/app/fast-paths.test.ts` pins it to the general path.
 */
export function formatVote(text: string, file: string, options: ParseOptions = {}): keyof FormatVotes | undefined {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const lines = splitLines(body)
  const {frontMatter, bodyStart} = splitFrontMatter(body, lines)
  const headings = scanHeadings(lines, bodyStart)
  if (parseFileName(file).dated || headings.some((h) => isStatusHeading(h.depth, h.text)))
    return formatVoteOf(parseAdr(text, file, options))
  // neither adr-tools (a Status section) nor log4brains (a dated name): MADR
  if (frontMatter) return 'madr'
  return scanFields(lines, bodyStart, headings).has('status') ? 'madr' : undefined
}
