import type {Adr, Problem} from '../adr/model.js'
import {parseLocatedYaml} from '../yaml/yaml.js'
import {checkDebateRecord} from './check-record.js'
import type {DebateRecord, IsoDate} from './record.js'
import {validateDebateSchema} from './schema-errors.js'

export interface DebateLintContext {
  /** Every ADR of the repository, to resolve the record's `adr`. */
  adrs: readonly Adr[]
  /** `YYYY-MM-DD`, for the overdue-revisit warning. */
  today: IsoDate
  /**
   * Optional: the record's text as last committed (e.g. `git show HEAD:<file>`). When that version had
   * passed G8, any change other than new `revisit.reviews` is reported (`debate/accepted-frozen`).
   */
  previous?: string
}

/**
 * Lints one debate record (`docs/adr/debates/NNNN-slug.yaml`): YAML (`debate/yaml`), the JSON Schema
 * (`debate/schema`), then — on a record the schema accepts — the link to its ADR (`debate/adr`) and every
 * code rule (`debate/…`, see `rules/index.ts`). Pure, never throws; every problem is located at the YAML
 * node concerned, sorted by position.
 */
export function lintDebateRecord(text: string, file: string, context: DebateLintContext): Problem[] {
  const yaml = parseLocatedYaml(text)
  if (yaml.errors.length > 0) {
    return yaml.errors.map((e) => ({
      line: e.line,
      column: e.column,
      severity: 'error',
      rule: 'debate/yaml',
      message: `Invalid YAML in ${file}: ${e.message}`,
    }))
  }
  const previous = context.previous === undefined ? undefined : (parseLocatedYaml(context.previous).data as DebateRecord | undefined)
  const findings = checkDebateRecord(yaml.data, {today: context.today, adrs: context.adrs, file, previous})
  return findings
    .map((f): Problem => ({...yaml.locate(f.path, {key: f.key}), severity: f.severity, rule: f.rule, message: f.message}))
    .sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule))
}

/**
 * The YAML and the schema of a record only (`debate/yaml`, `debate/schema`), located: what the debate
 * commands check when they load a record, before any gate reads it.
 */
export function checkRecordShape(text: string): Problem[] {
  const yaml = parseLocatedYaml(text)
  if (yaml.errors.length > 0) {
    return yaml.errors.map((e) => ({line: e.line, column: e.column, severity: 'error', rule: 'debate/yaml', message: e.message}))
  }
  return validateDebateSchema(yaml.data)
    .map((f): Problem => ({...yaml.locate(f.path, {key: f.key}), severity: f.severity, rule: f.rule, message: f.message}))
    .sort((a, b) => a.line - b.line || a.column - b.column)
}
