import {isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument} from 'yaml'
import {YAML_OPTIONS} from '../front-matter.js'

/** A path into the parsed data: keys and array indexes (`['scoring', 'entries', 3, 'score']`). */
export type DataPath = readonly (string | number)[]

/** `['scoring', 'entries', 3, 'score']` → `scoring.entries[3].score`. */
export function displayPath(path: DataPath): string {
  return path.reduce<string>((out, s) => (typeof s === 'number' ? `${out}[${s}]` : out ? `${out}.${s}` : s), '')
}

export interface Position {
  line: number
  column: number
}

export interface LocatedYaml {
  /** The parsed data (YAML 1.2 core schema: dates stay strings), or undefined when the YAML is invalid. */
  data: unknown
  /** Syntax errors, located. */
  errors: (Position & {message: string})[]
  /**
   * The 1-based position of the node at `path` (its key with `{key: true}`). A path that does not
   * exist resolves to the deepest node that does, so a missing key points at its parent.
   */
  locate(path: DataPath, options?: {key?: boolean}): Position
}

/** Parses YAML once, keeping positions, with the same options as front matter. Never throws. */
export function parseLocatedYaml(text: string): LocatedYaml {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, {...YAML_OPTIONS, lineCounter, keepSourceTokens: false})
  const position = (offset: number | undefined): Position => {
    const pos = lineCounter.linePos(offset ?? 0)
    return {line: pos.line, column: pos.col}
  }
  const errors = doc.errors.map((error) => ({
    ...position(error.pos[0]),
    message: error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''),
  }))
  let data: unknown
  if (errors.length === 0) {
    try {
      data = doc.toJS({maxAliasCount: YAML_OPTIONS.maxAliasCount})
    } catch (error) {
      errors.push({line: 1, column: 1, message: String((error as Error)?.message ?? error)})
    }
  }
  const locate = (path: DataPath, options: {key?: boolean} = {}): Position => {
    let node: unknown = doc.contents
    let found: Node | undefined = doc.contents ?? undefined
    for (let i = 0; i < path.length; i++) {
      const segment = path[i]
      const last = i === path.length - 1
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && String(isScalar(item.key) ? item.key.value : item.key) === String(segment))
        if (!pair) break
        const key = pair.key as Node | undefined
        if (last && options.key && key?.range) return position(key.range[0])
        const value = pair.value as Node | null
        if (!value?.range) return position(key?.range?.[0])
        node = value
        found = value
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)] as Node | undefined
        if (!item?.range) break
        node = item
        found = item
      } else {
        break
      }
    }
    return position(found?.range?.[0])
  }
  return {data, errors, locate}
}
