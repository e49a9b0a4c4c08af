import path from 'node:path'
import {Args, Flags} from '@oclif/core'
import {today} from '../adapters/clock.js'
import type {Git} from '../adapters/git/git.js'
import {classifyLintPaths} from '../adapters/lint/lint-inputs.js'
import {lintAdrs} from '../app/lint/lint.js'
import {BaseCommand} from '../cli/base-command.js'
import {FORMATS, formatReport} from '../core/lint/formatters/index.js'
import {PROFILES} from '../core/lint/lint-rule.js'
import type {LintReport} from '../core/lint/report.js'

export default class Lint extends BaseCommand {
  static summary = 'Check every ADR and its recorded trade-offs against the schemas and rules.'
  static description =
    'Exit 0 when clean (warnings allowed unless --max-warnings is exceeded), 1 when there are findings, 2 on a usage or runtime failure. Rules and profiles: docs/rules.md, or --list-rules.'
  static enableJsonFlag = true
  /** lint reports what is wrong with .adrgate.yaml as findings (rule `config`), not as warnings. */
  static warnsAboutConfig = false
  static strict = false
  static args = {paths: Args.string({description: 'The ADR directory, or ADR files to report on (default: the ADR directory found).'})}
  static examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> docs/adr --profile strict',
    '<%= config.bin %> <%= command.id %> --format github --since origin/main',
    '<%= config.bin %> <%= command.id %> --format sarif > adr-lint.sarif',
    '<%= config.bin %> <%= command.id %> --rule toc-current --rule link-target',
  ]
  static flags = {
    format: Flags.string({char: 'f', summary: 'Output format.', options: [...FORMATS], default: 'text'}),
    profile: Flags.string({summary: 'Rule profile (default: .adrgate.yaml `profile:`, else recommended).', options: [...PROFILES]}),
    'max-warnings': Flags.integer({summary: 'Fail (exit 1) when there are more warnings than this.', min: 0}),
    quiet: Flags.boolean({char: 'q', summary: 'Report errors only.'}),
    since: Flags.string({summary: 'A git ref: ADRs accepted there may change only in status, links and revisit reviews.'}),
    changed: Flags.boolean({summary: 'Report per-file problems only for ADRs changed since --since (or uncommitted).'}),
    cache: Flags.boolean({summary: 'Reuse results of unchanged files (kept under .git/adrgate).', default: true, allowNo: true}),
    verbose: Flags.boolean({summary: 'Say on stderr what was not used from the cache, and why.'}),
    'list-rules': Flags.boolean({summary: 'List the rules with their severity in the profile, and exit.'}),
    rule: Flags.string({summary: 'Report only this rule (repeatable; `debate/*` takes a family).', multiple: true, helpValue: 'ID'}),
  }

  async run(): Promise<LintReport | Omit<ReturnType<typeof import('../app/lint/lint-rules-list.js').listRules>, 'text'>> {
    const {flags, argv} = await this.parse(Lint)
    const targets = await classifyLintPaths(this.context.cwd, argv as string[])
    const ws = this.workspace(flags.dir ?? targets.dir)
    if (flags['list-rules']) {
      const {listRules} = await import('../app/lint/lint-rules-list.js')
      const {text, ...listed} = listRules(ws, flags.profile)
      if (!this.jsonEnabled()) this.log(text)
      return listed
    }
    const report = await lintAdrs(
      ws,
      {
        profile: flags.profile,
        files: targets.files,
        quiet: flags.quiet,
        maxWarnings: flags['max-warnings'],
        since: flags.since,
        changed: flags.changed,
        cache: flags.cache,
        fastPaths: this.fastPaths,
        verbose: flags.verbose,
        rules: flags.rule,
      },
      {
        today: today(this.env),
        version: this.config.version,
        git: flags.since || flags.changed || ws.gitRoot ? openGitOnce(ws.root, this.env) : undefined,
      },
    )
    if (!report.summary.ok) this.setExitCode(1)
    const format = flags.format as (typeof FORMATS)[number]
    // annotations and SARIF locate files from the repository root, wherever adr lint was run
    const shown = format === 'github' || format === 'sarif' ? rebase(report, this.context.cwd, ws.gitRoot ?? ws.root) : report
    if (!this.jsonEnabled()) this.log((await formatReport(shown, format, this.config.version)).trimEnd())
    return report
  }
}

/** One git adapter for the whole run, its module loaded at the first check that asks git (a warm lint asks none). */
function openGitOnce(root: string, env: NodeJS.ProcessEnv): () => Promise<Git> {
  let git: Promise<Git> | undefined
  return () => {
    git ??= import('../adapters/git/git.js').then((m) => m.openGit(root, env))
    return git
  }
}

function rebase(report: LintReport, from: string, to: string): LintReport {
  const move = (file: string) => path.relative(to, path.resolve(from, file)).split(path.sep).join('/')
  return {...report, files: report.files.map(move), problems: report.problems.map((p) => ({...p, file: move(p.file)}))}
}
