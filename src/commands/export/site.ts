import path from 'node:path'
import {Flags} from '@oclif/core'
import {today} from '../../adapters/clock.js'
import {type ExportSiteResult, exportSite} from '../../app/site/export-site.js'
import {BaseCommand, type Output} from '../../cli/base-command.js'

export default class ExportSite extends BaseCommand {
  static summary = 'Write the decisions as a static website: index, timeline, one page per ADR, graph, search.'
  static description =
    'The site opens from the file system (file://) or any static host, under any sub-path, and loads nothing from the network. Pages: an index with filters and counts, a timeline of every status change from git, one page per ADR (rendered and sanitised Markdown, typed links both ways, history, the debate with its matrix and flip points), the relation graph drawn with Graphviz, and full-text search. Also feed.xml (Atom), badge.svg and adrs.json. The site is built beside DIR and then swapped in; a directory adrgate did not write is refused unless it is empty or --force is given.'
  static enableJsonFlag = true
  static examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --out public/decisions --title "Tally decisions"',
    '<%= config.bin %> <%= command.id %> --repo-url https://github.com/acme/tally --base-url https://acme.github.io/tally/',
    '<%= config.bin %> <%= command.id %> --json | jq .bytes',
  ]
  static flags = {
    out: Flags.string({char: 'o', summary: 'The directory to write the site to.', default: 'adr-site', helpValue: 'DIR'}),
    title: Flags.string({summary: 'The site title.', helpValue: 'TITLE'}),
    'base-url': Flags.string({summary: 'Where the site will be published (absolute links in feed.xml).', helpValue: 'URL'}),
    'repo-url': Flags.string({summary: "The repository's web address, for view-source, edit and commit links.", helpValue: 'URL'}),
    force: Flags.boolean({summary: 'Replace DIR even if it holds files adrgate did not write.'}),
  }

  async run(): Promise<ExportSiteResult> {
    const {flags} = await this.parse(ExportSite)
    const progress = this.context.stderr.isTTY && !this.jsonEnabled() ? showProgress(this.context.stderr) : undefined
    const result = await exportSite(this.workspace(flags.dir), {
      out: path.resolve(this.context.cwd, flags.out),
      title: flags.title,
      baseUrl: flags['base-url'],
      repoUrl: flags['repo-url'],
      force: flags.force,
      fastPaths: this.fastPaths,
      today: today(this.env),
      version: this.config.version,
      onProgress: progress?.update,
    }).finally(() => progress?.done())
    for (const warning of result.warnings) this.warnAlways(`Warning: ${warning}`)
    if (!this.jsonEnabled()) {
      const kib = (result.bytes / 1024).toFixed(0)
      this.log(`Wrote ${result.counts.pages} pages (${result.counts.adrs} ADRs, ${kib} KiB) to ${result.out}`)
      this.log(`Open ${result.index}`)
    }
    return result
  }
}

/** `Rendering pages… 400/1,000` on a terminal's stderr, at most every 100 ms, erased when done. */
function showProgress(stderr: Output): {update(step: string, done?: number, total?: number): void; done(): void} {
  let last = 0
  let shown = false
  return {
    update(step, done, total) {
      const now = Date.now()
      if (now - last < 100 && done !== undefined) return
      last = now
      shown = true
      const count =
        done === undefined
          ? ''
          : total === undefined
            ? ` ${done.toLocaleString('en')}`
            : ` ${done.toLocaleString('en')}/${total.toLocaleString('en')}`
      stderr.write(`\r\x1b[K${step}…${count}`)
    },
    done() {
      if (shown) stderr.write('\r\x1b[K')
    },
  }
}
