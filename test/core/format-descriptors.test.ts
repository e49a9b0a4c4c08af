import {describe, expect, it} from 'vitest'
import {BUILT_IN_TEMPLATES} from '../../src/adapters/template-store.js'
import {parseAdr} from '../../src/core/adr/parse-adr.js'
import {DEFAULT_FORMAT, FORMAT_IDS, FORMATS, formatOf, formatOfTemplate, INIT_FORMATS} from '../../src/core/formats/index.js'

describe('the format descriptors', () => {
  it('name every built-in template once, and only built-in ones', () => {
    const named = FORMATS.flatMap((f) => f.templates)
    expect([...named].sort()).toEqual([...BUILT_IN_TEMPLATES].sort())
    for (const format of FORMATS) if (format.initTemplate) expect(format.templates).toContain(format.initTemplate)
  })

  it('give the format of each built-in template', () => {
    expect(BUILT_IN_TEMPLATES.map((t) => [t, formatOfTemplate(t)])).toEqual([
      ['nygard', 'nygard'],
      ['madr', 'madr'],
      ['madr-minimal', 'madr'],
      ['y-statement', 'madr'],
      ['log4brains', 'log4brains'],
      ['nygard-init', 'nygard'],
      ['madr-init', 'madr'],
    ])
  })

  it('list the formats commands offer, MADR first, and the ones a repository may start in', () => {
    expect(FORMAT_IDS).toEqual(['madr', 'nygard', 'log4brains'])
    expect(INIT_FORMATS).toEqual(['madr', 'nygard'])
    expect(DEFAULT_FORMAT.id).toBe('madr')
  })

  it('read each format at its own place first, or at a place its recognition rules out before it', () => {
    for (const format of FORMATS) {
      const own = format.reads.status.indexOf(format.status)
      expect(own, format.id).toBeGreaterThanOrEqual(0)
      expect(format.reads.date, format.id).toContain(format.date)
    }
  })
})

describe('the parser reads the places a descriptor names, in its order', () => {
  it('MADR: the front matter status before a Status section, whose links are still read', () => {
    const adr = parseAdr(
      '---\nstatus: accepted\n---\n# Use X\n\n## Status\n\nProposed\n\nAmends [2. Y](0002-y.md)\n\n## Context and Problem Statement\n\nWhy.\n',
      '0003-use-x.md',
    )
    expect(adr.format).toBe('madr')
    expect(formatOf(adr.format).reads.status[0]).toBe('front-matter')
    expect([adr.status, adr.statusLine]).toEqual(['accepted', 2])
    expect(adr.links.map((l) => [l.relKey, l.targetNumber, l.origin])).toEqual([['amends', 2, 'status-section']])
  })

  it('adr-tools: the Status section before a `Status:` line; an empty section falls through to the line', () => {
    const both = parseAdr('# 3. Use X\n\nStatus: Proposed\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n', '0003-use-x.md')
    expect([both.format, both.statusText, both.statusLine]).toEqual(['nygard', 'Accepted', 7])
    const empty = parseAdr('# 3. Use X\n\nStatus: Proposed\n\n## Status\n\n## Context\n\nWhy.\n', '0003-use-x.md')
    expect([empty.format, empty.statusText, empty.statusLine]).toEqual(['nygard', 'Proposed', 3])
    const none = parseAdr('# 3. Use X\n\n## Status\n\n## Context\n\nWhy.\n', '0003-use-x.md')
    expect([none.statusText, none.statusLine]).toEqual([undefined, 3])
  })

  it('log4brains: the `- Status:` field and its link, the date from the field before the file name', () => {
    const adr = parseAdr(
      '# Use X\n\n- Status: superseded by [20210101-use-y](20210101-use-y.md)\n- Date: 2020-11-02\n\n## Context and Problem Statement\n\nWhy.\n',
      '20201002-use-x.md',
    )
    expect([adr.format, adr.status, adr.date]).toEqual(['log4brains', 'superseded', '2020-11-02'])
    expect(adr.links.map((l) => [l.relKey, l.targetFile])).toEqual([['superseded by', '20210101-use-y.md']])
    const undated = parseAdr('# Use X\n\n- Status: accepted\n', '20201002-use-x.md')
    expect(undated.date).toBe('2020-10-02')
  })
})
