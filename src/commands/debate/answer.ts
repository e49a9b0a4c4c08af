import {Flags} from '@oclif/core'
import {today} from '../../adapters/clock.js'
import {type AnswersSource, parseAnswers, readAnswersFile} from '../../adapters/prompter/prompter-answers.js'
import {answerDebate} from '../../app/debate/answer.js'
import {type AnswerAsResult, answerAs} from '../../app/debate/async/answer-as.js'
import {renderRounds} from '../../app/debate/async/render-rounds.js'
import {type DebateSession, renderSession} from '../../app/debate/session.js'
import {BaseCommand} from '../../cli/base-command.js'
import {debateRefArgs, fastFlag} from '../../cli/debate-params.js'
import {AdrError} from '../../core/errors.js'

export default class DebateAnswer extends BaseCommand {
  static summary = 'Feed a debate from an answers file (or stdin); with --as, write one person’s answers to their own file.'
  static description =
    'The answers file is YAML shaped as schemas/debate-answers.schema.json describes (see examples/debates/invoicing-answers.yaml). Nothing is prompted. A missing answer names its key (exit 2); an answer that fails a gate names the gate, the rule and what to change (exit 1). The answers that passed are kept: fix the file and run it again.\n\nWith --as (or when your git user.email names you in the debate), the answers go to your own file, debates/NNNN-slug/<name>.yaml, so that everyone answers on their own clone and branches merge without conflicts. Blind answers (door, weights, scores, pre-mortem, consent) are committed as a hash only; `adr debate reveal` publishes them once everyone’s hash is in, and `adr debate merge` folds the files into the record. Answering as somebody else is refused (exit 2).'
  static enableJsonFlag = true
  static examples = [
    '<%= config.bin %> <%= command.id %> 12 --file answers.yaml',
    'cat answers.yaml | <%= config.bin %> <%= command.id %> 12',
    '<%= config.bin %> <%= command.id %> 12 --as ana --file my-scores.yaml',
  ]
  static args = debateRefArgs
  static flags = {
    file: Flags.string({char: 'f', summary: 'The answers file, or - for stdin (the default when stdin is not a terminal).'}),
    as: Flags.string({summary: 'Answer as this person, into their own file (default: the person your git user.email names).'}),
    fast: fastFlag,
  }

  async run(): Promise<DebateSession | AnswerAsResult> {
    const {args, flags} = await this.parse(DebateAnswer)
    const ws = this.workspace(flags.dir)
    const file = flags.file ?? (this.context.stdinIsTTY ? undefined : '-')
    if (file === undefined) throw noAnswersFile(this.config.bin, args.ref, flags.as !== undefined)
    const answers =
      file === '-' ? parseAnswers(await readStdin(this.context.stdin), 'stdin', {kept: false}) : await readAnswersFile(ws.cwd, file)
    if (flags.as !== undefined || (await ownFilesInUse(ws, args.ref))) {
      if (flags.fast) throw new AdrError('INVALID_ARGUMENT', '--fast is for the one-terminal flow; it cannot go with --as')
      const result = await answerAs(ws, args.ref, {
        as: flags.as,
        answers: answers.answers,
        source: sourceName(answers),
        today: today(this.env),
      })
      this.log(
        `${result.file}\t${result.person}\t${result.committed.length ? `committed ${result.committed.join(', ')}` : 'answers written'}`,
      )
      this.logToStderr(renderRounds(result.rounds))
      return result
    }
    const session = await answerDebate(ws, args.ref, answers, {today: today(this.env), brief: flags.fast})
    this.log(renderSession(session))
    return session
  }
}

/** At a terminal without --file: this command asks nothing, so it says where the answers go instead. */
function noAnswersFile(bin: string, ref: string, own: boolean): AdrError {
  return new AdrError('INVALID_ARGUMENT', '`debate answer` reads its answers from a file or stdin and asks nothing at a terminal', {
    suggestions: [
      `Write your answers (shaped as examples/debates/invoicing-answers.yaml) and run \`${bin} debate answer ${ref} --file answers.yaml\`, or pipe them: \`… | ${bin} debate answer ${ref}\`.`,
      own
        ? 'Answers for your own file (--as) come from a file or stdin; being asked them at a terminal is not built yet.'
        : `To be asked the questions one by one at this terminal, run \`${bin} debate resume ${ref}\`.`,
    ],
  })
}

function sourceName(answers: AnswersSource): string {
  return answers.source
}

/** A debate whose people answer on their own clones: its `debates/NNNN-slug/` directory has files. */
async function ownFilesInUse(ws: Parameters<typeof answerAs>[0], ref: string): Promise<boolean> {
  const {asyncDebate} = await import('../../app/debate/async/answer-files.js')
  return asyncDebate(ws, ref)
}

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of stdin) chunks.push(Buffer.from(chunk))
  return Buffer.concat(chunks).toString('utf8')
}
