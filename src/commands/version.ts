import {BaseCommand} from '../cli/base-command.js'

export interface VersionResult {
  version: string
  /** What `adr --version` prints: `adrgate/0.1.0 linux-x64 node-v20.19.0`. */
  userAgent: string
  node: string
  platform: string
  arch: string
}

export default class Version extends BaseCommand {
  static summary = 'Print the version of adrgate (the same line as `adr --version` and `adr -v`).'
  static enableJsonFlag = true
  static warnsAboutConfig = false
  static examples = ['<%= config.bin %> <%= command.id %>', '<%= config.bin %> <%= command.id %> --json']

  async run(): Promise<VersionResult> {
    await this.parse(Version)
    this.log(this.config.userAgent)
    return {
      version: this.config.version,
      userAgent: this.config.userAgent,
      node: process.version,
      platform: process.platform,
      arch: process.arch,
    }
  }
}
