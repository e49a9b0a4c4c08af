import {type DebateRecord, type Option, participantNames, type Steelman} from '../record.js'
import type {GateContext, RuleFailure} from './context.js'

const MAX_ATTEMPTS = 3

/**
 * Who steelmans what: every championed option gets a non-champion author, and every participant
 * writes at least one (for an option they do not champion). Pairs already acknowledged are kept.
 */
export function assignSteelmen(record: DebateRecord): {option: Option; author: string}[] {
  const options = record.options ?? []
  const people = participantNames(record)
  const count = new Map(people.map((p) => [p, options.flatMap((o) => o.steelman ?? []).filter((s) => s.author === p).length]))
  const pairs: {option: Option; author: string}[] = []
  const done = (o: Option) => (o.steelman ?? []).some((s) => s.acknowledged || s.missing_points)
  for (const option of options.filter((o) => o.champion && !done(o))) {
    const author = people.filter((p) => p !== option.champion).sort((a, b) => count.get(a)! - count.get(b)!)[0]
    if (!author) continue
    pairs.push({option, author})
    count.set(author, count.get(author)! + 1)
  }
  for (const person of people.filter((p) => count.get(p) === 0)) {
    const option =
      options.find((o) => o.champion && o.champion !== person) ??
      options.find((o) => o.champion !== person && !o.is_null) ??
      options.find((o) => o.champion !== person)
    if (option) pairs.push({option, author: person})
  }
  return pairs
}

/** Each author makes the strongest case for an option, citing two drivers; its champion says whether that is their argument. */
export async function askSteelmen(ctx: GateContext): Promise<void> {
  const drivers = (ctx.record.drivers ?? []).map((d) => d.id)
  for (const {option, author} of assignSteelmen(ctx.record)) {
    const steelman: Steelman = {author, argument: '', drivers: [], acknowledged: false, attempts: 0}
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
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
        message: `After ${MAX_ATTEMPTS} attempts: what does the case for ${option.title} miss?`,
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
  for (const option of (record.options ?? []).filter((o) => o.champion)) {
    const ok = (option.steelman ?? []).some((s) => s.author !== option.champion && (s.acknowledged || s.missing_points))
    if (!ok)
      failures.push({
        rule: 'g4/steelman',
        message: `nobody but its champion has made the case for ${option.title}.`,
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
