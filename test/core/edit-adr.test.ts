import {describe, expect, it} from 'vitest'
import {addLink, linkTargetOf, removeStatusLine, setStatus, supersede} from '../../src/core/adr/edit-adr.js'
import {parseAdr} from '../../src/core/adr/parse-adr.js'

/** An ADR as adr-tools writes it. */
function nygard(number: number, title: string, status = 'Accepted', extra = ''): string {
  return `# ${number}. ${title}\n\nDate: 1992-01-12\n\n## Status\n\n${status}\n${extra}\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n`
}

const first = () => parseAdr(nygard(1, 'First Record'), '0001-first-record.md')
const second = () => parseAdr(nygard(2, 'Second Record'), '0002-second-record.md')

/** The lines that differ between two texts, by index (texts of equal line count). */
function changedLines(before: string, after: string): number[] {
  const a = before.split('\n')
  const b = after.split('\n')
  return a.flatMap((line, i) => (line === b[i] ? [] : [i + 1]))
}

describe('linkTargetOf', () => {
  it('labels with the title line without "# ", as adr-tools does', () => {
    expect(linkTargetOf(first())).toEqual({number: 1, file: '0001-first-record.md', label: '1. First Record'})
  })

  it('labels a MADR ADR with its title heading', () => {
    const adr = parseAdr('---\nstatus: proposed\n---\n# Use Postgres\n', '0004-use-postgres.md')
    expect(linkTargetOf(adr).label).toBe('Use Postgres')
  })
})

describe('addLink (adr-tools files)', () => {
  it('inserts the link as its own paragraph before the heading that follows ## Status', () => {
    const linked = addLink(first(), 'Amended by', linkTargetOf(second()))
    expect(linked.text).toBe(nygard(1, 'First Record', 'Accepted', '\nAmended by [2. Second Record](0002-second-record.md)\n'))
    expect(linked.links.map((l) => [l.relKey, l.targetNumber])).toEqual([['amended by', 2]])
  })

  it('adds further links in the order given', () => {
    const third = parseAdr(nygard(3, 'Third Record'), '0003-third-record.md')
    const linked = addLink(addLink(third, 'Amends', linkTargetOf(first())), 'Clarifies', linkTargetOf(second()))
    expect(linked.text).toContain(
      '## Status\n\nAccepted\n\nAmends [1. First Record](0001-first-record.md)\n\nClarifies [2. Second Record](0002-second-record.md)\n\n## Context\n',
    )
  })

  it('appends the link when nothing follows the Status section', () => {
    const adr = parseAdr('# 1. Only\n\nDate: 1992-01-12\n\n## Status\n\nAccepted\n', '0001-only.md')
    expect(addLink(adr, 'Amends', linkTargetOf(second())).text).toBe(
      '# 1. Only\n\nDate: 1992-01-12\n\n## Status\n\nAccepted\n\nAmends [2. Second Record](0002-second-record.md)\n',
    )
  })

  it('keeps CRLF line endings, on the inserted lines too', () => {
    const adr = parseAdr(nygard(1, 'First Record').replace(/\n/g, '\r\n'), '0001-first-record.md')
    const linked = addLink(adr, 'Amends', linkTargetOf(second()))
    expect(linked.text).toBe(
      nygard(1, 'First Record', 'Accepted', '\nAmends [2. Second Record](0002-second-record.md)\n').replace(/\n/g, '\r\n'),
    )
  })

  it('refuses a file without a ## Status section', () => {
    const adr = parseAdr('# 1. X\n\nDate: 1992-01-12\n\n## Context\n', '0001-x.md')
    adr.format = 'nygard'
    expect(() => addLink(adr, 'Amends', linkTargetOf(second()))).toThrow(expect.objectContaining({code: 'INVALID_ARGUMENT'}))
  })
})

describe('removeStatusLine', () => {
  it('drops the status line and folds the blank lines around it, as adr-tools does', () => {
    const linked = addLink(first(), 'Superceded by', linkTargetOf(second()))
    expect(removeStatusLine(linked).text).toBe(nygard(1, 'First Record', 'Superceded by [2. Second Record](0002-second-record.md)'))
  })

  it('leaves a MADR file alone', () => {
    const adr = parseAdr('---\nstatus: accepted\n---\n# X\n', '0001-x.md')
    expect(removeStatusLine(adr).text).toBe(adr.text)
  })
})

describe('supersede', () => {
  it('writes both sides of an adr-tools supersession byte for byte', () => {
    const {old, by} = supersede(first(), second())
    expect(old.text).toBe(nygard(1, 'First Record', 'Superceded by [2. Second Record](0002-second-record.md)'))
    expect(by.text).toBe(nygard(2, 'Second Record', 'Accepted', '\nSupercedes [1. First Record](0001-first-record.md)\n'))
    expect(old.status).toBe('superseded')
    expect(by.status).toBe('accepted')
  })

  it('in MADR files sets status: superseded and adds typed links to the front matter', () => {
    const a = parseAdr('---\nstatus: accepted\ndate: 2026-01-01\n---\n# Use MySQL\n\nBody.\n', '0003-use-mysql.md')
    const b = parseAdr('---\nstatus: proposed\ndate: 2026-02-01\n---\n# Use Postgres\n', '0005-use-postgres.md')
    const {old, by} = supersede(a, b)
    expect(old.text).toBe(
      '---\nstatus: superseded\ndate: 2026-01-01\nlinks:\n  - {rel: superseded by, target: 5}\n---\n# Use MySQL\n\nBody.\n',
    )
    expect(by.text).toBe('---\nstatus: proposed\ndate: 2026-02-01\nlinks:\n  - {rel: supersedes, target: 3}\n---\n# Use Postgres\n')
    expect(old.status).toBe('superseded')
    expect(by.links.map((l) => [l.relKey, l.targetNumber])).toEqual([['supersedes', 3]])
  })
})

describe('setStatus changes only the status line', () => {
  it.each([
    {name: 'adr-tools status line', text: nygard(3, 'X'), status: 'deprecated', line: '\nDeprecated\n', expected: 'deprecated'},
    {
      name: 'lowercase status line stays lowercase',
      text: nygard(3, 'X', 'proposed'),
      status: 'accepted',
      line: '\naccepted\n',
      expected: 'accepted',
    },
    {
      name: 'MADR front matter',
      text: '---\nstatus: proposed # was draft\ndate: 2026-01-01\n---\n# X\n',
      status: 'accepted',
      line: 'status: accepted # was draft',
      expected: 'accepted',
    },
    {
      name: 'MADR 2 bullet',
      text: '# X\n\n* Status: proposed\n* Date: 2020-01-01\n\n## Context\n',
      status: 'rejected',
      line: '* Status: rejected',
      expected: 'rejected',
    },
    {
      name: 'bold status line',
      text: '# X\n\n**Status:** Proposed\n\n## Context\n',
      status: 'accepted',
      line: '**Status:** Accepted',
      expected: 'accepted',
    },
    {
      name: 'log4brains bullet',
      text: '# X\n\n- Status: draft\n- Date: 2020-01-01\n',
      status: 'proposed',
      line: '- Status: proposed',
      expected: 'proposed',
    },
  ])('$name', ({text, status, line, expected}) => {
    const adr = parseAdr(text, '0003-x.md')
    const changed = setStatus(adr, status)
    expect(changed.status).toBe(expected)
    expect(changed.text).toContain(line)
    expect(changedLines(text, changed.text)).toHaveLength(1)
  })

  it('adds status: to front matter that has none', () => {
    const adr = parseAdr('---\ndate: 2026-01-01\n---\n# X\n', '0001-x.md')
    expect(setStatus(adr, 'accepted').text).toBe('---\nstatus: accepted\ndate: 2026-01-01\n---\n# X\n')
  })

  it('writes a status into an adr-tools Status section that has only links', () => {
    const adr = parseAdr(nygard(1, 'X', 'Amends [2. Y](0002-y.md)'), '0001-x.md')
    const changed = setStatus(adr, 'accepted')
    expect(changed.text).toContain('## Status\n\nAccepted\n\nAmends [2. Y](0002-y.md)\n\n## Context')
    expect(changed.status).toBe('accepted')
  })

  it('keeps a BOM and CRLF', () => {
    const text = `\uFEFF${nygard(1, 'X')}`.replace(/\n/g, '\r\n')
    const changed = setStatus(parseAdr(text, '0001-x.md'), 'deprecated')
    expect(changed.text).toBe(text.replace('\r\nAccepted\r\n', '\r\nDeprecated\r\n'))
  })
})

describe('addLink (front matter)', () => {
  const target = {number: 9, file: '0009-y.md', label: 'Y'}
  it.each([
    {
      name: 'appends to an existing block list, in its indentation',
      text: '---\nstatus: accepted\nlinks:\n- {rel: amends, target: 2}\ntags: [a]\n---\n# X\n',
      expected: '---\nstatus: accepted\nlinks:\n- {rel: amends, target: 2}\n- {rel: relates to, target: 9}\ntags: [a]\n---\n# X\n',
    },
    {
      name: 'after block-mapping items',
      text: '---\nlinks:\n  - rel: amends\n    target: 2\n---\n# X\n',
      expected: '---\nlinks:\n  - rel: amends\n    target: 2\n  - {rel: relates to, target: 9}\n---\n# X\n',
    },
    {
      name: 'turns links: [] into a block list',
      text: '---\nstatus: accepted\nlinks: []\n---\n# X\n',
      expected: '---\nstatus: accepted\nlinks:\n  - {rel: relates to, target: 9}\n---\n# X\n',
    },
    {
      name: 'rewrites a one-line flow list as a block list',
      text: '---\nlinks: [{rel: amends, target: 2}]\n---\n# X\n',
      expected: '---\nlinks:\n  - {rel: amends, target: 2}\n  - {rel: relates to, target: 9}\n---\n# X\n',
    },
    {
      name: 'gives a MADR 2 file front matter holding only the link',
      text: '# X\n\n* Status: accepted\n',
      expected: '---\nlinks:\n  - {rel: relates to, target: 9}\n---\n# X\n\n* Status: accepted\n',
    },
  ])('$name', ({text, expected}) => {
    const linked = addLink(parseAdr(text, '0001-x.md'), 'Relates to', target)
    expect(linked.text).toBe(expected)
    expect(linked.problems).toEqual([])
    expect(linked.links.at(-1)).toMatchObject({relKey: 'relates to', targetNumber: 9, origin: 'front-matter'})
  })

  it('quotes a relation that is not a safe plain YAML scalar', () => {
    const linked = addLink(parseAdr('---\nstatus: accepted\n---\n# X\n', '0001-x.md'), 'see: also', target)
    expect(linked.text).toContain('  - {rel: "see: also", target: 9}\n')
    expect(linked.problems).toEqual([])
  })
})
