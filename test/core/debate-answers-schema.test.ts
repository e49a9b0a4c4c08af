import {describe, expect, it} from 'vitest'
import {parseAnswers} from '../../src/adapters/prompter/prompter-answers.js'
import {scriptedPrompter} from '../../src/adapters/prompter/prompter-scripted.js'
import {GateContext} from '../../src/core/debate/gates/context.js'
import {runGates} from '../../src/core/debate/gates/engine.js'
import type {Answer, Prompter, Question} from '../../src/core/debate/prompter.js'
import {FEATURE_FLAGS_FAST_TRACK, invoicingAnswers, invoicingRecord} from './debate-gates-helpers.js'

/**
 * The answers schema (schemas/debate-answers.schema.json) and the gates must never disagree: every key
 * a gate asks or peeks at, in every scenario below, is accepted by the schema with a value of the
 * question's kind. A gate that starts asking a new key fails here until the schema takes it.
 */

interface Asked {
  key: string
  question?: Question
}

/** Runs the gates on `answers` (no person), recording every key asked or peeked at, until the debate ends or stops. */
async function keysOf(answers: Record<string, unknown>, options: {brief?: boolean} = {}): Promise<Asked[]> {
  const seen: Asked[] = []
  const inner = scriptedPrompter({answers, source: 'answers.yaml'})
  const recorder: Prompter = {
    interactive: false,
    ask: (question: Question): Promise<Answer> => {
      seen.push({key: question.key, question})
      return inner.ask(question)
    },
    peek: (key: string) => {
      seen.push({key})
      return inner.peek?.(key)
    },
    note: () => undefined,
  }
  const ctx = new GateContext({record: invoicingRecord(), prompter: recorder, today: '2026-11-20', save: async () => undefined, ...options})
  await runGates(ctx).catch(() => undefined)
  return seen
}

/** What a file writes for a key the gates only peek at (no question): by the key's last segment. */
const PEEKED: Record<string, unknown> = {
  id: 'an-option',
  is_null: true,
  is_hybrid: true,
  delegate: true,
  y_statement: 'In the context of …',
  statement: 'A concern in my own words.',
  name: 'A name',
  decide_by: '2026-12-01',
  date: '2027-01-15',
  context: 'What forces it now.',
  out_of_scope: ['Reporting'],
  hurt: 'Tenants.',
  category: 'reliability',
  scenario: 'Month-end close.',
  measure: 'Zero mismatches.',
  knockout: false,
  good: ['Totals are right'],
  tradeoffs: ['Slower writes'],
  dissent: 'In my own words.',
  evidence: 'opinion',
  confidence: 'low',
  title: 'A title',
  class: 'costly',
}

/** A value of the question's kind, as a file would write it; undefined for a key that only says "another one?" or names a section. */
function sample(asked: Asked, all: readonly Asked[]): unknown {
  const q = asked.question ?? all.find((a) => a.key === asked.key && a.question)?.question
  if (!q) {
    const last = asked.key.split('.').at(-1)!
    if (/^\d+$/.test(last) || all.some((a) => a.key.startsWith(`${asked.key}.`)) || ['weights', 'agreed'].includes(last)) return undefined
    if (/^D[1-9][0-9]*$/.test(last)) return 30
    if (!(last in PEEKED)) throw new Error(`The gates peek at \`${asked.key}\`: add a sample for "${last}" to PEEKED`)
    return PEEKED[last]
  }
  if (q.presenceOf !== undefined) return undefined
  switch (q.kind) {
    case 'number':
      return 3
    case 'confirm':
      return true
    case 'select':
      return q.choices?.[0]?.value ?? 'x'
    case 'list':
      return ['D1', 'D2']
    default:
      return /date|due|decide_by/.test(q.key) ? '2026-12-01' : 'Some words.'
  }
}

/** Sets `drivers.0.name` in `root` ({drivers: [{name}]}); `again.G3.0.x` is checked as `x` at the top level (a revisit takes the gate's own keys). */
function setKey(root: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split('.')
  const path = parts[0] === 'again' ? parts.slice(3) : parts
  // biome-ignore lint/suspicious/noExplicitAny: a free-form tree
  let node: any = root
  path.forEach((part, i) => {
    const slot = Array.isArray(node) ? Number(part) : part
    if (i === path.length - 1) {
      node[slot] = value
      return
    }
    if (node[slot] === undefined || typeof node[slot] !== 'object') node[slot] = /^\d+$/.test(path[i + 1]) ? [] : {}
    node = node[slot]
  })
}

/** Every asked key with a value of its kind, in one answers object; what the schema says about it. */
function rejected(asked: readonly Asked[]): string[] {
  const answers: Record<string, unknown> = {}
  for (const a of asked) {
    const value = sample(a, asked)
    if (value !== undefined) setKey(answers, a.key, value)
  }
  // a list's gaps (options asked from index 3 on a revisit) are items of their own
  const fill = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        if (node[i] === undefined) node[i] = {title: 'x', name: 'x'}
        else fill(node[i])
      }
    } else if (node && typeof node === 'object') for (const v of Object.values(node)) fill(v)
  }
  fill(answers)
  try {
    parseAnswers(JSON.stringify(answers), 'answers.json')
    return []
  } catch (error) {
    return (error as Error).message.split('\n').slice(1)
  }
}

const OBJECTION = {kind: 'objection', statement: 'Tenants will wait weeks for fields.', harms: ['D2'], worse_than_acceptable: true}

const SCENARIOS: Record<string, () => {answers: Record<string, unknown>; brief?: boolean}> = {
  'the bundled demo': () => ({answers: invoicingAnswers()}),
  'the fast track, compact answers': () => {
    const answers: Record<string, unknown> = {}
    for (const [key, value] of FEATURE_FLAGS_FAST_TRACK) setKey(answers, key, value)
    return {answers, brief: true}
  },
  'the fast track from a full file': () => {
    const a = invoicingAnswers()
    a.door = {alice: {nomination: '1, 2, two-way'}, bob: {nomination: '1, 2, two-way'}}
    a.decision.delegate = true
    a.consent.bob = {statement: 'JSONB will slow the roadmap.'}
    return {answers: a, brief: true}
  },
  'a door downgraded': () => {
    const a = invoicingAnswers()
    a.door.bob.class = 'one-way'
    a.door.downgrade = {class: 'costly', rationale: 'Dual writes for a quarter.'}
    return {answers: a}
  },
  'a question and a driver that name an option': () => {
    const a = invoicingAnswers()
    a.frame.question = 'How should Tally store invoices, given that Mongo keeps tenant fields flexible?'
    a.drivers[1].name = 'Tenants add fields as easily as in Mongo'
    return {answers: a}
  },
  'every option knocked out': () => {
    const a = invoicingAnswers()
    for (const who of ['alice', 'bob']) for (const o of ['postgresql', 'mongodb', 'keep-mysql-5-7']) a.scores[who][o].D1.score = 2
    delete a.reveal
    return {answers: a}
  },
  'a rejected steelman': () => {
    const a = invoicingAnswers()
    a.steelman.postgresql.bob.acknowledged = false
    return {answers: a}
  },
  'cruxes not genuine, deferred': () => {
    const a = invoicingAnswers()
    Object.assign(a.cruxes.mongodb.D1.alice, {genuine: false, deeper_belief: 'Years of incidents.', settle: 'defer'})
    return {answers: a}
  },
  'an objection integrated by a new option': () => {
    const a = invoicingAnswers()
    a.consent.bob = {...OBJECTION}
    a.objections = {bob: {summary: 'Fields must wait.', confirmed: true, resolution: 'integrated', rationale: 'A hybrid.'}}
    return {answers: a}
  },
  'a crux that exposes a driver': () => {
    const a = invoicingAnswers()
    a.crux_loop = 'driver'
    return {answers: a}
  },
  'an option avoided at the pre-mortem': () => {
    const a = invoicingAnswers()
    a.premortem.alice.response = 'avoid'
    return {answers: a}
  },
  'a person’s compact answers written to a file': () => {
    const a = invoicingAnswers()
    a.weights.alice = '50 20 30'
    const cell = a.scores.bob.mongodb.D3
    a.scores.bob.mongodb.D3 = {score: cell.score, rationale: cell.rationale, basis: 'opinion medium'}
    return {answers: a}
  },
  'an override of the top-scored option': () => {
    const a = invoicingAnswers()
    a.decision.chosen = 'mongodb'
    return {answers: a}
  },
}

describe('the answers schema accepts every key the gates ask', () => {
  for (const [name, scenario] of Object.entries(SCENARIOS)) {
    it(name, async () => {
      const {answers, brief} = scenario()
      const asked = await keysOf(answers, {brief})
      expect(asked.length).toBeGreaterThan(5)
      expect(rejected(asked)).toEqual([])
    })
  }

  it('and rejects a key no gate asks (the test can fail)', () => {
    expect(rejected([{key: 'frame.questoin', question: {key: 'frame.questoin', kind: 'text', message: ''}}])).toEqual([
      '  frame.questoin: unexpected key',
    ])
  })
})
