import {createRequire} from 'node:module'
import type {ErrorObject} from 'ajv'
import {createAjvFor, type SchemaName, schemaDigest} from './ajv.js'

/** A compiled JSON Schema: ajv's validate function (errors on `errors` after a `false`). */
export interface Validate {
  (data: unknown): boolean
  errors?: ErrorObject[] | null
}

interface BuiltValidator extends Validate {
  schemaDigest?: string
}

const require = createRequire(import.meta.url)
const cache = new Map<string, Validate>()
let useBuilt = true

/**
 * Whether the validators the build compiled may be used (`ADRGATE_NO_FAST_PATHS=1` turns them off,
 * so the bench can compare them with a compile at run time on its corpora). Set by the command layer.
 */
export function useBuiltValidators(on: boolean): void {
  useBuilt = on
}

export function builtValidatorsInUse(): boolean {
  return useBuilt
}

/**
 * The validator of one of adrgate's schemas. `npm run build` compiles each into a standalone module
 * (`scripts/compile-schemas.js` → `dist/core/schema/generated/NAME.cjs`, ADR 18), which loads in a few
 * milliseconds where ajv's compile takes a quarter of a second or more. It is used only when it was
 * compiled from this very schema (the digest it carries); otherwise ajv compiles the schema here: from
 * the TypeScript sources (tests) there is no build, and a schema edited since the last build must
 * still be the one that is checked.
 */
export function schemaValidator(name: SchemaName, schema: Record<string, unknown>): Validate {
  const digest = schemaDigest(schema)
  const key = `${name}:${digest}:${useBuilt}`
  let validate = cache.get(key)
  if (!validate) {
    const built = useBuilt ? loadBuilt(name) : undefined
    validate = built?.schemaDigest === digest ? built : createAjvFor(name).compile(schema)
    cache.set(key, validate)
  }
  return validate
}

function loadBuilt(name: SchemaName): BuiltValidator | undefined {
  const file = `./generated/${name}.cjs`
  try {
    return require(file) as BuiltValidator
  } catch (error) {
    // not built (the sources run directly): compile instead; anything else is a broken build, said as it is
    const first = String((error as Error).message).split('\n')[0]
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && first.includes(`${name}.cjs`)) return undefined
    throw error
  }
}
