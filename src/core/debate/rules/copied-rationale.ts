import type {DebateRule, DebateRuleFinding} from './debate-rule.js'

/** A rationale may be used at most this many times in a record. */
export const MAX_RATIONALE_USES = 3

function normalise(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.!]+$/, '')
}

/** No score rationale is copied more than 3 times: each score says why, for that option and driver. */
export const copiedRationale: DebateRule = {
  id: 'debate/copied-rationale',
  description: 'No rationale is used more than 3 times',
  check({record}) {
    const out: DebateRuleFinding[] = []
    const uses = new Map<string, number>()
    record.scoring?.entries.forEach((e, i) => {
      const key = normalise(e.rationale)
      const count = (uses.get(key) ?? 0) + 1
      uses.set(key, count)
      if (count === MAX_RATIONALE_USES + 1) {
        out.push({
          path: ['scoring', 'entries', i, 'rationale'],
          message: `Unexpected rationale used ${count} times ("${e.rationale.slice(0, 60)}"), expected at most ${MAX_RATIONALE_USES}: say why for each option and driver`,
        })
      }
    })
    return out
  },
  examples: {
    ok: [
      {
        description: 'the same rationale three times',
        apply: (r) => {
          for (const i of [0, 1, 2]) r.scoring!.entries[i].rationale = 'Fine.'
        },
      },
    ],
    notOk: [
      {
        description: 'the same rationale four times',
        apply: (r) => {
          for (const i of [0, 1, 2, 3]) r.scoring!.entries[i].rationale = 'Fine.'
        },
        message: 'rationale used 4 times',
      },
    ],
  },
}
