import {Flags} from '@oclif/core'
import {generateToc, type TocResult} from '../../app/adr/generate-toc.js'
import {BaseCommand} from '../../cli/base-command.js'

export default class GenerateToc extends BaseCommand {
  static summary = 'Print a Markdown table of contents of the ADRs, or keep one up to date inside a file.'
  static description =
    "The output is adr-tools' format: a `# Architecture Decision Records` heading, the intro, one `* [N. Title](file.md)` line per ADR, then the outro. --long prints a table (number, title, status, date) instead of the list.\n\n--write FILE rewrites only the part of FILE between a line `<!-- adrgate:toc -->` and a line `<!-- /adrgate:toc -->`, keeping every other byte, so a README keeps its own text (a missing FILE is created with the two markers). Links are made relative to FILE; the opening marker records --long, --prefix and --package for the next run and for `adr lint`, whose rule toc-current reports a table of contents that is out of date. FILE is written atomically, and only when its entries changed; its path is printed then."
  static enableJsonFlag = true
  static examples = [
    '<%= config.bin %> <%= command.id %> > doc/adr/README.md',
    '<%= config.bin %> <%= command.id %> -i intro.md -o outro.md',
    '<%= config.bin %> <%= command.id %> -p doc/adr/ > ARCHITECTURE.md',
    '<%= config.bin %> <%= command.id %> --long',
    '<%= config.bin %> <%= command.id %> --long --write README.md',
  ]
  static flags = {
    intro: Flags.string({char: 'i', summary: 'A Markdown file printed after the heading.', helpValue: 'INTRO-FILE'}),
    outro: Flags.string({char: 'o', summary: 'A Markdown file printed after the list.', helpValue: 'OUTRO-FILE'}),
    prefix: Flags.string({char: 'p', summary: 'Put before each file name in the links.', helpValue: 'LINK-PREFIX'}),
    long: Flags.boolean({
      summary: 'A table with number, title, status and date instead of the list (--no-long: back to the list under --write).',
      allowNo: true,
    }),
    write: Flags.string({summary: 'Rewrite only the part of FILE between its table-of-contents markers.', helpValue: 'FILE'}),
    package: Flags.string({summary: 'With several ADR directories (`dirs:`): only the one with this name.', helpValue: 'NAME'}),
  }

  async run(): Promise<TocResult> {
    const {flags} = await this.parse(GenerateToc)
    const result = await generateToc(this.workspace(flags.dir), {
      introFile: flags.intro,
      outroFile: flags.outro,
      prefix: flags.prefix,
      long: flags.long,
      package: flags.package,
      write: flags.write,
      fastPaths: this.fastPaths,
    })
    if (this.jsonEnabled()) return result
    if (!result.written) this.write(result.markdown)
    else if (result.written.changed) this.log(result.written.path)
    return result
  }
}
