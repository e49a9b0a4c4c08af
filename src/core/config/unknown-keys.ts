import {closest} from '../cli/closest.js'
import {parseLocatedYaml} from '../yaml/yaml.js'

export interface ConfigWarning {
  line: number
  column: number
  message: string
}

type Schema = Record<string, unknown>

/** The top-level keys the schema does not describe, each with the closest valid key when one is near. */
export function unknownConfigKeys(config: Record<string, unknown>, text: string, schema: Schema): ConfigWarning[] {
  const known = Object.keys((schema.properties as Schema | undefined) ?? {})
  const yaml = parseLocatedYaml(text)
  const warnings: ConfigWarning[] = []
  for (const key of Object.keys(config)) {
    if (known.includes(key)) continue
    const guess = closest(key, known)
    const {line, column} = yaml.find([key], {key: true}) ?? {line: 1, column: 1}
    const expected = guess ? `\`${guess}\`` : `one of ${known.join(', ')}`
    warnings.push({line, column, message: `Unexpected key \`${key}\`, expected ${expected} (schemas/config.schema.json)`})
  }
  return warnings
}
