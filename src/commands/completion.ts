import {Args} from '@oclif/core'
import {BaseCommand} from '../cli/base-command.js'
import {completionScript, SHELLS, type Shell} from '../core/cli/completion-scripts.js'

export default class Completion extends BaseCommand {
  static summary = 'Print the shell completion script for bash, zsh, fish or PowerShell.'
  static description =
    'Completes commands, flags and values: ADR numbers (and file names, from a fragment of the title) for REF arguments, statuses and relations (the configured ones too), directory names, lint profiles and rule ids. Without SHELL, prints how to install it in each shell.'
  static aliases = ['autocomplete']
  static warnsAboutConfig = false
  static examples = [
    {description: 'bash: add to ~/.bashrc', command: 'eval "$(<%= config.bin %> <%= command.id %> bash)"'},
    {description: 'zsh: add to ~/.zshrc, after compinit', command: 'eval "$(<%= config.bin %> <%= command.id %> zsh)"'},
    {description: 'fish', command: '<%= config.bin %> <%= command.id %> fish > ~/.config/fish/completions/<%= config.bin %>.fish'},
    {
      description: 'PowerShell: add to $PROFILE',
      command: '<%= config.bin %> <%= command.id %> powershell | Out-String | Invoke-Expression',
    },
  ]
  static args = {shell: Args.string({description: 'The shell.', options: [...SHELLS]})}

  async run(): Promise<void> {
    const {args} = await this.parse(Completion)
    const bin = this.config.bin
    if (args.shell) {
      this.write(completionScript(args.shell as Shell, bin))
      return
    }
    this.write(
      [
        `bash        eval "$(${bin} completion bash)"          in ~/.bashrc`,
        `zsh         eval "$(${bin} completion zsh)"           in ~/.zshrc, after compinit`,
        `fish        ${bin} completion fish > ~/.config/fish/completions/${bin}.fish`,
        `PowerShell  ${bin} completion powershell | Out-String | Invoke-Expression     in $PROFILE`,
        '',
      ].join('\n'),
    )
  }
}
