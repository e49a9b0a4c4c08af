/**
 * The front-matter fast path against the real YAML 1.2 parser: whenever the fast path answers, its
 * answer must equal the `yaml` package's, value for value; when in doubt it must decline.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parse as parseYaml} from 'yaml'
import {parseSimpleYaml} from '../../src/core/yaml/simple-yaml.js'
import {YAML_OPTIONS} from '../../src/core/yaml/yaml.js'
import {PROJECT_ROOT} from '../helpers/run-command.js'

/** Taken by the fast path. */
const SIMPLE = [
  '',
  '# yaml-language-server: $schema=../schemas/adr.schema.json\nstatus: accepted',
  'status: accepted\ndate: 2026-11-20\ndecision-makers: [dana, priya]\ntags: []',
  'status: superseded by ADR-0007',
  'links:\n  - {rel: supersedes, target: 3}\n  - {rel: relates to, target: 0007-use-x.md}',
  'links:\n- {rel: amended by, target: 12}',
  'tags:\n  - storage\n  - Café crème\ninformed:',
  'a: null\nb: Null\nc: true\nd: FALSE\ne: 0\nf: 42\ng: yes\nh: no\ni: on\nj: y\nk: 2nd\nl: 0007-use-x.md',
  'title: Use (mostly) PostgreSQL 16 / pgbouncer\nempty: {}\nrevisit: 2027-05-20',
]

/** Declined: the full parser decides (some are errors, some are values the fast path does not model). */
const DECLINED = [
  'status: accepted # for now',
  'title: "Quoted"',
  "title: 'Single'",
  'date: 2026-01-01T10:00:00Z',
  'n: 1.5',
  'n: 007',
  'n: -1',
  'n: 0x1F',
  'n: .inf',
  'n: 1e5',
  'n: 12345678901234567890',
  'key:value',
  'status: accepted\nstatus: rejected',
  'true: x',
  'decision:\n  chosen: postgres',
  'title: two\n  lines',
  'tags:\n  - a\n\n  - b',
  'tags:\n  - a\n    - b',
  'tags:\n    - a\n  - b',
  'a: &x 1\nb: *x',
  'a: !!str 1',
  'a: [b, [c]]',
  'a: {b: {c: d}}',
  'a: b: c',
  'a: |\n  text',
  'a:\ttab',
  'url: https://example.com',
  'a: [x, ]',
  'emoji: 🚀',
  'a: ~x',
  'a: 1_000',
  'a: 0o17',
  'a: 12e3',
  '  indented: 1',
  '__proto__: x',
  'links:\n  - {__proto__: x}',
]

describe('parseSimpleYaml', () => {
  it.each(SIMPLE)('reads %j exactly as YAML 1.2 does', (text) => {
    const fast = parseSimpleYaml(text)
    expect(fast).toBeDefined()
    expect(fast).toEqual(parseYaml(text, YAML_OPTIONS) ?? {})
  })

  it.each(DECLINED)('declines %j', (text) => {
    expect(parseSimpleYaml(text)).toBeUndefined()
  })

  it('agrees with YAML 1.2 on 2,000 generated documents (fixed seed)', () => {
    const values = [
      'accepted',
      '2026-01-02',
      '42',
      '0',
      '007',
      '1.5',
      'null',
      'True',
      'yes',
      'x: y',
      'a #b',
      '0007-x.md',
      'Café',
      '[a, b]',
      '[]',
      '{rel: a, target: 1}',
      '{}',
      '-',
      '~',
      "it's",
      '"q"',
      'a, b',
      '1e3',
      '2nd',
      '(x)',
      '/p',
      'a - b',
    ]
    const keys = ['status', 'date', 'tags', 'links', 'a-b', 'null', '_x', 'status']
    let seed = 7
    const pick = <T>(list: readonly T[]) => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return list[seed % list.length]
    }
    let fast = 0
    for (let n = 0; n < 2000; n++) {
      const lines: string[] = []
      for (let k = 0; k < 1 + (n % 4); k++) {
        const key = pick(keys)
        if (pick([0, 1, 2]) === 0) {
          lines.push(`${key}:`)
          const indent = pick(['', '  ', '    '])
          for (let j = 0; j < pick([0, 1, 2]); j++) lines.push(`${indent}- ${pick(values)}`)
        } else lines.push(`${key}: ${pick(values)}`)
      }
      const text = lines.join('\n')
      const simple = parseSimpleYaml(text)
      if (simple === undefined) continue
      fast++
      expect(simple, text).toEqual(parseYaml(text, YAML_OPTIONS) ?? {})
    }
    expect(fast).toBeGreaterThan(200)
  })

  it('agrees with YAML 1.2 on every front matter in the fixtures and the demo', () => {
    const dirs = [path.join(PROJECT_ROOT, 'test/fixtures/adrs'), path.join(PROJECT_ROOT, 'examples/demo')]
    let fast = 0
    for (const dir of dirs) {
      for (const file of readdirSync(dir, {recursive: true, encoding: 'utf8'}).filter((f) => f.endsWith('.md'))) {
        const m = /^---\n([\s\S]*?)\n---\n/.exec(readFileSync(path.join(dir, file), 'utf8'))
        if (!m) continue
        const simple = parseSimpleYaml(m[1])
        if (simple === undefined) continue
        fast++
        expect(simple, file).toEqual(parseYaml(m[1], YAML_OPTIONS))
      }
    }
    expect(fast).toBeGreaterThanOrEqual(10)
  })

  it('remembers a line’s answer but hands out a new list or map each time', () => {
    const text = 'status: accepted\ndecision-makers: [dana, priya]\nrevisit: {date: 2027-01-01, by: dana}'
    const first = parseSimpleYaml(text) as Record<string, unknown>
    ;(first['decision-makers'] as string[]).push('mallory')
    ;(first.revisit as Record<string, unknown>).by = 'mallory'
    expect(parseSimpleYaml(text)).toEqual({
      status: 'accepted',
      'decision-makers': ['dana', 'priya'],
      revisit: {date: '2027-01-01', by: 'dana'},
    })
    expect(parseSimpleYaml(text)).toEqual(parseYaml(text, YAML_OPTIONS))
    // a line outside the subset is remembered as such, and a repeated key still declines
    expect(parseSimpleYaml('title: "Quoted"')).toBeUndefined()
    expect(parseSimpleYaml('title: "Quoted"')).toBeUndefined()
    expect(parseSimpleYaml('status: accepted\nstatus: accepted')).toBeUndefined()
  })

  it('remembers a block list item’s answer but hands out a new map each time', () => {
    const text = 'links:\n  - {rel: supersedes, target: 3}\n  - {rel: relates to, target: 0007-use-x.md}'
    const first = parseSimpleYaml(text) as {links: Record<string, unknown>[]}
    first.links[0].target = 99
    first.links.push({rel: 'mallory'})
    const second = parseSimpleYaml(text) as {links: Record<string, unknown>[]}
    expect(second).toEqual(parseYaml(text, YAML_OPTIONS))
    expect(second.links[0]).not.toBe(first.links[0])
    // an item outside the subset is remembered as such, in every list it appears in
    expect(parseSimpleYaml('tags:\n  - "quoted"')).toBeUndefined()
    expect(parseSimpleYaml('links:\n  - "quoted"')).toBeUndefined()
  })
})
