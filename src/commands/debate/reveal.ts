import {Flags} from '@oclif/core'
import {today} from '../../adapters/clock.js'
import {renderRounds} from '../../app/debate/async/render-rounds.js'
import {type RevealResult, revealAnswers} from '../../app/debate/async/reveal.js'
import {BaseCommand} from '../../cli/base-command.js'
import {debateRefArgs} from '../../cli/debate-params.js'

export default class DebateReveal extends BaseCommand {
  static summary = 'Reveal your blind answers (answers and salt) once every participant’s hash is in the repository.'
  static description =
    'For each blind round you committed with `adr debate answer --as`, writes the answers and the salt kept in .git/adrgate/ into your own file, beside the hash. A round still waiting on somebody’s hash is refused (EARLY_REVEAL, exit 2, naming who): pull their branches first. `adr lint` checks every reveal against its hash and against the order of the commits.'
  static enableJsonFlag = true
  static examples = ['<%= config.bin %> <%= command.id %> 12', '<%= config.bin %> <%= command.id %> 12 --as ana --round scores']
  static args = debateRefArgs
  static flags = {
    as: Flags.string({summary: 'Reveal as this person (default: the person your git user.email names); somebody else is refused.'}),
    round: Flags.string({summary: 'Only this round: door, weights, scores, premortem, consent (again.G5.0.scores for a later visit).'}),
  }

  async run(): Promise<RevealResult> {
    const {args, flags} = await this.parse(DebateReveal)
    const result = await revealAnswers(this.workspace(flags.dir), args.ref, {as: flags.as, round: flags.round, today: today(this.env)})
    this.log(`${result.file}\t${result.person}\trevealed ${result.revealed.join(', ')}`)
    this.logToStderr(renderRounds(result.rounds))
    return result
  }
}
