import type {Adr} from '../adr/model.js'
import {type FileContext, type FileRule, fileRule, type LintFinding, type RuleDeclaration, type Severities} from './lint-rule.js'
import {keyPosition} from './locate.js'

/** The recorded trade-offs of an ADR's front matter, read defensively (the schema rule reports bad shapes). */
export interface TradeOffs {
  /** Whether any trade-off key is present: then the trade-off rules apply. */
  present: boolean
  drivers?: {id?: unknown; weight?: unknown}[]
  options?: {id?: unknown}[]
  chosen?: unknown
  bad?: unknown[]
  revisit?: string
  hasRevisit: boolean
}

const KEYS = ['drivers', 'options', 'decision', 'consequences'] as const

const read = new WeakMap<Adr, TradeOffs>()

/** The ADR's trade-offs, read once per ADR (eight rules ask). */
export function readTradeOffs(adr: Adr): TradeOffs {
  let tradeOffs = read.get(adr)
  if (!tradeOffs) {
    tradeOffs = readFrom(adr)
    read.set(adr, tradeOffs)
  }
  return tradeOffs
}

function readFrom(adr: Adr): TradeOffs {
  const data = adr.frontMatter?.data ?? {}
  const get = (key: string): unknown => (Object.hasOwn(data, key) ? data[key] : undefined)
  const decision = record(get('decision'))
  const consequences = record(get('consequences'))
  const revisit = get('revisit')
  const revisitDate =
    typeof revisit === 'string' ? revisit : typeof record(revisit)?.date === 'string' ? String(record(revisit)?.date) : undefined
  return {
    present: KEYS.some((k) => Object.hasOwn(data, k)),
    drivers: list(get('drivers'))?.map((d) => record(d) ?? {}),
    options: list(get('options'))?.map((o) => record(o) ?? {}),
    chosen: decision && Object.hasOwn(decision, 'chosen') ? decision.chosen : undefined,
    bad: consequences ? list(consequences.bad) : undefined,
    revisit: revisitDate,
    hasRevisit: revisit !== undefined && revisit !== null,
  }
}

/** Trade-offs are checked on accepted ADRs that record them (and required of every accepted ADR by `strict`). */
export function checksTradeOffs(adr: Adr, t: TradeOffs): boolean {
  return t.present && adr.status === 'accepted'
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
}

function list(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined
}

const ERROR_UNLESS_STRUCTURE_ONLY: Severities = ['off', 'error', 'error']

/**
 * A rule of the recorded trade-offs: a file rule that reads the front matter (an error, but under
 * `adr-tools`, unless it says otherwise), its check given the ADR's trade-offs as read once.
 */
export function tradeOffsRule(
  rule: Omit<RuleDeclaration<FileRule>, 'readsFrontMatter' | 'severity' | 'check'> & {
    severity?: Severities
    check(context: FileContext, tradeOffs: TradeOffs): LintFinding[]
  },
): FileRule {
  return fileRule({
    ...rule,
    readsFrontMatter: true,
    severity: rule.severity ?? ERROR_UNLESS_STRUCTURE_ONLY,
    check: (context) => rule.check(context, readTradeOffs(context.adr)),
  })
}

/** Where a missing or wrong trade-off is reported: at its key when the front matter writes it, else at `status`. */
export function keyOrStatus(adr: Adr, key: string): {line: number; column: number} {
  return keyPosition(adr, Object.hasOwn(adr.frontMatter?.data ?? {}, key) ? key : 'status')
}
