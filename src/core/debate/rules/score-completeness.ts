import type {DebateRule, DebateRuleFinding} from './debate-rule.js'

/** One entry per participant × option × driver: none twice, and none missing once G5 has passed. */
export const scoreCompleteness: DebateRule = {
  id: 'debate/score-completeness',
  description: 'One score entry per participant × option × driver',
  check({record, participants, passed}) {
    const out: DebateRuleFinding[] = []
    if (!record.scoring) return out
    const seen = new Set<string>()
    record.scoring.entries.forEach((e, i) => {
      const key = `${e.participant}\u0000${e.option}\u0000${e.driver}`
      if (seen.has(key)) {
        out.push({
          path: ['scoring', 'entries', i],
          message: `Unexpected second score by \`${e.participant}\` for \`${e.option}\` × \`${e.driver}\`, expected one`,
        })
      }
      seen.add(key)
    })
    if (!passed('G5')) return out
    const scorers = [...participants, ...(record.roles.facilitator_scores && record.roles.facilitator ? [record.roles.facilitator] : [])]
    const missing: string[] = []
    for (const participant of scorers) {
      for (const option of record.options ?? []) {
        for (const driver of record.drivers ?? []) {
          if (!seen.has(`${participant}\u0000${option.id}\u0000${driver.id}`)) missing.push(`${participant}: ${option.id} × ${driver.id}`)
        }
      }
    }
    if (missing.length > 0) {
      const shown = missing.slice(0, 5).join('; ') + (missing.length > 5 ? `; and ${missing.length - 5} more` : '')
      out.push({
        path: ['scoring', 'entries'],
        message: `Unexpected missing scores (${shown}), expected every participant to score every option against every driver`,
      })
    }
    return out
  },
  examples: {
    ok: [{description: 'all 18 entries', apply: () => {}}],
    notOk: [
      {description: 'an entry removed', apply: (r) => r.scoring!.entries.splice(5, 1), message: 'alice: mongodb × D3'},
      {
        description: 'an entry given twice',
        apply: (r) => r.scoring!.entries.push({...r.scoring!.entries[0]}),
        message: 'Unexpected second score by `alice`',
      },
    ],
  },
}
