/**
 * The checks `adr lint` makes on the participants' own answers files (ADR 17). Pure: the files'
 * texts in, located findings out. What needs the branch's history (the order in which reveals and
 * hashes were committed) is `answer-history.ts`.
 */
import type {Problem} from '../../adr/model.js'
import type {DataPath} from '../../yaml/yaml.js'
import {parseLocatedYaml} from '../../yaml/yaml.js'
import {type DebateRecord, participantNames} from '../record.js'
import {type AnswerFile, checkAnswerFile} from './answer-file.js'
import {ANSWER_RULES} from './answer-rule-ids.js'
import {describeRound, isObject, leafPaths} from './blind-rounds.js'
import {sameAnswers} from './commitment.js'
import {revealMatches} from './fold.js'

export {ANSWER_RULES}

import {foreignKeys, rolesOf} from './owner.js'

export interface AnswerFileText {
  /** Relative to the ADR directory: `debates/0012-x/ana.yaml`. */
  file: string
  text: string
}

export interface AnswerLintProblem extends Problem {
  file: string
}

/** Parses and validates an answers file's text: the data, or the problems of rule `debate/answer-file`. */
export function parseAnswerFileText(entry: AnswerFileText): {data?: AnswerFile; problems: AnswerLintProblem[]} {
  const yaml = parseLocatedYaml(entry.text)
  const problem = (line: number, column: number, message: string): AnswerLintProblem => ({
    file: entry.file,
    line,
    column,
    severity: 'error',
    rule: ANSWER_RULES.file.id,
    message,
  })
  if (yaml.errors.length) return {problems: yaml.errors.map((e) => problem(e.line, e.column, `Invalid YAML: ${e.message}`))}
  const found = checkAnswerFile(yaml.data)
  if (found.length) {
    return {problems: found.map((p) => ({...problem(0, 0, p.message), ...yaml.locate(p.path)}))}
  }
  return {data: yaml.data as AnswerFile, problems: []}
}

/** The checks that need no history: the file's shape and person, ownership, hashes, and reveals in the working tree. */
export function checkAnswerFiles(record: DebateRecord, entries: readonly AnswerFileText[]): AnswerLintProblem[] {
  const roles = rolesOf(record)
  const everyone = new Set([...roles.participants, roles.approver, ...(roles.facilitator ? [roles.facilitator] : [])])
  const out: AnswerLintProblem[] = []
  const parsed: {entry: AnswerFileText; data: AnswerFile; at: (path: DataPath) => {line: number; column: number}}[] = []
  for (const entry of entries) {
    const {data, problems} = parseAnswerFileText(entry)
    out.push(...problems)
    if (!data) continue
    const yaml = parseLocatedYaml(entry.text)
    const at = (path: DataPath) => yaml.locate(path, {key: true})
    const person = entry.file
      .split('/')
      .pop()!
      .replace(/\.ya?ml$/i, '')
    const report = (rule: string, path: DataPath, message: string) =>
      out.push({file: entry.file, ...at(path), severity: 'error', rule, message})
    if (data.participant !== person)
      report(ANSWER_RULES.file.id, ['participant'], `The file is ${person}'s, but it names ${data.participant}`)
    if (!everyone.has(data.participant)) {
      report(
        ANSWER_RULES.file.id,
        ['participant'],
        `${data.participant} takes no part in this debate (the people are ${[...everyone].join(', ')})`,
      )
      continue
    }
    parsed.push({entry, data, at})
    for (const f of foreignKeys(leafPaths(data.answers ?? {}), data.participant, roles)) {
      report(
        ANSWER_RULES.owner.id,
        ['answers', ...f.key.split('.')],
        `${f.key} is ${f.owners.join(' or ') || 'nobody'}'s to answer, not ${data.participant}'s`,
      )
    }
    for (const [round, reveal] of Object.entries(data.reveals ?? {})) {
      const commitment = data.commitments?.[round]
      if (!commitment) report(ANSWER_RULES.hash.id, ['reveals', round], `${label(round)} is revealed but no hash was committed for it`)
      else if (!revealMatches(data, round)) {
        report(
          ANSWER_RULES.hash.id,
          ['reveals', round],
          `The reveal of ${label(round)} does not match the hash committed on ${commitment.date}`,
        )
      }
      for (const f of foreignKeys(leafPaths(reveal.answers), data.participant, roles)) {
        report(
          ANSWER_RULES.owner.id,
          ['reveals', round, 'answers', ...f.key.split('.')],
          `${f.key} is ${f.owners.join(' or ') || 'nobody'}'s to answer, not ${data.participant}'s`,
        )
      }
      for (const key of shadowed(data.answers ?? {}, reveal.answers)) {
        report(ANSWER_RULES.changed.id, ['answers', ...key], `${key.join('.')} changed after the reveal of ${label(round)}`)
      }
    }
  }
  const participants = participantNames(record)
  for (const {data, at, entry} of parsed) {
    for (const round of Object.keys(data.reveals ?? {})) {
      const missing = participants.filter((p) => !parsed.some((o) => o.data.participant === p && o.data.commitments?.[round]))
      if (missing.length) {
        out.push({
          file: entry.file,
          ...at(['reveals', round]),
          severity: 'error',
          rule: ANSWER_RULES.early.id,
          message: `${label(round)} is revealed before the hash of ${missing.join(', ')} is in`,
        })
      }
    }
  }
  return out
}

/** The open answers that sit where a revealed one does, with another value. */
function shadowed(open: Record<string, unknown>, revealed: Record<string, unknown>): string[][] {
  const out: string[][] = []
  for (const path of leafPaths(revealed)) {
    let node: unknown = open
    for (const key of path) node = isObject(node) ? node[key] : undefined
    if (node === undefined) continue
    let value: unknown = revealed
    for (const key of path) value = (value as Record<string, unknown>)[key]
    if (!sameAnswers(node, value)) out.push(path)
  }
  return out
}

/** `G5 scores`, `G5 scores (visit 2)`. */
export function label(round: string): string {
  const info = describeRound(round)
  if (!info) return round
  return `${info.gate} ${round.split('.').pop()}${info.visit > 1 ? ` (visit ${info.visit})` : ''}`
}
