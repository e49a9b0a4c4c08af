import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {AdrError} from '../../core/errors.js'
import {schemaValidator, type Validate} from '../../core/schema/compiled-validators.js'
import {parseYaml} from '../../core/yaml/yaml.js'
import {readTextFile} from '../files/contained-read.js'

export interface AnswersSource {
  /** The answers, parsed and valid against `schemas/debate-answers.schema.json`. */
  answers: Record<string, unknown>
  /** For messages: the file name, or `stdin`. */
  source: string
  /** The answers outlive the command (a file), unlike stdin's: the debate may save them per gate (ADR 34). */
  kept: boolean
}

const SCHEMA_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../schemas/debate-answers.schema.json')
let validate: Validate | undefined

/**
 * Parses an answers file (YAML 1.2 or JSON) and checks it against its schema, so a typo in a key
 * (`rationle:`) or a comma that split a value in a flow mapping is reported with its path instead
 * of being silently skipped. The schema's validator is the one the build compiled (ADR 18) when it
 * matches the file, else ajv compiles it here.
 */
export function parseAnswers(text: string, source: string, options: {kept?: boolean} = {}): AnswersSource {
  const parsed = parseYaml(text)
  if (!parsed.ok)
    throw invalid(`${source} is not valid YAML: ${parsed.message} (line ${parsed.line}, column ${parsed.column})`, [
      `Fix the YAML at line ${parsed.line}.`,
      ...(text.includes('{') ? [FLOW_HINT] : []),
    ])
  const data = parsed.data ?? {}
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw invalid(`${source} must be a mapping of answers such as \`frame: {question: …}\``, [EXAMPLE_HINT])
  validate ??= schemaValidator('answers', JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')))
  if (!validate(data)) {
    const lines = (validate.errors ?? []).slice(0, 8).map((e) => {
      const where = e.instancePath.replace(/^\//, '').replaceAll('/', '.') || '(top level)'
      const extra = (e.params as {additionalProperty?: string}).additionalProperty
      return `  ${where}${extra ? `.${extra}` : ''}: ${extra ? 'unexpected key' : e.message}`
    })
    // a comma inside an unquoted flow value splits it into a key of its own: an unexpected key
    const split = text.includes('{') && lines.some((line) => line.endsWith('unexpected key'))
    throw invalid(`${source} does not match schemas/debate-answers.schema.json:\n${[...new Set(lines)].join('\n')}`, [
      'Check each key named above against schemas/debate-answers.schema.json; examples/debates/invoicing-answers.yaml shows every key in use.',
      ...(split ? [FLOW_HINT] : []),
    ])
  }
  return {answers: data as Record<string, unknown>, source, kept: options.kept ?? true}
}

/** Reads an answers file (relative to `cwd`); `-` is the command's standard input, `stdin`. */
export async function readAnswersFile(cwd: string, file: string, stdin?: AsyncIterable<Buffer | string>): Promise<AnswersSource> {
  if (file === '-') {
    if (!stdin) throw invalid('- names standard input, and there is none here', ['Give the answers file by its path: --file answers.yaml.'])
    const chunks: Buffer[] = []
    for await (const chunk of stdin) chunks.push(Buffer.from(chunk))
    let text: string
    try {
      text = new TextDecoder('utf-8', {fatal: true}).decode(Buffer.concat(chunks))
    } catch {
      throw invalid('stdin is not UTF-8 text', ['Save the answers as UTF-8 and pipe them again.'])
    }
    return parseAnswers(text, 'stdin', {kept: false})
  }
  const absolute = path.resolve(cwd, file)
  const read = await readTextFile(absolute, path.parse(absolute).root)
  if (!read.ok) throw invalid(`${file} ${read.reason}`, [`Check the path: it is read relative to ${cwd}.`])
  return parseAnswers(read.text, file)
}

const FLOW_HINT = 'In a {flow: mapping}, quote a value that holds a comma or a colon: {favours: "Kafka, for replay"}.'
const EXAMPLE_HINT =
  'See examples/debates/invoicing-answers.yaml for a whole answers file, and schemas/debate-answers.schema.json for every key.'

/** An answers file that cannot be used, with the fixes for what went wrong (not one hint for every case). */
function invalid(message: string, suggestions: string[]): AdrError {
  return new AdrError('INVALID_ARGUMENT', message, {suggestions})
}
