import {createRequire} from 'node:module'
import type {Node} from 'yaml'
import {parseSimpleYaml} from './simple-yaml.js'

/**
 * The one YAML boundary: every YAML adrgate reads or writes (front matter, debate records, answers
 * files, `.adrgate.yaml`, `.log4brains.yml`) goes through this module, with one set of options. YAML
 * 1.2's core schema, so dates stay strings (`2026-11-20`, never a Date) and `yes`/`no` stay strings;
 * aliases are bounded; duplicate keys are errors. Nothing here evaluates anything: there is no
 * JavaScript engine (see front-matter.ts for `---js`). Only this folder imports the `yaml` package
 * (test/architecture/layers.test.ts checks it).
 *
 * The package is loaded on first use (it is a few dozen modules of start-up): most runs of `adr list`
 * on MADR files never need it, because the fast path (`simple-yaml.ts`) reads their front matter.
 */
const require = createRequire(import.meta.url)
let library: typeof import('yaml') | undefined
function yaml(): typeof import('yaml') {
  library ??= require('yaml') as typeof import('yaml')
  return library
}

/** YAML 1.2, core schema: dates stay strings, aliases are bounded, duplicate keys are errors. */
export const YAML_OPTIONS = {version: '1.2', schema: 'core', maxAliasCount: 100, uniqueKeys: true} as const

/** A plain parse: the data, or the first error, located (1-based, in the text given). */
export type YamlResult = {ok: true; data: unknown} | {ok: false; message: string; line: number; column: number}

/**
 * Parses YAML text (JSON is YAML too). Never throws: a syntax error, an alias bomb, too deep a nesting
 * or a tag the core schema does not know (`!!js/function`, `!!python/object`: never data, and the
 * `yaml` package would print a warning of its own) is an error result.
 */
export function parseYaml(text: string): YamlResult {
  try {
    const doc = yaml().parseDocument(text, YAML_OPTIONS)
    const problem = doc.errors[0] ?? unknownTag(doc.warnings)
    if (problem) {
      const pos = problem.linePos?.[0]
      return {ok: false, message: firstLine(problem.message), line: pos?.line ?? 1, column: pos?.col ?? 1}
    }
    return {ok: true, data: doc.toJS({maxAliasCount: YAML_OPTIONS.maxAliasCount})}
  } catch (error) {
    const message = error instanceof RangeError ? 'the YAML is nested too deeply' : messageOf(error)
    return {ok: false, message, line: 1, column: 1}
  }
}

/** The first warning about a tag the schema could not resolve: adrgate reads such a value as an error, not as a string. */
function unknownTag<W extends {code: string}>(warnings: readonly W[]): W | undefined {
  return warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED')
}

/**
 * Front matter's YAML: the fast path when the text is in its simple subset (it gives exactly what the
 * full parser gives: test/core/simple-yaml.test.ts checks it value for value), else the full parser.
 */
export function parseFrontMatterYaml(text: string): YamlResult {
  const simple = parseSimpleYaml(text)
  return simple ? {ok: true, data: simple} : parseYaml(text)
}

export interface StringifyOptions {
  /**
   * Sequences of scalars and maps inside sequences as one-line `[…]` / `{…}` items, the way MADR
   * front matter is written by hand (`decision-makers: [dana]`, `- {id: D1, title: …}`).
   */
  compact?: boolean
}

/** YAML text for the data: no line folding, no anchors for repeated objects. */
export function stringifyYaml(data: unknown, options: StringifyOptions = {}): string {
  const {Document, isMap, isSeq} = yaml()
  const doc = new Document(data, {aliasDuplicateObjects: false})
  if (options.compact) {
    for (const pair of isMap(doc.contents) ? doc.contents.items : []) {
      if (!isSeq(pair.value)) continue
      if (pair.value.items.every((item) => !isMap(item))) pair.value.flow = true
      for (const item of pair.value.items) if (isMap(item)) item.flow = true
    }
  }
  return doc.toString({lineWidth: 0, ...(options.compact ? {flowCollectionPadding: false} : {})})
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
}

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
 * The located parse: YAML parsed once, keeping positions, so a problem found in the data (a schema
 * error, a code rule) points at its line and column. Never throws.
 * `lineOffset` is the number of file lines before the text (front matter that starts after a `---`
 * line on line 1 has `lineOffset: 1`), so that every position is a line of the file.
 */
export function parseLocatedYaml(text: string, options: {lineOffset?: number} = {}): LocatedYaml {
  const lineOffset = options.lineOffset ?? 0
  const {LineCounter, parseDocument} = yaml()
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
  const tag = unknownTag(doc.warnings)
  const errors = [...doc.errors, ...(tag ? [tag] : [])].map((error) => ({
    ...position(error.pos[0]),
    message: firstLine(error.message),
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
  const {isMap, isPair, isScalar, isSeq} = yaml()
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
