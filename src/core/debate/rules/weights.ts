import type {WeightSet} from '../record.js'
import {type DebateRule, type DebateRuleFinding, listOf} from './debate-rule.js'

/** Proposed weights further apart than this need product evidence. */
export const SPREAD_TO_EXPLAIN = 15

/** Every weight set covers exactly the drivers and sums to 100; wide spreads are explained. */
export const weights: DebateRule = {
  id: 'debate/weights',
  description: 'Every weight set covers exactly the drivers and sums to 100; spreads of 15 points or more are explained',
  check({record, passed}) {
    const out: DebateRuleFinding[] = []
    if (!record.weights || !record.drivers) return out
    const ids = record.drivers.map((d) => d.id)
    const checkSet = (set: WeightSet, path: (string | number)[], whose: string) => {
      const missing = ids.filter((id) => set[id] === undefined)
      const extra = Object.keys(set).filter((id) => !ids.includes(id))
      if (missing.length > 0)
        out.push({path, message: `Unexpected ${whose} without ${listOf(missing)}, expected a weight for every driver`})
      if (extra.length > 0)
        out.push({
          path: [...path, extra[0]],
          key: true,
          message: `Unexpected weight for ${listOf(extra)} in ${whose}, expected only the drivers`,
        })
      const sum = Object.values(set).reduce((a, b) => a + b, 0)
      if (Math.abs(sum - 100) > 1e-9) out.push({path, message: `Unexpected ${whose} summing to ${sum}, expected 100 points`})
    }
    for (const [name, set] of Object.entries(record.weights.proposed))
      checkSet(set, ['weights', 'proposed', name], `the weights proposed by \`${name}\``)
    if (record.weights.agreed) checkSet(record.weights.agreed, ['weights', 'agreed'], 'the agreed weights')
    if (!passed('G3')) return out
    const sets = Object.values(record.weights.proposed)
    for (const id of ids) {
      const values = sets.map((set) => set[id] ?? 0)
      const spread = values.length > 0 ? Math.max(...values) - Math.min(...values) : 0
      if (spread >= SPREAD_TO_EXPLAIN && !record.weights.spread_explanations?.[id]) {
        out.push({
          path: ['weights', 'proposed'],
          message: `Unexpected spread of ${spread} points on \`${id}\` with no explanation, expected \`weights.spread_explanations.${id}\` citing product evidence`,
        })
      }
    }
    return out
  },
  examples: {
    ok: [{description: 'weights as agreed', apply: () => {}}],
    notOk: [
      {description: 'agreed weights summing to 90', apply: (r) => (r.weights!.agreed!.D3 = 15), message: 'summing to 90'},
      {description: 'a proposed set missing a driver', apply: (r) => delete r.weights!.proposed.bob.D3, message: 'without `D3`'},
      {
        description: 'a weight for an unknown driver',
        apply: (r) => (r.weights!.agreed = {D1: 45, D2: 30, D3: 20, D4: 5}),
        message: 'weight for `D4`',
      },
      {
        description: 'a wide spread left unexplained',
        apply: (r) => delete r.weights!.spread_explanations!.D2,
        message: 'spread of 25 points on `D2`',
      },
    ],
  },
}
