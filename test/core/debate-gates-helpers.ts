import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parse} from 'yaml'
import {type ListedAnswer, listPrompter} from '../../src/adapters/prompter/prompter-list.js'
import {scriptedPrompter} from '../../src/adapters/prompter/prompter-scripted.js'
import {GateContext} from '../../src/core/debate/gates/context.js'
import {runGates} from '../../src/core/debate/gates/engine.js'
import {lintDebateRecord} from '../../src/core/debate/lint-record.js'
import type {Answer} from '../../src/core/debate/prompter.js'
import {type DebateRecord, emptyRecord} from '../../src/core/debate/record.js'
import {adrFile} from './debate-fixtures.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** The bundled invoicing debate's answers (examples/debates/invoicing-answers.yaml), a fresh copy. */
// biome-ignore lint/suspicious/noExplicitAny: the answers are free-form YAML that each test edits in place
export function invoicingAnswers(): Record<string, any> {
  return parse(readFileSync(path.join(ROOT, 'examples/debates/invoicing-answers.yaml'), 'utf8'))
}

export function invoicingRecord(): DebateRecord {
  return emptyRecord({adr: '0001-primary-datastore-for-tally.md', approver: 'dana', participants: ['alice', 'bob'], started: '2026-11-20'})
}

/** A whole fast-track debate on feature flags (two participants, a two-way door): the 16 answers, in the order asked (15 when nobody dissents). */
export const FEATURE_FLAGS_FAST_TRACK: readonly [string, Answer][] = [
  ['frame.question', 'How do product teams get feature flags to customers within a day?'],
  ['frame.positions.alice.favours', 'LaunchDarkly'],
  ['frame.positions.alice.success', 'A flag ships the day it is asked for'],
  ['frame.positions.bob.favours', 'Unleash'],
  ['frame.positions.bob.success', 'Flags cost nothing per seat'],
  ['door.alice.nomination', '1, 2, two-way'],
  ['door.bob.nomination', '0.5, 2, two-way'],
  ['drivers.list', 'Flags ship within a day; Cost stays under 200 euros a month'],
  ['options.list', 'LaunchDarkly, Unleash'],
  ['decision.chosen', 'unleash'],
  ['decision.rationale', 'It meets both drivers at the lowest cost'],
  ['consequences.bad', 'We run one more service'],
  ['confirmation.0.check', 'npm test runs the flag contract test in CI'],
  ['commitments.alice.stance', 'disagree-and-commit'],
  ['commitments.alice.dissent', 'Per-seat pricing buys us support we will miss'],
  ['commitments.bob.stance', 'agree'],
]

/**
 * Runs the gates with `answers` (an answers file's content) first and `list` for everything the
 * answers leave out: the list fails on any question it does not expect, in order.
 */
export async function play(
  answers: Record<string, unknown>,
  list: readonly (ListedAnswer | [string, Answer])[] = [],
  options: {record?: DebateRecord; brief?: boolean; interactive?: boolean; aggregate?: 'mean' | 'median'; kept?: boolean} = {},
) {
  const person = listPrompter(list, {interactive: options.interactive ?? true})
  const record = options.record ?? invoicingRecord()
  const saved: string[] = []
  const ctx = new GateContext({
    record,
    // No person and nothing listed: a script alone, as `adr debate answer` runs it.
    prompter: scriptedPrompter({
      answers,
      source: options.kept === false ? 'stdin' : 'answers.yaml',
      kept: options.kept,
      fallback: options.interactive === false && list.length === 0 ? undefined : person,
    }),
    today: '2026-11-20',
    save: async (r) => void saved.push(JSON.stringify(r)),
    brief: options.brief,
    aggregate: options.aggregate,
  })
  ctx.note = (text) => person.note(text)
  let error: unknown
  await runGates(ctx).catch((e) => {
    error = e
  })
  return {record, person, saved, error}
}

/** Lints every saved record at its stage (ADR 0007: every save is a record `adr lint` accepts); the first ten problems. */
export function lintSaves(saved: readonly string[]): string[] {
  const failures: string[] = []
  for (const [i, json] of saved.entries()) {
    const record = JSON.parse(json) as DebateRecord
    const decided = record.gate_log.some((g) => g.gate === 'G8')
    const adrs = [adrFile(record.adr, decided ? 'accepted' : 'proposed')]
    // JSON is YAML 1.2: lint the saved text as it is
    for (const p of lintDebateRecord(json, 'debate.yaml', {adrs, today: '2026-11-20'})) {
      failures.push(`save #${i} (${record.in_progress?.gate ?? 'between gates'}): ${p.rule} ${p.message}`)
    }
  }
  return failures.slice(0, 10)
}

/**
 * The invoicing answers with a third participant, carol, who answers every question as bob does (a
 * fresh copy). Each cell's scores are then alice's, bob's and bob's again, so the median is bob's
 * score while the mean still leans towards alice's: the two aggregations can name different winners.
 * Under the median MongoDB 7 tops PostgreSQL 16, so the approver's choice of PostgreSQL is an override.
 */
// biome-ignore lint/suspicious/noExplicitAny: the answers are free-form YAML
export function invoicingAnswersForThree(): Record<string, any> {
  const answers = invoicingAnswers()
  const copyBob = (node: unknown): void => {
    if (!node || typeof node !== 'object') return
    for (const value of Object.values(node)) copyBob(value)
    if (!Array.isArray(node) && 'bob' in node && !('carol' in node)) (node as Record<string, unknown>).carol = structuredClone(node.bob)
  }
  copyBob(answers)
  answers.roles.participants = ['alice', 'bob', 'carol']
  answers.decision.override_rationale =
    'Under the median MongoDB 7 leads on the tenants’ fields, but only PostgreSQL keeps totals right by construction.'
  return answers
}
