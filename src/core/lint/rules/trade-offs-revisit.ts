import {keyPosition} from '../locate.js'
import {checksTradeOffs, tradeOffsRule} from '../trade-offs.js'
import {MINIMAL, madr, TRADE_OFFS} from './examples.js'

export const tradeOffsRevisit = tradeOffsRule({
  id: 'trade-offs/revisit',
  description: 'An accepted ADR that records trade-offs has a `revisit` date: when to look at the decision again.',
  check({adr}, t) {
    if (!checksTradeOffs(adr, t) || t.hasRevisit) return []
    return [{...keyPosition(adr, 'status'), message: 'Missing `revisit`, expected a date (YYYY-MM-DD) to look at the decision again'}]
  },
  examples: {
    ok: [{input: {'0001-use-postgresql.md': madr(`${MINIMAL}\n${TRADE_OFFS}`)}}],
    notOk: [
      {
        input: {'0001-use-postgresql.md': madr(`${MINIMAL}\n${TRADE_OFFS.replace(/\nrevisit: .*/, '')}`)},
        messages: ['0001-use-postgresql.md:2:1 Missing `revisit`, expected a date (YYYY-MM-DD) to look at the decision again'],
      },
    ],
  },
})
