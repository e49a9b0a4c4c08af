import {Args, Flags} from '@oclif/core'

// The argument and flags the `adr debate` commands share, defined once so that they read the same
// in every command's --help.

/** REF: the ADR of the debate. */
export const debateRefArgs = {
  ref: Args.string({
    description: 'The ADR of the debate: number, file name or title fragment (qualified, web/3, in a monorepo).',
    required: true,
  }),
}

/** `--fast`: the compact prompts of Gates 1 and 2. */
export const fastFlag = Flags.boolean({summary: 'Compact prompts at Gates 1 and 2, as with `start --fast` (kept in the record).'})

/** `--file`: answers to use before asking. */
export const answersFileFlag = Flags.string({
  char: 'f',
  summary: 'Answers (YAML) to use before asking, or - for stdin; see schemas/debate-answers.schema.json.',
})

/** `--input` / `--no-input`: whether to prompt at a terminal for what is still owed. */
export function inputFlag(what = 'missing answers') {
  return Flags.boolean({summary: `Prompt for ${what} when stdin is a terminal (--no-input: never).`, default: true, allowNo: true})
}
