import {describe, expect, it} from 'vitest'
import {FEATURE_FLAGS_FAST_TRACK, invoicingAnswers, lintSaves, play} from './debate-gates-helpers.js'

/**
 * The contract between the gates and `adr lint` (see `DebateRecord` in record.ts): every record the
 * gates save — after every answer a person gives, at each gate's end and where it stops for answers
 * from a file — lints clean for its stage, so a debate paused anywhere passes CI.
 * Played on the bundled demo (examples/debates/invoicing-answers.yaml).
 */
describe('every record saved while playing the demo debate', () => {
  it('lints clean at its stage', async () => {
    const {saved, error} = await play(invoicingAnswers())
    expect(error).toBeUndefined()
    expect(saved.length).toBeGreaterThan(50)
    expect(lintSaves(saved)).toEqual([])
  })

  it('lints clean on the fast track too', async () => {
    const {record, saved, error} = await play({}, FEATURE_FLAGS_FAST_TRACK, {brief: true})
    expect(error).toBeUndefined()
    expect(record.track).toBe('fast')
    expect(lintSaves(saved)).toEqual([])
  })
})

describe('every record saved on the ways a debate can go wrong', () => {
  const scenarios: Record<string, (a: ReturnType<typeof invoicingAnswers>) => void> = {
    'a failed G3 (weights summing to 95)': (a) => (a.weights.bob = {D1: 30, D2: 40, D3: 25}),
    'a failed G7 (high × high monitored)': (a) => (a.premortem.bob.impact = 'high'),
    'a score changed at the reveal, paused before G6': (a) => delete a.cruxes,
    'every option knocked out, back to the drivers': (a) => {
      for (const who of ['alice', 'bob']) for (const o of ['postgresql', 'mongodb', 'keep-mysql-5-7']) a.scores[who][o].D1.score = 2
      delete a.reveal
      a.knockout_loop = 'drivers'
      a.again = {G3: [{knockouts: {D1: false}}]}
    },
    'agreed weights left to the protocol': (a) => delete a.weights.agreed,
  }
  for (const [name, edit] of Object.entries(scenarios)) {
    it(`lints clean at its stage: ${name}`, async () => {
      const answers = invoicingAnswers()
      edit(answers)
      const {saved} = await play(answers, [], {interactive: false})
      // answers from a file are saved once per gate and where the debate stopped (GateContext.keep)
      expect(saved.length).toBeGreaterThanOrEqual(3)
      expect(lintSaves(saved)).toEqual([])
    })
  }
})
