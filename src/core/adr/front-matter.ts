import {createRequire} from 'node:module'
import {parseSimpleYaml} from '../yaml/simple-yaml.js'
import type {FrontMatter, Problem} from './model.js'

/**
 * gray-matter and yaml (with js-yaml under gray-matter: some 110 modules, a tenth of a second of
 * start-up) are loaded on first use: most ADRs' front matter never needs them (see simple-yaml.ts).
 */
const require = createRequire(import.meta.url)
let parsers: {matter: typeof import('gray-matter'); yaml: typeof import('yaml')} | undefined
function loadParsers(): NonNullable<typeof parsers> {
  parsers ??= {matter: require('gray-matter'), yaml: require('yaml')}
  return parsers
}

/** YAML 1.2, core schema: dates stay strings, aliases are bounded, duplicate keys are errors. */
export const YAML_OPTIONS = {version: '1.2', schema: 'core', maxAliasCount: 100, uniqueKeys: true} as const

const MAX_FRONT_MATTER = 256 * 1024

function refuseJavaScript(): never {
  throw new JavaScriptFrontMatter()
}

class JavaScriptFrontMatter extends Error {}

/**
 * gray-matter, always with an options object (its cache is keyed on content otherwise) and with every
 * JavaScript engine replaced: its defaults `eval` both `---js` and `---javascript`.
 */
const MATTER_OPTIONS = {
  language: 'yaml',
  delimiters: '---',
  excerpt: false,
  engines: {
    yaml: {parse: (text: string) => loadParsers().yaml.parse(text, YAML_OPTIONS) ?? {}, stringify: () => ''},
    js: {parse: refuseJavaScript, stringify: refuseJavaScript},
    javascript: {parse: refuseJavaScript, stringify: refuseJavaScript},
    coffee: {parse: refuseJavaScript, stringify: refuseJavaScript},
    coffeescript: {parse: refuseJavaScript, stringify: refuseJavaScript},
  },
  // biome-ignore lint/suspicious/noExplicitAny: gray-matter's option types do not allow engine objects
} as any

const OPEN = /^---([A-Za-z]*)[ \t]*$/
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/

export interface SplitResult {
  frontMatter?: FrontMatter
  /** 0-based index of the first body line. */
  bodyStart: number
  problems: Problem[]
}

/**
 * Parsed front matter by its YAML text, for callers that parse many versions of the same files (the
 * history reader): the same text is parsed once. The data objects are shared: never mutate them.
 */
export type FrontMatterCache = Map<string, Record<string, unknown>>

/** Finds, parses and locates the front matter at the top of the file's lines. Never throws. */
export function readFrontMatter(lines: readonly string[], cache?: FrontMatterCache): SplitResult {
  const problems: Problem[] = []
  const open = OPEN.exec(lines[0] ?? '')
  if (!open) return {bodyStart: 0, problems}
  let end = -1
  for (let i = 1; i < lines.length; i++) {
    if (CLOSE.test(lines[i])) {
      end = i
      break
    }
  }
  if (end < 0) {
    problems.push(problem(1, 1, 'parse/front-matter-unclosed', 'Unexpected end of file in front matter, expected a closing `---` line'))
    return {bodyStart: 0, problems}
  }
  const raw = lines.slice(1, end).join('\n')
  const frontMatter: FrontMatter = {data: {}, raw, startLine: 1, endLine: end + 1}
  const language = open[1].toLowerCase()
  if (language && language !== 'yaml' && language !== 'yml') {
    problems.push(
      problem(
        1,
        4,
        'parse/front-matter-language',
        `Unexpected \`---${open[1]}\` front matter, expected YAML: adrgate never evaluates JavaScript front matter; write the keys as YAML`,
      ),
    )
    return {frontMatter, bodyStart: end + 1, problems}
  }
  if (raw.length > MAX_FRONT_MATTER) {
    problems.push(problem(2, 1, 'parse/yaml', `Unexpected front matter of ${raw.length} characters, expected at most ${MAX_FRONT_MATTER}`))
    return {frontMatter, bodyStart: end + 1, problems}
  }
  const cached = cache?.get(raw)
  if (cached) return {frontMatter: {...frontMatter, data: cached}, bodyStart: end + 1, problems}
  // Most ADRs' front matter is simple; the fast path reads it exactly as YAML 1.2 would, 20× faster.
  const simple = parseSimpleYaml(raw)
  if (simple) {
    frontMatter.data = simple
    return {frontMatter, bodyStart: end + 1, problems}
  }
  try {
    const data: unknown = loadParsers().matter(`---\n${raw}\n---\n`, MATTER_OPTIONS).data
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      problems.push(problem(2, 1, 'parse/yaml', 'Unexpected front matter that is not a mapping, expected `key: value` lines'))
    } else {
      frontMatter.data = data as Record<string, unknown>
      cache?.set(raw, frontMatter.data)
    }
  } catch (error) {
    problems.push(yamlProblem(error))
  }
  return {frontMatter, bodyStart: end + 1, problems}
}

function yamlProblem(error: unknown): Problem {
  if (error instanceof JavaScriptFrontMatter) {
    return problem(1, 1, 'parse/front-matter-language', 'Unexpected JavaScript front matter, expected YAML')
  }
  if (error instanceof loadParsers().yaml.YAMLError) {
    const pos = error.linePos?.[0]
    const first = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
    // gray-matter hands the engine the text after `---` with its newline: YAML line N is file line N
    return problem(pos?.line ?? 2, pos?.col ?? 1, 'parse/yaml', `Invalid YAML in front matter: ${first}`)
  }
  const message = error instanceof RangeError ? 'the front matter is nested too deeply' : String((error as Error)?.message ?? error)
  return problem(2, 1, 'parse/yaml', `Invalid YAML in front matter: ${message}`)
}

function problem(line: number, column: number, rule: string, message: string): Problem {
  return {line, column, severity: 'error', rule, message}
}
