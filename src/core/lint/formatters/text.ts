import type {LintReport} from '../report.js'
import {plural} from '../report.js'

/** `path:line:col  severity  message  rule-id`, one problem a line, then a summary line. */
export function formatText(report: LintReport): string {
  const lines = report.problems.map((p) => `${p.file}:${p.line}:${p.column}  ${p.severity}  ${p.message.replace(/\r?\n/g, ' ')}  ${p.rule}`)
  const {errors, warnings, files, maxWarnings} = report.summary
  const shownWarnings = report.problems.length - errors
  if (errors + shownWarnings === 0)
    lines.push(`${plural(files, 'file')} checked: no problems${warnings ? ` (${plural(warnings, 'warning')} hidden)` : ''}`)
  else {
    if (lines.length) lines.push('')
    lines.push(
      `${plural(errors + shownWarnings, 'problem')} (${plural(errors, 'error')}, ${plural(shownWarnings, 'warning')}) in ${plural(files, 'file')} checked`,
    )
  }
  if (maxWarnings !== undefined && warnings > maxWarnings)
    lines.push(`Too many warnings: ${warnings}, expected at most ${maxWarnings} (--max-warnings)`)
  return `${lines.join('\n')}\n`
}
