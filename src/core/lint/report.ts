import type {LintProblem} from './lint-rule.js'

/** What `adr lint` found: the `--json` / `--format json` contract (schemas/output/lint.schema.json). */
export interface LintReport {
  /** The ADR and debate files checked, as paths relative to the working directory. */
  files: string[]
  /** The problems shown (warnings are left out under `--quiet`), sorted by path and position. */
  problems: LintProblem[]
  summary: LintSummary
}

export interface LintSummary {
  files: number
  errors: number
  /** Every warning found, also under `--quiet`. */
  warnings: number
  maxWarnings?: number
  /** Whether the gate passes: no error, and no more warnings than `--max-warnings`. */
  ok: boolean
}

export interface ReportOptions {
  quiet?: boolean
  maxWarnings?: number
}

export function buildReport(files: readonly string[], problems: readonly LintProblem[], options: ReportOptions = {}): LintReport {
  const errors = problems.filter((p) => p.severity === 'error').length
  const warnings = problems.length - errors
  const tooManyWarnings = options.maxWarnings !== undefined && options.maxWarnings >= 0 && warnings > options.maxWarnings
  return {
    files: [...files],
    problems: options.quiet ? problems.filter((p) => p.severity === 'error') : [...problems],
    summary: {
      files: files.length,
      errors,
      warnings,
      ...(options.maxWarnings === undefined ? {} : {maxWarnings: options.maxWarnings}),
      ok: errors === 0 && !tooManyWarnings,
    },
  }
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
