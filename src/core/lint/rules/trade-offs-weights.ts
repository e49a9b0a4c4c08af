import {keyPosition, valuePosition} from '../locate.js'
import {tradeOffsRule} from '../trade-offs.js'
import {MINIMAL, madr, TRADE_OFFS} from './examples.js'

export const tradeOffsWeights = tradeOffsRule({
  id: 'trade-offs/weights',
  description: 'When drivers carry weights, every driver has one and they sum to 100.',
  check({adr}, t) {
    const drivers = t.drivers ?? []
    if (!drivers.some((d) => d.weight !== undefined)) return []
    const missing = drivers.findIndex((d) => typeof d.weight !== 'number')
    if (missing >= 0) {
      const id = drivers[missing].id === undefined ? `drivers[${missing}]` : String(drivers[missing].id)
      return [
        {
          ...valuePosition(adr, ['drivers', missing]),
          message: `Unexpected driver ${id} without a weight, expected every driver weighted when any is`,
        },
      ]
    }
    const sum = drivers.reduce((total, d) => total + Number(d.weight), 0)
    if (Math.abs(sum - 100) < 1e-6) return []
    return [{...keyPosition(adr, 'drivers'), message: `Unexpected driver weights summing to ${Math.round(sum * 100) / 100}, expected 100`}]
  },
  examples: {
    ok: [
      {input: {'0001-use-postgresql.md': madr(`${MINIMAL}\n${TRADE_OFFS}`)}},
      {input: {'0001-use-postgresql.md': madr(`${MINIMAL}\n${TRADE_OFFS.replace(', weight: 60', '').replace(', weight: 40', '')}`)}},
    ],
    notOk: [
      {
        input: {'0001-use-postgresql.md': madr(`${MINIMAL}\n${TRADE_OFFS.replace('weight: 40', 'weight: 30')}`)},
        messages: ['0001-use-postgresql.md:5:1 Unexpected driver weights summing to 90, expected 100'],
      },
      {
        input: {'0001-use-postgresql.md': madr(`${MINIMAL}\n${TRADE_OFFS.replace(', weight: 40', '')}`)},
        messages: ['0001-use-postgresql.md:7:5 Unexpected driver D2 without a weight, expected every driver weighted when any is'],
      },
    ],
  },
})
