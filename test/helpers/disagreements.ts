import {isDeepStrictEqual} from 'node:util'

/**
 * The inputs on which a fast path and the path it is pinned to disagree (the first three), with both
 * answers, for one assertion over tens of thousands of built inputs: an `expect` per input was most
 * of such a test's time.
 */
export function disagreements<T>(inputs: Iterable<T>, fast: (input: T) => unknown, slow: (input: T) => unknown) {
  const found: {input: T; fast: unknown; slow: unknown}[] = []
  for (const input of inputs) {
    const [f, s] = [fast(input), slow(input)]
    if (!isDeepStrictEqual(f, s)) found.push({input, fast: f, slow: s})
    if (found.length === 3) break
  }
  return found
}
