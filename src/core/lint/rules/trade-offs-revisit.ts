import type {FileRule} from '../lint-rule.js'
import {keyPosition} from '../locate.js'
import {checksTradeOffs, readTradeOffs} from '../trade-offs.js'
import {MINIMAL, madr, TRADE_OFFS} from './examples.js'

export const tradeOffsRevisit: FileRule = {
  id: 'trade-offs/revisit',
  scope: 'file',
  readsFrontMatter: true,
  description: 'An accepted ADR that records trade-offs has a `revisit` date: when to look at the decision again.',
  severity: {'adr-tools': 'off', recommended: 'error', strict: 'error'},
  check({adr}) {
    const t = readTradeOffs(adr)
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
}
