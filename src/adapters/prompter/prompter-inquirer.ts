import {normaliseAnswer} from '../../core/debate/gates/answer.js'
import type {Answer, Prompter, Question} from '../../core/debate/prompter.js'
import {AdrError, EXIT} from '../../core/errors.js'

export interface InquirerOptions {
  input: NodeJS.ReadableStream
  /** Prompts are drawn here: stderr, so stdout carries only data. */
  output: NodeJS.WritableStream
}

/**
 * A person at a terminal, with @inquirer/prompts (loaded on first use, so commands that never prompt
 * do not pay for it). Choices are lists picked with the arrow keys. Blind answers show nothing of
 * themselves once given: a blind choice is a list with no default (nothing is chosen for the person),
 * a blind yes/no a list of the two; a short blind answer is typed hidden, not even its length shown,
 * and Tab shows what was typed; a sentence is typed shown, to be proofread, and Tab hides it
 * (`blind-input.ts`). Ctrl-C becomes an `INTERRUPTED` error; the debate was saved after the previous
 * answer.
 */
export function inquirerPrompter(options: InquirerOptions): Prompter {
  const output = options.output
  const context = {input: options.input, output}
  return {
    interactive: true,
    async ask(question: Question): Promise<Answer> {
      const prompts = await import('@inquirer/prompts')
      const message = question.who ? `${question.who} › ${question.message}` : question.message
      const validate = (value: string | boolean) => {
        const result = normaliseAnswer(question, value)
        return result.ok ? true : result.message
      }
      if (question.hint) output.write(`  ${question.hint}\n`)
      try {
        if (question.blind) return await askBlind(prompts, question, message, validate, context)
        switch (question.kind) {
          case 'confirm':
            return await prompts.confirm({message, default: question.default === true}, context)
          case 'select':
            return await prompts.select(
              {
                message,
                choices: (question.choices ?? []).map((c) => ({value: c.value, name: c.name ?? c.value, description: c.description})),
                default: question.default,
              },
              context,
            )
          default:
            return await prompts.input(
              {message, default: question.default === undefined ? undefined : String(question.default), validate},
              context,
            )
        }
      } catch (error) {
        if ((error as Error)?.name === 'ExitPromptError' || (error as Error)?.name === 'AbortPromptError') {
          throw new AdrError('INTERRUPTED', 'Stopped at the keyboard. Every answer given so far is saved.', {
            exit: EXIT.interrupted,
            suggestions: ['Run `adr debate resume REF` to pick up at the same question.'],
          })
        }
        throw error
      }
    },
    note: (text) => void output.write(`${text}\n`),
  }
}

type Prompts = typeof import('@inquirer/prompts')
type Context = {input: NodeJS.ReadableStream; output: NodeJS.WritableStream}

/** Once a blind choice is made, the screen keeps only that it was made. */
const HIDDEN_ANSWER = {style: {answer: () => '[given, hidden until everyone has answered]'}}

async function askBlind(
  prompts: Prompts,
  question: Question,
  message: string,
  validate: (value: string | boolean) => string | true,
  context: Context,
): Promise<Answer> {
  if (question.kind === 'confirm') {
    const choices = [
      {value: 'yes', name: 'Yes'},
      {value: 'no', name: 'No'},
    ]
    return (await prompts.select({message, choices, theme: HIDDEN_ANSWER}, context)) === 'yes'
  }
  if (question.kind === 'select' && question.choices?.length) {
    const choices = question.choices.map((c) => ({value: c.value, name: c.name ?? c.value, description: c.description}))
    return await prompts.select({message, choices, theme: HIDDEN_ANSWER}, context)
  }
  const {blindInput} = await import('./blind-input.js')
  return await blindInput({message, shown: question.prose, validate}, context)
}
