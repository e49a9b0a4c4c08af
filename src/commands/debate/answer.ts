import {Args, Flags} from '@oclif/core'
import {today} from '../../adapters/clock.js'
import {parseAnswers, readAnswersFile} from '../../adapters/prompter/prompter-answers.js'
import {answerDebate} from '../../app/debate/answer.js'
import {type DebateSession, renderSession} from '../../app/debate/session.js'
import {BaseCommand} from '../../cli/base-command.js'

export default class DebateAnswer extends BaseCommand {
  static summary = 'Feed a debate from an answers file (or stdin): the same gates, non-interactive.'
  static description =
    'The answers file is YAML shaped as schemas/debate-answers.schema.json describes (see examples/debates/invoicing-answers.yaml). Nothing is prompted. A missing answer names its key (exit 2); an answer that fails a gate names the gate, the rule and what to change (exit 1). The answers that passed are kept: fix the file and run it again.'
  static enableJsonFlag = true
  static examples = [
    '<%= config.bin %> <%= command.id %> 12 --file answers.yaml',
    'cat answers.yaml | <%= config.bin %> <%= command.id %> 12 --file -',
  ]
  static args = {ref: Args.string({description: 'The ADR of the debate: number, file name or title fragment.', required: true})}
  static flags = {
    file: Flags.string({char: 'f', summary: 'The answers file, or - for stdin.', required: true}),
    fast: Flags.boolean({summary: 'Compact prompts at Gates 1 and 2, as with `start --fast` (kept in the record).'}),
  }

  async run(): Promise<DebateSession> {
    const {args, flags} = await this.parse(DebateAnswer)
    const ws = this.workspace(flags.dir)
    const answers = flags.file === '-' ? parseAnswers(await readStdin(), 'stdin') : await readAnswersFile(ws.cwd, flags.file)
    const session = await answerDebate(ws, args.ref, answers, {today: today(this.env), brief: flags.fast})
    this.log(renderSession(session))
    return session
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk))
  return Buffer.concat(chunks).toString('utf8')
}
