import type {ErrorObject} from 'ajv'
import type {Ajv2020} from 'ajv/dist/2020.js'
import {createAjvFor} from '../schema/ajv.js'
import {schemaValidator, type Validate} from '../schema/compiled-validators.js'

/** The ADR front-matter schemas, compiled once: adrgate's and, optionally, a team's applied on top. */
export interface SchemaValidator {
  validate(data: unknown): ErrorObject[]
  /** The top-level keys the schemas describe (any other key is reported as unknown). */
  knownKeys: ReadonlySet<string>
  /** The schemas' `$id`s, for the cache key. */
  ids: string[]
}

type Schema = Record<string, unknown>

/** A fresh ajv for JSON Schema 2020-12 with every error reported and the formats `date`, `uri`, … (a team's own schema). */
export function createAjv(): Ajv2020 {
  return createAjvFor('adr')
}

/**
 * adrgate's ADR schema (the build's standalone validator when it is current, see `schemaValidator`)
 * and a team's extra schema (from `.adrgate.yaml` `schema:`), which ajv compiles here: it is the
 * team's, so no build has seen it.
 */
export function compileAdrSchemas(adrSchema: Schema, extraSchema?: Schema): SchemaValidator {
  const base = schemaValidator('adr', adrSchema)
  const extra: Validate | undefined = extraSchema ? compileExtra(adrSchema, extraSchema) : undefined
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

/** A team's schema may `$ref` adrgate's by its `$id`: it is added (not compiled) beside it. */
function compileExtra(adrSchema: Schema, extraSchema: Schema): Validate {
  const ajv = createAjv()
  ajv.addSchema(adrSchema)
  return ajv.compile(withoutId(extraSchema, adrSchema))
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
