import {describe, expect, it} from 'vitest'
import {pointerToPath} from '../../src/core/yaml/json-pointer.js'
import {displayPath, parseLocatedYaml} from '../../src/core/yaml/yaml.js'

const TEXT = 'status: accepted\ndrivers:\n  - {id: D1, weight: high}\n  - id: D2\ndecision:\n  chosen: postgres\n'

describe('parseLocatedYaml', () => {
  it('locates values, and keys with {key: true}, as 1-based positions', () => {
    const yaml = parseLocatedYaml(TEXT)
    expect(yaml.errors).toEqual([])
    expect(yaml.data).toMatchObject({decision: {chosen: 'postgres'}})
    expect(yaml.locate(['drivers', 0, 'weight'])).toEqual({line: 3, column: 22})
    expect(yaml.locate(['decision', 'chosen'], {key: true})).toEqual({line: 6, column: 3})
    expect(yaml.locate([])).toEqual({line: 1, column: 1})
  })

  it('shifts every position by lineOffset, as for front matter after a `---` line', () => {
    const yaml = parseLocatedYaml(TEXT, {lineOffset: 1})
    expect(yaml.locate(['decision', 'chosen'])).toEqual({line: 7, column: 11})
    expect(yaml.find(['drivers', 1, 'id'], {key: true})).toEqual({line: 5, column: 5})
    expect(parseLocatedYaml('a: [1\n', {lineOffset: 4}).errors[0]).toMatchObject({line: 6})
  })

  it('resolves a missing path to its deepest existing node with locate, to undefined with find', () => {
    const yaml = parseLocatedYaml(TEXT)
    expect(yaml.locate(['decision', 'method'])).toEqual({line: 6, column: 3})
    expect(yaml.find(['decision', 'method'])).toBeUndefined()
    expect(yaml.find(['drivers', 5])).toBeUndefined()
    expect(yaml.find(['status', 'deeper'])).toBeUndefined()
    expect(parseLocatedYaml('').find([])).toBeUndefined()
  })

  it('leaves data undefined and reports the error when the YAML is invalid', () => {
    const yaml = parseLocatedYaml('a: 1\na: 2\n')
    expect(yaml.data).toBeUndefined()
    expect(yaml.errors).toMatchObject([{line: 2, column: 1}])
  })
})

describe('pointerToPath and displayPath', () => {
  it('turn an ajv instancePath into a data path and a path into text', () => {
    expect(pointerToPath('')).toEqual([])
    expect(pointerToPath('/drivers/0/weight')).toEqual(['drivers', 0, 'weight'])
    expect(pointerToPath('/a~1b/c~0d')).toEqual(['a/b', 'c~d'])
    expect(displayPath(['scoring', 'entries', 3, 'score'])).toBe('scoring.entries[3].score')
  })
})
