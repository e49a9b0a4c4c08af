import {completionValues} from '../app/complete/completion-values.js'
import {BaseCommand} from '../cli/base-command.js'
import {completionSpecs} from '../cli/completion-specs.js'
import {formatCandidates, planCompletion, valueCandidates} from '../core/cli/complete.js'

export default class Complete extends BaseCommand {
  static hidden = true
  static strict = false
  static warnsAboutConfig = false
  static summary = 'Print the completion candidates for the words typed so far (what the scripts of `adr completion` call).'
  static description =
    'The words after `--` are those after `adr`, the last one the word being completed (perhaps empty); `--current=WORD` gives that word apart (PowerShell cannot pass an empty argument). One candidate a line, `value<TAB>description`; `:files` or `:dirs` asks the shell for paths. It never fails: anything wrong prints nothing.'
  static examples = ['<%= config.bin %> <%= command.id %> -- show ""', '<%= config.bin %> <%= command.id %> -- list --status=ac']

  async run(): Promise<void> {
    // the words are read as they are, never parsed as this command's flags
    this.parsed = true
    const dashes = this.argv.indexOf('--')
    const options = dashes < 0 ? [] : this.argv.slice(0, dashes)
    const words = dashes < 0 ? [...this.argv] : this.argv.slice(dashes + 1)
    const current = options.find((o) => o.startsWith('--current='))
    if (current !== undefined) words.push(current.slice('--current='.length))
    try {
      const {commands, topics} = completionSpecs(this.config)
      const plan = planCompletion(commands, topics, words)
      const candidates =
        plan.kind === 'candidates'
          ? plan.candidates
          : plan.kind === 'values'
            ? valueCandidates(plan, await completionValues(this.workspace(dirOf(words)), plan.values))
            : []
      this.write(formatCandidates(plan, candidates))
    } catch {
      // a completion that fails offers nothing; the command the person then runs says what is wrong
    }
  }
}

/** `--dir X` among the words typed: the ADRs offered are that directory's. */
function dirOf(words: readonly string[]): string | undefined {
  for (const [i, word] of words.entries()) {
    if (word.startsWith('--dir=')) return word.slice('--dir='.length)
    if (word === '--dir' && i + 1 < words.length - 1) return words[i + 1]
  }
  return undefined
}
