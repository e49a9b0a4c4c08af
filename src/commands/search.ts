import {Args, Flags} from '@oclif/core'
import {type SearchOutcome, searchAdrs} from '../app/adr/search-adrs.js'
import {BaseCommand} from '../cli/base-command.js'

export default class Search extends BaseCommand {
  static summary = 'Find the ADRs that mention some text.'
  static description =
    'Searches the whole text of every ADR (title, front matter and body, in every directory of `dirs:`), ignoring case. Each argument is one term, so quote a phrase ("read replica"); an ADR is listed when it holds every term. Each ADR found is printed as its path, number (among several directories qualified by the name of its own: web/3), title and status, then the lines that hold a term, with their line numbers (counted in the whole file, as an editor counts). Exit code 0 when something was found, 1 when nothing was (as grep), 2 on a usage error.'
  static enableJsonFlag = true
  static strict = false
  static examples = [
    '<%= config.bin %> <%= command.id %> postgres',
    '<%= config.bin %> <%= command.id %> postgres "read replica"',
    '<%= config.bin %> <%= command.id %> kafka --status accepted --tag messaging',
    '<%= config.bin %> <%= command.id %> "event sourcing" --json',
  ]
  static args = {
    text: Args.string({description: 'The text to look for: each argument one term, all of them required.', required: true}),
  }
  static flags = {
    status: Flags.string({summary: 'Only ADRs with this status (proposed, accepted, rejected, deprecated, superseded …).'}),
    tag: Flags.string({summary: 'Only ADRs with this tag.'}),
  }

  async run(): Promise<SearchOutcome> {
    const {flags, raw} = await this.parse(Search)
    const ws = this.workspace(flags.dir)
    const terms = raw.flatMap((token) => (token.type === 'arg' ? [token.input] : []))
    const outcome = await searchAdrs(ws, terms, {status: flags.status, tag: flags.tag})
    for (const skipped of outcome.skipped) this.logToStderr(`Warning: ${skipped.problem.message}`)
    if (outcome.results.length === 0) {
      this.logToStderr(`No ADR in ${outcome.dir} holds ${outcome.terms.map((t) => JSON.stringify(t)).join(' and ')}`)
      this.setExitCode(1)
    }
    if (!this.jsonEnabled()) {
      const blocks = outcome.results.map((adr) => {
        // among several directories the number is qualified by its directory's name, as a REF is (web/3)
        const number = adr.number === undefined ? (adr.dir ? `${adr.dir}: ` : '') : `${adr.dir ? `${adr.dir}/` : ''}${adr.number}. `
        const head = `${adr.path}  ${number}${adr.title}${adr.status ? ` (${adr.status})` : ''}`
        const width = String(Math.max(...adr.matches.map((m) => m.line))).length
        return [head, ...adr.matches.map((m) => `  ${String(m.line).padStart(width)}: ${m.text}`)].join('\n')
      })
      if (blocks.length) this.log(blocks.join('\n\n'))
    }
    return outcome
  }
}
