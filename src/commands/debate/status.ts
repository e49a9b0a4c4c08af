import {today} from '../../adapters/clock.js'
import {renderRounds} from '../../app/debate/async/render-rounds.js'
import {type DebateStatus, debateStatus} from '../../app/debate/status.js'
import {BaseCommand} from '../../cli/base-command.js'
import {debateRefArgs} from '../../cli/debate-params.js'

export default class DebateStatusCommand extends BaseCommand {
  static summary =
    'Where a debate stands: gates passed, who owes which answer, blind rounds committed and revealed, and the results so far.'
  static description =
    'After the blind scores are revealed: the matrix (options × drivers, each participant’s score, divergent cells marked with !), weighted totals, the winner under every weight set and the flip points, in plain words. Blind answers not yet revealed are never shown.'
  static enableJsonFlag = true
  static examples = ['<%= config.bin %> <%= command.id %> 12', '<%= config.bin %> <%= command.id %> 12 --json']
  static args = debateRefArgs

  async run(): Promise<DebateStatus> {
    const {args, flags} = await this.parse(DebateStatusCommand)
    const status = await debateStatus(this.workspace(flags.dir), args.ref, today(this.env))
    const lines = [
      `${status.adr} (${status.status}) · record ${status.record}`,
      `Track: ${status.track ?? 'not yet classed (Gate 2)'}`,
      `Passed: ${status.passed.join(' ') || 'none yet'}`,
      status.gate ? `Now: ${status.gate.label}` : `Decided: ${status.decision?.title}`,
    ]
    if (status.next) lines.push(`Next: ${status.next.who ?? 'the group'} owes \`${status.next.key}\`: ${status.next.question}`)
    if (status.waiting_for.length) lines.push(`Not yet answered in this gate: ${status.waiting_for.join(', ')}`)
    if (status.rounds.length) lines.push('', 'Blind rounds (answered on own clones):', renderRounds(status.rounds))
    if (status.results) lines.push('', status.results.matrix)
    this.log(lines.join('\n'))
    return status
  }
}
