import type {DebateRecord, Driver, OptionId} from '../record.js'

/**
 * The Y-statement of the decision: "In the context of …, facing …, we decided for … and neglected
 * …, to achieve …, accepting that …". Drivers are quoted by name, heaviest first; "to achieve" names
 * only drivers the chosen option scores best on.
 */
export function composeYStatement(record: DebateRecord, chosen: OptionId): string {
  const title = (id: string) => record.options?.find((o) => o.id === id)?.title ?? id
  const weights = record.weights?.agreed ?? {}
  const sorted = [...(record.drivers ?? [])].sort((a, b) => (weights[b.id] ?? 0) - (weights[a.id] ?? 0))
  const drivers = sorted.map((d) => `"${d.name}"`)
  const strengths = strongestDrivers(record, chosen, sorted).map((d) => `"${d.name}"`)
  const neglected = (record.options ?? []).filter((o) => o.id !== chosen).map((o) => o.title)
  const context = (record.question ?? 'this decision').replace(/\?$/, '')
  const accepting = (record.consequences?.bad ?? []).map((b) => lowerFirst(b.replace(/\.$/, '')))
  return [
    `In the context of the question "${context}?",`,
    `facing ${joinAnd(drivers)},`,
    `we decided for ${title(chosen)}${neglected.length ? ` and neglected ${joinAnd(neglected)}` : ''},`,
    `to achieve ${strengths.length ? joinAnd(strengths.slice(0, 2)) : 'the best balance of the drivers as weighted'},`,
    accepting.length ? `accepting that ${joinAnd(accepting)}.` : 'accepting the consequences listed below.',
  ].join(' ')
}

/**
 * The drivers "to achieve": those the chosen option scores best on (its aggregate at least every other
 * option's), heaviest first — never one another option scores better on. Without scores (the fast
 * track), the drivers as weighted.
 */
function strongestDrivers(record: DebateRecord, chosen: OptionId, sorted: readonly Driver[]): Driver[] {
  const cells = record.results?.cells ?? []
  if (cells.length === 0) return [...sorted]
  return sorted.filter((d) => {
    const mine = cells.find((c) => c.option === chosen && c.driver === d.id)?.aggregate
    return mine !== undefined && cells.every((c) => c.driver !== d.id || c.option === chosen || c.aggregate <= mine)
  })
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]*(\s|$)/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text
}

function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}
