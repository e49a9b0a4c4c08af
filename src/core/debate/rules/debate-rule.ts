import type {Severity} from '../../adr/model.js'
import type {DataPath} from '../../yaml/yaml.js'
import type {DebateRecord, GateId, IsoDate, Option, Person, Results} from '../record.js'

/** What a rule sees: a record that passed the schema, the date, and shared derived data. */
export interface RuleContext {
  record: DebateRecord
  today: IsoDate
  /** The gate's pass stands (see `passStands`): its exit rule applies. */
  passed(gate: GateId): boolean
  /** `computeResults(record)`, computed once (only meaningful once options, drivers and scores exist). */
  results(): Results
  /** The participants' names. */
  participants: Person[]
  /** Everyone named in `roles`. */
  everyone: Set<Person>
}

/** A problem found by a rule, located at the node at `path` (at its key with `key: true`). */
export interface DebateRuleFinding {
  path: DataPath
  message: string
  key?: boolean
  severity?: Severity
}

/**
 * An example that is also a test: a change to a valid record (the full-track fixture by default, or
 * the fast-track one) that this rule accepts (`ok`) or reports (`notOk`, with a fragment of the
 * message).
 */
export interface RuleExample {
  description: string
  base?: 'full' | 'fast'
  apply(record: DebateRecord): void
  message?: string
}

export interface DebateRule {
  /** `debate/<name>`. */
  id: string
  description: string
  /** Default `error`. */
  severity?: Severity
  check(context: RuleContext): DebateRuleFinding[]
  examples: {ok: RuleExample[]; notOk: RuleExample[]}
}

/** The option a participant names (`Postgres`): by id, title or alias, case-insensitive. */
export function findOption(options: readonly Option[] | undefined, name: string | undefined): Option | undefined {
  if (!name) return undefined
  const needle = name.trim().toLowerCase()
  return (options ?? []).find(
    (o) => o.id === needle || o.title.toLowerCase() === needle || o.aliases.some((a) => a.toLowerCase() === needle),
  )
}

/** The names of an option as people write them: title and aliases. */
export function namesOf(option: Option): string[] {
  return [option.title, ...option.aliases]
}

export function quote(value: unknown): string {
  return typeof value === 'string' ? `\`${value}\`` : JSON.stringify(value)
}

/** Lists `a`, `b` and `c`. */
export function listOf(values: readonly unknown[]): string {
  const quoted = values.map(quote)
  return quoted.length <= 1 ? (quoted[0] ?? 'none') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`
}
