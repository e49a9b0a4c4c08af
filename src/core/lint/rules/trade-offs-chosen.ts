import {valuePosition} from '../locate.js'
import {checksTradeOffs, keyOrStatus, tradeOffsRule} from '../trade-offs.js'
import {MINIMAL, madr, TRADE_OFFS} from './examples.js'

export const tradeOffsChosen = tradeOffsRule({
  id: 'trade-offs/chosen',
  description: 'The chosen option (`decision.chosen`) is one of the `options` ids; an accepted ADR that records trade-offs names it.',
  check({adr}, t) {
    if (t.chosen === undefined) {
      if (!checksTradeOffs(adr, t)) return []
      const at = keyOrStatus(adr, 'decision')
      return [{...at, message: 'Missing `decision.chosen`, expected the id of the chosen option'}]
    }
    if (!t.options) return []
    const ids = t.options.map((o) => String(o.id))
    if (ids.includes(String(t.chosen))) return []
    return [
      {
        ...valuePosition(adr, ['decision', 'chosen']),
        message: `Unexpected chosen option \`${String(t.chosen)}\`, expected one of ${ids.join(', ')}`,
      },
    ]
  },
  examples: {
    ok: [{input: {'0001-use-postgresql.md': madr(`${MINIMAL}\n${TRADE_OFFS}`)}}],
    notOk: [
      {
        input: {'0001-use-postgresql.md': madr(`${MINIMAL}\n${TRADE_OFFS.replace('chosen: postgres', 'chosen: mysql')}`)},
        messages: ['0001-use-postgresql.md:11:20 Unexpected chosen option `mysql`, expected one of postgres, mongo'],
      },
      {
        input: {
          '0001-use-postgresql.md': madr(
            `${MINIMAL}\n${TRADE_OFFS.replace('decision: {chosen: postgres, method: consent}', 'decision: {method: consent}')}`,
          ),
        },
        messages: ['0001-use-postgresql.md:11:1 Missing `decision.chosen`, expected the id of the chosen option'],
      },
    ],
  },
})
