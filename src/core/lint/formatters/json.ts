import type {LintReport} from '../report.js'

/** The report as JSON: the same object `adr lint --json` prints. */
export function formatJson(report: LintReport): string {
  return `${JSON.stringify(report, null, 2)}\n`
}
