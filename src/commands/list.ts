import {Flags} from '@oclif/core'
import type {AdrListing} from '../app/adr/list-adrs.js'
import {listAdrPaths} from '../app/adr/list-paths.js'
import {BaseCommand} from '../cli/base-command.js'
import {type AdrFilter, isFiltered} from '../core/adr/adr-filter.js'
import {FORMAT_IDS} from '../core/formats/index.js'

export type ListResult = Omit<AdrListing, 'parsed'>

export default class List extends BaseCommand {
  static summary = 'List the ADRs.'
  static description =
    'Prints the path of every ADR, relative to the working directory, one a line, in number order (as adr-tools does), so the output pipes into other tools. --long prints a table instead; on a terminal wide enough (or with COLUMNS set) it adds the deciders and tags. The filters combine: an ADR is listed when it matches every one given. --since and --until read the date written in the ADR (YYYY, YYYY-MM or YYYY-MM-DD, both ends included); an ADR with no such date is left out, and stderr says so.'
  static enableJsonFlag = true
  static examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --long',
    '<%= config.bin %> <%= command.id %> --long --status accepted --tag storage',
    '<%= config.bin %> <%= command.id %> --since 2026-01 --until 2026-06-30 --decider alice',
    '<%= config.bin %> <%= command.id %> --format nygard --dir services/billing/doc/adr',
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
    since: Flags.string({summary: 'Only ADRs dated on or after this day (YYYY, YYYY-MM or YYYY-MM-DD).', helpValue: 'DATE'}),
    until: Flags.string({summary: 'Only ADRs dated on or before this day (YYYY, YYYY-MM or YYYY-MM-DD).', helpValue: 'DATE'}),
    decider: Flags.string({summary: 'Only ADRs one of whose deciders contains this name (case-insensitive).', helpValue: 'NAME'}),
    format: Flags.string({summary: 'Only ADRs written in this format.', options: [...FORMAT_IDS]}),
  }

  async run(): Promise<ListResult | undefined> {
    const {flags} = await this.parse(List)
    const ws = this.workspace(flags.dir)
    const filter: AdrFilter = {
      status: flags.status,
      tag: flags.tag,
      since: flags.since,
      until: flags.until,
      decider: flags.decider,
      format: flags.format as AdrFilter['format'],
    }
    if (this.fastPaths && !flags.long && !this.jsonEnabled() && !isFiltered(filter)) {
      // a bare list: paths from the file names, nothing parsed (listAdrPaths says what it skips)
      const {paths, skipped} = await listAdrPaths(ws)
      for (const file of skipped) this.logToStderr(`Warning: ${file.problem.message}`)
      this.logLines(paths)
      return undefined
    }
    // created and last-changed dates from git, for --long (loaded only then): git starts before the parse
    const gitDates = flags.long ? await import('../app/history/list-dates.js') : undefined
    const datesOf = this.fastPaths ? gitDates?.readGitDatesEarly(ws, {fastPaths: true}) : undefined
    // the general path: every ADR parsed (the parser loads here, not for a bare list)
    const {listAdrRows, listAdrs} = await import('../app/adr/list-adrs.js')
    const listing = this.fastPaths ? await listAdrRows(ws, filter) : withoutParsed(await listAdrs(ws, filter))
    for (const skipped of listing.skipped) this.logToStderr(`Warning: ${skipped.problem.message}`)
    if (listing.undated?.length) {
      this.logToStderr(`Note: left out ${listing.undated.length} ADR(s) with no YYYY-MM-DD date: ${listing.undated.join(', ')}`)
    }
    if (gitDates) {
      const {addGitDates, renderDatedList} = gitDates
      const dated = await (datesOf ? datesOf(listing.adrs) : addGitDates(ws, listing.adrs, {fastPaths: this.fastPaths}))
      for (const warning of dated.warnings) this.logToStderr(`Warning: ${warning}`)
      listing.adrs = dated.rows
      this.log(renderDatedList(dated.rows, this.terminalWidth))
    } else this.logLines(listing.adrs.map((adr) => adr.path))
    return listing
  }
}

function withoutParsed({parsed: _parsed, ...listing}: AdrListing): ListResult {
  return listing
}
