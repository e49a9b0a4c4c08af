import type {DataPath} from '../../yaml/yaml.js'
import type {IsoDate} from '../record.js'
import type {DebateRule, DebateRuleFinding} from './debate-rule.js'

/** True for a real calendar date (`2026-02-30` is not). */
export function isRealDate(date: IsoDate): boolean {
  const [y, m, d] = date.split('-').map(Number)
  const parsed = new Date(Date.UTC(y, m - 1, d))
  return parsed.getUTCFullYear() === y && parsed.getUTCMonth() === m - 1 && parsed.getUTCDate() === d
}

/** `date` plus `months` calendar months, the day clamped to the month's end (2026-01-31 + 1 → 2026-02-28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number)
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

/** The revisit cap in months: 3 for a two-way door (and the fast track), 12 otherwise. */
export function revisitCapMonths(record: {track?: string; reversibility?: {class?: string}}): number {
  return record.track === 'fast' || record.reversibility?.class === 'two-way' ? 3 : 12
}

/**
 * Dates are real and in order: started < decide_by; gate passes from `started` on, in order; the
 * decision on or after `started`; the revisit after the decision and at most 3 months later for a
 * two-way door, 12 otherwise.
 */
export const dates: DebateRule = {
  id: 'debate/dates',
  description: 'Dates are real and in order; the revisit is within 3 months (two-way door) or 12',
  check({record}) {
    const out: DebateRuleFinding[] = []
    const all: [DataPath, IsoDate | undefined][] = [
      [['timebox', 'started'], record.timebox.started],
      [['timebox', 'decide_by'], record.timebox.decide_by],
      ...record.gate_log.map((g, i): [DataPath, IsoDate] => [['gate_log', i, 'date'], g.date]),
      ...(record.cruxes ?? []).flatMap((c, i): [DataPath, IsoDate | undefined][] => [
        [['cruxes', i, 'due'], c.due],
        [['cruxes', i, 'resolved_on'], c.resolved_on],
      ]),
      [['decision', 'date'], record.decision?.date],
      [['revisit', 'date'], record.revisit?.date],
      ...(record.revisit?.reviews ?? []).map((r, i): [DataPath, IsoDate] => [['revisit', 'reviews', i, 'date'], r.date]),
    ]
    const bad = all.filter(([, date]) => date !== undefined && !isRealDate(date))
    for (const [path, date] of bad) out.push({path, message: `Unexpected date ${date}, expected a real calendar date`})
    if (bad.length > 0) return out
    const {started, decide_by} = record.timebox
    const after = (path: DataPath, date: IsoDate | undefined, than: IsoDate | undefined, what: string, strict = false) => {
      if (date && than && (strict ? date <= than : date < than))
        out.push({path, message: `Unexpected ${path.join('.')} ${date}, expected ${strict ? 'after' : 'on or after'} ${what} ${than}`})
    }
    after(['timebox', 'decide_by'], decide_by, started, 'the start', true)
    let previous = started
    record.gate_log.forEach((g, i) => {
      after(['gate_log', i, 'date'], g.date, previous, i === 0 ? 'the start' : 'the previous gate pass')
      if (g.date > previous) previous = g.date
    })
    const d = record.decision?.date
    after(['decision', 'date'], d, started, 'the start')
    if (record.revisit && d) {
      after(['revisit', 'date'], record.revisit.date, d, 'the decision', true)
      const months = revisitCapMonths(record)
      const cap = addMonths(d, months)
      if (record.revisit.date > cap) {
        out.push({
          path: ['revisit', 'date'],
          message: `Unexpected revisit ${record.revisit.date}, expected at most ${months} months after the decision (by ${cap}) on ${record.track === 'fast' ? 'the fast track' : `a ${record.reversibility?.class ?? 'costly'} door`}`,
        })
      }
    }
    return out
  },
  examples: {
    ok: [{description: 'a revisit exactly 12 months after a one-way decision', apply: (r) => (r.revisit!.date = '2027-03-18')}],
    notOk: [
      {
        description: 'a revisit 13 months out',
        apply: (r) => (r.revisit!.date = '2027-04-19'),
        message: 'at most 12 months after the decision (by 2027-03-18)',
      },
      {
        description: 'a fast-track revisit 4 months out',
        base: 'fast',
        apply: (r) => (r.revisit!.date = '2026-09-15'),
        message: 'at most 3 months',
      },
      {
        description: 'a deadline before the start',
        apply: (r) => (r.timebox.decide_by = '2026-03-01'),
        message: 'expected after the start 2026-03-02',
      },
      {
        description: 'gate passes out of order',
        apply: (r) => (r.gate_log[4].date = '2026-03-03'),
        message: 'gate_log.4.date 2026-03-03, expected on or after the previous gate pass 2026-03-05',
      },
      {description: 'the 30th of February', apply: (r) => (r.decision!.date = '2026-02-30'), message: 'Unexpected date 2026-02-30'},
    ],
  },
}
