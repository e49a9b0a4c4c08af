import {Args, Flags} from '@oclif/core'
import {today} from '../../adapters/clock.js'
import {readAnswersFile} from '../../adapters/prompter/prompter-answers.js'
import {choosePrompter} from '../../adapters/prompter/prompter-choose.js'
import {resumeDebate} from '../../app/debate/resume.js'
import {type DebateSession, renderSession} from '../../app/debate/session.js'
import {BaseCommand} from '../../cli/base-command.js'

export default class DebateResume extends BaseCommand {
  static summary = 'Continue a debate where it stopped, asking only what is still owed.'
  static description =
    'Every answer was saved when it was given, so a session stopped by Ctrl-C, a crash or a closed terminal picks up at the same question. Two sessions on one debate at once are refused.'
  static enableJsonFlag = true
  static examples = ['<%= config.bin %> <%= command.id %> 12', '<%= config.bin %> <%= command.id %> primary-datastore']
  static args = {ref: Args.string({description: 'The ADR of the debate: number, file name or title fragment.', required: true})}
  static flags = {
    fast: Flags.boolean({summary: 'Compact prompts at Gates 1 and 2, as with `start --fast` (kept in the record).'}),
    file: Flags.string({char: 'f', summary: 'Answers (YAML) to use before asking, or - for stdin.'}),
    input: Flags.boolean({
      summary: 'Prompt for missing answers when stdin is a terminal (--no-input: never).',
      default: true,
      allowNo: true,
    }),
  }

  async run(): Promise<DebateSession> {
    const {args, flags} = await this.parse(DebateResume)
    const ws = this.workspace(flags.dir)
    const answers = flags.file ? await readAnswersFile(ws.cwd, flags.file, this.context.stdin) : undefined
    const prompter = choosePrompter({...this.terminal, json: this.jsonEnabled(), noInput: !flags.input, answers})
    const session = await resumeDebate(ws, args.ref, {prompter, today: today(this.env), brief: flags.fast})
    this.log(renderSession(session))
    return session
  }
}
