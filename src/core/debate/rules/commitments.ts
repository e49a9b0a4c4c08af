import type {DebateRule, DebateRuleFinding} from './debate-rule.js'

/** One commitment per participant: nobody commits twice, and only participants commit. */
export const commitments: DebateRule = {
  id: 'debate/commitments',
  description: 'One commitment per participant',
  check({record, participants}) {
    const out: DebateRuleFinding[] = []
    const seen = new Set<string>()
    record.commitments?.forEach((c, i) => {
      if (!participants.includes(c.participant)) {
        out.push({
          path: ['commitments', i, 'participant'],
          message: `Unexpected commitment by \`${c.participant}\`, expected one of the participants`,
        })
      } else if (seen.has(c.participant)) {
        out.push({path: ['commitments', i], message: `Unexpected second commitment by \`${c.participant}\`, expected one per participant`})
      }
      seen.add(c.participant)
    })
    return out
  },
  examples: {
    ok: [{description: 'alice agrees, bob disagrees and commits', apply: () => {}}],
    notOk: [
      {
        description: 'a participant commits twice',
        apply: (r) => r.commitments!.push({participant: 'alice', stance: 'stand-aside'}),
        message: 'second commitment by `alice`',
      },
      {
        description: 'the approver commits as a participant',
        apply: (r) => r.commitments!.push({participant: 'dana', stance: 'agree'}),
        message: 'commitment by `dana`',
      },
    ],
  },
}
