/**
 * Every fixture in test/fixtures/adrs, parsed, with the model it must give. The fixtures are the
 * documentation of what the parser reads; this table is its specification.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {isAdrFileName, isAdrFolderName, parseFileName} from '../../src/core/adr/file-name.js'
import type {Adr} from '../../src/core/adr/model.js'
import {parseAdr} from '../../src/core/adr/parse-adr.js'
import {PROJECT_ROOT} from '../helpers/run-command.js'

const ROOT = path.join(PROJECT_ROOT, 'test/fixtures/adrs')

type Expected = Partial<
  Pick<
    Adr,
    'number' | 'title' | 'status' | 'statusText' | 'statusLine' | 'date' | 'format' | 'deciders' | 'consulted' | 'informed' | 'tags'
  >
> & {
  links?: {relKey: string; targetNumber?: number; targetFile?: string; line: number}[]
}

const FIXTURES: Record<string, Expected> = {
  'madr4/0012-use-postgresql-as-the-primary-datastore.md': {
    number: 12,
    title: 'Use PostgreSQL as the primary datastore',
    status: 'accepted',
    statusLine: 2,
    date: '2026-04-08',
    format: 'madr',
    deciders: ['dana', 'priya'],
    consulted: ['marco'],
    informed: ['engineering-team'],
    tags: ['storage', 'ledger'],
    links: [
      {relKey: 'supersedes', targetNumber: 3, line: 9},
      {relKey: 'relates to', targetNumber: 7, targetFile: '0007-queue-pdf-rendering.md', line: 10},
    ],
  },
  'madr3/0003-use-markdown-architectural-decision-records.md': {
    number: 3,
    title: 'Use Markdown Architectural Decision Records',
    status: 'accepted',
    date: '2022-11-02',
    format: 'madr',
    deciders: ['Oliver', 'Olaf'],
    consulted: ['the architecture guild'],
    links: [],
  },
  'madr2/0002-use-plain-junit5-for-testing.md': {
    number: 2,
    title: 'Use Plain JUnit5 for advanced test assertions',
    status: 'accepted',
    statusLine: 3,
    date: '2019-05-14',
    format: 'madr',
    deciders: ['Oliver Kopp', 'Tobias Diez'],
  },
  'nygard/0001-record-architecture-decisions.md': {
    number: 1,
    title: 'Record architecture decisions',
    status: 'accepted',
    statusText: 'Accepted',
    statusLine: 7,
    date: '2026-01-12',
    format: 'nygard',
    links: [],
  },
  'nygard/0002-store-invoices-as-documents.md': {
    number: 2,
    title: 'Store invoices as documents',
    status: 'superseded',
    format: 'nygard',
    links: [{relKey: 'superseded by', targetNumber: 3, targetFile: '0003-store-invoices-in-postgresql.md', line: 7}],
  },
  'nygard/0003-store-invoices-in-postgresql.md': {
    number: 3,
    status: 'accepted',
    statusLine: 7,
    format: 'nygard',
    links: [
      {relKey: 'supersedes', targetNumber: 2, targetFile: '0002-store-invoices-as-documents.md', line: 9},
      {relKey: 'amends', targetNumber: 1, targetFile: '0001-record-architecture-decisions.md', line: 11},
    ],
  },
  'nygard/0004-written-on-windows.md': {
    number: 4,
    title: 'Written on Windows',
    status: 'accepted',
    statusText: 'Accepted',
    statusLine: 7,
    date: '2026-06-01',
    format: 'nygard',
    links: [{relKey: 'amends', targetNumber: 3, line: 9}],
  },
  'log4brains/20200925-use-markdown-architectural-decision-records.md': {
    number: undefined,
    title: 'Use Markdown Architectural Decision Records',
    status: 'accepted',
    date: '2020-09-25',
    format: 'log4brains',
    deciders: ['Thomas Vaillant'],
    tags: ['doc', 'process'],
  },
  'naming/0007-queue-pdf-rendering.md': {number: 7, title: 'Queue PDF rendering', status: 'accepted', format: 'nygard'},
  'naming/008_use-kafka-for-events.md': {number: 8, title: 'Use Kafka for events', status: 'proposed', format: 'nygard'},
  'naming/adr-009-adopt-opentelemetry.md': {number: 9, title: 'Adopt OpenTelemetry', status: 'accepted', date: '2026-03-10'},
  'naming/ADR010-retire-the-soap-api.md': {number: 10, title: 'Retire the SOAP API', status: 'deprecated', date: '2026-03-20'},
  'naming/ADR-0011-sign-webhooks.md': {number: 11, title: 'Sign webhooks', status: 'accepted', statusLine: 3, date: '2026-04-01'},
  'naming/0039-use-velocity-as-template-engine.md': {number: 39, title: 'Use Velocity as template engine', status: 'accepted'},
  'naming/DR012-split-the-billing-service.md': {number: 12, title: 'Split the billing service', format: 'nygard'},
  'naming/adr_0013_keep-audit-logs-for-a-year.md': {number: 13, title: 'Keep audit logs for a year'},
  'naming/2024-02-19-adopt-feature-flags.md': {number: undefined, title: 'Adopt feature flags', date: '2024-02-19'},
  'naming/0014-use-kafka-for-events/README.md': {number: 14, title: 'Use Kafka for events', status: 'accepted'},
  'naming/0015-retire-the-nightly-export/index.md': {
    number: 15,
    status: 'accepted',
    links: [{relKey: 'amends', targetNumber: 14, targetFile: '0014-use-kafka-for-events/README.md', line: 9}],
  },
  'titles/0012-front-matter-title-with-a-number.md': {number: 12, title: 'Front matter title with a number', status: 'accepted'},
  'dates/0001-date-bullet.md': {number: 1, status: 'accepted', date: '2021-06-30'},
  'dates/0002-date-in-a-changelog.md': {number: 2, title: 'Date in a changelog', status: 'accepted', date: '2020-11-12', format: 'nygard'},
  'dates/0003-no-date-written.md': {number: 3, status: 'accepted', date: undefined, format: 'madr'},
  'nygard/0005-with-site-front-matter.md': {
    number: 5,
    title: 'Publish the ADRs on the developer portal',
    status: 'accepted',
    date: '2026-05-02',
    format: 'nygard',
  },
  'status/0007-in-a-blockquote.md': {number: 7, status: 'accepted', statusText: '> Accepted', statusLine: 7},
  'status/0008-with-emoji.md': {number: 8, status: 'accepted', statusLine: 7},
  'status/0009-superseded-with-emoji-and-link.md': {
    number: 9,
    status: 'superseded',
    links: [{relKey: 'superseded by', targetNumber: 10, targetFile: '0010-plain-status-line.md', line: 7}],
  },
  'status/0010-plain-status-line.md': {number: 10, title: 'Plain status line', status: 'accepted', statusLine: 3, date: '2026-03-04'},
  'status/0011-status-heading-at-depth-three.md': {number: 11, status: 'proposed', statusLine: 9},
  'status/0012-status-with-a-reference.md': {
    number: 12,
    status: 'accepted',
    statusText: 'accepted; supersedes ADR-0009',
    links: [{relKey: 'supersedes', targetNumber: 9, line: 7}],
  },
  'status/0013-link-with-trailing-full-stop.md': {
    number: 13,
    status: 'accepted',
    links: [{relKey: 'amends', targetNumber: 12, targetFile: '0012-status-with-a-reference.md', line: 9}],
  },
  'status/0014-a-custom-status-word.md': {number: 14, status: 'accepted', statusText: 'Implemented'},
  'status/0015-status-with-a-capitalised-file-name.md': {
    number: 15,
    status: 'superseded',
    links: [{relKey: 'replaced by', targetNumber: 16, targetFile: 'ADR-0016-Move-To-Events.md', line: 7}],
  },
  'titles/0007-numbered-title.md': {number: 7, title: 'Numbered title', status: 'accepted'},
  'titles/0008-prefixed-title.md': {number: 8, title: 'Prefixed title', status: 'rejected'},
  'titles/0009-plain-title.md': {number: 9, title: 'Plain title', status: 'proposed'},
  'titles/0010-99-luft-balloons.md': {number: 10, title: '99 Luft Balloons', status: 'accepted'},
  'titles/0011-1999.md': {number: 11, title: '1999', status: 'accepted'},
  'status/0001-in-front-matter.md': {number: 1, status: 'accepted', statusLine: 2, format: 'madr'},
  'status/0002-in-a-status-section.md': {number: 2, status: 'deprecated', statusLine: 5, format: 'nygard'},
  'status/0003-in-star-bullets.md': {
    number: 3,
    status: 'superseded',
    statusLine: 3,
    deciders: ['dana'],
    links: [{relKey: 'superseded by', targetNumber: 4, targetFile: '0004-in-dash-bullets.md', line: 3}],
  },
  'status/0004-in-dash-bullets.md': {number: 4, status: 'proposed', statusLine: 3, date: '2026-05-01'},
  'status/0005-in-bold.md': {number: 5, status: 'accepted', statusText: 'Accepted', statusLine: 3},
  'status/0006-superseded-by-in-front-matter.md': {
    number: 6,
    status: 'superseded',
    statusText: 'superseded by ADR-0007',
    date: '2026-01-20',
  },
}

const NOT_ADRS = [
  'not-adrs/000-adr-template.md',
  'not-adrs/adr-template.md',
  'not-adrs/ADRXXX-template.md',
  'not-adrs/0000-template.md',
  'not-adrs/template.md',
  'not-adrs/README.md',
  'not-adrs/index.md',
]

function allFixtures(): string[] {
  return readdirSync(ROOT, {recursive: true, encoding: 'utf8'})
    .filter((f) => f.endsWith('.md') && f.includes(path.sep))
    .map((f) => f.split(path.sep).join('/'))
    .sort()
}

describe('ADR fixtures', () => {
  it('every fixture file is in the table (or is not an ADR)', () => {
    expect(allFixtures()).toEqual([...Object.keys(FIXTURES), ...NOT_ADRS].sort())
  })

  it.each(Object.entries(FIXTURES))('%s', (file, expected) => {
    // a folder-per-ADR fixture (`0014-x/README.md`) is named by its folder, as the ADR directory lists it
    const parts = file.split('/')
    const name = parts.length > 2 ? parts.slice(1).join('/') : path.basename(file)
    if (parts.length > 2) expect(isAdrFolderName(parts[1])).toBe(true)
    else expect(isAdrFileName(name)).toBe(true)
    const adr = parseAdr(readFileSync(path.join(ROOT, file), 'utf8'), name)
    const {links, ...fields} = expected
    expect(adr).toMatchObject(fields)
    if ('number' in expected && expected.number === undefined) expect(adr.number).toBeUndefined()
    if (links) expect(adr.links).toMatchObject(links)
    expect(adr.links).toHaveLength(links?.length ?? adr.links.length)
    expect(adr.problems).toEqual([])
  })

  it.each([
    ['0039-use-velocity-as-template-engine.md', true],
    ['0002-templates-for-invoices.md', true],
    ['template.md', false],
    ['adr-template.md', false],
    ['0000-template.md', false],
    ['000-adr-template.md', false],
    ['adr-0000-template.md', false],
    ['ADRXXX-title.md', false],
    ['README.md', false],
    ['0000-use-markdown-architectural-decision-records.md', true],
  ])('%s is an ADR: %s (by its name pattern, not by a word in its slug)', (file, expected) => {
    expect(isAdrFileName(file)).toBe(expected)
  })

  it.each(NOT_ADRS)('%s is not an ADR', (file) => {
    expect(isAdrFileName(path.basename(file))).toBe(false)
  })

  it.each([
    ['0007-slug.md', {number: 7, slug: 'slug', naming: {prefix: '', digits: 4, separator: '-'}}],
    ['007_slug.md', {number: 7, slug: 'slug', naming: {prefix: '', digits: 3, separator: '_'}}],
    ['adr-007-slug.md', {number: 7, slug: 'slug', naming: {prefix: 'adr-', digits: 3, separator: '-'}}],
    ['ADR007-slug.md', {number: 7, slug: 'slug', naming: {prefix: 'ADR', digits: 3, separator: '-'}}],
    ['ADR-0007-slug.md', {number: 7, slug: 'slug', naming: {prefix: 'ADR-', digits: 4, separator: '-'}}],
    ['20200925-slug.md', {slug: 'slug', dated: true, date: '2020-09-25'}],
    ['2020-09-25-slug.md', {slug: 'slug', dated: true, date: '2020-09-25'}],
    ['DR001-slug.md', {number: 1, slug: 'slug', naming: {prefix: 'DR', digits: 3, separator: '-'}}],
    ['adr_0001_slug.md', {number: 1, slug: 'slug', naming: {prefix: 'adr_', digits: 4, separator: '_'}}],
    [
      '0007-slug/README.md',
      {number: 7, slug: 'slug', folder: true, naming: {prefix: '', digits: 4, separator: '-', folderFile: 'README.md'}},
    ],
    [
      '0007-slug/index.md',
      {number: 7, slug: 'slug', folder: true, naming: {prefix: '', digits: 4, separator: '-', folderFile: 'index.md'}},
    ],
  ])('reads the naming of %s', (file, expected) => {
    expect(parseFileName(file)).toMatchObject(expected)
  })
})
