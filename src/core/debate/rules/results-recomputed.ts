import {type DataPath, displayPath} from '../../yaml/yaml.js'
import {type DebateRule, quote} from './debate-rule.js'

/** Numbers this close are equal (stored results are rounded to 3 decimals). */
const TOLERANCE = 1e-6

/** The first place where `stored` and `expected` differ, or undefined when they agree. */
export function firstDifference(
  stored: unknown,
  expected: unknown,
  path: (string | number)[] = [],
): {path: DataPath; stored: unknown; expected: unknown} | undefined {
  if (typeof stored === 'number' && typeof expected === 'number')
    return Math.abs(stored - expected) <= TOLERANCE ? undefined : {path, stored, expected}
  if (Array.isArray(stored) && Array.isArray(expected)) {
    for (let i = 0; i < Math.max(stored.length, expected.length); i++) {
      if (i >= stored.length) return {path, stored: `${stored.length} items`, expected: `${expected.length} items`}
      if (i >= expected.length) return {path: [...path, i], stored: stored[i], expected: 'nothing'}
      const diff = firstDifference(stored[i], expected[i], [...path, i])
      if (diff) return diff
    }
    return undefined
  }
  if (
    stored &&
    expected &&
    typeof stored === 'object' &&
    typeof expected === 'object' &&
    !Array.isArray(stored) &&
    !Array.isArray(expected)
  ) {
    const s = stored as Record<string, unknown>
    const e = expected as Record<string, unknown>
    for (const key of new Set([...Object.keys(e), ...Object.keys(s)])) {
      const diff = firstDifference(s[key], e[key], [...path, key])
      if (diff) return diff
    }
    return undefined
  }
  return stored === expected ? undefined : {path, stored, expected}
}

/** Stored `results` equal a recomputation from the entries and the weights: totals cannot be edited by hand (checked while G5's pass stands). */
export const resultsRecomputed: DebateRule = {
  id: 'debate/results',
  description: 'Stored results equal a recomputation from the scores and weights',
  check({record, results, passed}) {
    if (!record.results || !passed('G5')) return []
    const diff = firstDifference(record.results, results(), ['results'])
    if (!diff) return []
    const where = displayPath(diff.path)
    return [
      {
        path: diff.path,
        message: `Unexpected ${where} ${quote(diff.stored)}, expected ${quote(diff.expected)} recomputed from the scores and weights: results are computed, never edited by hand`,
      },
    ]
  },
  examples: {
    ok: [{description: 'results as computed', apply: () => {}}],
    notOk: [
      {
        description: 'a total edited',
        apply: (r) => (r.results!.totals[1].total = 4.6),
        message: 'results.totals[1].total 4.6, expected 3.55',
      },
      {
        description: 'a score changed without recomputing',
        apply: (r) => (r.scoring!.entries[2].score = 1),
        message: 'results.cells[2].aggregate',
      },
      {description: 'a winner edited', apply: (r) => (r.results!.winner = 'mongodb'), message: 'results.winner'},
    ],
  },
}
