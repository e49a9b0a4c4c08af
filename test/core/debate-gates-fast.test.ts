import {describe, expect, it} from 'vitest'
import {listPrompter} from '../../src/adapters/prompter-list.js'
import {GateContext} from '../../src/core/debate/gates/context.js'
import {runGates} from '../../src/core/debate/gates/engine.js'
import {type DebateRecord, emptyRecord} from '../../src/core/debate/record.js'

const FAST: [string, string | number | boolean | string[]][] = [
  ['frame.question', 'How do product teams get feature flags into customers’ hands within a day?'],
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
  ['commitments.bob.stance', 'agree'],
]

function newRecord(): DebateRecord {
  return emptyRecord({adr: '0002-feature-flags.md', approver: 'dana', participants: ['alice', 'bob'], started: '2026-11-20'})
}

describe('the fast track', () => {
  it('runs G1 G2 G3-lite G4-lite G8-lite in at most 15 prompts and saves after every answer', async () => {
    const prompter = listPrompter(FAST)
    const record = newRecord()
    let saves = 0
    const ctx = new GateContext({record, prompter, today: '2026-11-20', save: async () => void saves++, brief: true})
    await runGates(ctx)
    expect(prompter.remaining()).toEqual([])
    expect(prompter.asked.length).toBeLessThanOrEqual(15)
    expect(saves).toBeGreaterThanOrEqual(15)
    expect(record.gate_log.map((g) => g.gate)).toEqual(['G1', 'G2', 'G3', 'G4', 'G8'])
    expect(record.track).toBe('fast')
    expect(record.options?.map((o) => o.id)).toEqual(['launchdarkly', 'unleash', 'do-nothing'])
    expect(record.options?.find((o) => o.id === 'unleash')?.champion).toBe('bob')
    expect(record.decision).toMatchObject({chosen: 'unleash', method: 'approver', decided_by: 'dana'})
    expect(record.revisit?.date).toBe('2027-02-20')
    expect(record.in_progress).toBeUndefined()
    expect(record.commitments).toEqual([
      {participant: 'alice', stance: 'disagree-and-commit'},
      {participant: 'bob', stance: 'agree'},
    ])
  })
})
