import {formatOf} from '../../formats/index.js'
import {keyPosition} from '../locate.js'
import {tradeOffsRule} from '../trade-offs.js'
import {MINIMAL, madr, TRADE_OFFS} from './examples.js'

const REQUIRED = ['drivers', 'options', 'decision', 'consequences', 'revisit'] as const

export const tradeOffsRequired = tradeOffsRule({
  id: 'trade-offs/required',
  description:
    'Under `strict`, every accepted ADR of a format that keeps front matter (MADR) records its trade-offs there: `drivers`, `options`, `decision`, `consequences` and `revisit`. adr-tools and log4brains files keep no front matter (adrgate never adds it to them), so for them `strict` asks for their own sections only.',
  severity: ['off', 'off', 'error'],
  check({adr}) {
    if (adr.status !== 'accepted' || formatOf(adr.format).tradeOffs === 'none') return []
    const data = adr.frontMatter?.data ?? {}
    const at = adr.frontMatter ? keyPosition(adr, 'status') : {line: adr.titleLine ?? 1, column: 1}
    const missing = REQUIRED.filter((key) => !Object.hasOwn(data, key))
    if (missing.length === 0) return []
    const keys = missing.map((key) => `\`${key}\``).join(', ')
    return [{...at, message: `Missing ${keys} in an accepted ADR, expected the recorded trade-offs (strict profile)`}]
  },
  examples: {
    ok: [
      {input: {'0001-use-postgresql.md': madr(`${MINIMAL}\n${TRADE_OFFS}`)}, settings: {profile: 'strict'}},
      {input: {'0001-use-postgresql.md': madr('status: proposed\ndate: 2026-05-01')}, settings: {profile: 'strict'}},
      {
        input: {
          '0001-use-postgresql.md':
            '# 1. Use PostgreSQL\n\nDate: 2026-05-01\n\n## Status\n\nAccepted\n\n## Context\n\nOne store.\n\n## Decision\n\nPostgreSQL.\n\n## Consequences\n\nOne backup.\n',
        },
        settings: {profile: 'strict'},
      },
    ],
    notOk: [
      {
        input: {'0001-use-postgresql.md': madr(`${MINIMAL}\n${TRADE_OFFS.replace(/\nrevisit: .*/, '')}`)},
        settings: {profile: 'strict'},
        messages: ['0001-use-postgresql.md:2:1 Missing `revisit` in an accepted ADR, expected the recorded trade-offs (strict profile)'],
      },
      {
        input: {'0001-use-postgresql.md': madr(MINIMAL)},
        settings: {profile: 'strict'},
        messages: [
          '0001-use-postgresql.md:2:1 Missing `drivers`, `options`, `decision`, `consequences`, `revisit` in an accepted ADR, expected the recorded trade-offs (strict profile)',
        ],
      },
    ],
  },
})
