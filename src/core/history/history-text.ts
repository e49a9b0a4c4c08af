import type {HistoryEvent} from './history.js'

/**
 * One event as a line of `adr log`: `2026-01-03  1a2b3c4  Ada Tester  ADR 1 Use X: accepted → superseded (by 2)`.
 * In a workspace of several directories the ADR is named as a qualified reference (`ADR web/1 Use X`,
 * `web: Use X` for one without a number), which `adr show` takes as it is.
 */
export function formatEvent(e: HistoryEvent): string {
  const number = e.dir === undefined ? e.number : e.number === undefined ? undefined : `${e.dir}/${e.number}`
  const who = number === undefined ? (e.dir === undefined ? e.title : `${e.dir}: ${e.title}`) : `ADR ${number} ${e.title}`
  return `${e.date.slice(0, 10)}  ${e.commit.slice(0, 7)}  ${e.author}  ${who}: ${describeEvent(e)}`
}

/** What happened, in words. */
export function describeEvent(e: HistoryEvent): string {
  switch (e.kind) {
    case 'created':
      return e.to ? `created (${e.to})` : 'created'
    case 'status-changed':
      return `${e.from ?? 'no status'} → ${e.to ?? 'no status'}`
    case 'superseded':
      return `${e.from && e.to ? `${e.from} → ${e.to}, ` : ''}superseded${e.target ? ` by ${e.target}` : ''}`
    case 'superseding':
      return `supersedes ${e.target}`
    case 'link-added':
      return `link added: ${e.rel} ${e.target}`
    case 'renamed':
      return `renamed ${e.from} → ${e.to}`
    case 'renumbered':
      return `renumbered ${e.from} → ${e.to}`
    case 'edited-after-acceptance':
      return `edited after it was ${e.from ?? 'accepted'}`
    case 'deleted':
      return 'deleted'
    case 'restored':
      return e.to ? `restored (${e.to})` : 'restored'
    case 'first-seen':
      return `already there${e.to ? ` (${e.to})` : ''} where this shallow clone's history starts`
  }
}

/** The timeline `adr show --history` prints after the ADR: newest first, one event a line. */
export function formatTimeline(events: readonly HistoryEvent[]): string {
  if (events.length === 0) return '\nHistory: nothing in git yet.\n'
  return `\nHistory (from git, newest first):\n${events.map((e) => `  ${formatEvent(e)}`).join('\n')}\n`
}
