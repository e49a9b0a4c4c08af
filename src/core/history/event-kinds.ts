/**
 * The kinds of event the decision history shows. On their own so that
 * the cache's reader (saved-history.ts) checks a saved event's kind without loading the history's
 * builder, which parses ADRs and digests them with node:crypto (ADR 42).
 */
export const EVENT_KINDS = [
  'created',
  'status-changed',
  'superseded',
  'superseding',
  'link-added',
  'renamed',
  'renumbered',
  'edited-after-acceptance',
  'deleted',
  'restored',
  'first-seen',
] as const
export type HistoryEventKind = (typeof EVENT_KINDS)[number]
