import {Args, Flags} from '@oclif/core'
import {type ShownAdr, showAdr} from '../app/adr/show-adr.js'
import {showAdrText} from '../app/adr/show-text.js'
import {BaseCommand} from '../cli/base-command.js'
import type {HistoryEvent} from '../core/history/history.js'

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
    '<%= config.bin %> <%= command.id %> 7 --history',
  ]
  static flags = {
    history: Flags.boolean({summary: "Also print the ADR's timeline from git, newest first (what `adr log REF` shows)."}),
  }
  static args = {
    ref: Args.string({description: 'The ADR: a number, a file name or path, or a unique title fragment.', required: true}),
  }

  async run(): Promise<{adr: ShownAdr & {created?: string}; history?: HistoryEvent[]} | undefined> {
    const {args, flags} = await this.parse(Show)
    const ws = this.workspace(flags.dir)
    // `show N` as text: the one file, nothing parsed (showAdrText says when it answers)
    const fast = this.fastPaths && !this.jsonEnabled() ? await showAdrText(ws, args.ref) : undefined
    const shown = fast ? undefined : (await showAdr(ws, args.ref)).adr
    const {file, text} = fast ?? (shown as ShownAdr)
    // the history modules (and git) are loaded only for --history
    const history = flags.history ? await import('../app/history/decision-log.js') : undefined
    // several directories: the file qualified by its directory (the fast path answers only a qualified ref)
    const ref = ws.dirs ? (shown?.dir ? `${shown.dir}/${file}` : args.ref) : file
    const log = history ? await history.adrLog(ws, {ref}, {version: this.config.version, fastPaths: this.fastPaths}) : undefined
    for (const warning of log?.warnings ?? []) this.warnAlways(`Warning: ${warning}`)
    if (log) {
      const {formatTimeline} = await import('../core/history/history-text.js')
      if (!this.jsonEnabled()) this.write(text + formatTimeline(log.events))
    } else if (!this.jsonEnabled()) this.write(text)
    if (!shown) return undefined
    if (!log) return {adr: shown}
    // the history is loaded: the day of the first creation, for an ADR that writes no date of its own
    const created = log.events
      .filter((event) => event.kind === 'created')
      .at(-1)
      ?.date.slice(0, 10)
    return {adr: created ? {...shown, created} : shown, history: log.events}
  }
}
