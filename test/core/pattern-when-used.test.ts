import {describe, expect, it} from 'vitest'
import {patternWhenUsed} from '../../src/core/pattern-when-used.js'

describe('patternWhenUsed', () => {
  it('makes the pattern on the first test, once, and answers as the pattern does', () => {
    let made = 0
    const plain = patternWhenUsed(() => {
      made++
      return /^[\p{L}\p{N}]+$/u
    })
    expect(made).toBe(0)
    expect(['Ærø', 'adr7', 'a b', ''].map((text) => plain.test(text))).toEqual([true, true, false, false])
    expect(made).toBe(1)
  })
})
