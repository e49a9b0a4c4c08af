import {Args, Flags} from '@oclif/core'
import {today} from '../../adapters/clock.js'
import {readAnswersFile} from '../../adapters/prompter/prompter-answers.js'
import {choosePrompter} from '../../adapters/prompter/prompter-choose.js'
import {dirForNew} from '../../adapters/workspace.js'
import {type DebateSession, renderSession} from '../../app/debate/session.js'
import {startDebate} from '../../app/debate/start.js'
import {BaseCommand} from '../../cli/base-command.js'
import {answersFileFlag, inputFlag} from '../../cli/debate-params.js'

export default class DebateStart extends BaseCommand {
  static summary = 'Start a Logic Gates debate: create the ADR (proposed) and its record, then walk the gates.'
  static description =
    'Two or more participants who disagree, one approver who decides when they cannot converge. The gates ask what the product needs before which option wins; blind answers are typed masked and revealed together. The record (<adr-dir>/debates/NNNN-slug.yaml) is saved after every answer you type (answers from a file: at every gate, and wherever it stops): stop at any time and `adr debate resume`. Without a terminal, or with --no-input, nothing waits: a missing answer is an error naming the flag or answers-file key.'
  static enableJsonFlag = true
  static examples = [
    '<%= config.bin %> <%= command.id %> "Primary datastore" --participant alice --participant bob --approver dana',
    '<%= config.bin %> <%= command.id %> "Feature flags" --participant alice --participant bob --approver dana --fast',
    '<%= config.bin %> <%= command.id %> --file answers.yaml --no-input',
    '<%= config.bin %> <%= command.id %> "Primary datastore" -p ana -p ben -p cleo --approver dana --async',
  ]
  static args = {title: Args.string({description: 'The title of the decision.'})}
  static flags = {
    participant: Flags.string({
      char: 'p',
      summary: 'A participant, one of the people who disagree; repeat for each (two or more).',
      multiple: true,
    }),
    approver: Flags.string({char: 'a', summary: 'The one approver, who decides when the group cannot converge.'}),
    facilitator: Flags.string({summary: 'Who runs the session (does not score).'}),
    'decide-by': Flags.string({summary: 'The deadline, YYYY-MM-DD (default: 3 days for --fast, else 14).'}),
    async: Flags.boolean({
      summary: 'Everyone answers on their own clone (`adr debate answer --as`): create the ADR and the record, and ask nothing.',
    }),
    package: Flags.string({
      summary:
        'In a repository of several ADR directories (`dirs:` in .adrgate.yaml, log4brains packages): the one the debate’s ADR goes in, by name (default: the one the command runs in, else the first).',
      helpValue: 'NAME',
    }),
    fast: Flags.boolean({summary: 'Expect a two-way door: compact prompts for the fast track (at most 15 for two participants).'}),
    file: answersFileFlag,
    input: inputFlag(),
  }

  async run(): Promise<DebateSession> {
    const {args, flags} = await this.parse(DebateStart)
    const ws = dirForNew(this.workspace(flags.dir), flags.package)
    const answers = flags.file ? await readAnswersFile(ws.cwd, flags.file, this.context.stdin) : undefined
    const roles = (answers?.answers.roles ?? {}) as {participants?: string[]; approver?: string; facilitator?: string}
    const session = await startDebate(ws, {
      title: args.title ?? (answers?.answers.title as string | undefined),
      participants: flags.participant ?? roles.participants ?? [],
      approver: flags.approver ?? roles.approver,
      facilitator: flags.facilitator ?? roles.facilitator,
      decideBy: flags['decide-by'],
      today: today(this.env),
      brief: flags.fast,
      async: flags.async,
      note: (text) => this.logToStderr(text),
      warn: (text) => this.warnAlways(text),
      prompter: choosePrompter({...this.terminal, json: this.jsonEnabled(), noInput: !flags.input, answers}),
    })
    this.log(renderSession(session))
    return session
  }
}
