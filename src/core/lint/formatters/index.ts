import type {LintReport} from '../report.js'
import {formatText} from './text.js'

export const FORMATS = ['text', 'json', 'github', 'sarif'] as const
export type LintFormat = (typeof FORMATS)[number]

/** The report in `format`; the other formats' modules load only when asked for (SARIF's loads every rule's description). */
export async function formatReport(report: LintReport, format: LintFormat, version: string): Promise<string> {
  if (format === 'json') return (await import('./json.js')).formatJson(report)
  if (format === 'github') return (await import('./github.js')).formatGithub(report)
  if (format === 'sarif') return (await import('./sarif.js')).formatSarif(report, version)
  return formatText(report)
}
