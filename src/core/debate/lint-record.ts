import type {ErrorObject, ValidateFunction} from 'ajv'
import {Ajv2020} from 'ajv/dist/2020.js'
import type {Adr, Problem, Severity} from '../model.js'
import {DEBATE_SCHEMA, SCHEMA_STAGES} from './debate-schema.js'
import {type DebateRecord, hasPassed, type IsoDate, participantNames, passStands, type Results} from './record.js'
import {computeResults} from './results.js'
import {DEBATE_RULES, type RuleContext} from './rules/index.js'
import {firstDifference} from './rules/results-recomputed.js'
import {type DataPath, displayPath, type LocatedYaml, parseLocatedYaml} from './yaml-locate.js'

export interface DebateLintContext {
  /** Every ADR of the repository, to resolve the record's `adr`. */
  adrs: readonly Adr[]
  /** `YYYY-MM-DD`, for the overdue-revisit warning. */
  today: IsoDate
  /**
   * Optional: the record's text as last committed (e.g. `git show HEAD:<file>`). When that version had
   * passed G8, any change other than `revisit.reviews` is reported (`debate/accepted-frozen`): an accepted
   * decision is superseded by a new ADR, not edited.
   */
  previous?: string
}

let validator: ValidateFunction | undefined

/** The debate schema, compiled once. */
function validate(data: unknown): ErrorObject[] {
  validator ??= new Ajv2020({
    allErrors: true,
    verbose: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    allowUnionTypes: true,
  }).compile(DEBATE_SCHEMA)
  return validator(data) ? [] : (validator.errors ?? [])
}

/**
 * Lints one debate record (`docs/adr/debates/NNNN-slug.yaml`): YAML (`debate/yaml`), the JSON Schema
 * (`debate/schema`), then — on a record the schema accepts — every code rule (`debate/…`) and the link to
 * its ADR (`debate/adr`). Pure, never throws; every problem is located at the YAML node concerned.
 */
export function lintDebateRecord(text: string, file: string, context: DebateLintContext): Problem[] {
  const yaml = parseLocatedYaml(text)
  if (yaml.errors.length > 0) return yaml.errors.map((e) => problem(e, 'debate/yaml', `Invalid YAML in ${file}: ${e.message}`))
  const data = yaml.data
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return [
      problem(
        {line: 1, column: 1},
        'debate/schema',
        'Unexpected debate record that is not a mapping, expected `schema_version: 1`, `adr:`, `roles:` …',
      ),
    ]
  }
  const schemaErrors = validate(data)
  if (schemaErrors.length > 0) return sortProblems(schemaProblems(schemaErrors, yaml))
  const record = data as DebateRecord
  const problems: Problem[] = [...checkAdr(record, file, context.adrs, yaml)]
  let results: Results | undefined
  const ctx: RuleContext = {
    record,
    today: context.today,
    passed: (gate) => passStands(record, gate),
    results: () => {
      results ??= computeResults(record)
      return results
    },
    participants: participantNames(record),
    everyone: new Set([
      record.roles.approver,
      ...participantNames(record),
      ...(record.roles.facilitator ? [record.roles.facilitator] : []),
      ...(record.roles.consulted ?? []),
      ...(record.roles.informed ?? []),
    ]),
  }
  problems.push(...checkFrozen(record, context.previous, yaml))
  for (const rule of DEBATE_RULES) {
    try {
      for (const f of rule.check(ctx))
        problems.push(problem(yaml.locate(f.path, {key: f.key}), rule.id, f.message, f.severity ?? rule.severity))
    } catch (error) {
      problems.push(
        problem({line: 1, column: 1}, rule.id, `Unexpected failure of rule ${rule.id}: ${String((error as Error)?.message ?? error)}`),
      )
    }
  }
  return sortProblems(problems)
}

/** The record names an existing ADR whose status matches the debate's stage: `accepted` (or later) only once G8 has passed. */
function checkAdr(record: DebateRecord, file: string, adrs: readonly Adr[], yaml: LocatedYaml): Problem[] {
  const at = yaml.locate(['adr'])
  const adr = adrs.find((a) => a.file === record.adr)
  if (!adr) {
    const base = file
      .split(/[\\/]/)
      .pop()
      ?.replace(/\.ya?ml$/, '.md')
    const hint = adrs.some((a) => a.file === base) ? ` (\`${base}\` exists)` : ''
    return [problem(at, 'debate/adr', `Unexpected adr \`${record.adr}\`, expected the file name of an ADR in the ADR directory${hint}`)]
  }
  const status = adr.status ?? ''
  if (hasPassed(record, 'G8')) {
    if (status === 'proposed' || status === '') {
      return [
        problem(
          at,
          'debate/adr',
          `Unexpected status \`${adr.statusText ?? 'none'}\` of ${adr.file} after G8 passed, expected \`accepted\``,
        ),
      ]
    }
  } else if (status !== 'proposed' && status !== 'rejected') {
    return [
      problem(
        at,
        'debate/adr',
        `Unexpected status \`${adr.statusText ?? 'none'}\` of ${adr.file} before G8 passed, expected \`proposed\` until consent`,
      ),
    ]
  }
  return []
}

/** An accepted record changes only in its revisit reviews (status and links live in the ADR). */
function checkFrozen(record: DebateRecord, previousText: string | undefined, yaml: LocatedYaml): Problem[] {
  if (previousText === undefined) return []
  const previous = parseLocatedYaml(previousText).data as DebateRecord | undefined
  if (!previous || typeof previous !== 'object' || !hasPassed(previous, 'G8')) return []
  const strip = (r: DebateRecord) => ({...r, revisit: r.revisit ? {...r.revisit, reviews: undefined} : undefined})
  const diff = firstDifference(JSON.parse(JSON.stringify(strip(record))), JSON.parse(JSON.stringify(strip(previous))))
  if (!diff) return []
  const where = displayPath(diff.path) || 'the record'
  return [
    problem(
      yaml.locate(diff.path),
      'debate/accepted-frozen',
      `Unexpected change to \`${where}\` after the decision was accepted, expected only new \`revisit.reviews\` (supersede the ADR with a new debate instead)`,
    ),
  ]
}

function schemaProblems(errors: readonly ErrorObject[], yaml: LocatedYaml): Problem[] {
  const seen = new Set<string>()
  const out: Problem[] = []
  for (const error of errors) {
    if (error.keyword === 'if' || /\/(?:anyOf|oneOf)\/\d+\//.test(error.schemaPath)) continue
    const path = segments(error.instancePath)
    const params = error.params as Record<string, unknown>
    const where = path.length ? `\`${displayPath(path)}\`` : 'the record'
    let message: string
    let at = yaml.locate(path)
    if (error.keyword === 'required') {
      message = `Missing \`${params.missingProperty}\` in ${where}, expected it${stageHint(error.schemaPath, path)}`
    } else if (error.keyword === 'additionalProperties') {
      at = yaml.locate([...path, String(params.additionalProperty)], {key: true})
      const known = Object.keys((error.parentSchema as {properties?: object} | undefined)?.properties ?? {})
      message = `Unexpected key \`${params.additionalProperty}\` in ${where}, expected one of ${known.join(', ')}`
    } else if (error.keyword === 'anyOf' && requiredBranches(error)) {
      message = `Missing ${requiredBranches(error)} in ${where}, expected one of them${stageHint(error.schemaPath.replace(/items\/anyOf$/, 'required'), path.slice(0, -1))}`
    } else if (error.keyword === 'enum') {
      message = `Unexpected ${where} ${JSON.stringify(error.data)}, expected one of ${(params.allowedValues as unknown[]).join(', ')}`
    } else {
      const value = error.data === undefined || typeof error.data === 'object' ? '' : ` ${JSON.stringify(error.data)}`
      message = `Unexpected ${where}${value}: it ${error.message ?? `fails ${error.keyword}`}`
    }
    if (seen.has(message)) continue
    seen.add(message)
    out.push(problem(at, 'debate/schema', message))
  }
  return out
}

/** For an `anyOf` of `required` branches: "`measure` or `qualitative_reason`". */
function requiredBranches(error: ErrorObject): string | undefined {
  const branches = (error.schema ?? []) as {required?: string[]}[]
  if (!Array.isArray(branches) || !branches.every((b) => b.required?.length)) return undefined
  return branches.map((b) => b.required!.map((k) => `\`${k}\``).join(' and ')).join(' or ')
}

/**
 * `#/allOf/4/then/required` at the top, or `#/allOf/3/then/properties/weights/required` at `/weights`, →
 * " once G4 has passed". (A `$ref`'d definition's own `allOf` has schema paths that look alike, so the
 * path under `then` must walk the instance path.)
 */
function stageHint(schemaPath: string, instancePath: DataPath): string {
  const match = /^#\/allOf\/(\d+)\/then\/(.*)required$/.exec(schemaPath)
  const walked = instancePath.map((s) => (typeof s === 'number' ? 'items/' : `properties/${s}/`)).join('')
  const stage = match && match[2] === walked ? SCHEMA_STAGES[Number(match[1])] : undefined
  return stage ? ` once ${stage.gate} has passed${stage.fullTrackOnly ? ' on the full track' : ''}` : ''
}

function segments(instancePath: string): DataPath {
  if (!instancePath) return []
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s))
}

function problem(at: {line: number; column: number}, rule: string, message: string, severity: Severity = 'error'): Problem {
  return {line: at.line, column: at.column, severity, rule, message}
}

function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule))
}
