import {Args} from '@oclif/core'
import {type ShownAdr, showAdr} from '../app/show-adr.js'
import {BaseCommand} from '../cli/base-command.js'

export default class Show extends BaseCommand {
  static summary = 'Print an ADR.'
  static description =
    'REF is a number (7, 0007, ADR-7), a file name or path, or a unique fragment of a title. A REF that matches several ADRs is an error that lists them. --json prints the parsed model: number, title, status, date, deciders, tags, links with their resolved targets, and sections.'
  static enableJsonFlag = true
  static examples = [
    '<%= config.bin %> <%= command.id %> 7',
    '<%= config.bin %> <%= command.id %> doc/adr/0007-use-postgresql.md',
    '<%= config.bin %> <%= command.id %> "primary datastore"',
    '<%= config.bin %> <%= command.id %> 7 --json',
  ]
  static args = {
    ref: Args.string({description: 'The ADR: a number, a file name or path, or a unique title fragment.', required: true}),
  }

  async run(): Promise<{adr: ShownAdr}> {
    const {args, flags} = await this.parse(Show)
    const {adr} = await showAdr(this.workspace(flags.dir), args.ref)
    if (!this.jsonEnabled()) process.stdout.write(adr.text)
    return {adr}
  }
}
