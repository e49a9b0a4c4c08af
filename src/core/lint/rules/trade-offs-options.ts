import type {LintFinding} from '../lint-rule.js'
import {keyPosition, valuePosition} from '../locate.js'
import {checksTradeOffs, tradeOffsRule} from '../trade-offs.js'
import {MINIMAL, madr, TRADE_OFFS} from './examples.js'

export const tradeOffsOptions = tradeOffsRule({
  id: 'trade-offs/options',
  description: 'An accepted ADR that records trade-offs compares at least two options, each with its own id.',
  check({adr}, t) {
    const findings: LintFinding[] = []
    const seen = new Set<unknown>()
    t.options?.forEach((o, i) => {
      if (o.id !== undefined && seen.has(o.id)) {
        findings.push({
          ...valuePosition(adr, ['options', i, 'id']),
          message: `Unexpected duplicate option id \`${String(o.id)}\`, expected each option once`,
        })
      }
      seen.add(o.id)
    })
    const count = t.options?.length ?? 0
    if (checksTradeOffs(adr, t) && count < 2) {
      const at = keyPosition(adr, t.options ? 'options' : 'status')
      findings.unshift({
        ...at,
        message: `Unexpected ${count} option${count === 1 ? '' : 's'}, expected at least 2 in \`options\` (a decision is a choice)`,
      })
    }
    return findings
  },
  examples: {
    ok: [{input: {'0001-use-postgresql.md': madr(`${MINIMAL}\n${TRADE_OFFS}`)}}],
    notOk: [
      {
        input: {'0001-use-postgresql.md': madr(`${MINIMAL}\n${TRADE_OFFS.replace('  - {id: mongo, title: MongoDB 7}\n', '')}`)},
        messages: ['0001-use-postgresql.md:8:1 Unexpected 1 option, expected at least 2 in `options` (a decision is a choice)'],
      },
      {
        input: {'0001-use-postgresql.md': madr(`${MINIMAL}\n${TRADE_OFFS.replace('{id: mongo', '{id: postgres')}`)},
        messages: ['0001-use-postgresql.md:10:10 Unexpected duplicate option id `postgres`, expected each option once'],
      },
    ],
  },
})
