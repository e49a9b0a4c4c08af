import path from 'node:path'
import {Flags} from '@oclif/core'
import {type DemoResult, runDemo} from '../app/demo/demo.js'
import {BaseCommand} from '../cli/base-command.js'

export default class Demo extends BaseCommand {
  static summary = 'Try adrgate on a throwaway repository of sample ADRs.'
  static description =
    'Makes a new git repository (in a temporary directory, or --out DIR) holding five sample ADRs of an invoicing product — one superseded, some linked — commits them, then shows `adr list --long`, `adr show` and `adr generate toc` on it, exports the decisions as a website (`adr export site`), and prints where it all is so you can explore.'
  static enableJsonFlag = true
  static examples = ['<%= config.bin %> <%= command.id %>', '<%= config.bin %> <%= command.id %> --out ./adr-demo']
  static flags = {
    out: Flags.string({summary: 'Make the repository here (a new or empty directory) instead of a temporary one.', helpValue: 'DIR'}),
  }

  async run(): Promise<DemoResult> {
    const {flags} = await this.parse(Demo)
    const out = flags.out === undefined ? undefined : path.resolve(process.cwd(), flags.out)
    const examples = path.join(this.config.root, 'examples')
    const result = await runDemo({
      examplesDir: path.join(examples, 'demo'),
      debateAnswers: path.join(examples, 'debates', 'invoicing-answers.yaml'),
      out,
    })
    this.log(`Made a git repository with ${result.adrs.length} sample ADRs in ${result.dir}`)
    for (const step of result.steps) {
      this.log(`\n$ ${step.command}\n`)
      this.log(step.output)
    }
    this.log(`\nExplore it yourself:\n\n  ${result.explore}`)
    return result
  }
}
