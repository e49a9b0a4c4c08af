import type {Adr, Severity} from '../adr/model.js'
import {type DataPath, displayPath} from '../yaml/yaml.js'
import {type DebateRecord, hasPassed, type IsoDate, participantNames, passStands, type Results} from './record.js'
import {computeResults} from './results.js'
import {DEBATE_RULES, type RuleContext} from './rules/index.js'
import {firstDifference} from './rules/results-recomputed.js'
import {validateDebateSchema} from './schema-errors.js'

/** A problem in a debate record, located by its path in the data (`lintDebateRecord` turns it into a line). */
export interface DebateFinding {
  rule: string
  path: DataPath
  /** Point at the key rather than the value. */
  key?: boolean
  severity: Severity
  message: string
}

export interface DebateCheckContext {
  /** `YYYY-MM-DD`, for the overdue-revisit warning. */
  today: IsoDate
  /** Every ADR of the repository, to check the record's `adr` and its status (`debate/adr`); skipped when absent. */
  adrs?: readonly Adr[]
  /** The record's file, for hints. */
  file?: string
  /**
   * The record as last committed (parsed). When it had passed G8, any change but new `revisit.reviews`
   * is reported (`debate/accepted-frozen`): an accepted decision is superseded, not edited.
   */
  previous?: DebateRecord
}

/**
 * Checks parsed record data: the JSON Schema (`debate/schema`) and — when the schema accepts it — the
 * link to its ADR, the accepted-record freeze and every code rule. Pure; never throws. The gates can
 * run it on the in-memory record; `lintDebateRecord` runs it on a file.
 */
export function checkDebateRecord(data: unknown, context: DebateCheckContext): DebateFinding[] {
  const schema = validateDebateSchema(data)
  if (schema.length > 0) return schema
  const record = data as DebateRecord
  const findings: DebateFinding[] = [...checkAdr(record, context), ...checkFrozen(record, context.previous)]
  let results: Results | undefined
  const participants = participantNames(record)
  const roles = record.roles
  const ctx: RuleContext = {
    record,
    today: context.today,
    passed: (gate) => passStands(record, gate),
    results: () => {
      results ??= computeResults(record)
      return results
    },
    participants,
    everyone: new Set([
      roles.approver,
      ...participants,
      ...(roles.facilitator ? [roles.facilitator] : []),
      ...(roles.consulted ?? []),
      ...(roles.informed ?? []),
    ]),
  }
  for (const rule of DEBATE_RULES) {
    try {
      for (const f of rule.check(ctx))
        findings.push({rule: rule.id, path: f.path, key: f.key, severity: f.severity ?? rule.severity ?? 'error', message: f.message})
    } catch (error) {
      findings.push({
        rule: rule.id,
        path: [],
        severity: 'error',
        message: `Unexpected failure of rule ${rule.id}: ${String((error as Error)?.message ?? error)}`,
      })
    }
  }
  return findings
}

/** The record names an existing ADR whose status matches the debate's stage: `accepted` (or later) only once G8 has passed. */
function checkAdr(record: DebateRecord, {adrs, file}: DebateCheckContext): DebateFinding[] {
  if (!adrs) return []
  const found = (message: string): DebateFinding[] => [{rule: 'debate/adr', path: ['adr'], severity: 'error', message}]
  const adr = adrs.find((a) => a.file === record.adr)
  if (!adr) {
    const base = file
      ?.split(/[\\/]/)
      .pop()
      ?.replace(/\.ya?ml$/, '.md')
    const hint = base && adrs.some((a) => a.file === base) ? ` (\`${base}\` exists)` : ''
    return found(`Unexpected adr \`${record.adr}\`, expected the file name of an ADR in the ADR directory${hint}`)
  }
  const status = adr.status ?? ''
  if (hasPassed(record, 'G8')) {
    if (status === 'proposed' || status === '')
      return found(`Unexpected status \`${adr.statusText ?? 'none'}\` of ${adr.file} after G8 passed, expected \`accepted\``)
  } else if (status !== 'proposed' && status !== 'rejected') {
    return found(`Unexpected status \`${adr.statusText ?? 'none'}\` of ${adr.file} before G8 passed, expected \`proposed\` until consent`)
  }
  return []
}

/** An accepted record changes only in its revisit reviews (status and links live in the ADR). */
function checkFrozen(record: DebateRecord, previous: DebateRecord | undefined): DebateFinding[] {
  if (!previous || typeof previous !== 'object' || !Array.isArray(previous.gate_log) || !hasPassed(previous, 'G8')) return []
  const strip = (r: DebateRecord) => JSON.parse(JSON.stringify({...r, revisit: r.revisit ? {...r.revisit, reviews: undefined} : undefined}))
  const diff = firstDifference(strip(record), strip(previous))
  if (!diff) return []
  return [
    {
      rule: 'debate/accepted-frozen',
      path: diff.path,
      severity: 'error',
      message: `Unexpected change to \`${displayPath(diff.path) || 'the record'}\` after the decision was accepted, expected only new \`revisit.reviews\` (supersede the ADR with a new debate instead)`,
    },
  ]
}
