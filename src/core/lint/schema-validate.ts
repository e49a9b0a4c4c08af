import type {ErrorObject, ValidateFunction} from 'ajv'
import {Ajv2020} from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'

/** The ADR front-matter schemas, compiled once: adrgate's and, optionally, a team's applied on top. */
export interface SchemaValidator {
  validate(data: unknown): ErrorObject[]
  /** The top-level keys the schemas describe (any other key is reported as unknown). */
  knownKeys: ReadonlySet<string>
  /** The schemas' `$id`s, for the cache key. */
  ids: string[]
}

type Schema = Record<string, unknown>

// ajv-formats is CommonJS: under NodeNext its function sits on `default`.
const addFormats = ((addFormatsModule as unknown as {default?: typeof addFormatsModule}).default ?? addFormatsModule) as unknown as (
  ajv: Ajv2020,
) => Ajv2020

/** A fresh ajv for JSON Schema 2020-12 with every error reported and the formats `date`, `uri`, … */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({allErrors: true, verbose: true, strict: true, strictTypes: false, allowUnionTypes: true})
  addFormats(ajv)
  return ajv
}

/** Compiles adrgate's ADR schema and a team's extra schema (from `.adrgate.yaml` `schema:`). */
export function compileAdrSchemas(adrSchema: Schema, extraSchema?: Schema): SchemaValidator {
  const ajv = createAjv()
  const base = ajv.compile(adrSchema)
  const extra: ValidateFunction | undefined = extraSchema ? ajv.compile(withoutId(extraSchema, adrSchema)) : undefined
  const knownKeys = new Set([...propertyNames(adrSchema), ...propertyNames(extraSchema)])
  return {
    validate(data) {
      const errors: ErrorObject[] = []
      if (!base(data)) errors.push(...(base.errors ?? []))
      if (extra && !extra(data)) errors.push(...(extra.errors ?? []))
      return errors
    },
    knownKeys,
    ids: [String(adrSchema.$id ?? 'adr'), String(extraSchema?.$id ?? (extraSchema ? 'extra' : ''))],
  }
}

function propertyNames(schema: Schema | undefined): string[] {
  const props = schema?.properties
  return props && typeof props === 'object' ? Object.keys(props) : []
}

/** A team schema that copies adrgate's `$id` would clash in ajv's registry: drop it. */
function withoutId(schema: Schema, base: Schema): Schema {
  if (schema.$id === undefined || schema.$id !== base.$id) return schema
  const {$id: _ignored, ...rest} = schema
  return rest
}
