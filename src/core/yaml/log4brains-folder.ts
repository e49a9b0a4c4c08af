import {patternWhenUsed} from '../pattern-when-used.js'
import {parseSimpleYaml} from './simple-yaml.js'

/** What the line scan found: the folder (or none), or `unsure` when only a YAML parser can tell. */
export type Log4brainsScan = {folder?: string} | 'unsure'

const KEY_LINE = /^( *)([A-Za-z_][\w-]*):(?: +(.*?))? *$/
const RESERVED_KEY = /^(?:true|false|null|y|n|yes|no|on|off|__proto__)$/i

/**
 * `project.adrFolder` of a `.log4brains.yml`, read by a line scan so that finding the ADR directory
 * never loads the `yaml` package (some 70 modules of start-up). It accepts only the simple block
 * mappings log4brains writes: `key: value` lines at most two levels deep, values in simple-yaml's
 * subset, whole-line comments. Within that subset it answers exactly as YAML 1.2 would (a test compares
 * it with the yaml package); anything else — quotes, anchors, lists, tabs, duplicate keys, a third
 * level — is `unsure`, and the caller parses the file with `yaml`.
 */
export function scanLog4brainsFolder(text: string): Log4brainsScan {
  if (text.includes('\r') || text.charCodeAt(0) === 0xfeff) return 'unsure'
  const top = new Map<string, unknown>()
  let block: Map<string, unknown> | undefined
  let blockIndent: number | undefined
  for (const [i, line] of text.split('\n').entries()) {
    // log4brains starts the file with a document marker
    if (line.trim() === '' || /^ *#/.test(line) || (i === 0 && line === '---')) continue
    const m = KEY_LINE.exec(line)
    if (!m || RESERVED_KEY.test(m[2])) return 'unsure'
    const [, spaces, key, raw] = m
    const value = raw === undefined || raw === '' ? undefined : scalar(raw)
    if (value === 'unsure') return 'unsure'
    if (spaces.length === 0) {
      if (top.has(key)) return 'unsure'
      block = value === undefined ? new Map() : undefined
      blockIndent = undefined
      top.set(key, value === undefined ? block : value.value)
      continue
    }
    // a nested key: inside the block its parent opened, all at one indentation, one level only
    if (!block || value === undefined || block.has(key)) return 'unsure'
    blockIndent ??= spaces.length
    if (spaces.length !== blockIndent) return 'unsure'
    block.set(key, value.value)
  }
  const project = top.get('project')
  // a key with neither a value nor nested keys is null; a project that is not a mapping has no folder
  if (!(project instanceof Map)) return {}
  const folder = project.get('adrFolder')
  return typeof folder === 'string' ? {folder} : {}
}

/** A path such as `./docs/adr`: a plain scalar that YAML's core schema reads as the string it is. */
const PATH = patternWhenUsed(() => /^[./\p{L}\p{N}_][\p{L}\p{N}_./-]*$/u)
/** Plain scalars the core schema may read as numbers (`.5`, `1e3`, `.inf`, `0x1F`): left to simple-yaml or yaml. */
const NUMBERISH = /^[-+]?(?:\.(?:inf|Inf|INF|nan|NaN|NAN)$|(?=[^\d]*\d)[\d.][\da-fA-FxXoO._+-]*$)/

function scalar(raw: string): {value: unknown} | 'unsure' {
  if (PATH.test(raw) && !NUMBERISH.test(raw) && !/^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE|~)$/.test(raw)) return {value: raw}
  const parsed = parseSimpleYaml(`value: ${raw}`)
  return parsed ? {value: parsed.value} : 'unsure'
}
