import {type DebateRecord, type Option, participantNames, type Steelman} from '../record.js'
import {favouredBy, MAX_STEELMAN_ATTEMPTS, steelmanDone} from '../steelman-duty.js'
import type {GateContext, RuleFailure} from './context.js'

/**
 * Who steelmans what: every option someone favours (its champion, or a participant whose G1 position
 * names it) gets an author who does not favour it, and every participant writes at least one (for an
 * option they do not favour). Options whose steelman is done are left alone. `favouredBy` and
 * `steelmanDone` are the `debate/steelman` rule's own definitions, so what this asks for, lint accepts.
 */
export function assignSteelmen(record: DebateRecord): {option: Option; author: string}[] {
  const options = record.options ?? []
  const people = participantNames(record)
  const favoured = favouredBy(record)
  const fansOf = (o: Option) => favoured.get(o.id) ?? new Set<string>()
  const count = new Map(people.map((p) => [p, options.flatMap((o) => o.steelman ?? []).filter((s) => s.author === p).length]))
  const pairs: {option: Option; author: string}[] = []
  for (const option of options.filter((o) => fansOf(o).size > 0 && !steelmanDone(o, fansOf(o)))) {
    const author = people.filter((p) => !fansOf(option).has(p)).sort((a, b) => count.get(a)! - count.get(b)!)[0]
    if (!author) continue
    pairs.push({option, author})
    count.set(author, count.get(author)! + 1)
  }
  for (const person of people.filter((p) => count.get(p) === 0)) {
    const theirs = options.filter((o) => !fansOf(o).has(person))
    const option = theirs.find((o) => fansOf(o).size > 0) ?? theirs.find((o) => !o.is_null) ?? theirs[0]
    if (option) pairs.push({option, author: person})
  }
  return pairs
}

/** Each author makes the strongest case for an option, citing two drivers; its champion says whether that is their argument. */
export async function askSteelmen(ctx: GateContext): Promise<void> {
  const drivers = (ctx.record.drivers ?? []).map((d) => d.id)
  for (const {option, author} of assignSteelmen(ctx.record)) {
    const steelman: Steelman = {author, argument: '', drivers: [], acknowledged: false, attempts: 0}
    for (let attempt = 1; attempt <= MAX_STEELMAN_ATTEMPTS; attempt++) {
      const base = attempt === 1 ? `steelman.${option.id}.${author}` : `steelman.${option.id}.${author}.retry${attempt}`
      steelman.attempts = attempt
      steelman.argument = await ctx.askText({
        key: `${base}.argument`,
        who: author,
        message: `Make the strongest case for ${option.title}, as its champion would:`,
      })
      const cited = await ctx.askList({
        key: `${base}.drivers`,
        who: author,
        message: `Which drivers does it rest on (at least two of ${drivers.join(', ')})?`,
        validate: (v) => citesDrivers(v, drivers),
      })
      steelman.drivers = [...new Set(idsOf(cited))]
      if (!option.champion) {
        steelman.acknowledged = true
        break
      }
      steelman.acknowledged = await ctx.askConfirm({
        key: `${base}.acknowledged`,
        who: option.champion,
        message: `Is that your argument for ${option.title}?`,
        default: true,
      })
      if (steelman.acknowledged) break
    }
    if (!steelman.acknowledged && option.champion) {
      steelman.missing_points = await ctx.askText({
        key: `steelman.${option.id}.${author}.missing_points`,
        who: option.champion,
        message: `After ${MAX_STEELMAN_ATTEMPTS} attempts: what does the case for ${option.title} miss?`,
      })
    }
    option.steelman = [...(option.steelman ?? []).filter((s) => s.author !== author), steelman]
  }
}

/** Ids as people type them: "D1 D2", "d1, d3" → D1, D2 / D1, D3. */
export function idsOf(value: unknown): string[] {
  return (Array.isArray(value) ? value : [String(value)])
    .flatMap((d) => String(d).split(/\s+/))
    .filter(Boolean)
    .map((d) => d.toUpperCase())
}

function citesDrivers(value: unknown, drivers: readonly string[]): string | undefined {
  const cited = idsOf(value)
  const unknown = cited.filter((d) => !drivers.includes(d))
  if (unknown.length) return `${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not drivers; cite ${drivers.join(', ')}`
  return new Set(cited).size >= 2 ? undefined : 'cite at least two drivers'
}

export function steelmanFailures(record: DebateRecord): RuleFailure[] {
  const failures: RuleFailure[] = []
  const favoured = favouredBy(record)
  for (const option of record.options ?? []) {
    const fans = favoured.get(option.id)
    if (fans && fans.size > 0 && !steelmanDone(option, fans))
      failures.push({
        rule: 'g4/steelman',
        message: `nobody who does not favour ${option.title} has made its case (acknowledged by its champion).`,
        change: 'Another participant writes its steelman.',
        keys: [`steelman.${option.id}`],
      })
  }
  for (const person of participantNames(record)) {
    if (!(record.options ?? []).some((o) => (o.steelman ?? []).some((s) => s.author === person))) {
      failures.push({
        rule: 'g4/steelman-duty',
        message: `${person} has not steelmanned another side.`,
        change: `${person} writes one steelman.`,
        keys: [],
      })
    }
  }
  return failures
}
