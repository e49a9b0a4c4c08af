import type {DebateRule, DebateRuleFinding} from './debate-rule.js'

/**
 * Authority: only the approver overrules an objection, and only on a summary the raiser confirmed or
 * the raiser's own statement; blocking objections come only from participants (others raise concerns)
 * and never on the fast track; the approver decides, or the chosen option's champion on a delegated
 * fast track.
 */
export const authority: DebateRule = {
  id: 'debate/authority',
  description: 'Only the approver overrules; blocking objections only from participants; the right person decides',
  check({record, participants}) {
    const out: DebateRuleFinding[] = []
    const approver = record.roles.approver
    record.objections?.forEach((o, i) => {
      if (o.kind === 'objection' && !participants.includes(o.raiser)) {
        out.push({
          path: ['objections', i, 'kind'],
          message: `Unexpected blocking objection from \`${o.raiser}\`, who is not a participant; expected \`kind: concern\``,
        })
      }
      if (o.kind === 'objection' && record.track === 'fast') {
        out.push({
          path: ['objections', i, 'kind'],
          message: 'Unexpected blocking objection on the fast track, expected `kind: concern` (objections do not block a two-way door)',
        })
      }
      if (o.resolution === 'overruled') {
        if (o.by !== approver)
          out.push({path: ['objections', i, 'by'], message: `Unexpected overrule by \`${o.by}\`, expected the approver \`${approver}\``})
        if (!o.confirmed_by_raiser && !o.statement) {
          out.push({
            path: ['objections', i],
            message:
              'Unexpected overrule of an unconfirmed objection, expected the raiser to confirm the summary or give their own `statement`',
          })
        }
      }
    })
    const d = record.decision
    if (d) {
      const champion = record.options?.find((o) => o.id === d.chosen)?.champion
      if (d.method === 'champion' && record.track !== 'fast') {
        out.push({
          path: ['decision', 'method'],
          message: 'Unexpected decision by the champion on the full track, expected `consent` or `approver`',
        })
      }
      const expected = d.method === 'champion' ? champion : approver
      if (d.decided_by !== undefined && d.decided_by !== expected) {
        out.push({
          path: ['decision', 'decided_by'],
          message: `Unexpected decision by \`${d.decided_by}\`, expected ${d.method === 'champion' ? 'the champion' : 'the approver'} \`${expected}\``,
        })
      }
    }
    return out
  },
  examples: {
    ok: [
      {
        description: 'an objection overruled by the approver on a confirmed summary',
        apply: (r) => Object.assign(r.objections![1], {kind: 'objection', resolution: 'overruled', by: 'dana'}),
      },
    ],
    notOk: [
      {
        description: 'an overrule by a participant',
        apply: (r) => Object.assign(r.objections![1], {kind: 'objection', resolution: 'overruled', by: 'alice'}),
        message: 'Unexpected overrule by `alice`',
      },
      {
        description: 'a blocking objection from someone consulted',
        apply: (r) => Object.assign(r.objections![1], {raiser: 'erin', kind: 'objection'}),
        message: 'from `erin`',
      },
      {
        description: 'an overrule the raiser never confirmed',
        apply: (r) =>
          Object.assign(r.objections![1], {
            kind: 'objection',
            resolution: 'overruled',
            by: 'dana',
            confirmed_by_raiser: false,
            statement: undefined,
          }),
        message: 'unconfirmed objection',
      },
      {description: 'a decision by a participant', apply: (r) => (r.decision!.decided_by = 'bob'), message: 'Unexpected decision by `bob`'},
    ],
  },
}
