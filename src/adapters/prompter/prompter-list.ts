import type {Answer, Prompter, Question} from '../../core/debate/prompter.js'

/** One expected question and its answer; `throws` simulates Ctrl-C or a crash at that question. */
export interface ListedAnswer {
  key: string
  answer?: Answer
  throws?: Error
}

export interface ListPrompter extends Prompter {
  /** Every question asked, in order (the keys). */
  readonly asked: string[]
  readonly notes: string[]
  /** The answers not asked for yet. */
  remaining(): ListedAnswer[]
}

/**
 * For tests: answers from a list, in order. Any question that is not the next one on the list fails
 * the test at once, naming both — so a test states exactly which questions a gate asks.
 */
export function listPrompter(items: readonly (ListedAnswer | [string, Answer])[], options: {interactive?: boolean} = {}): ListPrompter {
  const queue: ListedAnswer[] = items.map((item) => (Array.isArray(item) ? {key: item[0], answer: item[1]} : item))
  const asked: string[] = []
  const notes: string[] = []
  return {
    interactive: options.interactive ?? true,
    asked,
    notes,
    remaining: () => [...queue],
    async ask(question: Question): Promise<Answer> {
      asked.push(question.key)
      const next = queue.shift()
      if (!next) throw new Error(`Unexpected question ${question.key} ("${question.message}"): the list is used up`)
      if (next.key !== question.key) {
        throw new Error(`Unexpected question ${question.key} ("${question.message}"), expected ${next.key}`)
      }
      if (next.throws) throw next.throws
      if (next.answer === undefined) throw new Error(`No answer listed for ${next.key}`)
      return next.answer
    },
    note: (text) => void notes.push(text),
  }
}
