import type {Answer, Prompter, Question} from '../../core/debate/prompter.js'
import {AdrError} from '../../core/errors.js'

export interface ScriptedOptions {
  /** The answers, shaped as `schemas/debate-answers.schema.json` describes. */
  answers: Record<string, unknown>
  /** Where they came from, for messages: `answers.yaml`, `stdin`, `flags`. */
  source: string
  /** They outlive the command (a file, the command line; not stdin): default true. See `Prompter.answersKept`. */
  kept?: boolean
  /** Asked when the answers do not hold a key (a person at a terminal); without it a gap is an error. */
  fallback?: Prompter
  note?: (text: string) => void
}

/**
 * Answers questions from an answers object (an answers file, stdin, or flags). Nothing waits: a
 * missing answer is a `MISSING_ANSWER` error naming the answers-file key, and the flag when one
 * supplies it — unless a fallback prompter (a person) is there to ask.
 *
 * It never speaks for a person: a left-out answer that belongs to someone (`who`) is missing, not
 * filled from the question's default. Defaults fill only the group's facts (a date, the agreed
 * weights offered as the rounded mean) and rules of the protocol (`defaultIsRule`).
 */
export function scriptedPrompter(options: ScriptedOptions): Prompter {
  return {
    interactive: options.fallback?.interactive ?? false,
    answersKept: options.kept ?? true,
    async ask(question: Question): Promise<Answer> {
      // The file's answer to this key failed a check: only a person can answer it differently.
      if (question.retry) {
        if (options.fallback) return options.fallback.ask(question)
        throw missingAnswer(question, options.source)
      }
      // A file that answers a section (`drivers`, `frame`) answers it completely: its lists end where
      // they end and its missing keys take their defaults; a person is asked only about the rest.
      const covered = !options.fallback || lookUp(options.answers, sectionOf(question.key)) !== undefined
      if (question.presenceOf !== undefined && covered) return lookUp(options.answers, question.presenceOf) !== undefined
      const value = lookUp(options.answers, question.key)
      if (value !== undefined && value !== null) return toAnswer(value)
      if (options.fallback && !covered) return options.fallback.ask(question)
      if (question.default !== undefined && !personOwned(question)) return question.default
      if (question.optional) return question.kind === 'list' ? [] : ''
      if (options.fallback) return options.fallback.ask(question)
      throw missingAnswer(question, options.source)
    },
    peek(key: string): Answer | undefined {
      const value = lookUp(options.answers, key)
      return value === undefined || value === null ? undefined : toAnswer(value)
    },
    note: (text) => (options.fallback ? options.fallback.note(text) : options.note?.(text)),
  }
}

/** An answer only its person may give: a file that leaves it out is missing it. */
export function personOwned(question: Question): boolean {
  return question.who !== undefined && !question.defaultIsRule
}

export function missingAnswer(question: Question, source: string): AdrError {
  const supply = question.flag ? `pass ${question.flag}, or add \`${question.key}\`` : `add \`${question.key}\``
  const whose = personOwned(question) ? `; it is ${question.who}'s to give, so it has no default` : ''
  return new AdrError(
    'MISSING_ANSWER',
    `No answer for \`${question.key}\` (${question.message.replace(/[?:]\s*$/, '')}): ${supply} to ${source}${whose}`,
    {
      suggestions: [
        question.flag
          ? `Pass ${question.flag}.`
          : `Add \`${question.key}: …\` to an answers file and run \`adr debate answer REF --file answers.yaml\`.`,
        'Or run the command at a terminal without --no-input or --json, and it will ask.',
      ],
    },
  )
}

/** The section of the answers file a key belongs to: `frame`, or `again.G3.0.drivers` for a revisited gate. */
function sectionOf(key: string): string {
  const parts = key.split('.')
  return parts[0] === 'again' ? parts.slice(0, 4).join('.') : parts[0]
}

/**
 * Reads a dotted path (`drivers.0.title`, `weights.j.doe.D1`) out of nested objects and arrays. A key
 * of the answers may itself hold dots (a participant `j.doe`), so at each level the longest run of
 * the remaining segments that names a key is taken: the path is read as segments of the file, not as
 * a string cut at every dot.
 */
export function lookUp(root: unknown, key: string): unknown {
  const parts = key.split('.')
  let node: unknown = root
  for (let i = 0; i < parts.length; ) {
    if (node === null || typeof node !== 'object') return undefined
    if (Array.isArray(node)) {
      node = node[Number(parts[i++])]
      continue
    }
    const object = node as Record<string, unknown>
    let taken = 1
    for (let j = parts.length; j > i + 1; j--) {
      if (Object.hasOwn(object, parts.slice(i, j).join('.'))) {
        taken = j - i
        break
      }
    }
    node = Object.hasOwn(object, parts.slice(i, i + taken).join('.')) ? object[parts.slice(i, i + taken).join('.')] : undefined
    i += taken
  }
  return node
}

function toAnswer(value: unknown): Answer {
  if (Array.isArray(value)) return value.map((v) => String(v))
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  return JSON.stringify(value)
}
