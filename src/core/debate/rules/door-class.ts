import {DOOR_CLASSES, type DoorClass} from '../record.js'
import type {DebateRule, DebateRuleFinding} from './debate-rule.js'

/** The most cautious of the nominated classes. */
export function mostCautious(classes: readonly DoorClass[]): DoorClass | undefined {
  let index = -1
  for (const c of classes) index = Math.max(index, DOOR_CLASSES.indexOf(c))
  return index < 0 ? undefined : DOOR_CLASSES[index]
}

/**
 * Once G2 has passed everyone has nominated, and the class is the most cautious nomination, unless the
 * approver downgraded it with `downgrade_rationale`; never more cautious than every nomination.
 */
export const doorClass: DebateRule = {
  id: 'debate/door-class',
  description: 'The door class is the most cautious nomination unless the approver downgraded it with a rationale',
  check({record, participants, passed}) {
    const out: DebateRuleFinding[] = []
    const rev = record.reversibility
    if (!rev) return out
    if (passed('G2')) {
      const nominated = new Set(rev.nominations.map((n) => n.participant))
      participants.forEach((name) => {
        if (!nominated.has(name))
          out.push({
            path: ['reversibility', 'nominations'],
            message: `Unexpected missing nomination from \`${name}\`, expected every participant to nominate a door`,
          })
      })
    }
    const expected = mostCautious(rev.nominations.map((n) => n.class))
    if (!rev.class || !expected || rev.class === expected) return out
    const [given, most] = [DOOR_CLASSES.indexOf(rev.class), DOOR_CLASSES.indexOf(expected)]
    if (given > most) {
      out.push({
        path: ['reversibility', 'class'],
        message: `Unexpected class \`${rev.class}\`, expected \`${expected}\`: no participant nominated a door that cautious`,
      })
    } else if (!rev.downgrade_rationale) {
      out.push({
        path: ['reversibility', 'class'],
        message: `Unexpected class \`${rev.class}\`, expected the most cautious nomination \`${expected}\` (or the approver's \`downgrade_rationale\`)`,
      })
    }
    return out
  },
  examples: {
    ok: [
      {
        description: 'a downgrade with the approver’s rationale',
        base: 'fast',
        apply: (r) => {
          r.reversibility!.nominations[1].class = 'costly'
          r.reversibility!.downgrade_rationale = 'The only cost is one dashboard; the approver accepts it.'
        },
      },
    ],
    notOk: [
      {
        description: 'a class below the most cautious nomination',
        apply: (r) => (r.reversibility!.class = 'costly'),
        message: 'expected the most cautious nomination `one-way`',
      },
      {
        description: 'a participant who did not nominate',
        apply: (r) => r.reversibility!.nominations.pop(),
        message: 'missing nomination from `bob`',
      },
    ],
  },
}
