import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parseAdr} from '../../src/core/adr/parse-adr.js'
import {fillTemplate} from '../../src/core/adr/render-new-adr.js'
import {findImmutableChanges} from '../../src/core/lint/immutable.js'
import {MINIMAL, madr, nygard, TRADE_OFFS} from '../../src/core/lint/rules/examples.js'
import {RULES, resolveSeverity} from '../../src/core/lint/rules/index.js'
import {activateRules, lintFile, lintRepository, loadBodyParser} from '../../src/core/lint/run-rules.js'
import {locateSchemaErrors} from '../../src/core/lint/schema-locate.js'
import {compileAdrSchemas} from '../../src/core/lint/schema-validate.js'
import {templateLines as templateLinesOf} from '../../src/core/lint/template-text.js'
import {PROJECT_ROOT} from '../helpers/run-command.js'

const validator = compileAdrSchemas(JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'schemas/adr.schema.json'), 'utf8')))

/** Every problem of a small repository, as `file:line:col rule`. */
async function lintAll(
  files: Record<string, string>,
  profile: 'adr-tools' | 'recommended' | 'strict' = 'recommended',
  overrides = {},
  templateLines: ReadonlySet<string> = new Set(),
) {
  const settings = {profile, today: '2026-06-01', validator, templateLines}
  const active = activateRules(settings, overrides, RULES)
  const parse = await loadBodyParser(active)
  const adrs = Object.entries(files).map(([file, text]) => parseAdr(text, file))
  const problems = [...adrs.flatMap((adr) => lintFile(adr, settings, active, parse)), ...lintRepository(adrs, settings, active)]
  return problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.rule}`)
}

describe('profiles and severities', () => {
  it('the minimal MADR 4 ADR is clean under recommended and adr-tools; strict asks for trade-offs', async () => {
    expect(await lintAll({'0001-use-postgresql.md': madr(MINIMAL)})).toEqual([])
    expect(await lintAll({'0001-use-postgresql.md': madr(MINIMAL)}, 'adr-tools')).toEqual([])
    expect(await lintAll({'0001-use-postgresql.md': madr(`${MINIMAL}\n${TRADE_OFFS}`)}, 'strict')).toEqual([])
    expect(await lintAll({'0001-use-postgresql.md': madr(MINIMAL)}, 'strict')).toEqual([
      '0001-use-postgresql.md:2:1 error trade-offs/required',
    ])
  })

  it('config severities win over the profile, by id or by `prefix/*`', () => {
    expect(resolveSeverity('unknown-key', 'recommended')).toBe('warn')
    expect(resolveSeverity('unknown-key', 'strict')).toBe('error')
    expect(resolveSeverity('unknown-key', 'strict', {'unknown-key': 'off'})).toBe('off')
    expect(resolveSeverity('trade-offs/weights', 'recommended', {'trade-offs/*': 'warn'})).toBe('warn')
    expect(resolveSeverity('trade-offs/weights', 'recommended', {'trade-offs/*': 'warn', 'trade-offs/weights': 'off'})).toBe('off')
    expect(resolveSeverity('constructor', 'recommended', {})).toBe('error')
  })

  it('does not pile follow-on findings on a front matter that could not be parsed', async () => {
    expect(await lintAll({'0001-use-postgresql.md': madr('status: [accepted\ndate: 2026-05-01')})).toEqual([
      '0001-use-postgresql.md:3:1 error parse/yaml',
    ])
  })

  it('a repository of adr-tools records with a supersede chain is clean under adr-tools', async () => {
    const files = {
      '0001-record-architecture-decisions.md': nygard(1, 'Record architecture decisions'),
      '0002-use-postgresql.md': nygard(2, 'Use PostgreSQL', 'Superceded by [3. Use CockroachDB](0003-use-cockroachdb.md)'),
      '0003-use-cockroachdb.md': nygard(3, 'Use CockroachDB', 'Accepted\n\nSupercedes [2. Use PostgreSQL](0002-use-postgresql.md)'),
    }
    expect(await lintAll(files, 'adr-tools')).toEqual([])
  })
})

describe('templates: untouched guidance is caught, the first ADR of adr init is clean', () => {
  const read = (name: string) => readFileSync(path.join(PROJECT_ROOT, 'adr-templates', `${name}.md`), 'utf8')
  const guidance = ['madr', 'madr-minimal', 'nygard', 'y-statement']
  // derived from the templates themselves, as `adr lint` derives it: the list cannot drift from them
  const templateLines = new Set(templateLinesOf(guidance.map(read)))
  const fill = (name: string, status: string, title = 'Use PostgreSQL') =>
    fillTemplate(read(name), {number: 1, title, date: '2026-05-01', status, revisit: '2027-05-01'})

  it.each(guidance)('%s, left as adr new writes it, is reported in every required section', async (name) => {
    const text = fill(name, name === 'nygard' ? 'Accepted' : 'accepted')
    const found = await lintAll({'0001-use-postgresql.md': text}, 'recommended', {}, templateLines)
    const sections = parseAdr(text, '0001-use-postgresql.md').sections.filter(
      (s) =>
        ['context', 'context and problem statement', 'decision', 'considered options', 'decision outcome', 'consequences'].includes(
          s.heading.toLowerCase(),
        ) && s.depth === 2,
    )
    expect(found.filter((f) => f.endsWith('required-sections'))).toHaveLength(sections.length)
  })

  it.each([
    ['nygard-init', 'Accepted', 'recommended'],
    ['madr-init', 'accepted', 'recommended'],
    ['madr-init', 'accepted', 'strict'],
  ] as const)('%s is clean under %s', async (name, status, profile) => {
    const text = fill(name, status, 'Record architecture decisions')
    expect(await lintAll({'0001-record-architecture-decisions.md': text}, profile, {}, templateLines)).toEqual([])
  })
})

describe('schema errors are located at the YAML value', () => {
  it('maps instance paths through flow and block collections, CRLF and a BOM included', () => {
    const text = '\ufeff---\r\nstatus: accepted\r\ndrivers:\r\n  - id: D1\r\n    title: Speed\r\n    weight: "sixty"\r\n---\r\n# T\r\n'
    const adr = parseAdr(text, '0001-t.md')
    const errors = validator.validate(adr.frontMatter?.data)
    expect(locateSchemaErrors(errors, adr.frontMatter!)).toEqual([
      {line: 6, column: 13, message: 'Unexpected `sixty` for `drivers[0].weight`, expected a number'},
    ])
  })

  it('points an unexpected key at the key itself', () => {
    const adr = parseAdr(madr(`${MINIMAL}\ndecision: {chosen: postgres, because: cheap}`), '0001-t.md')
    expect(locateSchemaErrors(validator.validate(adr.frontMatter?.data), adr.frontMatter!)).toEqual([
      {line: 5, column: 30, message: 'Unexpected key `because` in `decision`, expected one of chosen, method, rationale'},
    ])
  })
})

describe('accepted decisions are immutable', () => {
  const before = parseAdr(madr(`${MINIMAL}\n${TRADE_OFFS}`), '0001-use-postgresql.md')

  it('allows status, links, revisit and the date that goes with a status change', () => {
    const after = madr(
      `${MINIMAL.replace('accepted', 'superseded').replace('2026-05-01', '2026-09-01')}\n${TRADE_OFFS.replace('2027-05-01', '2027-11-01')}\nlinks:\n  - {rel: superseded by, target: 2}`,
    )
    expect(findImmutableChanges(before, parseAdr(after, '0001-use-postgresql.md'), 'main')).toEqual([])
  })

  it('reports changed keys at their line and a changed text at its first changed line', () => {
    const after = madr(`${MINIMAL}\n${TRADE_OFFS.replace('weight: 60', 'weight: 70').replace('weight: 40', 'weight: 30')}`).replace(
      '* MongoDB',
      '* MongoDB 8',
    )
    const found = findImmutableChanges(before, parseAdr(after, '0001-use-postgresql.md'), 'origin/main')
    expect(found.map((f) => `${f.line} ${f.message}`)).toEqual([
      '5 Unexpected change to an ADR accepted at origin/main: `drivers` changed, expected accepted decisions to be immutable: supersede it with a new ADR',
      '24 Unexpected change to an ADR accepted at origin/main: the text changed, expected accepted decisions to be immutable: supersede it with a new ADR',
    ])
  })

  it('ignores ADRs that were not accepted at the ref', () => {
    const proposed = parseAdr(madr(MINIMAL.replace('accepted', 'proposed')), '0001-use-postgresql.md')
    expect(findImmutableChanges(proposed, parseAdr(madr(MINIMAL, 'Use MySQL'), '0001-use-postgresql.md'), 'main')).toEqual([])
  })
})

describe('the published schemas', () => {
  /** Every `properties` entry (at any depth) and every `$defs` entry, with its path. */
  function keys(schema: unknown, at = ''): [string, Record<string, unknown>][] {
    if (!schema || typeof schema !== 'object') return []
    const s = schema as Record<string, unknown>
    const own: [string, Record<string, unknown>][] = []
    for (const group of ['properties', '$defs']) {
      const entries = s[group]
      if (entries && typeof entries === 'object')
        for (const [k, v] of Object.entries(entries)) own.push([`${at}/${k}`, v as Record<string, unknown>])
    }
    return [
      ...own,
      ...Object.entries(s).flatMap(([k, v]) =>
        Array.isArray(v) ? v.flatMap((x, i) => keys(x, `${at}/${k}/${i}`)) : keys(v, `${at}/${k}`),
      ),
    ]
  }

  it.each(['adr.schema.json', 'config.schema.json', 'output/lint.schema.json'])('%s describes every key', (name) => {
    const schema = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'schemas', name), 'utf8'))
    const undocumented = keys(schema).filter(([, v]) => typeof v.description !== 'string' && v.$ref === undefined)
    expect(undocumented.map(([p]) => p)).toEqual([])
  })
})
