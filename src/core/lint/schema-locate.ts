import type {ErrorObject} from 'ajv'
import type {FrontMatter} from '../adr/model.js'
import {pointerToPath, relevantSchemaErrors} from '../yaml/json-pointer.js'
import {type DataPath, displayPath, parseLocatedYaml} from '../yaml/yaml.js'
import type {LintFinding} from './lint-rule.js'

/**
 * Turns ajv errors about front matter into findings a person fixes in one look: located at the YAML
 * node of the offending value (ajv's `instancePath` mapped onto the re-parsed front matter) and worded
 * "Unexpected X, expected Y".
 */
export function locateSchemaErrors(errors: readonly ErrorObject[], frontMatter: FrontMatter): LintFinding[] {
  const yaml = parseLocatedYaml(frontMatter.raw, {lineOffset: frontMatter.startLine})
  const seen = new Set<string>()
  const findings: LintFinding[] = []
  for (const error of relevantSchemaErrors(errors)) {
    const path = pointerToPath(error.instancePath)
    const key = keyOf(error)
    if (seen.has(key)) continue
    seen.add(key)
    const extra =
      error.keyword === 'additionalProperties' ? yaml.find([...path, String(error.params.additionalProperty)], {key: true}) : undefined
    const {line, column} = extra ?? yaml.find(path) ?? {line: frontMatter.startLine, column: 1}
    findings.push({line, column, message: describeError(error, path)})
  }
  return findings.sort((a, b) => a.line - b.line || a.column - b.column)
}

function keyOf(error: ErrorObject): string {
  if (error.keyword === 'required') return `${error.instancePath}|required|${error.params.missingProperty}`
  if (error.keyword === 'additionalProperties') return `${error.instancePath}|extra|${error.params.additionalProperty}`
  return `${error.instancePath}|value`
}

function describeError(error: ErrorObject, path: DataPath): string {
  const where = displayPath(path)
  const name = typeof path.at(-1) === 'string' ? String(path.at(-1)) : where || 'front matter'
  const found = describeValue(error.data)
  const params = error.params as Record<string, unknown>
  const schema = error.parentSchema as Record<string, unknown> | undefined
  switch (error.keyword) {
    case 'required':
      return `Missing \`${params.missingProperty}\` in ${where ? `\`${where}\`` : 'the front matter'}, expected it to be set`
    case 'additionalProperties':
      return `Unexpected key \`${params.additionalProperty}\` in \`${where}\`, expected one of ${Object.keys((schema?.properties as object) ?? {}).join(', ')}`
    case 'enum':
      return `Unexpected ${name} ${found}, expected one of ${(params.allowedValues as unknown[]).join(', ')}`
    case 'type':
      return `Unexpected ${found} for \`${where}\`, expected ${article(String(params.type))}`
    case 'format':
      return `Unexpected ${name} ${found}, expected ${params.format === 'date' ? 'a real date as YYYY-MM-DD' : `a ${params.format}`}`
    case 'pattern':
      return `Unexpected ${name} ${found}, expected text matching ${params.pattern}`
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `Unexpected ${name} ${found}, expected a number ${String(params.comparison)} ${String(params.limit)}`
    case 'minItems':
      return `Unexpected ${count(error.data)} in \`${where}\`, expected at least ${params.limit}`
    case 'maxItems':
      return `Unexpected ${count(error.data)} in \`${where}\`, expected at most ${params.limit}`
    case 'minLength':
      return `Unexpected empty ${name}, expected at least ${params.limit} character${params.limit === 1 ? '' : 's'}`
    case 'anyOf':
    case 'oneOf':
      return `Unexpected ${name} ${found}, expected ${alternatives(schema?.[error.keyword])}`
    case 'const':
      return `Unexpected ${name} ${found}, expected ${describeValue(params.allowedValue)}`
    default:
      return `Unexpected ${name} ${found}: ${error.message ?? error.keyword}`
  }
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty value'
  if (typeof value === 'string') return `\`${value.length > 60 ? `${value.slice(0, 57)}…` : value}\``
  if (typeof value === 'number' || typeof value === 'boolean') return `\`${value}\``
  if (Array.isArray(value)) return 'a list'
  return 'a mapping'
}

function count(value: unknown): string {
  const n = Array.isArray(value) ? value.length : 0
  return `${n} item${n === 1 ? '' : 's'}`
}

function article(type: string): string {
  const words: Record<string, string> = {
    string: 'text',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping of keys',
    null: 'nothing',
  }
  return type
    .split(',')
    .map((t) => words[t] ?? t)
    .join(' or ')
}

function alternatives(branches: unknown): string {
  if (!Array.isArray(branches)) return 'a valid value'
  const enums = branches.find((b) => Array.isArray((b as {enum?: unknown}).enum)) as {enum: unknown[]} | undefined
  if (enums) return `one of ${enums.enum.join(', ')}`
  return branches
    .map((b) => {
      const branch = b as {type?: string; format?: string; required?: string[]}
      if (branch.format === 'date') return 'a date as YYYY-MM-DD'
      if (branch.type === 'object' && branch.required) return `a mapping with ${branch.required.join(', ')}`
      return article(String(branch.type ?? 'value'))
    })
    .join(' or ')
}
