import {normaliseAnswer} from '../../core/debate/gates/answer.js'
import type {Answer, Prompter, Question} from '../../core/debate/prompter.js'
import {AdrError, EXIT} from '../../core/errors.js'

export interface InquirerOptions {
  input?: NodeJS.ReadableStream
  /** Prompts are drawn here: stderr, so stdout carries only data. */
  output?: NodeJS.WritableStream
}

/**
 * A person at a terminal, with @inquirer/prompts (loaded on first use, so commands that never prompt
 * do not pay for it). Blind answers are typed masked. Ctrl-C becomes an `INTERRUPTED` error; the
 * debate was saved after the previous answer.
 */
export function inquirerPrompter(options: InquirerOptions = {}): Prompter {
  const output = options.output ?? process.stderr
  const context = {input: options.input ?? process.stdin, output}
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
        if (question.blind) {
          const choices = question.choices ? ` (${question.choices.map((c) => c.value).join(' / ')})` : ''
          return await prompts.password({message: `${message}${choices} [hidden]`, mask: '*', validate}, context)
        }
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
