import {today} from '../../adapters/clock.js'
import {type MergeResult, mergeDebate} from '../../app/debate/async/merge.js'
import {renderRounds} from '../../app/debate/async/render-rounds.js'
import {renderSession} from '../../app/debate/session.js'
import {BaseCommand} from '../../cli/base-command.js'
import {debateRefArgs} from '../../cli/debate-params.js'

export default class DebateMerge extends BaseCommand {
  static summary = 'Fold the participants’ own answers files into the record and advance the gates as far as they allow.'
  static description =
    'Reads debates/NNNN-slug/*.yaml (open answers, and blind rounds whose reveal matches its hash), runs the same gates as the one-terminal flow and saves the record and the ADR as they do. Each answer is read only from the file of the person the gate asks. It stops at the first answer still owed and says whose it is (exit 0); an answer that breaks a gate’s rule names the gate, the rule and the key (exit 1). Run it on the main branch after merging people’s branches, and commit the record and the ADR.'
  static enableJsonFlag = true
  static examples = ['<%= config.bin %> <%= command.id %> 12', '<%= config.bin %> <%= command.id %> 12 --json']
  static args = debateRefArgs

  async run(): Promise<MergeResult> {
    const {args, flags} = await this.parse(DebateMerge)
    const result = await mergeDebate(this.workspace(flags.dir), args.ref, {today: today(this.env)})
    this.log(renderSession(result))
    if (result.waiting)
      this.logToStderr(
        `Waiting for ${result.waiting.who ?? 'the group'}: \`${result.waiting.key}\`${result.waiting.file ? ` in ${result.waiting.file}` : ''}`,
      )
    if (result.rounds.length) this.logToStderr(renderRounds(result.rounds))
    return result
  }
}
