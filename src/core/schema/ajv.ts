import {createRequire} from 'node:module'
import type {Options} from 'ajv'
import type {Ajv2020} from 'ajv/dist/2020.js'

/** adrgate's own schemas that the build compiles into standalone validators (`npm run build`, ADR 18). */
export type SchemaName = 'adr' | 'config' | 'debate' | 'answers' | 'answer-file'

const COMMON: Options = {allErrors: true, verbose: true, strict: true, strictTypes: false, allowUnionTypes: true}

/**
 * The ajv options of each schema, one list for the build's standalone compile and for a compile at
 * run time, so the two give the same validator. The debate schema's stages name keys in `required`
 * that their `properties` leave to the record's definition (`strictRequired: false`), and it uses no
 * formats. The debate answers schema (`adr debate … --file`) has always been compiled with ajv's
 * defaults and no strict mode: kept, so its messages stay what they are. A participant's answers
 * file (`answer-file`) has the ADR schema's setup, as it always had.
 */
const OPTIONS: Record<SchemaName, {options: Options; formats: boolean}> = {
  adr: {options: COMMON, formats: true},
  config: {options: COMMON, formats: true},
  debate: {options: {...COMMON, strictRequired: false}, formats: false},
  answers: {options: {allErrors: true, strict: false}, formats: false},
  'answer-file': {options: COMMON, formats: true},
}

const require = createRequire(import.meta.url)

// ajv-formats is CommonJS: under NodeNext its function sits on `default`.
type AddFormats = (ajv: Ajv2020) => Ajv2020

/**
 * A fresh ajv (JSON Schema 2020-12, every error reported, verbose) set up for one of adrgate's
 * schemas; `adr` is also the setup of a team's own schema. ajv is required here, on first use: a
 * command whose validators the build compiled never loads it.
 */
export function createAjvFor(name: SchemaName, extra: Options = {}): Ajv2020 {
  const {Ajv2020: Ajv} = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js')
  const setup = OPTIONS[name]
  const ajv = new Ajv({...setup.options, ...extra})
  if (setup.formats) {
    const formats = require('ajv-formats') as {default?: AddFormats} & AddFormats
    ;(formats.default ?? formats)(ajv)
  }
  return ajv
}

/**
 * What a standalone validator was compiled from: a digest of the schema as JSON. node:crypto is
 * required here, on first use: every command imports this module (`useBuiltValidators`), and most
 * check no schema (its load is 2 % of a small command's start-up).
 */
export function schemaDigest(schema: unknown): string {
  const {createHash} = require('node:crypto') as typeof import('node:crypto')
  return createHash('sha256').update(JSON.stringify(schema)).digest('hex')
}
