import {computeDriversLock} from '../drivers-lock.js'
import {FAST_TRACK_GATES, hasPassed} from '../record.js'
import type {DebateRule, DebateRuleFinding} from './debate-rule.js'

/**
 * `in_progress` names a gate of the debate's track, and a finished debate (G8 passed) has none: a
 * gate in progress suspends the checks of that gate and the later ones, so it cannot be left on a
 * decided record.
 */
export const progress: DebateRule = {
  id: 'debate/progress',
  description: 'The gate in progress belongs to the track, and a decided record has none',
  check({record}) {
    const out: DebateRuleFinding[] = []
    const current = record.in_progress?.gate
    if (!current) return out
    if (hasPassed(record, 'G8')) {
      out.push({
        path: ['in_progress'],
        key: true,
        message: `Unexpected \`in_progress\` (${current}) after G8 passed, expected none on a decided record`,
      })
    } else if (record.track === 'fast' && !FAST_TRACK_GATES.includes(current)) {
      out.push({
        path: ['in_progress', 'gate'],
        message: `Unexpected gate ${current} in progress on the fast track, expected one of ${FAST_TRACK_GATES.join(', ')}`,
      })
    }
    return out
  },
  examples: {
    ok: [
      {
        description: 'a loop-back from G6 to G3 half-way: a new driver locked and weighted, G4 in progress, the scores not yet redone',
        apply: (r) => {
          r.drivers!.push({
            id: 'D4',
            name: 'Data residency',
            category: 'constraint',
            measure: 'All invoices stored in the EU.',
            knockout: true,
          })
          r.drivers_lock = computeDriversLock(r.drivers!)
          r.weights!.proposed = {alice: {D1: 40, D2: 20, D3: 25, D4: 15}, bob: {D1: 30, D2: 35, D3: 20, D4: 15}}
          r.weights!.agreed = {D1: 40, D2: 25, D3: 20, D4: 15}
          r.gate_log.splice(6, 2, {gate: 'G3', date: '2026-03-12', attempts: 1, timeboxed: false, from: 'G6'})
          r.in_progress = {gate: 'G4', from: 'G6', reason: 'C2 exposed a missing driver: data residency', failed: 0, answers: {}}
        },
      },
    ],
    notOk: [
      {
        description: 'a decided record with a gate in progress',
        apply: (r) => (r.in_progress = {gate: 'G3', failed: 0, answers: {}}),
        message: 'after G8 passed',
      },
      {
        description: 'G5 in progress on the fast track',
        base: 'fast',
        apply: (r) => {
          r.gate_log.pop()
          r.in_progress = {gate: 'G5', failed: 0, answers: {}}
        },
        message: 'Unexpected gate G5 in progress on the fast track',
      },
    ],
  },
}
