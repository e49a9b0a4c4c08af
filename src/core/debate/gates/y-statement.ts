import type {DebateRecord, OptionId} from '../record.js'

/**
 * The Y-statement of the decision: "In the context of …, facing …, we decided for … and neglected
 * …, to achieve …, accepting that …". Drivers are quoted by name, heaviest first.
 */
export function composeYStatement(record: DebateRecord, chosen: OptionId): string {
  const title = (id: string) => record.options?.find((o) => o.id === id)?.title ?? id
  const weights = record.weights?.agreed ?? {}
  const drivers = [...(record.drivers ?? [])].sort((a, b) => (weights[b.id] ?? 0) - (weights[a.id] ?? 0)).map((d) => `"${d.name}"`)
  const neglected = (record.options ?? []).filter((o) => o.id !== chosen).map((o) => o.title)
  const context = (record.question ?? 'this decision').replace(/\?$/, '')
  const accepting = (record.consequences?.bad ?? []).map((b) => lowerFirst(b.replace(/\.$/, '')))
  return [
    `In the context of the question "${context}?",`,
    `facing ${joinAnd(drivers)},`,
    `we decided for ${title(chosen)}${neglected.length ? ` and neglected ${joinAnd(neglected)}` : ''},`,
    `to achieve ${joinAnd(drivers.slice(0, 2))},`,
    accepting.length ? `accepting that ${joinAnd(accepting)}.` : 'accepting the consequences listed below.',
  ].join(' ')
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]*(\s|$)/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text
}

function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}
