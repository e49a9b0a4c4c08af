import type {DebateRule, DebateRuleFinding} from './debate-rule.js'

/** Drivers allowed on the fast track (G3-lite). */
export const FAST_TRACK_MAX_DRIVERS = 3

/** fast ⇔ two-way: the fast track only on a two-way door, and a two-way door takes the fast track; G3-lite has 1–3 drivers. */
export const fastTrack: DebateRule = {
  id: 'debate/fast-track',
  description: 'The fast track only on a two-way door (and a two-way door on the fast track)',
  check({record}) {
    const out: DebateRuleFinding[] = []
    const door = record.reversibility?.class
    if (record.track && door) {
      if (record.track === 'fast' && door !== 'two-way') {
        out.push({
          path: ['track'],
          message: `Unexpected fast track on a ${door} door, expected \`track: full\` (the fast track is for two-way doors only)`,
        })
      } else if (record.track === 'full' && door === 'two-way') {
        out.push({
          path: ['track'],
          message: 'Unexpected full track on a two-way door, expected `track: fast` (or re-nominate the door to escalate)',
        })
      }
    }
    if (record.track === 'fast' && (record.drivers?.length ?? 0) > FAST_TRACK_MAX_DRIVERS) {
      out.push({
        path: ['drivers'],
        message: `Unexpected ${record.drivers!.length} drivers on the fast track, expected at most ${FAST_TRACK_MAX_DRIVERS}`,
      })
    }
    return out
  },
  examples: {
    ok: [{description: 'a two-way door on the fast track', base: 'fast', apply: () => {}}],
    notOk: [
      {description: 'a fast track on a one-way door', apply: (r) => (r.track = 'fast'), message: 'Unexpected fast track on a one-way door'},
      {
        description: 'a full track on a two-way door',
        apply: (r) => {
          for (const n of r.reversibility!.nominations) n.class = 'two-way'
          r.reversibility!.class = 'two-way'
        },
        message: 'Unexpected full track',
      },
    ],
  },
}
