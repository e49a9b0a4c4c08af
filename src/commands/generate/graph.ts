import {Flags} from '@oclif/core'
import {type GraphResult, generateGraph} from '../../app/adr/generate-graph.js'
import {BaseCommand} from '../../cli/base-command.js'

export default class GenerateGraph extends BaseCommand {
  static summary = 'Print the graph of ADRs and their links, as Graphviz DOT or Mermaid.'
  static description =
    "The DOT output is adr-tools' format, byte for byte: each ADR a node linked to its document, dotted edges from each ADR to the next, and one labelled edge per forward link (supersedes, amends …; the reverse `… by` links are left out)."
  static enableJsonFlag = true
  static examples = [
    '<%= config.bin %> <%= command.id %> | dot -Tsvg > graph.svg',
    '<%= config.bin %> <%= command.id %> -e .pdf | dot -Tpdf > graph.pdf',
    '<%= config.bin %> <%= command.id %> -p https://example.com/adr/ -e .html',
    '<%= config.bin %> <%= command.id %> --format mermaid',
  ]
  static flags = {
    prefix: Flags.string({char: 'p', summary: 'Put before each link target.', helpValue: 'LINK-PREFIX'}),
    extension: Flags.string({char: 'e', summary: 'The extension of the linked documents.', default: '.html', helpValue: 'LINK-EXTENSION'}),
    format: Flags.option({
      options: ['dot', 'mermaid'] as const,
      summary: 'Graphviz DOT (adr-tools) or a Mermaid flowchart.',
      default: 'dot',
    })(),
  }

  async run(): Promise<GraphResult> {
    const {flags} = await this.parse(GenerateGraph)
    const result = await generateGraph(this.workspace(flags.dir), {
      prefix: flags.prefix,
      extension: flags.extension,
      format: flags.format,
      fastPaths: this.fastPaths,
    })
    if (!this.jsonEnabled()) this.write(result.text)
    return result
  }
}
