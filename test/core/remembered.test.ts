import {describe, expect, it} from 'vitest'
import {remembered} from '../../src/core/remembered.js'

describe('remembered', () => {
  it('answers as the function does, calling it once per text while the memory holds', () => {
    const calls: string[] = []
    const upper = remembered((text) => {
      calls.push(text)
      return text === 'none' ? undefined : text.toUpperCase()
    }, 3)
    expect(['a', 'b', 'a', 'none', 'none', 'b'].map(upper)).toEqual(['A', 'B', 'A', undefined, undefined, 'B'])
    expect(calls).toEqual(['a', 'b', 'none'])
    // full: it starts again, and still answers right
    expect(upper('c')).toBe('C')
    expect(upper('a')).toBe('A')
    expect(calls).toEqual(['a', 'b', 'none', 'c', 'a'])
  })
})
