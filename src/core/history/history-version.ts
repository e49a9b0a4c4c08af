import {decisionContentOf} from '../adr/decision-content.js'
import {parseFileName} from '../adr/file-name.js'
import {type FrontMatterCache, readFrontMatter} from '../adr/front-matter.js'
import {scanHeadings, sectionBounds, splitLines} from '../adr/headings.js'
import {readTitle} from '../adr/title.js'
import {stringValue} from '../formats/read/front-matter-values.js'
import {readStatusAndLinksOfAnyFormat} from '../formats/read-metadata.js'
import {type AdrVersion, type HistoryPlace, versionOf} from './history.js'

/**
 * FAST PATH of `readVersion`, which parses each version with `parseAdr` and hands the parsed ADR to
 * `decisionContent`. A cold `adr log` reads every version of every ADR (6,845 on the bench's
 * repository), and the history shows of each only its number, title, status and links, and compares
 * a digest of its decision content. So this reader skips what the history never looks at: the
 * sections' text (`sectionBounds` instead of `buildSections`), the date, the people and the tags
 * (`readStatusAndLinksOfAnyFormat` instead of `readMetadata`: not the format either, which the history
 * never shows), the parse problems, and the second split of the text that `decisionContent` makes
 * (`decisionContentOf` on the lines split here). Everything it does
 * read is read by the parser's own functions, in the parser's order, so every format reads the same.
 * `test/core/history-version.test.ts` pins it to `readVersion`.
 */
export function readHistoryVersion(text: string, file: string, frontMatterCache?: FrontMatterCache, place?: HistoryPlace): AdrVersion {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const lines = splitLines(body)
  const {frontMatter, bodyStart} = readFrontMatter(body, lines, frontMatterCache)
  const headings = scanHeadings(lines, bodyStart)
  const sections = sectionBounds(lines, headings)
  const name = parseFileName(file)
  const titleHeading = headings.find((h) => h.depth === 1)
  const {title, number} = readTitle(titleHeading?.text ?? stringValue(frontMatter?.data.title) ?? '', name.number)
  const {status, statusLine, links} = readStatusAndLinksOfAnyFormat({file, lines, bodyStart, frontMatter, headings, sections, name})
  const titleLine = titleHeading ? titleHeading.index + 1 : undefined
  const content = decisionContentOf(lines, {frontMatter, sections, statusLine, links, title, titleLine})
  return versionOf({number, title, status, links}, file, content, place)
}
