import {describe, expect, it} from 'vitest'
import {parseAdr} from '../../src/core/adr/parse-adr.js'
import {formatAdrLabel, renderToc} from '../../src/core/adr/render-toc.js'

const first = parseAdr('# 1. First Decision\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n', '0001-first-decision.md')
const madr = parseAdr('---\nstatus: proposed\n---\n# Use PostgreSQL\n', '0012-use-postgresql.md')
const dated = parseAdr('# Use Z\n\n- Status: accepted\n', '20200101-use-z.md')

describe('renderToc', () => {
  it('prints the heading alone when there are no ADRs', () => {
    expect(renderToc([])).toBe('# Architecture Decision Records\n\n')
  })

  it('numbers MADR titles like adr-tools titles, and leaves unnumbered ones bare', () => {
    expect(renderToc([first, madr, dated])).toBe(
      '# Architecture Decision Records\n\n* [1. First Decision](0001-first-decision.md)\n* [12. Use PostgreSQL](0012-use-postgresql.md)\n* [Use Z](20200101-use-z.md)\n',
    )
  })

  it('prints the blank lines of an empty intro or outro file, as adr-tools does', () => {
    expect(renderToc([first], {intro: '', outro: ''})).toBe(
      '# Architecture Decision Records\n\n\n* [1. First Decision](0001-first-decision.md)\n\n',
    )
  })

  it('copies intro and outro as they are, as `cat` would', () => {
    expect(renderToc([first], {intro: 'Hi.\n', outro: 'Bye.', prefix: 'doc/adr/'})).toBe(
      '# Architecture Decision Records\n\nHi.\n\n* [1. First Decision](doc/adr/0001-first-decision.md)\n\nBye.',
    )
  })
})

describe('formatAdrLabel', () => {
  it('joins number and title', () => {
    expect(formatAdrLabel({number: 7, title: 'Use X'})).toBe('7. Use X')
    expect(formatAdrLabel({title: 'Use X'})).toBe('Use X')
  })
})
