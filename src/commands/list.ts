import {Flags} from '@oclif/core'
import {type AdrListing, listAdrs} from '../app/adr/list-adrs.js'
import {addGitDates, renderDatedList} from '../app/history/list-dates.js'
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
    long: Flags.boolean({char: 'l', summary: 'A table with number, status, date, created and changed dates from git, and title.'}),
    status: Flags.string({summary: 'Only ADRs with this status (proposed, accepted, rejected, deprecated, superseded …).'}),
    tag: Flags.string({summary: 'Only ADRs with this tag.'}),
  }

  async run(): Promise<ListResult> {
    const {flags} = await this.parse(List)
    const ws = this.workspace(flags.dir)
    const {parsed: _parsed, ...listing} = await listAdrs(ws, {status: flags.status, tag: flags.tag})
    for (const skipped of listing.skipped) this.logToStderr(`Warning: ${skipped.problem.message}`)
    if (flags.long) {
      // created and last-changed dates from git; an ADR not committed yet says so
      const dated = await addGitDates(ws, listing.adrs)
      for (const warning of dated.warnings) this.logToStderr(`Warning: ${warning}`)
      listing.adrs = dated.rows
      this.log(renderDatedList(dated.rows))
    } else for (const adr of listing.adrs) this.log(adr.path)
    return listing
  }
}
