import {describe, expect, it} from 'vitest'
import {parseAdr} from '../../src/core/adr/parse-adr.js'
import {renderToc, renderTocEntries} from '../../src/core/adr/render-toc.js'
import {findTocBlock, newTocDocument, spliceToc, tocEntriesFor, tocIsCurrent, tocStartMarker} from '../../src/core/adr/toc-block.js'

const first = parseAdr('# 1. First Decision\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n', '0001-first-decision.md')
const piped = parseAdr('---\nstatus: proposed\ndate: 2026-03-04\n---\n# Use A | B\n', '0002-use-a-or-b.md')
const undated = parseAdr('# Use Z\n', 'use-z.md')
const web = {name: 'web', path: 'packages/web/adr'}
const api = {name: 'api', path: 'packages/api/adr'}

describe('renderToc --long', () => {
  it('is a table with number, title, status and date; empty cells for what an ADR lacks', () => {
    expect(renderToc([first, piped, undated], {long: true, prefix: 'doc/adr/'})).toBe(
      [
        '# Architecture Decision Records',
        '',
        '| # | Title | Status | Date |',
        '| ---: | --- | --- | --- |',
        '| 1 | [First Decision](doc/adr/0001-first-decision.md) | accepted | 2026-01-01 |',
        '| 2 | [Use A \\| B](doc/adr/0002-use-a-or-b.md) | proposed | 2026-03-04 |',
        '|  | [Use Z](doc/adr/use-z.md) |  |  |',
        '',
      ].join('\n'),
    )
  })

  it('prints the header of an empty table when there are no ADRs', () => {
    expect(renderTocEntries([], {long: true})).toEqual(['| # | Title | Status | Date |', '| ---: | --- | --- | --- |'])
  })

  it('gives each of several directories its heading and its own table', () => {
    const lines = renderTocEntries(
      [
        {...first, dir: web},
        {...first, dir: api},
      ],
      {long: true},
    )
    expect(lines).toEqual([
      '## web',
      '',
      '| # | Title | Status | Date |',
      '| ---: | --- | --- | --- |',
      '| 1 | [First Decision](packages/web/adr/0001-first-decision.md) | accepted | 2026-01-01 |',
      '',
      '## api',
      '',
      '| # | Title | Status | Date |',
      '| ---: | --- | --- | --- |',
      '| 1 | [First Decision](packages/api/adr/0001-first-decision.md) | accepted | 2026-01-01 |',
    ])
  })
})

describe('findTocBlock', () => {
  it('finds the markers on lines of their own and reads the options the opening one records', () => {
    const block = findTocBlock('Top\n  <!-- adrgate:toc long prefix=../adr/ package=web -->\nold\n<!-- /adrgate:toc -->\nEnd\n')
    expect(block).toMatchObject({
      ok: true,
      line: 2,
      options: {long: true, prefix: '../adr/', package: 'web'},
      unknownWords: [],
      body: 'old\n',
    })
  })

  it('does not take a marker inside a line, or in a fenced code block, for one', () => {
    expect(findTocBlock('Write `<!-- adrgate:toc -->` on a line.\n')).toMatchObject({ok: false, reason: 'none'})
    expect(findTocBlock('~~~\n<!-- adrgate:toc -->\n<!-- /adrgate:toc -->\n~~~\n')).toMatchObject({ok: false, reason: 'none'})
  })

  it('names the line of an unpaired or a second marker', () => {
    expect(findTocBlock('a\n<!-- adrgate:toc -->\n')).toEqual({ok: false, reason: 'unclosed', line: 2})
    expect(findTocBlock('<!-- /adrgate:toc -->\n')).toEqual({ok: false, reason: 'unclosed', line: 1})
    expect(findTocBlock('<!-- adrgate:toc -->\n<!-- /adrgate:toc -->\n\n<!-- /adrgate:toc -->\n')).toEqual({
      ok: false,
      reason: 'several',
      line: 4,
    })
  })

  it('keeps a word it does not know, for lint to report', () => {
    expect(findTocBlock('<!-- adrgate:toc wide -->\n<!-- /adrgate:toc -->\n')).toMatchObject({ok: true, unknownWords: ['wide']})
  })
})

describe('spliceToc', () => {
  const entries = ['* [1. First Decision](0001-first-decision.md)']

  it('replaces the entries only, in the document line ending, keeping the rest byte for byte', () => {
    const text = '\ufeffA\r\n<!-- adrgate:toc -->\r\nx\r\n<!-- /adrgate:toc -->\r\nB'
    const block = findTocBlock(text)
    if (!block.ok) throw new Error('no block')
    expect(spliceToc(block, entries, {})).toBe(
      '\ufeffA\r\n<!-- adrgate:toc -->\r\n\r\n* [1. First Decision](0001-first-decision.md)\r\n\r\n<!-- /adrgate:toc -->\r\nB',
    )
  })

  it('rewrites the opening marker (keeping its indentation) only when the options change', () => {
    const block = findTocBlock('  <!--adrgate:toc-->\n<!-- /adrgate:toc -->\n')
    if (!block.ok) throw new Error('no block')
    expect(spliceToc(block, entries, {})).toMatch(/^ {2}<!--adrgate:toc-->\n/)
    expect(spliceToc(block, entries, {long: true, prefix: 'x/'})).toMatch(/^ {2}<!-- adrgate:toc long prefix=x\/ -->\n/)
  })

  it('writes a new document with a heading and the markers', () => {
    expect(newTocDocument(entries, {})).toBe(
      '# Architecture Decision Records\n\n<!-- adrgate:toc -->\n\n* [1. First Decision](0001-first-decision.md)\n\n<!-- /adrgate:toc -->\n',
    )
    expect(tocStartMarker({package: 'web'})).toBe('<!-- adrgate:toc package=web -->')
  })
})

describe('tocIsCurrent', () => {
  it('ignores line endings, trailing spaces and blank lines at either end, nothing else', () => {
    const entries = ['* [1. A](a.md)', '* [2. B](b.md)']
    expect(tocIsCurrent('\r\n\r\n* [1. A](a.md)  \r\n* [2. B](b.md)\r\n', entries)).toBe(true)
    expect(tocIsCurrent('* [1. A](a.md)\n\n* [2. B](b.md)\n', entries)).toBe(false)
    expect(tocIsCurrent('* [1. A](a.md)\n', entries)).toBe(false)
  })
})

describe('tocEntriesFor', () => {
  it('lists one directory of several, linked from it, under no heading', () => {
    const adrs = [
      {...first, dir: web},
      {...piped, dir: api},
    ]
    const place = {prefix: '../../', dirPrefixes: {web: '../web/adr/', api: ''}}
    expect(tocEntriesFor(adrs, {package: 'api'}, place)).toEqual({ok: true, entries: ['* [2. Use A | B](0002-use-a-or-b.md)']})
    expect(tocEntriesFor(adrs, {package: 'web'}, place)).toEqual({
      ok: true,
      entries: ['* [1. First Decision](../web/adr/0001-first-decision.md)'],
    })
    expect(tocEntriesFor(adrs, {package: 'ios'}, place)).toEqual({ok: false, unknownPackage: 'ios', names: ['web', 'api']})
    expect(tocEntriesFor(adrs, {}, place)).toMatchObject({
      ok: true,
      entries: ['## web', '', '* [1. First Decision](../../packages/web/adr/0001-first-decision.md)', '', '## api', '', expect.any(String)],
    })
  })
})
