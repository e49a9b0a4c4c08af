import type {ErrorObject} from 'ajv'
import {schemaValidator, type Validate} from '../schema/compiled-validators.js'
import {pointerToPath, relevantSchemaErrors} from '../yaml/json-pointer.js'
import {type DataPath, displayPath} from '../yaml/yaml.js'
import type {DebateFinding} from './check-record.js'
import {DEBATE_SCHEMA, SCHEMA_STAGES} from './debate-schema.js'

let validator: Validate | undefined

/** Validates against `schemas/debate.schema.json` (compiled once) and words each error "Unexpected X, expected Y" (`debate/schema`). */
export function validateDebateSchema(data: unknown): DebateFinding[] {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return [
      {
        rule: 'debate/schema',
        path: [],
        severity: 'error',
        message: 'Unexpected debate record that is not a mapping, expected `schema_version: 1`, `adr:`, `roles:` …',
      },
    ]
  }
  validator ??= schemaValidator('debate', DEBATE_SCHEMA)
  if (validator(data)) return []
  const seen = new Set<string>()
  const out: DebateFinding[] = []
  for (const error of relevantSchemaErrors(validator.errors ?? [])) {
    const finding = describe(error)
    if (seen.has(finding.message)) continue
    seen.add(finding.message)
    out.push(finding)
  }
  return out
}

function describe(error: ErrorObject): DebateFinding {
  const path = pointerToPath(error.instancePath)
  const params = error.params as Record<string, unknown>
  const where = path.length ? `\`${displayPath(path)}\`` : 'the record'
  const finding = (message: string, at: DataPath = path, key = false): DebateFinding => ({
    rule: 'debate/schema',
    path: at,
    key,
    severity: 'error',
    message,
  })
  if (error.keyword === 'required') {
    return finding(`Missing \`${params.missingProperty}\` in ${where}, expected it${stageHint(error.schemaPath, path)}`)
  }
  if (error.keyword === 'additionalProperties') {
    const known = Object.keys((error.parentSchema as {properties?: object} | undefined)?.properties ?? {})
    return finding(
      `Unexpected key \`${params.additionalProperty}\` in ${where}, expected one of ${known.join(', ')}`,
      [...path, String(params.additionalProperty)],
      true,
    )
  }
  const branches = requiredBranches(error)
  if (error.keyword === 'anyOf' && branches) {
    return finding(
      `Missing ${branches} in ${where}, expected one of them${stageHint(error.schemaPath.replace(/items\/anyOf$/, 'required'), path.slice(0, -1))}`,
    )
  }
  if (error.keyword === 'enum') {
    return finding(`Unexpected ${where} ${JSON.stringify(error.data)}, expected one of ${(params.allowedValues as unknown[]).join(', ')}`)
  }
  const value = error.data === undefined || typeof error.data === 'object' ? '' : ` ${JSON.stringify(error.data)}`
  return finding(`Unexpected ${where}${value}: it ${error.message ?? `fails ${error.keyword}`}`)
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
