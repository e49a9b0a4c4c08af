import {BaseCommand} from '../cli/base-command.js'
import {completionText} from '../cli/completion-run.js'

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
    // bin/run.js answers the command lines the completion scripts run before oclif loads (completeEarly)
    this.write(await completionText(this.config, this.argv, (dir) => this.workspace(dir)))
  }
}
