import {Flags} from '@oclif/core'
import {generateToc, type TocResult} from '../../app/adr/generate-toc.js'
import {BaseCommand} from '../../cli/base-command.js'

export default class GenerateToc extends BaseCommand {
  static summary = 'Print a Markdown table of contents of the ADRs.'
  static description =
    "The output is adr-tools' format, byte for byte: a `# Architecture Decision Records` heading, the intro, one `* [N. Title](file.md)` line per ADR, then the outro."
  static enableJsonFlag = true
  static examples = [
    '<%= config.bin %> <%= command.id %> > doc/adr/README.md',
    '<%= config.bin %> <%= command.id %> -i intro.md -o outro.md',
    '<%= config.bin %> <%= command.id %> -p doc/adr/ > ARCHITECTURE.md',
  ]
  static flags = {
    intro: Flags.string({char: 'i', summary: 'A Markdown file printed after the heading.', helpValue: 'INTRO-FILE'}),
    outro: Flags.string({char: 'o', summary: 'A Markdown file printed after the list.', helpValue: 'OUTRO-FILE'}),
    prefix: Flags.string({char: 'p', summary: 'Put before each file name in the links.', helpValue: 'LINK-PREFIX'}),
  }

  async run(): Promise<TocResult> {
    const {flags} = await this.parse(GenerateToc)
    const result = await generateToc(this.workspace(flags.dir), {introFile: flags.intro, outroFile: flags.outro, prefix: flags.prefix})
    if (!this.jsonEnabled()) this.write(result.markdown)
    return result
  }
}
