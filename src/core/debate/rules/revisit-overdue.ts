import type {DebateRule, DebateRuleFinding} from './debate-rule.js'

/** A decided record past its revisit date with no review since is reported (a warning by default). */
export const revisitOverdue: DebateRule = {
  id: 'debate/revisit-overdue',
  description: 'The revisit date has passed with no review',
  severity: 'warning',
  check({record, today, passed}) {
    const out: DebateRuleFinding[] = []
    const revisit = record.revisit
    if (!passed('G8') || !revisit || today <= revisit.date) return out
    if ((revisit.reviews ?? []).some((r) => r.date >= revisit.date)) return out
    out.push({
      path: ['revisit', 'date'],
      message: `Unexpected revisit date ${revisit.date} passed with no review (today is ${today}), expected a review in \`revisit.reviews\``,
    })
    return out
  },
  examples: {
    ok: [
      {
        description: 'a review held on the revisit date',
        apply: (r) => {
          r.revisit!.date = '2026-05-01'
          r.revisit!.reviews = [{date: '2026-05-01', by: 'dana', outcome: 'keep'}]
        },
      },
    ],
    notOk: [
      {
        description: 'a revisit date in the past',
        apply: (r) => (r.revisit!.date = '2026-05-01'),
        message: 'revisit date 2026-05-01 passed with no review',
      },
    ],
  },
}
