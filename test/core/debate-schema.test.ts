import {readFileSync, writeFileSync} from 'node:fs'
import {Ajv2020} from 'ajv/dist/2020.js'
import {describe, expect, it} from 'vitest'
import {DEBATE_SCHEMA} from '../../src/core/debate/debate-schema.js'
import {lintDebateRecord} from '../../src/core/debate/lint-record.js'
import {type DebateRecord, emptyRecord, GATES} from '../../src/core/debate/record.js'
import {computeResults} from '../../src/core/debate/results.js'
import {loadDebate, PROPOSED, TODAY, toYaml} from './debate-fixtures.js'

const SCHEMA_FILE = new URL('../../schemas/debate.schema.json', import.meta.url)
const validate = new Ajv2020({allErrors: true, strict: true}).compile(DEBATE_SCHEMA)

/** The keys each gate adds to the record. */
const GATE_KEYS: Record<string, (keyof DebateRecord)[]> = {
  G1: ['question', 'context', 'out_of_scope'],
  G2: ['reversibility', 'track'],
  G3: ['drivers', 'weights', 'drivers_lock'],
  G4: ['options', 'null_option'],
  G5: ['scoring', 'results'],
  G6: ['cruxes'],
  G7: ['premortem', 'consequences', 'confirmation', 'revisit'],
  G8: ['objections', 'decision', 'commitments'],
}

/** The full-track fixture as it stood once `gates` gates had passed: later keys removed, scores as first revealed before G6. */
function atStage(gates: number): DebateRecord {
  const record = structuredClone(loadDebate('valid-full-track.yaml'))
  record.gate_log = record.gate_log.slice(0, gates)
  for (const gate of GATES.slice(gates)) for (const key of GATE_KEYS[gate]) delete record[key]
  if (gates < 1) {
    delete record.timebox.decide_by
    for (const p of record.roles.participants) {
      delete p.initial_position
      delete p.success_picture
    }
  }
  if (gates === 5 && record.scoring) {
    for (const e of record.scoring.entries) {
      if (e.initial_score !== undefined) e.score = e.initial_score
      delete e.initial_score
      delete e.crux
    }
    record.results = computeResults(record)
  }
  return record
}

describe('schemas/debate.schema.json', () => {
  it('is the generated copy of DEBATE_SCHEMA (UPDATE_DEBATE_SCHEMA=1 rewrites it)', () => {
    if (process.env.UPDATE_DEBATE_SCHEMA) writeFileSync(SCHEMA_FILE, `${JSON.stringify(DEBATE_SCHEMA, null, 2)}\n`)
    expect(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'))).toEqual(DEBATE_SCHEMA)
  })

  it('describes every key', () => {
    const missing: string[] = []
    const walk = (node: unknown, path: string) => {
      if (!node || typeof node !== 'object') return
      const props = (node as {properties?: Record<string, Record<string, unknown>>}).properties
      for (const [key, sub] of Object.entries(props ?? {})) {
        if (!/\/(allOf|if|then)\b/.test(path) && !sub.description && !sub.$ref) missing.push(`${path}/${key}`)
      }
      for (const [key, value] of Object.entries(node)) walk(value, `${path}/${key}`)
    }
    walk(DEBATE_SCHEMA, '#')
    expect(missing).toEqual([])
  })
})

describe('the debate schema at every stage', () => {
  it('accepts the record `adr debate start` writes', () => {
    const record = emptyRecord({adr: '0012-primary-datastore.md', approver: 'dana', participants: ['alice', 'bob'], started: '2026-03-02'})
    expect(validate(record), JSON.stringify(validate.errors)).toBe(true)
  })

  for (let gates = 0; gates <= 8; gates++) {
    it(`accepts the full-track record after ${gates} gate${gates === 1 ? '' : 's'}, and its code rules pass`, () => {
      const record = atStage(gates)
      expect(validate(record), JSON.stringify(validate.errors)).toBe(true)
      const adrs = gates === 8 ? undefined : PROPOSED
      const problems = lintDebateRecord(toYaml(record), 'x.yaml', {adrs: adrs ?? [], today: TODAY})
      expect(adrs ? problems : problems.filter((p) => p.rule !== 'debate/adr')).toEqual([])
    })
  }

  it('accepts G5 half-way: some blind scores in, none revealed, no results yet', () => {
    const record = atStage(4)
    record.scoring = {aggregate: 'mean', entries: loadDebate('valid-full-track.yaml').scoring!.entries.slice(0, 3)}
    record.in_progress = {gate: 'G5', failed: 0, answers: {'scores.alice.postgresql.D1.score': 5}}
    expect(validate(record), JSON.stringify(validate.errors)).toBe(true)
    expect(lintDebateRecord(toYaml(record), 'x.yaml', {adrs: PROPOSED, today: TODAY})).toEqual([])
  })

  it('accepts the finished fast-track record', () => {
    expect(validate(loadDebate('valid-fast-track.yaml')), JSON.stringify(validate.errors)).toBe(true)
  })

  const broken: [string, (r: DebateRecord) => void, string][] = [
    ['no question once G1 passed', (r) => delete r.question, 'question'],
    ['a question with no question mark', (r) => (r.question = 'Tally needs a place to keep invoices.'), 'pattern'],
    ['a score of 6', (r) => (r.scoring!.entries[0].score = 6), 'maximum'],
    ['a driver id that is not D1…', (r) => (r.drivers![0].id = 'ledger'), 'pattern'],
    ['a date that is not YYYY-MM-DD', (r) => (r.decision!.date = '18/03/2026'), 'pattern'],
    ['an unknown key', (r) => Object.assign(r, {winner: 'postgresql'}), 'additionalProperties'],
    ['a knockout driver with no measure', (r) => delete r.drivers![0].measure, 'measure'],
    [
      'a high × high risk that is merely accepted',
      (r) => Object.assign(r.premortem![0], {likelihood: 'high', impact: 'high', response: 'accept'}),
      'enum',
    ],
    ['G5 passed with no results', (r) => delete r.results, 'results'],
    ['a full track with no agreed weights', (r) => delete r.weights!.agreed, 'agreed'],
    ['an objection naming no harm', (r) => Object.assign(r.objections![1], {kind: 'objection', harms: undefined}), 'harms'],
    ['one participant', (r) => r.roles.participants.pop(), 'minItems'],
    ['an uncertainty with no trigger', (r) => Object.assign(r.cruxes![0], {resolution: 'uncertainty'}), 'trigger'],
  ]
  for (const [what, apply, expected] of broken) {
    it(`rejects ${what}`, () => {
      const record = structuredClone(loadDebate('valid-full-track.yaml'))
      apply(record)
      const clean = JSON.parse(JSON.stringify(record))
      expect(validate(clean)).toBe(false)
      expect(JSON.stringify(validate.errors)).toContain(expected)
    })
  }
})
