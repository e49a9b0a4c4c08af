import {valuePosition} from '../locate.js'
import {tradeOffsRule} from '../trade-offs.js'
import {isIsoDate} from './date.js'
import {MINIMAL, madr, TRADE_OFFS} from './examples.js'

export const tradeOffsRevisitOverdue = tradeOffsRule({
  id: 'trade-offs/revisit-overdue',
  description:
    "An accepted ADR's revisit date has not passed. Review the decision, then move the date (an accepted ADR may change its revisit).",
  severity: ['off', 'warn', 'warn'],
  check({adr, today}, {revisit}) {
    if (adr.status !== 'accepted' || !revisit || !isIsoDate(revisit) || !isIsoDate(today) || revisit >= today) return []
    const data = adr.frontMatter?.data ?? {}
    const at = valuePosition(adr, typeof data.revisit === 'string' ? ['revisit'] : ['revisit', 'date'])
    return [
      {
        ...at,
        message: `Unexpected revisit date ${revisit} in the past (today is ${today}), expected a review of the decision and a new date`,
      },
    ]
  },
  examples: {
    ok: [{input: {'0001-use-postgresql.md': madr(`${MINIMAL}\n${TRADE_OFFS}`)}, settings: {today: '2027-05-01'}}],
    notOk: [
      {
        input: {'0001-use-postgresql.md': madr(`${MINIMAL}\n${TRADE_OFFS}`)},
        settings: {today: '2027-05-02'},
        messages: [
          '0001-use-postgresql.md:13:10 Unexpected revisit date 2027-05-01 in the past (today is 2027-05-02), expected a review of the decision and a new date',
        ],
      },
    ],
  },
})
