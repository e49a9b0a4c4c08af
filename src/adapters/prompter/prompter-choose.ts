import {canPrompt, type Prompter} from '../../core/debate/prompter.js'
import type {AnswersSource} from './prompter-answers.js'
import {inquirerPrompter} from './prompter-inquirer.js'
import {scriptedPrompter} from './prompter-scripted.js'

export interface PrompterChoice {
  /** The command's standard input, and whether it is a terminal (only then is a person asked). */
  stdin: NodeJS.ReadableStream
  stdinIsTTY: boolean
  /** Where questions are drawn: the command's stderr, so that stdout carries only data. */
  stderr: NodeJS.WritableStream
  json?: boolean
  noInput?: boolean
  /** Answers from a file or stdin, asked first. */
  answers?: AnswersSource
  /** Where progress goes when nobody is prompted (stderr), or nowhere. */
  note?: (text: string) => void
}

/**
 * The prompter for a command: a person at the terminal when stdin is one and neither `--json` nor
 * `--no-input` was given; answers from a file first when there is one; otherwise nothing waits and
 * a missing answer is an error naming the flag or answers-file key that supplies it.
 */
export function choosePrompter(choice: PrompterChoice): Prompter {
  const person = canPrompt({stdinIsTTY: choice.stdinIsTTY, json: choice.json, noInput: choice.noInput})
    ? inquirerPrompter({input: choice.stdin, output: choice.stderr})
    : undefined
  if (choice.answers) return scriptedPrompter({...choice.answers, fallback: person, note: choice.note})
  return person ?? scriptedPrompter({answers: {}, source: 'an answers file (adr debate answer REF --file answers.yaml)', note: choice.note})
}
