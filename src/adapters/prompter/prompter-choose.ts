import {canPrompt, type Prompter} from '../../core/debate/prompter.js'
import {inquirerPrompter} from './prompter-inquirer.js'
import {scriptedPrompter} from './prompter-scripted.js'

export interface PrompterChoice {
  json?: boolean
  noInput?: boolean
  /** Answers from a file or stdin, asked first. */
  answers?: {answers: Record<string, unknown>; source: string}
  /** Where progress goes when nobody is prompted (stderr), or nowhere. */
  note?: (text: string) => void
}

/**
 * The prompter for a command: a person at the terminal when stdin is one and neither `--json` nor
 * `--no-input` was given; answers from a file first when there is one; otherwise nothing waits and
 * a missing answer is an error naming the flag or answers-file key that supplies it.
 */
export function choosePrompter(choice: PrompterChoice): Prompter {
  const person = canPrompt({stdinIsTTY: process.stdin.isTTY, json: choice.json, noInput: choice.noInput}) ? inquirerPrompter() : undefined
  if (choice.answers) return scriptedPrompter({...choice.answers, fallback: person, note: choice.note})
  return person ?? scriptedPrompter({answers: {}, source: 'an answers file (adr debate answer REF --file answers.yaml)', note: choice.note})
}
