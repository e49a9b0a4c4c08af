import {checksTradeOffs, keyOrStatus, tradeOffsRule} from '../trade-offs.js'
import {MINIMAL, madr, TRADE_OFFS} from './examples.js'

export const tradeOffsBadConsequence = tradeOffsRule({
  id: 'trade-offs/bad-consequence',
  description: 'An accepted ADR that records trade-offs names at least one bad consequence: no decision is free.',
  check({adr}, t) {
    if (!checksTradeOffs(adr, t) || (t.bad?.length ?? 0) >= 1) return []
    const at = keyOrStatus(adr, 'consequences')
    return [
      {...at, message: 'Unexpected decision without a bad consequence, expected at least 1 in `consequences.bad`: no decision is free'},
    ]
  },
  examples: {
    ok: [{input: {'0001-use-postgresql.md': madr(`${MINIMAL}\n${TRADE_OFFS}`)}}],
    notOk: [
      {
        input: {'0001-use-postgresql.md': madr(`${MINIMAL}\n${TRADE_OFFS.replace(', bad: [Tenant attributes need JSONB]', '')}`)},
        messages: [
          '0001-use-postgresql.md:12:1 Unexpected decision without a bad consequence, expected at least 1 in `consequences.bad`: no decision is free',
        ],
      },
    ],
  },
})
