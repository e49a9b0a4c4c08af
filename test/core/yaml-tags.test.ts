import {describe, expect, it} from 'vitest'
import {parseLocatedYaml, parseYaml} from '../../src/core/yaml/yaml.js'

// A tag the YAML 1.2 core schema does not know is an error, located, and never a string value: the
// `yaml` package would otherwise keep the text and print a warning of its own on stderr.

describe('tags outside the core schema', () => {
  it('parseYaml refuses them, with the line', () => {
    const r = parseYaml('title: x\nstatus: !!js/function "function(){}"\n')
    expect(r).toMatchObject({ok: false, line: 2})
    if (!r.ok) expect(r.message).toMatch(/tag/i)
  })

  it('parseLocatedYaml reports them as errors on the file line', () => {
    const r = parseLocatedYaml('x: 1\nstatus: !!python/object "f"\n', {lineOffset: 1})
    expect(r.errors).toHaveLength(1)
    expect(r.errors[0]).toMatchObject({line: 3})
  })

  it('keeps the tags the core schema has', () => {
    expect(parseYaml('a: !!str 2\nb: !!int "3"\nc: [1, 2]\n')).toEqual({ok: true, data: {a: '2', b: 3, c: [1, 2]}})
  })

  it('still reports syntax errors and alias bombs as results', () => {
    expect(parseYaml('a: [1, 2\n')).toMatchObject({ok: false})
    const bomb = `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [${'*a, '.repeat(20)}*a]\nc: [${'*b, '.repeat(20)}*b]\n`
    expect(parseYaml(bomb)).toMatchObject({ok: false})
  })
})
