import {existsSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parseAdr} from '../../src/core/adr/parse-adr.js'

describe('parseAdr', () => {
  it('reads an adr-tools record with links', () => {
    const adr = parseAdr(
      '# 2. Second Record\n\nDate: 2026-01-02\n\n## Status\n\nAccepted\n\nSupercedes [1. First](0001-first.md)\n\n## Context\n\nWhy.\n',
      '0002-second-record.md',
    )
    expect(adr).toMatchObject({number: 2, title: 'Second Record', status: 'accepted', statusLine: 7, date: '2026-01-02', format: 'nygard'})
    expect(adr.links).toMatchObject([{rel: 'Supercedes', relKey: 'supersedes', targetNumber: 1, targetFile: '0001-first.md', line: 9}])
    expect(adr.problems).toEqual([])
  })

  it('reads MADR 4 front matter and keeps dates as strings', () => {
    const adr = parseAdr(
      '---\nstatus: accepted\ndate: 2026-11-20\ndecision-makers: [dana]\n---\n# Use X\n\n## Context and Problem Statement\n\nText\n',
      '0012-use-x.md',
    )
    expect(adr).toMatchObject({
      number: 12,
      title: 'Use X',
      status: 'accepted',
      statusLine: 2,
      date: '2026-11-20',
      deciders: ['dana'],
      format: 'madr',
    })
  })

  it('reads MADR 2 bullets and log4brains', () => {
    expect(parseAdr('# Use Y\n\n* Status: proposed\n* Deciders: a, b\n', 'adr-007-use-y.md')).toMatchObject({
      number: 7,
      status: 'proposed',
      deciders: ['a', 'b'],
    })
    expect(parseAdr('# Use Z\n\n- Status: accepted\n- Date: 2020-01-01\n', '20200101-use-z.md')).toMatchObject({
      format: 'log4brains',
      status: 'accepted',
      date: '2020-01-01',
    })
  })

  it('never evaluates JavaScript front matter', () => {
    for (const lang of ['js', 'javascript']) {
      const adr = parseAdr(`---${lang}\n{status: (globalThis.pwned = 1)}\n---\n# T\n`, '0001-t.md')
      expect(adr.problems.map((p) => p.rule)).toContain('parse/front-matter-language')
      expect((globalThis as {pwned?: number}).pwned).toBeUndefined()
    }
  })

  it('reports every language but YAML that a fence declares, evaluates none, and still reads the body', () => {
    const marker = path.join(tmpdir(), `adrgate-front-matter-${process.pid}`)
    // What gray-matter's default engines would run: JavaScript with require in scope.
    const payload = `{status: require('fs').writeFileSync(${JSON.stringify(marker)}, 'evaluated')}`
    for (const lang of ['js', 'JS', 'javascript', 'coffee', 'coffeescript', 'cson', 'json', 'toml']) {
      const adr = parseAdr(`---${lang}\n${payload}\n---\n# 1. Use X\n\n## Status\n\nAccepted\n`, '0001-use-x.md')
      expect(adr.problems, lang).toEqual([expect.objectContaining({rule: 'parse/front-matter-language', line: 1, column: 4})])
      expect(adr.problems[0].message).toContain(`\`---${lang}\``)
      expect(adr).toMatchObject({title: 'Use X', status: 'accepted'})
    }
    expect(existsSync(marker)).toBe(false)
  })

  it('splits front matter as gray-matter does, with the lines of the file', () => {
    const adr = parseAdr('---yaml\r\nstatus: accepted\r\ndate: 2026-11-20\r\n---\r\n# Use Y\r\n', '0002-use-y.md')
    expect(adr.problems).toEqual([])
    expect(adr.frontMatter).toMatchObject({raw: 'status: accepted\ndate: 2026-11-20', startLine: 1, endLine: 4})
    expect(adr).toMatchObject({status: 'accepted', date: '2026-11-20', title: 'Use Y'})
    expect(parseAdr('---\nstatus: accepted\n# Use Z\n', '0003-use-z.md').problems).toEqual([
      expect.objectContaining({rule: 'parse/front-matter-unclosed', line: 1}),
    ])
    expect(parseAdr('----\n# Use Z\n', '0003-use-z.md')).toMatchObject({problems: [], frontMatter: undefined, title: 'Use Z'})
    expect(parseAdr('---\n# only a comment\n---\n# Use Z\n', '0003-use-z.md')).toMatchObject({problems: [], frontMatter: {data: {}}})
  })

  it('locates invalid YAML', () => {
    const adr = parseAdr('---\nstatus: accepted\ndate: [oops\n---\n# T\n', '0001-t.md')
    expect(adr.problems[0]).toMatchObject({rule: 'parse/yaml', severity: 'error'})
    expect(adr.problems[0].line).toBeGreaterThanOrEqual(3)
  })
})
