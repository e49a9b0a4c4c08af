import {computeDriversLock} from '../drivers-lock.js'
import type {DebateRule, DebateRuleFinding} from './debate-rule.js'

/**
 * `drivers_lock` is the sha256 of the drivers' canonical JSON, and the scores were given under the same
 * lock (`scoring.drivers_lock`): a driver changed after scoring no longer matches. While G5 is being
 * redone after a loop-back to G3, the old scores may carry the old lock.
 */
export const driversLocked: DebateRule = {
  id: 'debate/drivers-lock',
  description: '`drivers_lock` matches the drivers, and the scoring was done under the same lock',
  check({record, passed}) {
    const out: DebateRuleFinding[] = []
    if (!record.drivers) return out
    const lock = computeDriversLock(record.drivers)
    if (record.drivers_lock !== undefined && record.drivers_lock !== lock) {
      out.push({
        path: ['drivers_lock'],
        message: `Unexpected drivers_lock ${record.drivers_lock.slice(0, 12)}…, expected ${lock.slice(0, 12)}… from the drivers as written: a driver changed after it was locked (loop back to G3 and rescore)`,
      })
    }
    const scored = record.scoring?.drivers_lock
    if (passed('G5') && scored !== undefined && scored !== lock && record.drivers_lock === lock) {
      out.push({
        path: ['scoring', 'drivers_lock'],
        message: `Unexpected scoring.drivers_lock ${scored.slice(0, 12)}…, expected ${lock.slice(0, 12)}…: the drivers changed after the scores were given (rescore under the new drivers)`,
      })
    }
    return out
  },
  examples: {
    ok: [{description: 'locks as computed', apply: () => {}}],
    notOk: [
      {
        description: 'a driver’s measure changed after scoring',
        apply: (r) => (r.drivers![1].measure = 'Shipped within a week.'),
        message: 'Unexpected drivers_lock',
      },
      {
        description: 'a driver changed and the top-level lock recomputed by hand',
        apply: (r) => {
          r.drivers![0].knockout = false
          r.drivers_lock = computeDriversLock(r.drivers!)
        },
        message: 'Unexpected scoring.drivers_lock',
      },
    ],
  },
}
