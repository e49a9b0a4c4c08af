import {Flags} from '@oclif/core'
import {type AdrListing, listAdrs} from '../app/adr/list-adrs.js'
import {listAdrPaths} from '../app/adr/list-paths.js'
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
    long: Flags.boolean({
      char: 'l',
      summary:
        'A table with number, status, date (as written, else the day git created it), created and changed dates from git, and title.',
    }),
    status: Flags.string({summary: 'Only ADRs with this status (proposed, accepted, rejected, deprecated, superseded …).'}),
    tag: Flags.string({summary: 'Only ADRs with this tag.'}),
  }

  async run(): Promise<ListResult | undefined> {
    const {flags} = await this.parse(List)
    const ws = this.workspace(flags.dir)
    if (this.fastPaths && !flags.long && !this.jsonEnabled() && flags.status === undefined && flags.tag === undefined) {
      // a bare list: paths from the file names, nothing parsed (listAdrPaths says what it skips)
      const {paths, skipped} = await listAdrPaths(ws)
      for (const file of skipped) this.logToStderr(`Warning: ${file.problem.message}`)
      this.logLines(paths)
      return undefined
    }
    const {parsed: _parsed, ...listing} = await listAdrs(ws, {status: flags.status, tag: flags.tag})
    for (const skipped of listing.skipped) this.logToStderr(`Warning: ${skipped.problem.message}`)
    if (flags.long) {
      // created and last-changed dates from git (loaded only here: git is not needed otherwise)
      const {addGitDates, renderDatedList} = await import('../app/history/list-dates.js')
      const dated = await addGitDates(ws, listing.adrs)
      for (const warning of dated.warnings) this.logToStderr(`Warning: ${warning}`)
      listing.adrs = dated.rows
      this.log(renderDatedList(dated.rows))
    } else this.logLines(listing.adrs.map((adr) => adr.path))
    return listing
  }
}
