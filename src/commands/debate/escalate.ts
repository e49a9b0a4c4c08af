import {Flags} from '@oclif/core'
import {today} from '../../adapters/clock.js'
import {choosePrompter} from '../../adapters/prompter/prompter-choose.js'
import {escalateDebate} from '../../app/debate/escalate.js'
import {type DebateSession, renderSession} from '../../app/debate/session.js'
import {BaseCommand} from '../../cli/base-command.js'
import {debateRefArgs, inputFlag} from '../../cli/debate-params.js'

export default class DebateEscalate extends BaseCommand {
  static summary = 'Move a debate from the fast track to the full track, from the gate where it stands.'
  static description =
    'Any participant may escalate at any time by re-nominating the door as costly or one-way. Drivers and options already given are kept; the full track then asks for weights, steelmen, blind scores, cruxes and a pre-mortem. Continue with `adr debate resume`.'
  static enableJsonFlag = true
  static examples = ['<%= config.bin %> <%= command.id %> 12 --by bob', '<%= config.bin %> <%= command.id %> 12 --by bob --class one-way']
  static args = debateRefArgs
  static flags = {
    by: Flags.string({summary: 'The participant who escalates (asked at a terminal when not given).'}),
    input: inputFlag('a missing --by'),
    class: Flags.string({summary: 'The door as re-nominated.', options: ['costly', 'one-way'], default: 'costly'}),
  }

  async run(): Promise<DebateSession> {
    const {args, flags} = await this.parse(DebateEscalate)
    const ws = this.workspace(flags.dir)
    const session = await escalateDebate(ws, args.ref, {
      by: flags.by,
      class: flags.class as 'costly' | 'one-way',
      today: today(this.env),
      prompter: choosePrompter({...this.terminal, json: this.jsonEnabled(), noInput: !flags.input}),
    })
    this.log(renderSession(session))
    return session
  }
}
