import type {History, HistoryState} from './history.js'

/**
 * The events and records a saved `HistoryState` stands for: each event names its ADR by the file
 * name it has at the end, each record carries that name. `buildHistory` ends with it, and `adr log`
 * answers with it alone when its cache was written at HEAD (no commit to read: no parser, no git
 * reader loaded; ADR 42).
 */
export function historyOfState(state: HistoryState): History {
  return {
    events: state.events.map(({ref, ...e}) => ({...e, adr: state.tracked[ref].adr})),
    records: state.tracked.map((t) => ({...t.record, adr: t.adr})),
  }
}
