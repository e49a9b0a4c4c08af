import type {DebateRecord, OptionId} from '../record.js'

/**
 * The Y-statement of the decision: "In the context of …, facing …, we decided for … and neglected
 * …, to achieve …, accepting …".
 */
export function composeYStatement(record: DebateRecord, chosen: OptionId): string {
  const title = (id: string) => record.options?.find((o) => o.id === id)?.title ?? id
  const weights = record.weights?.agreed ?? {}
  const drivers = [...(record.drivers ?? [])].sort((a, b) => (weights[b.id] ?? 0) - (weights[a.id] ?? 0))
  const neglected = (record.options ?? []).filter((o) => o.id !== chosen).map((o) => o.title)
  const context = (record.question ?? 'this decision').replace(/\?$/, '')
  const facing = drivers.map((d) => d.name.charAt(0).toLowerCase() + d.name.slice(1))
  const accepting = record.consequences?.bad ?? []
  return [
    `In the context of "${context}",`,
    `facing the need for ${joinAnd(facing.slice(0, 3))},`,
    `we decided for ${title(chosen)}${neglected.length ? ` and neglected ${joinAnd(neglected)}` : ''},`,
    `to achieve ${joinAnd(facing.slice(0, 2))},`,
    `accepting ${joinAnd(accepting.map((b) => b.charAt(0).toLowerCase() + b.slice(1).replace(/\.$/, ''))) || 'the consequences listed'}.`,
  ].join(' ')
}

function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}
