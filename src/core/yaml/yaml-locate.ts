import {isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument} from 'yaml'
import {YAML_OPTIONS} from '../adr/front-matter.js'

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

export interface LocateOptions {
  /** The position of the last segment's key instead of its value's. */
  key?: boolean
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
  locate(path: DataPath, options?: LocateOptions): Position
  /** Like `locate`, but undefined when the path does not exist (for callers with their own fallback). */
  find(path: DataPath, options?: LocateOptions): Position | undefined
}

/**
 * Parses YAML once, keeping positions, with the same options as front matter. Never throws.
 * `lineOffset` is the number of file lines before the text (front matter that starts after a `---`
 * line on line 1 has `lineOffset: 1`), so that every position is a line of the file.
 */
export function parseLocatedYaml(text: string, options: {lineOffset?: number} = {}): LocatedYaml {
  const lineOffset = options.lineOffset ?? 0
  const lineCounter = new LineCounter()
  const position = (offset: number | undefined): Position => {
    const pos = lineCounter.linePos(offset ?? 0)
    return {line: lineOffset + pos.line, column: pos.col}
  }
  let doc: ReturnType<typeof parseDocument>
  try {
    doc = parseDocument(text, {...YAML_OPTIONS, lineCounter, keepSourceTokens: false})
  } catch (error) {
    const at = {line: lineOffset + 1, column: 1}
    return {data: undefined, errors: [{...at, message: messageOf(error)}], locate: () => at, find: () => undefined}
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
      errors.push({line: lineOffset + 1, column: 1, message: messageOf(error)})
    }
  }
  const contents = doc.contents
  return {
    data,
    errors,
    locate: (path, locateOptions = {}) => position(walk(contents, path, locateOptions.key).offset),
    find: (path, locateOptions = {}) => {
      const found = walk(contents, path, locateOptions.key)
      return found.exists ? position(found.offset) : undefined
    },
  }
}

/** Walks `path` down the YAML nodes: the offset of the node reached, and whether it is the whole path. */
function walk(contents: unknown, path: DataPath, key = false): {offset: number | undefined; exists: boolean} {
  let node = contents
  let found = (contents ?? undefined) as Node | undefined
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]
    const last = i === path.length - 1
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && String(isScalar(item.key) ? item.key.value : item.key) === String(segment))
      if (!pair) return {offset: found?.range?.[0], exists: false}
      const keyNode = pair.key as Node | undefined
      if (last && key && keyNode?.range) return {offset: keyNode.range[0], exists: true}
      const value = pair.value as Node | null
      if (!value?.range) return {offset: keyNode?.range?.[0], exists: false}
      node = value
      found = value
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined
      if (!item?.range) return {offset: found?.range?.[0], exists: false}
      node = item
      found = item
    } else {
      return {offset: found?.range?.[0], exists: false}
    }
  }
  return {offset: found?.range?.[0], exists: found?.range !== undefined}
}

function messageOf(error: unknown): string {
  return String((error as Error)?.message ?? error)
}
