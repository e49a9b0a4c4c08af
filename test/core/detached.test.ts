import {describe, expect, it} from 'vitest'
import {detached} from '../../src/core/detached.js'

// `detached` copies a string so that a slice no longer keeps the text it was cut from alive: the
// copy must be the same string, whatever its length and characters.
describe('detached', () => {
  it('is the same text, short or long, ASCII or not', () => {
    const text = `# Use ü, 漢字 and 🙂 for the queue\n${'x'.repeat(200)}`
    for (let start = 0; start < 40; start += 3) {
      for (const length of [0, 1, 12, 13, 14, 40, 150]) {
        const slice = text.slice(start, start + length)
        expect(detached(slice)).toBe(slice)
      }
    }
  })
})
