import path from 'node:path'
import {Flags} from '@oclif/core'
import {loadAdrs} from '../adapters/adr-store.js'
import {BaseCommand} from '../cli/base-command.js'

export default class List extends BaseCommand {
  static summary = 'List the ADRs.'
  static enableJsonFlag = true
  static examples = ['<%= config.bin %> <%= command.id %>', '<%= config.bin %> <%= command.id %> --long --status accepted']
  static flags = {
    long: Flags.boolean({char: 'l', summary: 'A table with number, status, date and title.'}),
    status: Flags.string({summary: 'Only ADRs with this status.'}),
    tag: Flags.string({summary: 'Only ADRs with this tag.'}),
  }

  async run(): Promise<{adrs: {number?: number; title: string; status?: string; path: string}[]}> {
    const {flags} = await this.parse(List)
    const ws = this.workspace(flags.dir)
    const {adrs} = await loadAdrs(ws)
    const rows = adrs.map((a) => ({
      number: a.number,
      title: a.title,
      status: a.status,
      path: path.relative(ws.cwd, path.join(ws.adrDir, a.file)),
    }))
    for (const row of rows) this.log(row.path)
    return {adrs: rows}
  }
}
