import {Flags} from '@oclif/core'
import {today} from '../adapters/clock.js'
import {dirForNew} from '../adapters/workspace.js'
import {type CreatedAdr, createAdr} from '../app/adr/create-adr.js'
import {BaseCommand} from '../cli/base-command.js'
import {isAdrError} from '../core/errors.js'

export default class New extends BaseCommand {
  static summary = 'Write a new, numbered ADR from the template and print its path.'
  static description =
    `The arguments are joined into the title (put -- before a title that starts with -). The number is one past the highest; the file is named as the repository names its ADRs. The template is --template (a built-in name or a file), else $ADR_TEMPLATE, else <adr-dir>/templates/template.md, else the built-in one of the repository's format (placeholders NUMBER, TITLE, DATE, STATUS). In adr-tools (nygard) repositories the new ADR is Accepted, byte for byte as adr-tools writes it; in MADR repositories it is proposed; in a log4brains repository (.log4brains.yml, or files named by date) the file is named by the day (YYYYMMDD-slug.md) with log4brains' - Status: bullets; --status (or default-status: in .adrgate.yaml) starts it elsewhere. ADR_DATE overrides today's date. After writing, $VISUAL (else $EDITOR) is opened on the file when stdin and stdout are a terminal (never under --json or --no-edit; --edit opens it without a terminal too).`
  static strict = false
  static usage =
    '<%= command.id %> [-s REF]... [-l TARGET:LINK:REVERSE-LINK]... [-t TEMPLATE] [--status STATUS] [--[no-]edit] [--json] [--] TITLE...'
  static enableJsonFlag = true
  static examples = [
    '<%= config.bin %> <%= command.id %> Use PostgreSQL for invoices',
    '<%= config.bin %> <%= command.id %> -s 12 Use PostgreSQL Database',
    '<%= config.bin %> <%= command.id %> -s 3 -s 4 -l "5:Amends:Amended by" Use Riak CRDTs to cope with scale',
    '<%= config.bin %> <%= command.id %> --template y-statement Use Kafka for events',
    '<%= config.bin %> <%= command.id %> --status proposed Use Redis for sessions',
    '<%= config.bin %> <%= command.id %> --package web Use Vite for the web client',
    '<%= config.bin %> <%= command.id %> --no-edit -- "-Bar-"',
  ]
  static flags = {
    supersede: Flags.string({
      char: 's',
      summary: 'An ADR (number, file or title fragment) the new one supersedes; repeatable.',
      multiple: true,
      multipleNonGreedy: true,
    }),
    link: Flags.string({
      char: 'l',
      summary: 'TARGET:LINK:REVERSE-LINK, e.g. "5:Amends:Amended by"; repeatable.',
      multiple: true,
      multipleNonGreedy: true,
    }),
    template: Flags.string({
      char: 't',
      summary: 'A built-in template (nygard, madr, madr-minimal, y-statement, log4brains) or a template file; overrides ADR_TEMPLATE.',
    }),
    status: Flags.string({
      summary:
        'The starting status: proposed, accepted, rejected or deprecated, or a word of `statuses:` in .adrgate.yaml (default: `default-status:` in .adrgate.yaml, else Accepted in adr-tools repositories, proposed in MADR ones).',
      helpValue: 'STATUS',
    }),
    package: Flags.string({
      summary:
        'In a repository of several ADR directories (`dirs:` in .adrgate.yaml, log4brains packages): the one to write in, by name (default: the one the command runs in, else the first). Numbers count in that directory.',
      helpValue: 'NAME',
    }),
    edit: Flags.boolean({
      summary: 'Open $VISUAL or $EDITOR on the new file (default: when stdin and stdout are a terminal); --no-edit never.',
      allowNo: true,
    }),
  }

  async run(): Promise<CreatedAdr> {
    const {flags, raw} = await this.parse(New)
    const all = this.workspace(flags.dir)
    const ws = dirForNew(all, flags.package)
    // The title words in the order typed: oclif's argv reorders repeated words ("a b a" → "a a b").
    const title = raw.flatMap((token) => (token.type === 'arg' ? [token.input] : []))
    const edits = {supersede: flags.supersede, links: flags.link}
    if (all.dirs && ws.dirName && (edits.supersede?.length || edits.links?.length)) {
      // a reference into another directory is refused in words that say what works (loaded only for -s, -l)
      const {assertRefsHere} = await import('../app/adr/new-edits.js')
      assertRefsHere(
        all.dirs.map((d) => d.name),
        ws.dirName,
        {...edits, title},
      )
    }
    const created = await createAdr(ws, {
      title,
      ...edits,
      date: today(this.env),
      template: flags.template,
      templateFile: this.env.ADR_TEMPLATE || undefined,
      status: flags.status,
      fastPaths: this.fastPaths,
    })
    // the editor's code loads only when an editor may open (a script's `adr new` opens none)
    if (!this.jsonEnabled() && (flags.edit ?? this.interactive)) {
      const {chooseEditor, openEditor} = await import('../adapters/editor.js')
      const editor = chooseEditor(this.env)
      if (editor) await openEditor(editor, created.path, {cwd: ws.cwd, env: this.env})
    }
    for (const notice of created.notices ?? []) this.logToStderr(notice)
    this.log(created.path)
    return created
  }

  /** adr-tools' exact words for a missing title, so scripts that look for them keep working. */
  protected async catch(error: Error & {exitCode?: number}): Promise<unknown> {
    if (!isAdrError(error) || error.code !== 'NO_TITLE' || this.jsonEnabled()) return super.catch(error)
    this.setExitCode(error.exit)
    this.logToStderr('ERROR: no title given')
    return undefined
  }
}
