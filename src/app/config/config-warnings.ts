import {readPackageSchemaSync} from '../../adapters/lint/lint-inputs.js'
import {relativeToCwd, type Workspace} from '../../adapters/workspace.js'
import {checkConfig} from '../../core/config/check-config.js'

/**
 * `.adrgate.yaml` checked against `schemas/config.schema.json`, as `file:line:col message` lines for
 * stderr; none when there is no config file. Every command but `adr lint` (which reports them as
 * findings of its `config` rule) prints them.
 */
export function configWarnings(ws: Workspace): string[] {
  if (!ws.configFile || ws.configText === undefined) return []
  const schema = readPackageSchemaSync('config.schema.json')
  const file = relativeToCwd(ws, ws.configFile)
  return checkConfig(ws.config as Record<string, unknown>, ws.configText, schema).map((w) => `${file}:${w.line}:${w.column} ${w.message}`)
}
