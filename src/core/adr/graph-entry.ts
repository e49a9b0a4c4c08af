import {fieldLinks, scanFields, statusField} from '../formats/read/fields.js'
import {findKeyLine, frontMatterLinks, stringValue} from '../formats/read/front-matter-values.js'
import {statusReference} from '../formats/read/links.js'
import {isStatusHeading, readStatusSection} from '../formats/read/status-section.js'
import {locateBlock, readFrontMatterFast, splitFrontMatterFast} from './front-matter.js'
import {scanHeadings, splitLines} from './headings.js'
import {headlineOf, readHeadline} from './headline.js'
import type {AdrLink} from './model.js'
import {type ParseOptions, parseAdr} from './parse-adr.js'
import type {GraphAdr} from './render-graph.js'

/** `status` with the marks a heading may hold between its letters (as in `formatVote`); `g` to search from an offset. */
const MAY_NAME_STATUS = /s[*_`]*t[*_`]*a[*_`]*t[*_`]*u[*_`]*s/gi
/** A front matter `status:` line whose value is words only: no reference (`; supersedes 3`) can be read from it. */
const PLAIN_STATUS_LINE = /^status:[ \t]*[A-Za-z][A-Za-z ]*\r?$/

/**
 * The fast path of `parseAdr(text, file)` for `adr generate graph`, which shows each ADR's number,
 * title and links only. It skips the sections' text, the dates and the people, and gray-matter: the
 * title comes from `readHeadline`, the links from the parser's own readers (`fieldLinks`,
 * `readStatusSection`, the `Status:` field, the reference after a status word, `frontMatterLinks`),
 * in the parser's order. The front matter's YAML is read (`readFrontMatterFast`) only when it may
 * change the links: when it holds `links`, a backslash (a YAML escape), or a `status` other than a
 * plain `status: words` line. A plain status line gives no reference, but it takes the place of the
 * body's status text when the YAML around it reads; so a file whose body would read a link from its
 * own status text under such a line is parsed as the general path parses it. A body that holds
 * neither a Markdown link nor the word status has no link and is not split into lines.
 * `test/app/fast-paths.test.ts` pins it to the general path.
 */
export function readGraphEntry(text: string, file: string, options: ParseOptions = {}): GraphAdr {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const block = locateBlock(body)
  const blockEnd = block ? 3 + block.language.raw.length + block.length : 0
  const closed = block !== undefined && blockEnd < body.length
  // the front matter: read (its YAML may give links or a status reference), plain (a `status: words`
  // line at most), or none
  let frontMatter: 'none' | 'plain' | 'read' = 'none'
  if (closed) {
    // every line before the closing one (the opening line too: more text only means more YAML read)
    const head = body.slice(0, Math.max(0, body.lastIndexOf('\n', blockEnd)))
    if (head.includes('links') || head.includes('\\')) frontMatter = 'read'
    else if (head.includes('status')) frontMatter = plainStatusLines(head) ? 'plain' : 'read'
  }
  const headline = readHeadline(text, file) ?? headlineOf(parseAdr(text, file))
  const from = closed ? blockEnd : 0
  MAY_NAME_STATUS.lastIndex = from
  if (frontMatter !== 'read' && !MAY_NAME_STATUS.test(body) && body.indexOf('](', from) === -1) return {...headline, links: []}

  const lines = splitLines(body)
  const split = frontMatter === 'read' ? readFrontMatterFast(body, lines) : splitFrontMatterFast(body, lines)
  const {bodyStart} = split
  const data = split.frontMatter?.data ?? {}
  const headings = scanHeadings(lines, bodyStart)
  const links: AdrLink[] = fieldLinks(lines, bodyStart, headings, file)
  // the status text, in the order every format descriptor reads it (`reads.status`, pinned by the fast-path
  // tests): the front matter's, else the Status section's, else the field's
  const fm = split.frontMatter
  let statusText = fm ? stringValue(data.status) : undefined
  let statusLine = fm && statusText !== undefined ? findKeyLine(lines, fm.startLine, fm.endLine, 'status') : undefined
  const at = headings.findIndex((h) => isStatusHeading(h.depth, h.text))
  if (at !== -1) {
    const heading = headings[at]
    const next = headings.slice(at + 1).find((h) => h.depth <= heading.depth)
    const section = {line: heading.index + 1, endLine: next?.index ?? lines.length}
    const read = readStatusSection(lines, section, file)
    links.push(...read.links)
    if (statusText === undefined) {
      statusText = read.statusText
      statusLine = read.statusLine ?? section.line
    }
  }
  // the links read from the status text; under a plain front matter status (never read here) they are
  // the body's, and the front matter's status would have stood in the body's place
  const before = links.length
  const field = scanFields(lines, bodyStart, headings).get('status')
  if (statusText === undefined && field) {
    const read = statusField(field, file)
    links.push(...read.links)
    statusText = read.statusText
    statusLine = read.statusLine
  }
  if (statusText !== undefined) {
    const reference = statusReference(statusText, statusLine ?? 1)
    if (reference && !links.some((l) => l.relKey === reference.relKey && l.targetNumber === reference.targetNumber)) links.push(reference)
  }
  if (frontMatter === 'plain' && links.length > before) {
    const adr = parseAdr(text, file, options)
    return {file, number: adr.number, title: adr.title, links: adr.links}
  }
  if (fm) links.push(...frontMatterLinks(data.links, lines, fm.startLine, fm.endLine, file))
  return {...headline, links}
}

/** Whether every `status` in the front matter is a top-level `status: words` line that no indented line continues. */
function plainStatusLines(head: string): boolean {
  const lines = head.split('\n')
  for (const [i, line] of lines.entries()) {
    if (!line.includes('status')) continue
    if (line.indexOf('status') !== line.lastIndexOf('status') || !PLAIN_STATUS_LINE.test(line)) return false
    const next = lines.slice(i + 1).find((l) => l.trim() !== '')
    if (next !== undefined && /^\s/.test(next)) return false
  }
  return true
}
