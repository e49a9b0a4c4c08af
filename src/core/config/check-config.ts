import {locateSchemaErrors} from '../lint/schema-locate.js'
import {schemaValidator} from '../schema/compiled-validators.js'
import {type ConfigWarning, unknownConfigKeys} from './unknown-keys.js'

type Schema = Record<string, unknown>

/**
 * What is wrong with `.adrgate.yaml` against `schemas/config.schema.json`, located at the key or
 * value: a key the schema does not know (a typo such as `profil:` names the closest valid key), and
 * every schema error ("Unexpected X, expected Y"). Nothing throws: a bad setting is a warning and
 * the command goes on without it, as the code that reads each setting ignores a value it cannot use.
 */
export function checkConfig(config: Record<string, unknown>, text: string, schema: Schema): ConfigWarning[] {
  const warnings = unknownConfigKeys(config, text, schema)
  const validate = schemaValidator('config', schema)
  if (!validate(config)) {
    const located = locateSchemaErrors(validate.errors ?? [], {data: config, raw: text, startLine: 0, endLine: 0})
    for (const found of located) warnings.push({line: found.line, column: found.column, message: found.message})
  }
  return warnings.sort((a, b) => a.line - b.line || a.column - b.column)
}
