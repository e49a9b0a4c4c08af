import {upgradeRepository} from '../app/adr/upgrade-repository.js'
import {BaseCommand} from '../cli/base-command.js'

export default class UpgradeRepository extends BaseCommand {
  static summary = 'Upgrade the ADRs to the current adr-tools format: Date: DD/MM/YYYY lines become ISO dates.'
  static description = 'Prints nothing, as adr-tools; --json lists the files changed. Only the date lines change.'
  static enableJsonFlag = true
  static examples = ['<%= config.bin %> <%= command.id %>']

  async run(): Promise<{changed: string[]}> {
    const {flags} = await this.parse(UpgradeRepository)
    return upgradeRepository(this.workspace(flags.dir))
  }
}
