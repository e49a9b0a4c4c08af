import {createRequire} from 'node:module'
import {detached} from '../detached.js'
import {parseFrontMatterYaml} from '../yaml/yaml.js'
import type {FrontMatter, Problem} from './model.js'

/**
 * gray-matter splits the front matter from the body and tells which language the opening fence
 * declares (`---`, `---yaml`, `---js`). It never parses anything here: every engine it could call is
 * a no-op (its defaults would `eval` `---js` and `---javascript`), and the YAML is read by the one
 * YAML module, core/yaml (ADR 4). Loaded on the first file that starts with `---`: a repository of
 * adr-tools files never pays for it.
 */
const require = createRequire(import.meta.url)
let library: typeof import('gray-matter') | undefined
function grayMatter(): typeof import('gray-matter') {
  library ??= require('gray-matter') as typeof import('gray-matter')
  return library
}

/** An engine that evaluates nothing: gray-matter only splits. */
const NO_ENGINE = {parse: () => ({}), stringify: () => ''}
const YAML_LANGUAGES = new Set(['', 'yaml', 'yml'])
const MAX_FRONT_MATTER = 256 * 1024

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

/**
 * Splits, parses and locates the front matter at the top of a file: `text` is the file (without a
 * byte-order mark), `lines` the same text split into lines. Never throws.
 */
export function readFrontMatter(text: string, lines: readonly string[], cache?: FrontMatterCache): SplitResult {
  return parseSplit(fastSplit ? splitFrontMatterFast(text, lines) : splitFrontMatter(text, lines), cache)
}

let fastSplit = true

/**
 * Whether `readFrontMatter` finds the block with `splitFrontMatterFast` (the same result without
 * gray-matter, pinned to `splitFrontMatter`): on, unless the general paths are asked for
 * (`ADRGATE_NO_FAST_PATHS=1`, set by the command layer and handed to lint's threads), so the bench
 * can compare the two on its corpora.
 */
export function useFastFrontMatterSplit(on: boolean): void {
  fastSplit = on
}

export function fastFrontMatterSplitInUse(): boolean {
  return fastSplit
}

/**
 * `readFrontMatter` with the block found by `splitFrontMatterFast` (no gray-matter), for the readers
 * that skip the rest of the parse (`readGraphEntry`); the YAML is read as `readFrontMatter` reads it.
 */
export function readFrontMatterFast(text: string, lines: readonly string[]): SplitResult {
  return parseSplit(splitFrontMatterFast(text, lines))
}

function parseSplit(split: SplitResult & {yaml: boolean}, cache?: FrontMatterCache): SplitResult {
  const {frontMatter, bodyStart, problems} = split
  if (!frontMatter || !split.yaml) return {frontMatter, bodyStart, problems}
  const cached = cache?.get(frontMatter.raw)
  if (cached) return {frontMatter: {...frontMatter, data: cached}, bodyStart, problems}
  // what is cached outlives the text: it is read from a copy of the block alone (`detached`)
  const raw = cache ? detached(frontMatter.raw) : frontMatter.raw
  const parsed = parseFrontMatterYaml(raw)
  if (!parsed.ok) {
    // YAML line N of the block is file line N + 1 (the opening `---` is line 1).
    problems.push(problem(parsed.line + 1, parsed.column, 'parse/yaml', `Invalid YAML in front matter: ${parsed.message}`))
  } else if (parsed.data === null || parsed.data === undefined) {
    cache?.set(raw, frontMatter.data)
  } else if (typeof parsed.data !== 'object' || Array.isArray(parsed.data)) {
    problems.push(problem(2, 1, 'parse/yaml', 'Unexpected front matter that is not a mapping, expected `key: value` lines'))
  } else {
    frontMatter.data = parsed.data as Record<string, unknown>
    cache?.set(raw, frontMatter.data)
  }
  return {frontMatter, bodyStart, problems}
}

/**
 * The first half of `readFrontMatter`: where the front matter is (its data still `{}`), where the body
 * starts, and the problems of the block itself; `yaml` when the block is YAML to parse. For a reader
 * that needs to know only whether a file has front matter (`formatVote`), not what it says.
 */
export function splitFrontMatter(text: string, lines: readonly string[]): SplitResult & {yaml: boolean} {
  // gray-matter's own first test, before loading it: front matter opens with `---` and not `----`.
  if (!text.startsWith('---') || text[3] === '-') return {bodyStart: 0, problems: [], yaml: false}
  return splitAt(text, lines, grayMatterBlock(text))
}

/**
 * The fast path of `splitFrontMatter` (the readers that skip the parse: `readHeadline`, `formatVote`):
 * the same result, with the block found by `locateBlock` instead of gray-matter, which copies each
 * file into a Buffer and looks it up in its cache by its whole text, the larger part of a
 * names-and-titles read of 10,000 files. `test/core/front-matter-fast.test.ts` pins it to
 * `splitFrontMatter`.
 */
export function splitFrontMatterFast(text: string, lines: readonly string[]): SplitResult & {yaml: boolean} {
  const block = locateBlock(text)
  if (!block) return {bodyStart: 0, problems: [], yaml: false}
  return splitAt(text, lines, block)
}

/** The opening line's language (`---js`: `js`; its raw text after `---`) and the block's length, as gray-matter gives them. */
interface Block {
  language: {raw: string; name: string}
  /** The length of gray-matter's `matter`: from after the opening line up to the `\n` of the closing `---`. */
  length: number
}

function grayMatterBlock(text: string): Block {
  const matter = grayMatter()
  const declared = matter.language(text)
  const file = matter(text, {
    language: 'yaml',
    delimiters: '---',
    excerpt: false,
    engines: {
      yaml: NO_ENGINE,
      javascript: NO_ENGINE,
      coffee: NO_ENGINE,
      json: NO_ENGINE,
      ...(declared.name ? {[declared.name]: NO_ENGINE} : {}),
    },
    // biome-ignore lint/suspicious/noExplicitAny: gray-matter's option types do not allow engine objects
  } as any)
  return {language: declared, length: file.matter.length}
}

/**
 * gray-matter's split (its `parseMatter` and `language`, gray-matter 4) without gray-matter: the text
 * after `---`; the language is that text up to its first line break (quirk kept: with no line break,
 * all of it but the last character), skipped when not blank; the block runs to the first `\n---`,
 * else to the end. `undefined` when the text does not open front matter.
 */
export function locateBlock(text: string): Block | undefined {
  if (!text.startsWith('---') || text[3] === '-') return undefined
  let rest = text.slice(3)
  const raw = rest.slice(0, rest.search(/\r?\n/))
  const name = raw ? raw.trim() : ''
  if (name) rest = rest.slice(raw.length)
  const close = rest.indexOf('\n---')
  return {language: {raw, name}, length: close === -1 ? rest.length : close}
}

function splitAt(text: string, lines: readonly string[], block: Block): SplitResult & {yaml: boolean} {
  const problems: Problem[] = []
  const declared = block.language
  // gray-matter's block: from the end of the opening line to the `\n` before the closing `---`.
  const blockEnd = 3 + declared.raw.length + block.length
  if (blockEnd >= text.length) {
    problems.push(problem(1, 1, 'parse/front-matter-unclosed', 'Unexpected end of file in front matter, expected a closing `---` line'))
    return {bodyStart: 0, problems, yaml: false}
  }
  const closeLine = countNewlines(text, blockEnd + 1)
  const raw = lines.slice(1, closeLine).join('\n')
  const frontMatter: FrontMatter = {data: {}, raw, startLine: 1, endLine: closeLine + 1}
  const bodyStart = closeLine + 1
  if (!YAML_LANGUAGES.has(declared.name.toLowerCase())) {
    problems.push(
      problem(
        1,
        4,
        'parse/front-matter-language',
        `Unexpected \`---${declared.name}\` front matter, expected YAML: adrgate never evaluates JavaScript front matter; write the keys as YAML`,
      ),
    )
    return {frontMatter, bodyStart, problems, yaml: false}
  }
  if (raw.length > MAX_FRONT_MATTER) {
    problems.push(problem(2, 1, 'parse/yaml', `Unexpected front matter of ${raw.length} characters, expected at most ${MAX_FRONT_MATTER}`))
    return {frontMatter, bodyStart, problems, yaml: false}
  }
  return {frontMatter, bodyStart, problems, yaml: true}
}

function countNewlines(text: string, end: number): number {
  let count = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) count++
  return count
}

function problem(line: number, column: number, rule: string, message: string): Problem {
  return {line, column, severity: 'error', rule, message}
}
