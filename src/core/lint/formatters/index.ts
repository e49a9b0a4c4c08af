import type {LintReport} from '../report.js'
import {formatGithub} from './github.js'
import {formatJson} from './json.js'
import {formatSarif} from './sarif.js'
import {formatText} from './text.js'

export const FORMATS = ['text', 'json', 'github', 'sarif'] as const
export type LintFormat = (typeof FORMATS)[number]

export function formatReport(report: LintReport, format: LintFormat, version: string): string {
  if (format === 'json') return formatJson(report)
  if (format === 'github') return formatGithub(report)
  if (format === 'sarif') return formatSarif(report, version)
  return formatText(report)
}
