import {favouredBy, MAX_STEELMAN_ATTEMPTS, steelmanDone} from '../steelman-duty.js'
import type {DebateRule, DebateRuleFinding} from './debate-rule.js'

/**
 * Full track, once G4 has passed: every option someone favours (it has a champion, or a participant's
 * initial position names it) has a steelman by a non-champion that the champion acknowledged — or, after
 * 3 rejected attempts, the missing points; every participant wrote a steelman.
 */
export const steelman: DebateRule = {
  id: 'debate/steelman',
  description: 'Every favoured option is steelmanned by a non-champion and acknowledged; every participant wrote one',
  check({record, participants, passed}) {
    const out: DebateRuleFinding[] = []
    if (!passed('G4') || record.track !== 'full' || !record.options) return out
    const favoured = favouredBy(record)
    const authors = new Set<string>()
    record.options.forEach((o, i) => {
      const fans = favoured.get(o.id) ?? new Set<string>()
      o.steelman?.forEach((s, j) => {
        authors.add(s.author)
        if (fans.has(s.author)) {
          out.push({
            path: ['options', i, 'steelman', j, 'author'],
            message: `Unexpected steelman of \`${o.id}\` by \`${s.author}\`, who favours it, expected a participant who favours another option`,
          })
        }
        if (!s.acknowledged && s.attempts >= MAX_STEELMAN_ATTEMPTS && !s.missing_points) {
          out.push({
            path: ['options', i, 'steelman', j],
            message: `Unexpected steelman rejected ${s.attempts} times with no \`missing_points\`, expected the champion to list what is missing`,
          })
        }
      })
      if (fans.size > 0 && !steelmanDone(o, fans)) {
        out.push({
          path: ['options', i],
          message: `Unexpected favoured option \`${o.id}\` with no acknowledged steelman, expected a non-champion's strongest case that the champion confirmed`,
        })
      }
    })
    participants.forEach((name, i) => {
      if (!authors.has(name))
        out.push({
          path: ['roles', 'participants', i],
          message: `Unexpected participant \`${name}\` with no steelman, expected each participant to steelman an option they do not champion`,
        })
    })
    return out
  },
  examples: {
    ok: [{description: 'each favoured option steelmanned and acknowledged', apply: () => {}}],
    notOk: [
      {
        description: 'a steelman not acknowledged',
        apply: (r) => (r.options![0].steelman![0].acknowledged = false),
        message: 'Unexpected favoured option `postgresql`',
      },
      {
        description: 'a champion steelmanning their own option',
        apply: (r) => (r.options![1].steelman![0].author = 'bob'),
        message: 'by `bob`, who favours it',
      },
      {
        description: 'three rejections and no missing points',
        apply: (r) => Object.assign(r.options![1].steelman![0], {acknowledged: false, attempts: 3}),
        message: 'rejected 3 times',
      },
    ],
  },
}
