import type {DebateRecord} from '../record.js'
import type {DebateRule, DebateRuleFinding} from './debate-rule.js'

type Lists = [string, (r: DebateRecord) => {value: string}[] | undefined, string][]

const LISTS: Lists = [
  ['roles.participants', (r) => r.roles.participants.map((p) => ({value: p.name})), 'name'],
  ['reversibility.nominations', (r) => r.reversibility?.nominations.map((n) => ({value: n.participant})), 'participant'],
  ['drivers', (r) => r.drivers?.map((d) => ({value: d.id})), 'id'],
  ['options', (r) => r.options?.map((o) => ({value: o.id})), 'id'],
  ['cruxes', (r) => r.cruxes?.map((c) => ({value: c.id})), 'id'],
  ['premortem', (r) => r.premortem?.map((c) => ({value: c.id})), 'id'],
  ['objections', (r) => r.objections?.map((c) => ({value: c.id})), 'id'],
  ['confirmation', (r) => r.confirmation?.map((c) => ({value: c.id})), 'id'],
  ['revisit.triggers', (r) => r.revisit?.triggers.map((c) => ({value: c.id})), 'id'],
]

/** Ids are unique per list (and a participant is listed, or nominates, once). */
export const uniqueIds: DebateRule = {
  id: 'debate/unique-ids',
  description: 'Ids are unique within each list',
  check({record}) {
    const out: DebateRuleFinding[] = []
    for (const [list, read, key] of LISTS) {
      const seen = new Set<string>()
      read(record)?.forEach(({value}, i) => {
        if (seen.has(value))
          out.push({
            path: [...list.split('.'), i, key],
            message: `Unexpected second \`${value}\` in \`${list}\`, expected each ${key} once`,
          })
        seen.add(value)
      })
    }
    const names = new Map<string, string>()
    record.options?.forEach((o, i) => {
      ;[o.title, ...o.aliases].forEach((name) => {
        const owner = names.get(name.toLowerCase())
        if (owner !== undefined && owner !== o.id) {
          out.push({
            path: ['options', i],
            message: `Unexpected name \`${name}\` for both \`${owner}\` and \`${o.id}\`, expected each title and alias to name one option`,
          })
        }
        names.set(name.toLowerCase(), o.id)
      })
    })
    return out
  },
  examples: {
    ok: [{description: 'distinct ids', apply: () => {}}],
    notOk: [
      {description: 'two drivers D2', apply: (r) => (r.drivers![2].id = 'D2'), message: 'Unexpected second `D2` in `drivers`'},
      {description: 'two risks R1', apply: (r) => (r.premortem![1].id = 'R1'), message: 'Unexpected second `R1` in `premortem`'},
      {description: 'an alias shared by two options', apply: (r) => r.options![1].aliases.push('PG'), message: 'Unexpected name `PG`'},
    ],
  },
}
