import type {LintReport} from '../report.js'
import {formatText} from './text.js'

/** Workflow-command data: `%`, CR and LF escaped, as the Actions runner unescapes them. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Workflow-command property values: also `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/**
 * GitHub Actions annotations (`::error file=…,line=…,col=…,title=…::message`), then the full text
 * report: GitHub shows only the first ten annotations of a step.
 */
export function formatGithub(report: LintReport): string {
  const annotations = report.problems.map((p) => {
    const props = `file=${escapeProperty(p.file)},line=${p.line},col=${p.column},title=${escapeProperty(`adrgate ${p.rule}`)}`
    return `::${p.severity} ${props}::${escapeData(p.message)}`
  })
  return `${annotations.map((a) => `${a}\n`).join('')}${formatText(report)}`
}
