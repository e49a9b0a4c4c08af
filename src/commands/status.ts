import {Args, Flags} from '@oclif/core'
import {changeStatus, type StatusChange} from '../app/adr/change-status.js'
import {BaseCommand} from '../cli/base-command.js'
import {STATUSES} from '../core/adr/model.js'

export default class Status extends BaseCommand {
  static summary = "Move an ADR along its lifecycle; print the changed ADR's path."
  static description =
    `The lifecycle: proposed → accepted | rejected | superseded; accepted → deprecated | superseded. Rejected, deprecated and superseded are final (a decision changes by a new ADR that supersedes it). A move the lifecycle does not allow is refused (ILLEGAL_TRANSITION) with the allowed ones named.

superseded needs --by: both sides are written, as \`adr new -s\` writes them (in adr-tools files the status line gives way to "Superceded by [..](..)" and the new ADR gets "Supercedes [..](..)"; in MADR files, status: superseded and typed links in the front matter). Only the status lines and the link lines change.`
  static enableJsonFlag = true
  static examples = [
    '<%= config.bin %> <%= command.id %> 7 accepted',
    '<%= config.bin %> <%= command.id %> 3 deprecated',
    '<%= config.bin %> <%= command.id %> 3 superseded --by 12',
    '<%= config.bin %> <%= command.id %> platform/1 superseded --by web/3',
  ]
  static args = {
    ref: Args.string({description: 'The ADR: a number, a file name or path, or a unique title fragment.', required: true}),
    status: Args.string({description: `The new status: ${STATUSES.join(', ')}.`, required: true}),
  }
  static flags = {
    by: Flags.string({
      summary: 'The ADR that supersedes this one (with the status superseded); in another ADR directory, qualified (web/3).',
    }),
  }

  async run(): Promise<StatusChange> {
    const {args, flags} = await this.parse(Status)
    const change = await changeStatus(this.workspace(flags.dir), {ref: args.ref, status: args.status, by: flags.by})
    if (change.updated.length === 0) this.logToStderr(`${change.path} is already ${change.to}; nothing changed.`)
    this.log(change.path)
    return change
  }
}
