import path from 'node:path'
import {parse} from 'yaml'
import {readTextFile} from '../../adapters/files.js'
import type {Prompter} from '../../adapters/prompter.js'
import {scriptedPrompter} from '../../adapters/prompter-scripted.js'
import type {Workspace} from '../../adapters/workspace.js'
import {AdrError} from '../../core/errors.js'
import {YAML_OPTIONS} from '../../core/front-matter.js'
import {resumeDebate} from './resume.js'
import type {DebateSession} from './session.js'

export interface AnswersSource {
  /** The answers, parsed. */
  answers: Record<string, unknown>
  /** For messages: the file name, or `stdin`. */
  source: string
}

/** Parses an answers file (YAML or JSON) as `schemas/debate-answers.schema.json` describes it. */
export function parseAnswers(text: string, source: string): AnswersSource {
  let data: unknown
  try {
    data = parse(text, YAML_OPTIONS)
  } catch (error) {
    throw new AdrError('INVALID_ARGUMENT', `${source} is not valid YAML: ${(error as Error).message.split('\n')[0]}`, {
      suggestions: ['See examples/debates/invoicing-answers.yaml for the format.'],
    })
  }
  if (data === null || data === undefined) data = {}
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new AdrError('INVALID_ARGUMENT', `${source} must be a mapping of answers such as \`frame: {question: …}\``)
  }
  return {answers: data as Record<string, unknown>, source}
}

export async function readAnswersFile(ws: Workspace, file: string): Promise<AnswersSource> {
  const absolute = path.resolve(ws.cwd, file)
  const read = await readTextFile(absolute, path.parse(absolute).root)
  if (!read.ok) throw new AdrError('INVALID_ARGUMENT', `${file} ${read.reason}`, {suggestions: ['Pass the path of an answers file, or - for stdin.']})
  return parseAnswers(read.text, file)
}

/**
 * `adr debate answer REF --file answers.yaml`: the same gates, fed from a file, non-interactive. A
 * missing answer names its key; an answer that fails a gate names the gate, the rule and what to
 * change; the answers that passed are kept in the record.
 */
export async function answerDebate(
  ws: Workspace,
  ref: string,
  source: AnswersSource,
  options: {today: string; note?: (text: string) => void; fallback?: Prompter},
): Promise<DebateSession> {
  const prompter = scriptedPrompter({answers: source.answers, source: source.source, note: options.note, fallback: options.fallback})
  return resumeDebate(ws, ref, {prompter, today: options.today})
}
