import type {Roles} from '../../core/debate/async/owner.js'
import {groupOwner, ownersOf} from '../../core/debate/async/owner.js'
import type {Answer, Prompter, Question} from '../../core/debate/prompter.js'
import {isAdrError} from '../../core/errors.js'
import {lookUp, scriptedPrompter} from './prompter-scripted.js'

export interface OwnedAnswers {
  /** Each person's answers (open, and revealed blind rounds), by name. */
  byPerson: ReadonlyMap<string, Record<string, unknown>>
  roles: Roles
  /** For messages: where each person's answers live (`debates/0012-x/ana.yaml`). */
  sourceOf: (person: string) => string
}

/**
 * The asynchronous flow's prompter (ADR 17): the gate engine asks each question of its person
 * (`who`), or of the group, and the answer is read from that person's own file only — an answer to
 * someone else's question in another file is never taken. Apart from that it is the scripted
 * prompter: nothing waits, a missing answer is `MISSING_ANSWER` naming the key and the file it
 * belongs in.
 */
export function ownedPrompter(options: OwnedAnswers): Prompter {
  const scripted = new Map<string, Prompter>()
  const forPerson = (person: string): Prompter => {
    let prompter = scripted.get(person)
    if (!prompter) {
      prompter = scriptedPrompter({answers: options.byPerson.get(person) ?? {}, source: options.sourceOf(person)})
      scripted.set(person, prompter)
    }
    return prompter
  }
  const ownerOfKey = (key: string): string => {
    const owners = ownersOf(key.split('.'), options.roles)
    return owners.find((p) => lookUp(options.byPerson.get(p) ?? {}, key) !== undefined) ?? owners[0] ?? groupOwner(options.roles)
  }
  return {
    interactive: false,
    // each person's answers file, in the repository
    answersKept: true,
    async ask(question: Question): Promise<Answer> {
      // the engine's `who` decides; a question it asks of nobody in particular belongs to whom the key says
      const person = question.who ?? ownerOfKey(question.key)
      try {
        return await forPerson(person).ask(question)
      } catch (error) {
        // the key and its person, for `merge` and `status` to say whose answer the debate waits on
        throw isAdrError(error) ? error.with({key: question.key, who: person}) : error
      }
    },
    peek: (key: string): Answer | undefined => forPerson(ownerOfKey(key)).peek?.(key),
    note: () => undefined,
  }
}
