import {topOptions} from '../ties.js'
import type {DebateRule, DebateRuleFinding} from './debate-rule.js'

/**
 * Decision consistency: the chosen option exists and is not knocked out; when it is not the top-scored
 * option (nor one tied with it), `override_rationale` says why; once G8 has passed no objection is left open.
 */
export const decision: DebateRule = {
  id: 'debate/decision',
  description:
    'The chosen option exists, is not knocked out, and is the top-scored one or has an override rationale; no objection left open',
  check({record, passed, results}) {
    const out: DebateRuleFinding[] = []
    const d = record.decision
    if (d) {
      if (record.options && !record.options.some((o) => o.id === d.chosen)) {
        out.push({path: ['decision', 'chosen'], message: `Unexpected chosen option \`${d.chosen}\`, expected the id of an option`})
      } else if (record.scoring) {
        const computed = results()
        const knockout = computed.knocked_out.find((k) => k.option === d.chosen)
        if (knockout) {
          out.push({
            path: ['decision', 'chosen'],
            message: `Unexpected chosen option \`${d.chosen}\`, knocked out on \`${knockout.driver}\` (aggregate ${knockout.aggregate} < 3), expected an option that meets every knockout driver`,
          })
        } else if (computed.winner && !topOptions(computed).includes(d.chosen) && !d.override_rationale) {
          out.push({
            path: ['decision', 'chosen'],
            message: `Unexpected choice of \`${d.chosen}\` over the top-scored \`${computed.winner}\` with no \`override_rationale\`, expected the approver's reason for overriding the scores`,
          })
        }
      }
    }
    if (passed('G8')) {
      record.objections?.forEach((o, i) => {
        if (o.kind === 'objection' && !o.resolution) {
          out.push({
            path: ['objections', i],
            message: `Unexpected open objection \`${o.id}\` after G8, expected it integrated or overruled by the approver`,
          })
        }
      })
    }
    return out
  },
  examples: {
    ok: [
      {
        description: 'an override with a rationale',
        apply: (r) =>
          Object.assign(r.decision!, {chosen: 'mongodb', override_rationale: 'The team has run MongoDB in production for five years.'}),
      },
    ],
    notOk: [
      {
        description: 'an override with no rationale',
        apply: (r) => (r.decision!.chosen = 'mongodb'),
        message: 'over the top-scored `postgresql` with no `override_rationale`',
      },
      {
        description: 'a knocked-out option chosen',
        apply: (r) => Object.assign(r.decision!, {chosen: 'keep-embedded', override_rationale: 'Cheapest.'}),
        message: 'knocked out on `D1`',
      },
      {
        description: 'an unknown option chosen',
        apply: (r) => (r.decision!.chosen = 'oracle'),
        message: 'Unexpected chosen option `oracle`',
      },
      {
        description: 'an objection left open',
        apply: (r) => Object.assign(r.objections![1], {kind: 'objection', resolution: undefined}),
        message: 'open objection `O2`',
      },
    ],
  },
}
