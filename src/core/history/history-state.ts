import type {History, HistoryEvent, HistoryState} from './history.js'

/**
 * The events and records a saved `HistoryState` stands for: each event names its ADR by the file
 * name it has at the end, each record carries that name. `buildHistory` ends with it, and `adr log`
 * answers with it alone when its cache was written at HEAD (no commit to read: no parser, no git
 * reader loaded; ADR 42).
 */
export function historyOfState(state: HistoryState): History {
  return {
    events: state.events.map((e) => eventNamed(e, state.tracked[e.ref].adr)),
    records: state.tracked.map((t) => ({...t.record, adr: t.adr})),
  }
}

/**
 * A saved event with its ADR's name in place of its `ref`: its keys in their order, then `adr`, as
 * `({ref, ...e}) => ({...e, adr})` gives them. Copied key by key: the rest pattern copies each event
 * through the runtime's slow path (about 20 ms of a history's 10,000 events, cached or not). A key
 * `__proto__` (only a cache file edited by hand has one) is an own key, as the rest pattern makes it.
 */
function eventNamed(event: HistoryState['events'][number], adr: string): HistoryEvent {
  const named: Record<string, unknown> = {}
  for (const key in event) {
    const value = event[key as keyof typeof event]
    if (key === '__proto__') Object.defineProperty(named, key, {value, enumerable: true, writable: true, configurable: true})
    else if (key !== 'ref') named[key] = value
  }
  named.adr = adr
  return named as unknown as HistoryEvent
}
