import {Args, Flags} from '@oclif/core'
import {today} from '../adapters/clock.js'
import {type InitResult, initRepository} from '../app/adr/init-repository.js'
import {BaseCommand} from '../cli/base-command.js'
import type {WritableFormat} from '../core/formats/choose-format.js'
import {INIT_FORMATS} from '../core/formats/index.js'

export default class Init extends BaseCommand {
  static summary = 'Create the ADR directory and its first ADR, "Record architecture decisions".'
  static description =
    `DIR defaults to doc/adr at the repository root (or the directory already configured), also when run in a subdirectory. Given DIR (relative to the working directory), .adr-dir records it, as adr-tools does, at the repository root, so every command finds it from anywhere in the repository. Prints the first ADR's path; where it went and why is said on stderr when that is not the working directory.

Format: --format, else \`format:\` in .adrgate.yaml, else the format the ADRs already there use. A brand-new repository in adr-tools' layout — plain \`adr init\` (doc/adr) or \`adr init DIR\` (.adr-dir) — gets adr-tools' format (nygard), byte for byte, so adrgate is a drop-in for adr-tools; one whose directory is set in .adrgate.yaml (\`dir: docs/adr\`) gets MADR 4. Pass --format madr to start a MADR repository anywhere; later ADRs follow the format of the first.`
  static enableJsonFlag = true
  static examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> architecture-log',
    '<%= config.bin %> <%= command.id %> docs/decisions --format madr',
  ]
  static args = {
    dir: Args.string({description: 'The ADR directory to create (written to .adr-dir).'}),
  }
  static flags = {
    format: Flags.string({summary: 'The format of the ADRs: madr (MADR 4) or nygard (adr-tools).', options: [...INIT_FORMATS]}),
  }

  async run(): Promise<InitResult> {
    const {args, flags} = await this.parse(Init)
    const ws = this.workspace(args.dir ?? flags.dir)
    const result = await initRepository(ws, {
      dir: args.dir,
      format: flags.format as WritableFormat | undefined,
      date: today(this.env),
    })
    for (const notice of result.notices ?? []) this.logToStderr(notice)
    this.log(result.path)
    return result
  }
}
