import type {DebateRule, DebateRuleFinding} from './debate-rule.js'

/**
 * Once G7 has passed: a story from every participant (the leading option's champion included), each
 * about the leading option (or answered by `avoid`); at least one confirmation, an automated one on the
 * full track.
 */
export const premortem: DebateRule = {
  id: 'debate/premortem',
  description: 'A pre-mortem story from everyone about the leading option; confirmation checks present',
  check({record, participants, passed, results}) {
    const out: DebateRuleFinding[] = []
    if (!passed('G7')) return out
    const risks = record.premortem ?? []
    const leader = record.scoring ? results().winner : null
    const champion = record.options?.find((o) => o.id === leader)?.champion
    participants.forEach((name, i) => {
      if (!risks.some((r) => r.participant === name)) {
        const role = name === champion ? ' (the leading option’s champion)' : ''
        out.push({
          path: ['roles', 'participants', i],
          message: `Unexpected participant \`${name}\`${role} with no pre-mortem story, expected one from everyone`,
        })
      }
    })
    risks.forEach((r, i) => {
      if (leader && r.option !== leader && r.response !== 'avoid') {
        out.push({
          path: ['premortem', i, 'option'],
          message: `Unexpected story about \`${r.option}\`, expected one about the leading option \`${leader}\``,
        })
      }
    })
    if ((record.confirmation ?? []).length === 0) {
      out.push({path: [], message: 'Unexpected record with no `confirmation`, expected at least one check of the implementation'})
    } else if (record.track === 'full' && !record.confirmation!.some((c) => c.kind === 'automated')) {
      out.push({
        path: ['confirmation'],
        message: 'Unexpected full-track record with only manual checks, expected at least one `kind: automated` confirmation',
      })
    }
    return out
  },
  examples: {
    ok: [{description: 'stories from both', apply: () => {}}],
    notOk: [
      {
        description: 'the champion gave no story',
        apply: (r) => r.premortem!.splice(1, 1),
        message: '`alice` (the leading option’s champion) with no pre-mortem story',
      },
      {
        description: 'a story about another option',
        apply: (r) => (r.premortem![0].option = 'mongodb'),
        message: 'Unexpected story about `mongodb`',
      },
      {description: 'no automated check', apply: (r) => (r.confirmation![0].kind = 'manual'), message: 'only manual checks'},
    ],
  },
}
