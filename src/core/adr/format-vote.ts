import {type FormatVotes, formatVoteOf} from '../formats/choose-format.js'
import {scanFields} from '../formats/read/fields.js'
import {isStatusHeading} from '../formats/read/status-section.js'
import {parseFileName} from './file-name.js'
import {locateBlock, splitFrontMatterFast} from './front-matter.js'
import {scanHeadings, splitLines} from './headings.js'
import {type ParseOptions, parseAdr} from './parse-adr.js'

/**
 * The letters of `status` with the emphasis and code marks a heading may hold between them
 * (`isStatusHeading` removes `*`, `_` and backticks): a file whose body holds no match has neither a
 * Status section nor a `Status:` field. `g` so a search can start after the front matter.
 */
const MAY_NAME_STATUS = /s[*_`]*t[*_`]*a[*_`]*t[*_`]*u[*_`]*s/gi

/**
 * The fast path of `formatVoteOf(parseAdr(text, file))`: the format one existing ADR counts for when
 * `adr new` chooses the format of a new one, for `adr new` without -s/-l, which needs nothing else of
 * the other ADRs. It skips the parse of the front matter's YAML, the sections' text, the links, the
 * dates and the people. In the two plain cases it decides from what the parser's own helpers find:
 * no Status section and a numbered name, with front matter (MADR, counted), or without (MADR,
 * counted when a `Status:` field is there). A body in which the word cannot even appear
 * (`MAY_NAME_STATUS`) is decided without splitting it into lines. Anything else (a Status section, a
 * dated log4brains name) is parsed as the general path parses it. `test/app/fast-paths.test.ts` pins
 * it to the general path.
 */
export function formatVote(text: string, file: string, options: ParseOptions = {}): keyof FormatVotes | undefined {
  if (parseFileName(file).dated) return formatVoteOf(parseAdr(text, file, options))
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const block = locateBlock(body)
  // where a closed block ends (the `\n` before its closing line), else the body is the whole text
  const blockEnd = block ? 3 + block.language.raw.length + block.length : 0
  const closed = block !== undefined && blockEnd < body.length
  MAY_NAME_STATUS.lastIndex = closed ? blockEnd : 0
  if (!MAY_NAME_STATUS.test(body)) return closed ? 'madr' : undefined
  const lines = splitLines(body)
  const {frontMatter, bodyStart} = splitFrontMatterFast(body, lines)
  const headings = scanHeadings(lines, bodyStart)
  if (headings.some((h) => isStatusHeading(h.depth, h.text))) return formatVoteOf(parseAdr(text, file, options))
  // neither adr-tools (a Status section) nor log4brains (a dated name): MADR
  if (frontMatter) return 'madr'
  return scanFields(lines, bodyStart, headings).has('status') ? 'madr' : undefined
}
