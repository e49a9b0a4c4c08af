import {Args} from '@oclif/core'
import {type LinkedAdrs, linkAdrs} from '../app/adr/link-adrs.js'
import {BaseCommand} from '../cli/base-command.js'

export default class Link extends BaseCommand {
  static summary = 'Link two ADRs, both ways.'
  static description =
    'Writes "LINK [target](file)" into SOURCE and "REVERSE-LINK [source](file)" into TARGET, each as its own paragraph at the end of the Status section (adr-tools files), or as {rel, target} items in the front matter\'s links (MADR files). REVERSE-LINK may be left out for a relation adrgate knows (amends → amended by, clarifies → clarified by, extends → extended by, depends on → depended on by, relates to → relates to, supersedes → superseded by, and the team\'s own pairs under `relations:` in .adrgate.yaml; written with the capital LINK has). Prints nothing, as adr-tools; --json tells what was written. To supersede an ADR (status and links) use `adr new -s` or `adr status REF superseded --by REF`.'
  static enableJsonFlag = true
  static examples = [
    '<%= config.bin %> <%= command.id %> 12 Amends 10 "Amended by"',
    '<%= config.bin %> <%= command.id %> 3 Clarifies 2 "Clarified by"',
    '<%= config.bin %> <%= command.id %> 3 amends 2',
  ]
  static args = {
    source: Args.string({description: 'The ADR the link starts from.', required: true}),
    link: Args.string({description: 'The relation written into SOURCE, e.g. Amends.', required: true}),
    target: Args.string({description: 'The ADR the link points at.', required: true}),
    reverseLink: Args.string({description: 'The relation written into TARGET, e.g. "Amended by" (default: the reverse of a known LINK).'}),
  }

  async run(): Promise<LinkedAdrs> {
    const {args, flags} = await this.parse(Link)
    return linkAdrs(this.workspace(flags.dir), {source: args.source, link: args.link, target: args.target, reverse: args.reverseLink})
  }
}
