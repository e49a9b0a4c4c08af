import type {ErrorObject} from 'ajv'
import type {DataPath} from './yaml.js'

/** ajv's `instancePath` (a JSON pointer, `/drivers/0/weight`) → `['drivers', 0, 'weight']`. */
export function pointerToPath(instancePath: string): DataPath {
  if (!instancePath) return []
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s))
}

/**
 * The errors worth showing a person: an `if` error only repeats its `then` branch's, and the branch
 * errors of an `anyOf`/`oneOf` are noise next to the `anyOf`/`oneOf` error itself.
 */
export function relevantSchemaErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  return errors.filter((e) => e.keyword !== 'if' && !/\/(?:anyOf|oneOf)\/\d+\//.test(e.schemaPath))
}
