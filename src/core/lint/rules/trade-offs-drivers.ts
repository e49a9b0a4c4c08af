import {checksTradeOffs, keyOrStatus, tradeOffsRule} from '../trade-offs.js'
import {MINIMAL, madr, TRADE_OFFS} from './examples.js'

export const tradeOffsDrivers = tradeOffsRule({
  id: 'trade-offs/drivers',
  description: 'An accepted ADR that records trade-offs names at least one decision driver: what the product must achieve.',
  check({adr}, t) {
    if (!checksTradeOffs(adr, t) || (t.drivers?.length ?? 0) >= 1) return []
    const at = keyOrStatus(adr, 'drivers')
    return [{...at, message: 'Unexpected accepted ADR without a driver, expected at least 1 in `drivers`'}]
  },
  examples: {
    ok: [{input: {'0001-use-postgresql.md': madr(`${MINIMAL}\n${TRADE_OFFS}`)}}],
    notOk: [
      {
        input: {'0001-use-postgresql.md': madr(`${MINIMAL}\n${TRADE_OFFS.replace(/drivers:\n(?: {2}- .*\n)+/, 'drivers: []\n')}`)},
        messages: ['0001-use-postgresql.md:5:1 Unexpected accepted ADR without a driver, expected at least 1 in `drivers`'],
      },
    ],
  },
})
