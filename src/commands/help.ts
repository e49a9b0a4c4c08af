import {Args, Command, Flags, loadHelpClass} from '@oclif/core'

/**
 * `adr help [COMMAND]`: what @oclif/plugin-help's command did (the same arguments, flag and output),
 * as a command of adrgate's own, so that no plugin is loaded at start-up (its package.json and
 * manifest cost every command about 2 % of its start-up). `--help` and `-h` never come here: oclif
 * answers them itself.
 */
export default class Help extends Command {
  static summary = 'Display help for adr.'
  static examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> list',
    '<%= config.bin %> <%= command.id %> debate --nested-commands',
  ]
  static args = {
    command: Args.string({description: 'Command to show help for.', required: false}),
  }
  static flags = {
    'nested-commands': Flags.boolean({char: 'n', description: 'Include all nested commands in the output.'}),
  }
  static strict = false

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(Help)
    const HelpClass = await loadHelpClass(this.config)
    await new HelpClass(this.config, {all: flags['nested-commands']}).showHelp(argv as string[])
  }
}
