import type {DebateRule, DebateRuleFinding} from './debate-rule.js'

/** Once G8 has passed, every participant has committed: agree, disagree-and-commit or stand aside. */
export const missingCommitment: DebateRule = {
  id: 'debate/missing-commitment',
  description: 'Every participant committed once G8 has passed',
  check({record, participants, passed}) {
    const out: DebateRuleFinding[] = []
    if (!passed('G8')) return out
    const committed = new Set((record.commitments ?? []).map((c) => c.participant))
    participants.forEach((name, i) => {
      if (!committed.has(name)) {
        out.push({
          path: record.commitments ? ['commitments'] : ['roles', 'participants', i],
          key: record.commitments !== undefined,
          message: `Unexpected decision with no commitment from \`${name}\`, expected agree, disagree-and-commit or stand-aside`,
        })
      }
    })
    return out
  },
  examples: {
    ok: [{description: 'both committed', apply: () => {}}],
    notOk: [{description: 'bob’s commitment removed', apply: (r) => r.commitments!.pop(), message: 'no commitment from `bob`'}],
  },
}
