import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parseAdr} from '../../src/core/adr/parse-adr.js'
import {fillTemplate, normaliseTitle} from '../../src/core/adr/render-new-adr.js'
import {PROJECT_ROOT} from '../helpers/run-command.js'

const values = {number: 7, title: 'Use PostgreSQL', date: '2026-11-22', status: 'Accepted'}

describe('fillTemplate', () => {
  it('fills the four placeholders', () => {
    expect(fillTemplate('# NUMBER. TITLE\n\nDate: DATE\n\nSTATUS\n', values)).toBe('# 7. Use PostgreSQL\n\nDate: 2026-11-22\n\nAccepted\n')
  })

  it('replaces the first occurrence of each placeholder on a line, as sed without g does', () => {
    expect(fillTemplate('TITLE and TITLE\nNUMBER NUMBER\n', values)).toBe('Use PostgreSQL and TITLE\n7 NUMBER\n')
  })

  it('takes values literally: & | \\ $& and placeholder words in a title are written as typed', () => {
    const title = 'A & B | C \\ D $& $1 DATE NUMBER'
    expect(fillTemplate('# NUMBER. TITLE (DATE)\n', {...values, title})).toBe(`# 7. ${title} (2026-11-22)\n`)
  })

  it('keeps CRLF line endings', () => {
    expect(fillTemplate('# TITLE\r\nDate: DATE\r\n', values)).toBe('# Use PostgreSQL\r\nDate: 2026-11-22\r\n')
  })
})

describe('normaliseTitle', () => {
  it.each([
    {words: ['The', 'First', 'Decision'], title: 'The First Decision'},
    {words: ['Line\none', 'and\r\ntwo'], title: 'Line one and two'},
    {words: ['  spaced  '], title: 'spaced'},
    {words: [], title: ''},
    {words: ['Café 🚀'], title: 'Café 🚀'},
  ])('$words → "$title"', ({words, title}) => {
    expect(normaliseTitle(words)).toBe(title)
  })
})

describe('the built-in templates', () => {
  it.each([
    'nygard',
    'nygard-init',
    'madr',
    'madr-init',
    'madr-minimal',
    'y-statement',
  ])('%s renders to an ADR that parses cleanly', (name) => {
    const template = readFileSync(path.join(PROJECT_ROOT, 'adr-templates', `${name}.md`), 'utf8')
    const nygard = name.startsWith('nygard')
    const text = fillTemplate(template, {...values, status: nygard ? 'Accepted' : 'proposed'})
    expect(text).not.toMatch(/\b(NUMBER|TITLE|DATE|STATUS)\b/)
    const adr = parseAdr(text, '0007-use-postgresql.md')
    expect(adr.problems).toEqual([])
    expect(adr.format).toBe(nygard ? 'nygard' : 'madr')
    expect(adr.title).toBe('Use PostgreSQL')
    expect(adr.status).toBe(nygard ? 'accepted' : 'proposed')
    expect(adr.date).toBe('2026-11-22')
  })
})
