import {describe, expect, it} from 'vitest'
import {configValues} from '../../src/core/config/config-values.js'
import {parseYaml} from '../../src/core/yaml/yaml.js'

/** A config as the workspace reads it: the YAML parsed. */
function config(yaml: string): Record<string, unknown> {
  const parsed = parseYaml(yaml)
  if (!parsed.ok) throw new Error(parsed.message)
  return parsed.data as Record<string, unknown>
}

describe('configValues', () => {
  it('reads every setting commands use, typed', () => {
    const values = configValues(
      config(
        [
          'profile: strict',
          'rules: {numbering: warning, date: "off"}',
          'statuses: {implemented: accepted, on hold: proposed}',
          'relations: {extends: extended by}',
          'default-status: draft',
          'schema: schemas/team.json',
          'debate: {aggregate: median}',
        ].join('\n'),
      ),
    )
    expect(values).toEqual({
      profile: 'strict',
      rules: {numbering: 'warning', date: 'off'},
      statuses: {implemented: 'accepted', 'on hold': 'proposed'},
      relations: {extends: 'extended by'},
      defaultStatus: 'draft',
      schema: 'schemas/team.json',
      aggregate: 'median',
    })
  })

  it('leaves out a value of the wrong type, as if it were not set (the schema check names it)', () => {
    const values = configValues(
      config(
        [
          'profile: 7',
          'rules: [numbering]',
          'statuses: {implemented: accepted, broken: [1, 2]}',
          'relations: extends',
          "default-status: '  '",
          'schema: {file: x}',
          'debate: {aggregate: mode}',
        ].join('\n'),
      ),
    )
    expect(values).toEqual({rules: {}, statuses: {implemented: 'accepted'}})
  })

  it('reads an empty config as no settings', () => {
    expect(configValues({})).toEqual({rules: {}})
  })
})
