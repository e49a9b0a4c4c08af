/**
 * The settings of `.adrgate.yaml` that commands use, each read in one place with its type. A value of
 * the wrong type is left out, as if it were not set: the schema check (`checkConfig`, printed by every
 * command and reported by lint's `config` rule) names it, with its line. Only the settings that decide
 * where the ADRs are (`dir`, `dirs`) and how new ones are written (`format`) stop a command instead
 * (the workspace checks those when it reads the file): reading the wrong directory would give wrong answers.
 */
export interface ConfigValues {
  /** `profile:`, the lint profile's name, unchecked (lint falls back to `recommended` for one it does not know). */
  profile?: string
  /** `rules:`, a severity per rule id. */
  rules: Record<string, string>
  /** `statuses:`, the team's own status words and the lifecycle status each means. */
  statuses?: Record<string, string>
  /** `relations:`, the team's own relations and their reverses. */
  relations?: Record<string, string>
  /** `default-status:`, the status `adr new` starts with. */
  defaultStatus?: string
  /** `schema:`, a JSON Schema file of the team's own, relative to the config file. */
  schema?: string
  /** `debate.aggregate`, how a debate's cells are aggregated. */
  aggregate?: 'mean' | 'median'
  /** `toc:`, the files that keep a table of contents between markers (one or a list), relative to the config file. */
  toc?: string[]
}

export function configValues(config: Readonly<Record<string, unknown>>): ConfigValues {
  const debate = isRecord(config.debate) ? config.debate : {}
  const aggregate = debate.aggregate === 'mean' || debate.aggregate === 'median' ? debate.aggregate : undefined
  return {
    profile: text(config.profile),
    rules: stringMap(config.rules) ?? {},
    statuses: stringMap(config.statuses),
    relations: stringMap(config.relations),
    defaultStatus: text(config['default-status']),
    schema: text(config.schema),
    aggregate,
    toc: textList(config.toc),
  }
}

/** One non-empty string or a list of them (the others left out), else nothing. */
function textList(value: unknown): string[] | undefined {
  const list = (Array.isArray(value) ? value : [value]).map(text).filter((v): v is string => v !== undefined)
  return list.length ? list : undefined
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A non-empty string, else nothing. */
function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined
}

/** A mapping's entries whose values are strings (the others left out), or nothing when it is not a mapping. */
function stringMap(value: unknown): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined
  const map: Record<string, string> = {}
  for (const [key, entry] of Object.entries(value)) if (typeof entry === 'string') map[key] = entry
  return map
}
