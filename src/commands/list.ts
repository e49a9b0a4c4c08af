import {Flags} from '@oclif/core'
import {type AdrListing, listAdrs, renderLongList} from '../app/list-adrs.js'
import {BaseCommand} from '../cli/base-command.js'

export type ListResult = Omit<AdrListing, 'parsed'>

export default class List extends BaseCommand {
  static summary = 'List the ADRs.'
  static description =
    'Prints the path of every ADR, relative to the working directory, one a line, in number order (as adr-tools does), so the output pipes into other tools. --long prints a table instead.'
  static enableJsonFlag = true
  static examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --long',
    '<%= config.bin %> <%= command.id %> --long --status accepted --tag storage',
    '<%= config.bin %> <%= command.id %> | xargs grep -l PostgreSQL',
    '<%= config.bin %> <%= command.id %> --json',
  ]
  static flags = {
    long: Flags.boolean({char: 'l', summary: 'A table with number, status, date and title.'}),
    status: Flags.string({summary: 'Only ADRs with this status (proposed, accepted, rejected, deprecated, superseded …).'}),
    tag: Flags.string({summary: 'Only ADRs with this tag.'}),
  }

  async run(): Promise<ListResult> {
    const {flags} = await this.parse(List)
    const {parsed: _parsed, ...listing} = await listAdrs(this.workspace(flags.dir), {status: flags.status, tag: flags.tag})
    for (const skipped of listing.skipped) this.logToStderr(`Warning: ${skipped.problem.message}`)
    if (flags.long) this.log(renderLongList(listing.adrs))
    else for (const adr of listing.adrs) this.log(adr.path)
    return listing
  }
}
