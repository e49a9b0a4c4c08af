import {Args, Flags} from '@oclif/core'
import {assertAdrDirExists} from '../adapters/adr-store.js'
import {adrLog, type LogResult} from '../app/history/decision-log.js'
import {BaseCommand, type Output} from '../cli/base-command.js'
import {formatEvent} from '../core/history/history-text.js'

export default class Log extends BaseCommand {
  static summary = 'Show the decision history from git, newest first.'
  static description =
    "Events read from `git log` over the ADR directory and every folder its ADRs were moved from (renames and folder moves followed, as `git log --follow` does; one pass, one more per move): ADR created, status changed, superseded / superseding, link added, renamed or renumbered, edited after acceptance, deleted, restored — each with its date, commit, author, number and title, newest first by that date. With REF, that ADR only. In a repository of several ADR directories (`dirs:` in .adrgate.yaml, log4brains packages), every directory's history, each event naming its directory (`ADR web/3 …`, `dir` in --json); REF may be qualified (`web/3`). With --dir inside a submodule, the submodule's history. In a shallow clone, a warning on stderr says what is missing and how to fetch it."
  static enableJsonFlag = true
  static examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> 7',
    '<%= config.bin %> <%= command.id %> web/3',
    '<%= config.bin %> <%= command.id %> --since 2026-01-01 --author dana',
    '<%= config.bin %> <%= command.id %> --status accepted --json',
  ]
  static args = {
    ref: Args.string({
      description:
        'Only this ADR: a number, a file name or a unique title fragment (qualified by its directory, `web/3`, when there are several).',
    }),
  }
  static flags = {
    since: Flags.string({summary: 'Events on or after this date (YYYY-MM-DD or ISO date-time).'}),
    until: Flags.string({summary: 'Events on or before this date (YYYY-MM-DD: the whole day).'}),
    author: Flags.string({summary: 'Events by this author (part of the name or email, any case).'}),
    status: Flags.string({summary: 'Events that moved an ADR to this status, or created it with it.'}),
  }

  async run(): Promise<LogResult> {
    const {args, flags} = await this.parse(Log)
    const progress = this.context.stderr.isTTY && !this.jsonEnabled() ? showProgress(this.context.stderr) : undefined
    const ws = this.workspace(flags.dir)
    await assertAdrDirExists(ws)
    const filters = {ref: args.ref, since: flags.since, until: flags.until, author: flags.author, status: flags.status}
    const result = await adrLog(ws, filters, {
      onProgress: progress?.update,
      version: this.config.version,
      fastPaths: this.fastPaths,
    }).finally(() => progress?.done())
    // on stderr even under --json: stdout stays pure JSON, and CI logs still show what is missing
    for (const warning of result.warnings) this.warnAlways(`Warning: ${warning}`)
    // one write for the whole timeline: thousands of events, not thousands of writes
    if (!this.jsonEnabled() && result.events.length) this.log(result.events.map(formatEvent).join('\n'))
    return result
  }
}

/** `Reading history… 4,000 commits` on a terminal's stderr, at most every 100 ms, erased when done. */
function showProgress(stderr: Output): {update(commits: number): void; done(): void} {
  let last = 0
  let shown = false
  return {
    update(commits) {
      const now = Date.now()
      if (now - last < 100) return
      last = now
      shown = true
      stderr.write(`\rReading history… ${commits.toLocaleString('en')} commits`)
    },
    done() {
      if (shown) stderr.write('\r\x1b[K')
    },
  }
}
