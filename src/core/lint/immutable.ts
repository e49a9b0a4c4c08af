import type {Adr} from '../adr/model.js'
import {findKeyLine} from '../formats/read/front-matter-values.js'
import type {LintFinding} from './lint-rule.js'
import {fileLines} from './locate.js'

/** What may change in an accepted ADR: its status (and the date that goes with it), its links and its revisit reviews. */
const MUTABLE_KEYS = new Set(['status', 'links', 'revisit', 'superseded-by'])

/**
 * The changes to an ADR that was accepted at `ref`, other than its status, links and revisit reviews:
 * "accepted decisions are immutable: supersede it with a new ADR". Pure: both versions come in parsed.
 */
export function findImmutableChanges(before: Adr, after: Adr, ref: string): LintFinding[] {
  if (before.status !== 'accepted') return []
  const findings: LintFinding[] = []
  const statusChanged = before.status !== after.status
  const old = before.frontMatter?.data ?? {}
  const now = after.frontMatter?.data ?? {}
  const keys = new Set([...Object.keys(old), ...Object.keys(now)])
  const lines = fileLines(after)
  for (const key of keys) {
    if (MUTABLE_KEYS.has(key) || (key === 'date' && statusChanged)) continue
    if (canonical(old[key]) === canonical(now[key])) continue
    const line = after.frontMatter
      ? (findKeyLine(lines, after.frontMatter.startLine, after.frontMatter.endLine, key) ?? after.frontMatter.startLine)
      : 1
    findings.push({line, column: 1, message: message(`\`${key}\` ${Object.hasOwn(now, key) ? 'changed' : 'removed'}`, ref)})
  }
  const oldBody = decisionLines(before)
  const newBody = decisionLines(after)
  const differs = oldBody.length !== newBody.length || oldBody.some((l, i) => l.text !== newBody[i].text)
  if (differs) {
    const index = newBody.findIndex((l, i) => l.text !== oldBody[i]?.text)
    const line = index >= 0 ? newBody[index].line : (newBody.at(-1)?.line ?? 1)
    findings.push({line, column: 1, message: message('the text changed', ref)})
  }
  return findings
}

function message(what: string, ref: string): string {
  return `Unexpected change to an ADR accepted at ${ref}: ${what}, expected accepted decisions to be immutable: supersede it with a new ADR`
}

/** The body lines that carry the decision: the status section, status bullets, dates and revisit sections left out. */
function decisionLines(adr: Adr): {line: number; text: string}[] {
  const lines = fileLines(adr)
  const skip = new Set<number>()
  for (const s of adr.sections) {
    if (/^(status|revisit|revisit reviews?|reviews?)$/i.test(s.heading.trim())) for (let l = s.line; l <= s.endLine; l++) skip.add(l)
  }
  const out: {line: number; text: string}[] = []
  const start = adr.frontMatter ? adr.frontMatter.endLine : 0
  for (let i = start; i < lines.length; i++) {
    const text = lines[i].trimEnd()
    if (skip.has(i + 1) || text === '' || /^\s*(?:[*-]\s+)?(?:\*\*)?(status|date)(?:\*\*)?:/i.test(text)) continue
    out.push({line: i + 1, text})
  }
  return out
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  )
}
