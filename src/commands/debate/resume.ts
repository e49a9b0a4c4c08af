import {today} from '../../adapters/clock.js'
import {readAnswersFile} from '../../adapters/prompter/prompter-answers.js'
import {choosePrompter} from '../../adapters/prompter/prompter-choose.js'
import {resumeDebate} from '../../app/debate/resume.js'
import {type DebateSession, renderSession} from '../../app/debate/session.js'
import {BaseCommand} from '../../cli/base-command.js'
import {answersFileFlag, debateRefArgs, fastFlag, inputFlag} from '../../cli/debate-params.js'

export default class DebateResume extends BaseCommand {
  static summary = 'Continue a debate where it stopped, asking only what is still owed.'
  static description =
    'Every answer was saved when it was given, so a session stopped by Ctrl-C, a crash or a closed terminal picks up at the same question. Two sessions on one debate at once are refused.'
  static enableJsonFlag = true
  static examples = ['<%= config.bin %> <%= command.id %> 12', '<%= config.bin %> <%= command.id %> primary-datastore']
  static args = debateRefArgs
  static flags = {
    fast: fastFlag,
    file: answersFileFlag,
    input: inputFlag(),
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
