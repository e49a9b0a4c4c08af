import path from 'node:path'
import {readJsonObject, readPackageSchema, readTextOrEmpty} from '../../adapters/lint/lint-inputs.js'
import {readGuidanceTemplates} from '../../adapters/template-store.js'
import type {Workspace} from '../../adapters/workspace.js'
import {fastFrontMatterSplitInUse} from '../../core/adr/front-matter.js'
import {configValues} from '../../core/config/config-values.js'
import {AdrError} from '../../core/errors.js'
import type {LintProblem, ProfileName} from '../../core/lint/lint-rule.js'
import {isProfile, knownRuleIds} from '../../core/lint/profiles.js'
import {builtValidatorsInUse} from '../../core/schema/compiled-validators.js'
import {type DataPath, type Position, parseLocatedYaml} from '../../core/yaml/yaml.js'
import type {FileLintSetup} from './lint-files.js'

export interface LintSetup {
  setup: FileLintSetup
  /** Findings about `.adrgate.yaml` itself (rule `config`), with the config file's absolute path. */
  configProblems: LintProblem[]
  /** The text of every schema in use, for the cache key. */
  schemaTexts: string[]
}

/**
 * Reads the profile (flag, then config, then `recommended`), the rule severities and the schemas, and
 * checks `.adrgate.yaml` against `schemas/config.schema.json`. A bad config is a finding, not a crash;
 * a bad `--profile` flag is a usage error.
 */
export async function prepareLint(ws: Workspace, flagProfile: string | undefined, today: string): Promise<LintSetup> {
  if (flagProfile !== undefined && !isProfile(flagProfile)) {
    throw new AdrError('INVALID_ARGUMENT', `Unknown profile "${flagProfile}"`, {
      suggestions: ['Use --profile adr-tools, recommended or strict.'],
    })
  }
  const configProblems: LintProblem[] = []
  const configFile = ws.configFile ?? ''
  const report = (line: number, column: number, message: string, severity: 'error' | 'warning' = 'error') =>
    configProblems.push({file: configFile, line, column, severity, rule: 'config', message})
  const configText = ws.configFile ? await readTextOrEmpty(ws.configFile) : ''
  // parsed (and the yaml package loaded) only when there is a config file to point into
  const configYaml = ws.configFile ? parseLocatedYaml(configText) : undefined
  const keyAt = (keyPath: DataPath): Position => configYaml?.find(keyPath, {key: true}) ?? {line: 1, column: 1}
  const fm = {data: ws.config as Record<string, unknown>, raw: configText, startLine: 0, endLine: 0}
  if (ws.configFile) {
    // what checks the config file loads only where there is one
    const {schemaValidator} = await import('../../core/schema/compiled-validators.js')
    const {locateSchemaErrors} = await import('../../core/lint/schema-locate.js')
    const {unknownConfigKeys} = await import('../../core/config/unknown-keys.js')
    const configSchema = await readPackageSchema('config.schema.json')
    const validateConfig = schemaValidator('config', configSchema)
    if (!validateConfig(ws.config)) for (const f of locateSchemaErrors(validateConfig.errors ?? [], fm)) report(f.line, f.column, f.message)
    for (const f of unknownConfigKeys(ws.config as Record<string, unknown>, configText, configSchema))
      report(f.line, f.column, f.message, 'warning')
  }
  const {profile, overrides} = lintSeverities(ws, flagProfile)
  const settings = configValues(ws.config)
  const known = knownRuleIds()
  for (const id of Object.keys(isRecord(ws.config.rules) ? ws.config.rules : {})) {
    if (!known.includes(id) && !id.startsWith('debate/')) {
      const at = keyAt(['rules', id])
      report(at.line, at.column, `Unexpected rule id \`${id}\` in \`rules\`, expected one \`adr lint --list-rules\` lists`, 'warning')
    }
  }
  const adrSchema = await readPackageSchema('adr.schema.json')
  let extraSchema: Record<string, unknown> | undefined
  const schemaTexts = [JSON.stringify(adrSchema)]
  if (settings.schema && ws.configFile) {
    const file = path.resolve(path.dirname(ws.configFile), settings.schema)
    const read = await readJsonObject(file, ws.root)
    const at = keyAt(['schema'])
    if (!read.ok)
      report(at.line, at.column, `Unexpected schema file ${settings.schema}: it ${read.reason}, expected a JSON Schema (2020-12)`)
    else {
      try {
        const {compileAdrSchemas} = await import('../../core/lint/schema-validate.js')
        compileAdrSchemas(adrSchema, read.value)
        extraSchema = read.value
        schemaTexts.push(read.text)
      } catch (error) {
        report(
          at.line,
          at.column,
          `Unexpected schema in ${settings.schema}: ${(error as Error).message}, expected a valid JSON Schema (2020-12)`,
        )
      }
    }
  }
  const {statuses, relations} = settings
  // untouched template text is derived from the templates themselves (so the list follows them), by the file linter
  const templates = await readGuidanceTemplates(ws.adrDir)
  schemaTexts.push(templates.join('\0'))
  return {
    setup: {
      adrSchema,
      extraSchema,
      profile,
      overrides: {...overrides},
      today,
      statuses,
      relations,
      templates,
      builtValidators: builtValidatorsInUse(),
      fastFrontMatterSplit: fastFrontMatterSplitInUse(),
    },
    configProblems,
    schemaTexts,
  }
}

/** The profile (flag, then config, then `recommended`) and the rule severities the config sets. */
export function lintSeverities(ws: Workspace, flagProfile: string | undefined): {profile: ProfileName; overrides: Record<string, string>} {
  const {profile: configured, rules} = configValues(ws.config)
  // no prototype: a rule id is looked up in it, whatever the id
  const overrides: Record<string, string> = Object.assign(Object.create(null), rules)
  const profile: ProfileName = (flagProfile as ProfileName | undefined) ?? (isProfile(configured) ? configured : 'recommended')
  return {profile, overrides}
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value)
}
