import {describe, expect, it} from 'vitest'
import {parseAdr} from '../../src/core/adr/parse-adr.js'
import {markdownLinkTarget, markdownLinkText, renderToc} from '../../src/core/adr/render-toc.js'
import {visible, visibleField} from '../../src/core/visible.js'

describe('visible', () => {
  it('shows ESC sequences, OSC 8 links, bells, lone CRs and bidi overrides instead of obeying them', () => {
    expect(visible('\x1b[2J\x1b]8;;https://evil.example\x07click\x1b]8;;\x07')).toBe('␛[2J␛]8;;https://evil.example␇click␛]8;;␇')
    expect(visible('safe\rFAKE')).toBe('safe␍FAKE')
    expect(visible('abc\u202edcba\u009b')).toBe('abc\\u202edcba\\u009b')
    expect(visible('\x7f')).toBe('\\u007f')
  })

  it('keeps line feeds, tabs and CRLF line ends, and plain text byte for byte', () => {
    expect(visible('a\tb\r\nc\nd — ünïcode ✓')).toBe('a\tb\r\nc\nd — ünïcode ✓')
  })

  it('keeps a JSON document valid and exact', () => {
    const json = JSON.stringify({title: 'x\x1b\u202e\x7f\u0085y'})
    expect(JSON.parse(visible(json))).toEqual({title: 'x\x1b\u202e\x7f\u0085y'})
  })

  it('shows line breaks and tabs too in a single field', () => {
    expect(visibleField('a\nb\tc')).toBe('a␤b␉c')
  })
})

describe('generate toc escapes Markdown in titles', () => {
  it('a title cannot close the link, start another one, or add an entry', () => {
    expect(markdownLinkText('Use [X](https://evil.example) \\ <script>\nfake')).toBe(
      'Use \\[X\\](https://evil.example) \\\\ &lt;script> fake',
    )
    expect(markdownLinkTarget('0001-a (b).md')).toBe('<0001-a (b).md>')
    const adr = parseAdr('# 1. Use [X](https://evil.example)\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n', '0001-use-x.md')
    expect(renderToc([adr])).toBe('# Architecture Decision Records\n\n* [1. Use \\[X\\](https://evil.example)](0001-use-x.md)\n')
  })

  it('leaves plain titles as adr-tools writes them', () => {
    const adr = parseAdr('# 2. Use PostgreSQL 16 (for now)\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n', '0002-use-postgresql.md')
    expect(renderToc([adr])).toBe('# Architecture Decision Records\n\n* [2. Use PostgreSQL 16 (for now)](0002-use-postgresql.md)\n')
  })
})
