import {describe, expect, it} from 'vitest'
import {listPrompter} from '../../src/adapters/prompter/prompter-list.js'
import {GateContext} from '../../src/core/debate/gates/context.js'
import {runGates} from '../../src/core/debate/gates/engine.js'
import {escalateRecord} from '../../src/core/debate/gates/escalate.js'
import type {DebateRecord} from '../../src/core/debate/record.js'
import {FEATURE_FLAGS_FAST_TRACK, invoicingAnswers, play} from './debate-gates-helpers.js'

describe('an interrupted session', () => {
  it('loses nothing: resuming from the last save asks only what is still owed, at the same question', async () => {
    const answers = invoicingAnswers()
    const bob = answers.weights.bob
    delete answers.weights.bob
    const ctrlC = Object.assign(new Error('User force closed the prompt'), {name: 'ExitPromptError'})
    const first = await play(answers, [{key: 'weights.bob', throws: ctrlC}])
    expect(first.error).toBe(ctrlC)
    const saved = JSON.parse(first.saved.at(-1)!) as DebateRecord
    expect(saved.gate_log.map((g) => g.gate)).toEqual(['G1', 'G2'])
    expect(saved.in_progress).toMatchObject({gate: 'G3', answers: {'weights.alice.D1': 50, 'weights.alice.D3': 30}})
    expect(saved.in_progress?.answers['drivers.2.name']).toBe('The team runs it without a dedicated DBA')

    const second = await play(answers, [['weights.bob', `${bob.D1} ${bob.D2} ${bob.D3}`]], {record: saved})
    expect(second.error).toBeUndefined()
    expect(second.person.asked).toEqual(['weights.bob'])
    expect(second.record.gate_log.filter((g) => g.gate === 'G3')).toHaveLength(1)
    expect(second.record.in_progress).toBeUndefined()
    expect(second.record.decision?.chosen).toBe('postgresql')
  })

  it('saves the record after every single answer', async () => {
    const answers = invoicingAnswers()
    delete answers.frame
    const {saved, error} = await play(answers, [
      ['frame.question', 'How should Tally store invoices so that totals are never wrong while each tenant adds its own fields?'],
      ['frame.context', ''],
      {key: 'frame.out_of_scope', throws: new Error('crash')},
    ])
    expect(error).toBeInstanceOf(Error)
    expect(saved.map((s) => Object.keys(JSON.parse(s).in_progress.answers).length)).toEqual([1, 2])
  })
})

describe('the fast track', () => {
  const fast = () => ({
    frame: {
      question: 'How do product teams get feature flags to customers within a day?',
      positions: {
        alice: {favours: 'LaunchDarkly', success: 'A flag ships the day it is asked for'},
        bob: {favours: 'Unleash', success: 'Flags cost nothing per seat'},
      },
    },
  })

  it('is 15 prompts for two participants, G3-lite, G4-lite and G8-lite, and one more for a dissent', async () => {
    const {record, person} = await play({}, FEATURE_FLAGS_FAST_TRACK, {brief: true})
    expect(person.asked).toHaveLength(16)
    expect(record.commitments?.[0]).toMatchObject({stance: 'disagree-and-commit', dissent: expect.stringContaining('support')})
    expect(record.gate_log.map((g) => g.gate)).toEqual(['G1', 'G2', 'G3', 'G4', 'G8'])
    expect(record).toMatchObject({
      track: 'fast',
      decision: {chosen: 'unleash', method: 'approver', decided_by: 'dana'},
      revisit: {date: '2027-02-20'},
    })
    expect(record.confirmation).toEqual([
      {
        id: 'F1',
        name: 'npm test runs the flag contract test in CI',
        kind: 'automated',
        check: 'npm test runs the flag contract test in CI',
      },
    ])
    expect(person.notes).toContain('\nGate 3 of 8 · Drivers (lite)')
  })

  it('G8-lite: a participant raises a concern with the stance, at the terminal; it is recorded and does not block', async () => {
    const list = FEATURE_FLAGS_FAST_TRACK.filter(([k]) => !k.startsWith('commitments.bob'))
    const {record, person, error} = await play(
      {},
      [...list, ['commitments.bob.stance', 'concern'], ['consent.bob.statement', 'Self-hosting it adds an on-call page']],
      {brief: true},
    )
    expect(error).toBeUndefined()
    expect(person.remaining()).toEqual([])
    expect(record.commitments?.[1]).toEqual({participant: 'bob', stance: 'agree'})
    expect(record.objections).toEqual([
      {id: 'O1', raiser: 'bob', kind: 'concern', option: 'unleash', statement: 'Self-hosting it adds an on-call page'},
    ])
  })

  it('goes to the full track when one nomination is costly: the most cautious class wins', async () => {
    const {record} = await play(
      {...fast(), door: {alice: {nomination: '1, 2, two-way'}, bob: {nomination: '4, 12, costly'}}},
      [['door.downgrade.class', 'costly'], {key: 'drivers.0.name', throws: new Error('stop')}],
      {brief: true},
    )
    expect(record.reversibility?.class).toBe('costly')
    expect(record.track).toBe('full')
  })

  it('escalates to the full track from the gate where it stands, keeping what was given', async () => {
    const answers = {
      ...fast(),
      door: {alice: {nomination: '1, 2, two-way'}, bob: {nomination: '1, 3, two-way'}},
      drivers: [{name: 'Flags ship within a day'}],
      options: [{title: 'LaunchDarkly'}, {title: 'Unleash'}],
    }
    const {record} = await play(answers, [{key: 'decision.chosen', throws: new Error('stop')}], {brief: true})
    expect(record.in_progress?.gate).toBe('G8')
    escalateRecord(record, 'bob', 'costly')
    expect(record).toMatchObject({track: 'full', reversibility: {class: 'costly'}, in_progress: {gate: 'G3', from: 'G8'}})
    const person = listPrompter([
      ['again.G3.0.drivers.0.measure', 'A flag reaches production within 24 hours'],
      ['again.G3.0.drivers.1.more', true],
      {key: 'again.G3.0.drivers.1.name', throws: new Error('stop')},
    ])
    const ctx = new GateContext({record, prompter: person, today: '2026-11-20', save: async () => undefined})
    await expect(runGates(ctx)).rejects.toThrow('stop')
    expect(person.notes.join('\n')).toContain('Gate 3 of 8 · Drivers — back from Gate 8: bob escalated: the door is costly')
    expect(() => escalateRecord(record, 'carol', 'costly')).toThrow(/not a participant/)
  })
})
