import type {FileRule} from '../lint-rule.js'
import {keyPosition} from '../locate.js'
import {checksTradeOffs, readTradeOffs} from '../trade-offs.js'
import {MINIMAL, madr, TRADE_OFFS} from './examples.js'

export const tradeOffsBadConsequence: FileRule = {
  id: 'trade-offs/bad-consequence',
  scope: 'file',
  readsFrontMatter: true,
  description: 'An accepted ADR that records trade-offs names at least one bad consequence: no decision is free.',
  severity: {'adr-tools': 'off', recommended: 'error', strict: 'error'},
  check({adr}) {
    const t = readTradeOffs(adr)
    if (!checksTradeOffs(adr, t) || (t.bad?.length ?? 0) >= 1) return []
    const at = keyPosition(adr, Object.hasOwn(adr.frontMatter?.data ?? {}, 'consequences') ? 'consequences' : 'status')
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
}
