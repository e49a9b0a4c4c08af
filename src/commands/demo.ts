import path from 'node:path'
import {Flags} from '@oclif/core'
import {adrCommandLine} from '../adapters/installed-bin.js'
import {type DemoResult, runDemo} from '../app/demo/demo.js'
import {BaseCommand} from '../cli/base-command.js'

export default class Demo extends BaseCommand {
  static summary = 'Try adrgate on a throwaway repository of sample ADRs.'
  static description =
    'Makes a git repository holding five sample ADRs of an invoicing product — one superseded, some linked — committed over five months by three people, then shows `adr list --long`, `adr show` and `adr generate toc` on it, plays a Logic Gates debate from an answers file (a sixth ADR), exports the decisions as a website (`adr export site`), and prints where it all is so you can explore. The repository is <tmp>/adrgate-demo-<user>, replaced by the next `adr demo`; --keep makes a new one that stays, --out puts it where you say. Printed commands start with `adr` when this adrgate is on your PATH, else with the `node …/bin/run.js` that runs it.'
  static enableJsonFlag = true
  /** The demo makes its own repository: the working directory's config is not its business. */
  static warnsAboutConfig = false
  static examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --keep',
    '<%= config.bin %> <%= command.id %> --out ./adr-demo',
  ]
  static flags = {
    out: Flags.string({summary: 'Make the repository here (a new or empty directory).', helpValue: 'DIR', exclusive: ['keep']}),
    keep: Flags.boolean({summary: 'Make a new temporary repository that later runs leave alone (default: reuse one per user).'}),
  }

  async run(): Promise<DemoResult> {
    const {flags} = await this.parse(Demo)
    const out = flags.out === undefined ? undefined : path.resolve(this.context.cwd, flags.out)
    const examples = path.join(this.config.root, 'examples')
    const result = await runDemo({
      examplesDir: path.join(examples, 'demo'),
      debateAnswers: path.join(examples, 'debates', 'invoicing-answers.yaml'),
      out,
      keep: flags.keep,
      cli: adrCommandLine(this.config.root, this.env),
      env: this.env,
    })
    this.log(`Made a git repository with ${result.adrs.length} sample ADRs in ${result.dir}`)
    for (const step of result.steps) {
      this.log(`\n$ ${step.command}\n`)
      this.log(step.output)
    }
    const {cli} = result
    this.log(`\nThe repository now holds ${result.adrCount} ADRs (the debate wrote ADR ${result.adrCount}). Explore it yourself:\n`)
    this.log(`  ${result.explore}`)
    this.log(`  ${cli} log            # who decided what, and when`)
    this.log(`  ${cli} show 2 --history`)
    this.log(`  ${cli} lint`)
    const fate =
      result.kind === 'reused'
        ? 'The next `adr demo` replaces it (--keep keeps a new one). To remove it now:'
        : 'It stays until you remove it:'
    this.log(`\n${fate} ${result.remove}`)
    return result
  }
}
