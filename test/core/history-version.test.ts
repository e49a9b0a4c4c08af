import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parseFileName} from '../../src/core/adr/file-name.js'
import {type FrontMatterCache, readFrontMatter} from '../../src/core/adr/front-matter.js'
import {scanHeadings, sectionBounds, splitLines} from '../../src/core/adr/headings.js'
import {readStatusAndLinks, readStatusAndLinksOfAnyFormat, type StatusDocument} from '../../src/core/formats/read-metadata.js'
import {type HistoryPlace, readVersion} from '../../src/core/history/history.js'
import {readHistoryVersion} from '../../src/core/history/history-version.js'
import {disagreements} from '../helpers/disagreements.js'

// readHistoryVersion (the history's fast path) is pinned to readVersion (parseAdr, then decisionContent):
// the same number, title, status, links and content digest for every text here.

const fixtures = path.resolve(import.meta.dirname, '../fixtures')
const corpus: [string, string][] = readdirSync(fixtures, {recursive: true, encoding: 'utf8'})
  .filter((f) => f.endsWith('.md'))
  .map((f) => [path.basename(f), readFileSync(path.join(fixtures, f), 'utf8')])

const body = '## Context\n\nWhy.\n\n## Decision\n\nThis.\n'
const CASES: [string, string][] = [
  ['0001-nygard.md', `# 1. Nygard\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\n${body}`],
  ['0002-madr.md', `---\nstatus: accepted\ndate: 2026-01-02\ndecision-makers: [ada]\n---\n# Madr\n\n${body}`],
  ['0003-mutable-keys.md', `---\nstatus: accepted\nlinks: [{rel: amends, target: 1}]\nreviews: [x]\ntags: [a]\n---\n# 3. Keys\n\n${body}`],
  ['0004-status-h3.md', '# 4. Meta\n\n## Metadata\n\n### Status\n\nProposed\n\n## Context\n\nWhy.\n'],
  ['0005-fenced.md', '# 5. Fenced\n\n```\n## Status\n# Not a title\n```\n\nStatus: accepted\n'],
  ['0006-field.md', '# 6. Field\n\n* Status: superseded by [7. New](0007-new.md)\n* Date: 2026-01-01\n\n## Context\n'],
  ['0007-bullets.md', '# 7. Bullets\n\n- Status: accepted\n- Supersedes [2. Old](0002-old.md)\n\n## Context\n\nText.  \n'],
  [
    '0008-section-links.md',
    '# 8. S\n\n## Status\n\nAccepted\n\nAmends [1. A](0001-a.md)\nSuperseded by [40. B](0040-b.md)\n\n## Context\n',
  ],
  ['0009-reference.md', '---\nstatus: accepted; supersedes ADR-0003\n---\n# 9. Ref\n'],
  ['0010-bom-crlf.md', '\ufeff---\r\nstatus: proposed\r\n---\r\n# 10. Bom\r\n\r\n## Status\r\n\r\nAccepted; amends 2\r\n'],
  ['0011-fm-title.md', '---\ntitle: "ADR-011: From front matter"\n---\nNo heading.\n'],
  ['0012-bad-yaml.md', `---\nstatus: [accepted\n---\n# 12. Bad\n\n## Status\n\nAccepted\n\n${body}`],
  ['0013-unclosed.md', '---\nstatus: accepted\n# 13. Unclosed\n'],
  ['0014-js.md', '---js\n{status: "accepted"}\n---\n# 14. Js\n'],
  ['0015-x/README.md', '# 15. Folder\n\n**Status:** accepted\n'],
  ['20240101-dated.md', '---\ndate: 2024-01-01\n---\n# 7. A number only the title carries\n'],
  ['0016-empty.md', ''],
  ['0017-status-colon.md', '# 17. Colon\n\n## **Status:**\n\nDeprecated\n\n## Changelog\n\n- 2026-01-01: written\n'],
  ['0018-superseded-no-status.md', '# 18. Gone\n\n## Status\n\nSuperseded by [19. New](0019-new.md)\n'],
  ['0019-custom-status.md', '---\nstatus: parked\n---\n# 19. Custom\n\n   indented first line\n'],
]

/** Two directories of a workspace: a link into the other names its target qualified. */
const PLACE: HistoryPlace = {
  dir: {name: 'web', path: 'web/docs/adr'},
  dirs: [
    {name: 'web', path: 'web/docs/adr'},
    {name: 'platform', path: 'platform/docs/adr'},
  ],
}

describe('readHistoryVersion reads what readVersion reads', () => {
  it.each([...CASES, ...corpus])('%s', (file, text) => {
    expect(readHistoryVersion(text, file)).toEqual(readVersion(text, file))
  })

  it('names a link into another ADR directory as readVersion does', () => {
    const text = '# 3. Across\n\n## Status\n\nAccepted\n\nAmends [1. Base](../../../platform/docs/adr/0001-base.md)\n'
    const slow = readVersion(text, '0003-across.md', undefined, PLACE)
    expect(slow.links.map((l) => l.target)).toEqual(['platform/1'])
    expect(readHistoryVersion(text, '0003-across.md', undefined, PLACE)).toEqual(slow)
  })

  it('shares one front matter cache with readVersion, either way round', () => {
    const texts = CASES.filter(([, text]) => text.startsWith('---'))
    const first: FrontMatterCache = new Map()
    const fast = texts.map(([file, text]) => readHistoryVersion(text, file, first))
    const second: FrontMatterCache = new Map()
    expect(texts.map(([file, text]) => readVersion(text, file, second))).toEqual(fast)
    expect(texts.map(([file, text]) => readHistoryVersion(text, file, second))).toEqual(fast)
  })

  it.each([...CASES, ...corpus])('%s: the status and links without the format, as readStatusAndLinks reads them', (file, text) => {
    const doc = statusDocument(text, file)
    const {format: _format, ...slow} = readStatusAndLinks(doc)
    expect(readStatusAndLinksOfAnyFormat(doc)).toEqual(slow)
  })

  // texts made of every four pieces below: front matter, statuses, references, links, headings, fences,
  // mutable and immutable keys, blank and trailing white space, a title with a number
  const PIECES = [
    '---\n',
    'status: accepted\n',
    'links: [{rel: amends, target: 4}]\n',
    '## Status\n',
    'Superseded by [5. X](0005-x.md)\n',
    '* Status: x [Y](0002-y.md)\n',
    '# 7. T\n',
    '```\n',
    '  \n',
    'Text. \r\n',
  ]
  const built = (count: number): string[] => (count === 0 ? [''] : built(count - 1).flatMap((head) => PIECES.map((p) => head + p)))
  it(`on ${PIECES.length ** 4} texts built from four pieces each`, () => {
    const file = '0009-built.md'
    expect(
      disagreements(
        built(4),
        (text) => readHistoryVersion(text, file),
        (text) => readVersion(text, file),
      ),
    ).toEqual([])
  })

  it(`reads the status and links of the ${PIECES.length ** 4} built texts without the format, as readStatusAndLinks does`, () => {
    // front matter without a status beside a Status section and fields, an empty section before a field …
    const file = '0009-built.md'
    const statusOnly = ({format: _format, ...read}: ReturnType<typeof readStatusAndLinks>) => read
    expect(
      disagreements(
        built(4).map((text) => statusDocument(text, file)),
        (doc) => readStatusAndLinksOfAnyFormat(doc),
        (doc) => statusOnly(readStatusAndLinks(doc)),
      ),
    ).toEqual([])
  })
})

/** The document `readHistoryVersion` hands to the status reader. */
function statusDocument(text: string, file: string): StatusDocument {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const lines = splitLines(body)
  const {frontMatter, bodyStart} = readFrontMatter(body, lines)
  const headings = scanHeadings(lines, bodyStart)
  return {file, lines, bodyStart, frontMatter, headings, sections: sectionBounds(lines, headings), name: parseFileName(file)}
}
