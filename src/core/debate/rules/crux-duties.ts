import type {DebateRule, DebateRuleFinding} from './debate-rule.js'

/**
 * Once G6 has passed: every participant owns a genuine crux; every crux is resolved with evidence, or
 * accepted as uncertainty (a deferred crux always is); experiments are run by a participant and due by
 * `timebox.decide_by`.
 */
export const cruxDuties: DebateRule = {
  id: 'debate/crux-duties',
  description: 'Every participant owns a genuine crux; each crux is resolved; experiments are due by the deadline',
  check({record, participants, passed}) {
    const out: DebateRuleFinding[] = []
    if (!passed('G6')) return out
    const cruxes = record.cruxes ?? []
    participants.forEach((name, i) => {
      if (!cruxes.some((c) => c.owner === name && c.genuine)) {
        out.push({
          path: ['roles', 'participants', i],
          message: `Unexpected participant \`${name}\` with no genuine crux, expected each participant to own a fact that would change their mind`,
        })
      }
    })
    const decideBy = record.timebox.decide_by
    cruxes.forEach((c, i) => {
      if (!c.resolution) {
        out.push({
          path: ['cruxes', i],
          message: `Unexpected unresolved crux \`${c.id}\`, expected \`resolution: evidence\` with a finding, or \`uncertainty\` with a trigger`,
        })
      } else if (c.settle === 'defer' && c.resolution !== 'uncertainty') {
        out.push({
          path: ['cruxes', i, 'resolution'],
          message: `Unexpected deferred crux \`${c.id}\` resolved by evidence, expected \`uncertainty\` watched by a revisit trigger`,
        })
      }
      if (c.settle !== 'defer' && c.due && decideBy && c.due > decideBy) {
        out.push({path: ['cruxes', i, 'due'], message: `Unexpected ${c.settle} due ${c.due}, expected it due by the deadline ${decideBy}`})
      }
    })
    return out
  },
  examples: {
    ok: [{description: 'both cruxes genuine and settled', apply: () => {}}],
    notOk: [
      {
        description: 'a crux not genuine',
        apply: (r) => Object.assign(r.cruxes![1], {genuine: false, deeper_belief: 'Only production incidents would.'}),
        message: '`alice` with no genuine crux',
      },
      {description: 'an experiment due after the deadline', apply: (r) => (r.cruxes![0].due = '2026-04-01'), message: 'due 2026-04-01'},
      {description: 'a crux left open', apply: (r) => delete r.cruxes![1].resolution, message: 'unresolved crux `C2`'},
    ],
  },
}
