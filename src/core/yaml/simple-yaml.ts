import {patternWhenUsed} from '../pattern-when-used.js'
import {remembered} from '../remembered.js'

/**
 * A fast path for the front matter most ADRs have: `key: value` lines, `[a, b]` lists, and block
 * lists of plain values or `{rel: x, target: 3}` maps. It gives exactly what the `yaml` package gives
 * with YAML 1.2's core schema — a differential test checks that — and returns `undefined` for
 * anything else (quotes, comments after values, anchors, nested maps, numbers other than plain
 * integers …), which `parseFrontMatterYaml` in `yaml.ts` then hands to the full parser. `adr list` over 10,000 ADRs spends
 * most of its time in YAML; this keeps it under the budget.
 */

type Scalar = string | number | boolean | null
type Value = Scalar | Value[] | {[key: string]: Value}

const KEY_LINE = /^([A-Za-z_][\w-]*):(?:[ ]+(.*?))?[ ]*$/
const ITEM_LINE = /^([ ]*)-(?:[ ]+(.*?))?[ ]*$/
/** Plain scalars this fast path resolves; anything with YAML indicators or quotes goes to the full parser. */
const PLAIN = patternWhenUsed(() => /^[\p{L}\p{N}_(/][\p{L}\p{M}\p{N} _./()+=~?-]*$/u)
const RESERVED_KEY = /^(?:true|false|null|y|n|yes|no|on|off|__proto__)$/i
const DATE = /^\d{4}-\d{2}-\d{2}$/
const INTEGER = /^(?:0|[1-9]\d{0,14})$/
const NUMBERISH = /^[\d.][\da-fA-FxXoO._+-]*$/
const FLOW_PAIR = /^([A-Za-z_][\w-]*):[ ]+(.+)$/
const NULL = /^(?:null|Null|NULL)$/
const TRUE = /^(?:true|True|TRUE)$/
const FALSE = /^(?:false|False|FALSE)$/
const TRAILING_SPACE = /\s$/

/** Parses `raw` when it is in the simple subset, else `undefined`. Never throws. */
export function parseSimpleYaml(raw: string): Record<string, Value> | undefined {
  const out: Record<string, Value> = {}
  const lines = raw.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (line.charCodeAt(0) === 35 || line.trim() === '') continue
    const read = keyLine(line)
    if (read === undefined || Object.hasOwn(out, read.key)) return undefined
    if (read.value !== BLOCK) {
      out[read.key] = copyOf(read.value)
      continue
    }
    const items: Value[] = []
    let indent: string | undefined
    while (i + 1 < lines.length) {
      const next = lines[i + 1]
      if (next.trim() === '') break
      const item = ITEM_LINE.exec(next)
      if (!item) break
      if (indent !== undefined && item[1] !== indent) return undefined
      indent = item[1]
      const value = item[2] === undefined || item[2] === '' ? undefined : itemValue(item[2])
      if (value === undefined) return undefined
      items.push(copyOf(value))
      i++
    }
    out[read.key] = indent === undefined ? null : items
  }
  return out
}

/** A key whose value is on the lines below it (a block list, or nothing: `null`). */
const BLOCK = Symbol('block')

interface KeyLine {
  key: string
  value: Value | typeof BLOCK
}

/**
 * What a `key: value` line of the subset says, or `undefined` when it is outside it. Remembered by
 * the line's text (`remembered`): the front matter of a repository's ADRs repeats
 * its lines from file to file (`status: accepted`, `decision-makers: [dana]`), and each was matched
 * and resolved again. The answer is a pure function of the line; a list or map is copied out of the
 * memory (`copyOf`), so no caller shares it.
 */
const keyLine: (line: string) => KeyLine | undefined = remembered((line) => readKeyLine(line))

/**
 * `parseFlow` of a block list's item (`{rel: relates to, target: 4}`), remembered by its text as
 * `keyLine` is: the versions of an ADR that the history reads repeat their links' lines, each parsed
 * again for every version whose front matter changed elsewhere. Copied out by the caller (`copyOf`).
 */
const itemValue: (text: string) => Value | undefined = remembered((text) => parseFlow(text))

function readKeyLine(line: string): KeyLine | undefined {
  const m = KEY_LINE.exec(line)
  if (!m || RESERVED_KEY.test(m[1])) return undefined
  if (m[2] === undefined || m[2] === '') return {key: m[1], value: BLOCK}
  const value = parseFlow(m[2])
  return value === undefined ? undefined : {key: m[1], value}
}

/** A value of `parseFlow` as a new object: its lists and maps hold only scalars. */
function copyOf(value: Value): Value {
  if (Array.isArray(value)) return value.slice()
  if (value !== null && typeof value === 'object') return {...value}
  return value
}

/** A value on one line: a plain scalar, `[a, b]` or `{k: v, k2: v2}` with plain scalars inside. */
function parseFlow(text: string): Value | undefined {
  if (text.startsWith('[') && text.endsWith(']')) {
    const inner = text.slice(1, -1).trim()
    if (inner === '') return []
    const items = inner.split(',').map((part) => parseScalar(part.trim()))
    return items.some((v) => v === undefined) ? undefined : (items as Value[])
  }
  if (text.startsWith('{') && text.endsWith('}')) {
    const inner = text.slice(1, -1).trim()
    const map: Record<string, Value> = {}
    if (inner === '') return map
    for (const part of inner.split(',')) {
      const pair = FLOW_PAIR.exec(part.trim())
      if (!pair || RESERVED_KEY.test(pair[1]) || Object.hasOwn(map, pair[1])) return undefined
      const value = parseScalar(pair[2].trim())
      if (value === undefined) return undefined
      map[pair[1]] = value
    }
    return map
  }
  return parseScalar(text)
}

/** YAML 1.2 core-schema resolution of the plain scalars the fast path accepts. */
function parseScalar(text: string): Scalar | undefined {
  if (!PLAIN.test(text) || text.includes(' -') || TRAILING_SPACE.test(text)) return undefined
  if (NULL.test(text)) return null
  if (TRUE.test(text)) return true
  if (FALSE.test(text)) return false
  if (INTEGER.test(text)) return Number(text)
  if (DATE.test(text)) return text
  // Anything else that might read as a number (floats, octals, 0x…, 1e5) is left to the full parser;
  // `0007-use-x.md` cannot, and is a string.
  if (NUMBERISH.test(text)) return undefined
  return text
}
