/**
 * The prompter port. The gate engine (`gates/`) asks every question through this interface, and
 * the adapters in `src/adapters/prompter/` answer them: `prompter-inquirer.ts` (a person at a
 * terminal), `prompter-scripted.ts` (an answers file or stdin) and `prompter-list.ts` (tests: a list
 * that fails on any unexpected question). The port belongs to the core that drives it; adapters
 * implement it. Types and one pure predicate only.
 */

/** A raw answer, before the engine normalises it to the question's kind. */
export type Answer = string | number | boolean | string[]

export type QuestionKind = 'text' | 'number' | 'select' | 'confirm' | 'list'

export interface Choice {
  value: string
  name?: string
  description?: string
}

export interface Question {
  /**
   * Where the answer lives in an answers file, as a dotted path (`frame.question`,
   * `door.alice.class`, `drivers.0.title`). Also the key under which an unfinished gate keeps it.
   */
  key: string
  /** The question, in the product's terms. Never names a person as right or wrong. */
  message: string
  kind: QuestionKind
  /**
   * The person who answers (a participant, the approver); shown as "alice ›". A question with `who`
   * is that person's to answer: an answers file that leaves it out is missing it, and its `default`
   * is only what a person at the terminal gets by pressing Enter — unless `defaultIsRule` says the
   * default is the protocol's own rule.
   */
  who?: string
  /** Given without the others seeing it, revealed only once everyone has answered. */
  blind?: boolean
  /**
   * A sentence or more (a rationale, a story, an objection): at a terminal a blind one is typed
   * shown, to be proofread while the others look away (Tab hides it); a short blind answer is typed
   * hidden (Tab shows it). Either way only "given" stays on the screen.
   */
  prose?: boolean
  choices?: readonly Choice[]
  default?: string | number | boolean
  /** The default is what the protocol computes or prescribes (the class is the most cautious nomination), not an answer given for someone: a file may leave it out. */
  defaultIsRule?: boolean
  /** Set by the engine when an earlier answer to this key failed a check: a person answers it, never the file again. */
  retry?: boolean
  /** An empty answer ('' or []) is allowed. */
  optional?: boolean
  /** The command-line flag that supplies this answer, if one does. */
  flag?: string
  /** One line of help under the question. */
  hint?: string
  /** Checks one answer: an explanation of what to change, or undefined when it is fine. */
  validate?: (value: Answer) => string | undefined
  /**
   * For a `confirm` that asks "another one?": the answers-file key whose presence means yes. A
   * scripted prompter answers it by looking the key up instead of reading a yes/no.
   */
  presenceOf?: string
}

export interface Prompter {
  /** A person answers: a failed rule is explained and asked again instead of ending the command. */
  readonly interactive: boolean
  /**
   * Its answers outlive the command where they came from (an answers file, the command line; not
   * stdin), so the engine saves them once per gate instead of after each one (ADR 34). A person's
   * answers are saved at once whatever this says.
   */
  readonly answersKept?: boolean
  ask(question: Question): Promise<Answer>
  /** An answer available without asking anyone (an answers file), or undefined. */
  peek?(key: string): Answer | undefined
  /** Progress, reveals and explanations for the people at the keyboard (stderr, never stdout). */
  note(text: string): void
}

/** Whether prompts may be shown: stdin is a terminal and neither `--json` nor `--no-input` was given. */
export function canPrompt(options: {stdinIsTTY: boolean | undefined; json?: boolean; noInput?: boolean}): boolean {
  return Boolean(options.stdinIsTTY) && !options.json && !options.noInput
}
