import {Args, Flags} from '@oclif/core'
import {type RenumberResult, renumberAdrs} from '../app/adr/renumber.js'
import {BaseCommand} from '../cli/base-command.js'

export default class Renumber extends BaseCommand {
  static summary = 'Give ADRs that share a number (after a merge) new numbers, and fix every link to them.'
  static description =
    'In each group of ADRs with the same number, the one added first (by its commit) keeps the number; each later one — an uncommitted ADR counts as latest — gets the next free number (numbers used on other branches are skipped): its file is renamed (with its debate record, if it has one, and a debate answered on people’s own clones moves whole: its answers folder `debates/NNNN-slug/` and this clone’s salts under .git/adrgate/), its title number updated where the format carries one (`# 7. Title`), and every link to its old file name in every ADR is rewritten. All files are written, or none; in git the renames are staged (as `git mv` does). Commit the result yourself. With REF, only the ADRs sharing its number. In a repository of several ADR directories numbers count per directory: each is renumbered as its own, and REF may be qualified (`web/3`).'
  static enableJsonFlag = true
  static examples = [
    '<%= config.bin %> <%= command.id %> --dry-run',
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> 7',
    '<%= config.bin %> <%= command.id %> web/3',
  ]
  static args = {
    ref: Args.string({
      description:
        'Only the ADRs that share the number of this one: a number, a file name or title fragment (qualified by its directory, `web/3`, when there are several).',
    }),
  }
  static flags = {
    'dry-run': Flags.boolean({summary: 'Show what would change; write nothing.'}),
  }

  async run(): Promise<RenumberResult> {
    const {args, flags} = await this.parse(Renumber)
    const result = await renumberAdrs(this.workspace(flags.dir), {dryRun: flags['dry-run'], ref: args.ref})
    for (const warning of result.warnings) this.logToStderr(`Warning: ${warning}`)
    if (result.moves.length === 0) this.logToStderr('No duplicate numbers: nothing to renumber.')
    const verb = result.dryRun ? 'would move' : 'moved'
    for (const m of result.moves)
      this.log(
        `${m.oldNumber} → ${m.newNumber}: ${m.from} ${verb} to ${m.path} (${m.kept} keeps ${m.oldNumber})${m.debate && m.debate.from !== m.debate.to ? `, with ${m.debate.from}` : ''}`,
      )
    for (const file of result.updated) this.log(`${result.dryRun ? 'would update' : 'updated'} links in ${file}`)
    return result
  }
}
