/**
 * The G4 gate asks for the steelmen the `debate/steelman` rule then checks: one definition of who
 * favours an option (its champion, and everyone whose G1 position names it), so a debate the gate
 * passes is one lint accepts. Two ways they used to disagree: a second participant favouring the
 * champion's option was asked to steelman it (lint: "by `carol`, who favours it"), and an option a
 * participant favours but nobody champions (the do-nothing option, its champion set to none) was
 * never steelmanned (lint: "favoured option with no acknowledged steelman").
 */
import {describe, expect, it} from 'vitest'
import {assignSteelmen, steelmanFailures} from '../../src/core/debate/gates/g4-steelman.js'
import {type DebateRecord, emptyRecord, type Option} from '../../src/core/debate/record.js'
import {computeResults} from '../../src/core/debate/results.js'
import {steelman} from '../../src/core/debate/rules/steelman.js'
import {favouredBy} from '../../src/core/debate/steelman-duty.js'

function option(id: string, title: string, extra: Partial<Option> = {}): Option {
  return {id, title, aliases: [], ...extra}
}

/** A full-track record at G4: `positions` is each participant's G1 position, `options` in the order G4 listed them. */
function atG4(positions: Record<string, string>, options: Option[]): DebateRecord {
  const record = emptyRecord({
    adr: '0001-event-transport.md',
    approver: 'dana',
    participants: Object.keys(positions),
    started: '2026-11-20',
  })
  record.track = 'full'
  for (const p of record.roles.participants) Object.assign(p, {initial_position: positions[p.name], success_picture: 'It works.'})
  record.drivers = [
    {id: 'D1', name: 'Replays a day of events', category: 'reliability', knockout: false},
    {id: 'D2', name: 'Runs on one node', category: 'team', knockout: false},
  ]
  record.options = options
  return record
}

/** Every assigned steelman written and acknowledged, as the gate records them. */
function writeAssigned(record: DebateRecord): {option: string; author: string}[] {
  const pairs = assignSteelmen(record)
  for (const {option: o, author} of pairs) {
    o.steelman = [...(o.steelman ?? []), {author, argument: 'Its strongest case.', drivers: ['D1', 'D2'], acknowledged: true, attempts: 1}]
  }
  return pairs.map((p) => ({option: p.option.id, author: p.author}))
}

function lintFindings(record: DebateRecord): string[] {
  record.gate_log = [{gate: 'G4', date: '2026-11-21', attempts: 1, timeboxed: false}]
  const participants = record.roles.participants.map((p) => p.name)
  return steelman
    .check({
      record,
      today: '2026-11-21',
      passed: (gate) => gate === 'G4',
      results: () => computeResults(record),
      participants,
      everyone: new Set([...participants, record.roles.approver]),
    })
    .map((f) => f.message)
}

describe('who steelmans what (G4) is what debate/steelman checks', () => {
  it('never asks a participant who favours the option, though they do not champion it', () => {
    // carol favours Kafka as its champion ana does; ben is already busy with one steelman, so by
    // count carol would be next in line for Kafka
    const record = atG4({ana: 'Kafka', ben: 'RabbitMQ', carol: 'Kafka'}, [
      option('kafka', 'Kafka', {champion: 'ana'}),
      option('rabbitmq', 'RabbitMQ', {champion: 'ben'}),
      option('nats', 'NATS', {steelman: [{author: 'ben', argument: 'Light.', drivers: ['D1', 'D2'], acknowledged: true, attempts: 1}]}),
    ])
    const fans = favouredBy(record)
    const pairs = writeAssigned(record)
    for (const p of pairs) expect(fans.get(p.option)?.has(p.author) ?? false, `${p.author} steelmans ${p.option}`).toBe(false)
    expect(pairs).toContainEqual({option: 'kafka', author: 'ben'})
    expect(lintFindings(record)).toEqual([])
    expect(steelmanFailures(record)).toEqual([])
  })

  it('steelmans an option a participant favours that nobody champions (the do-nothing option)', () => {
    const record = atG4({ana: 'Kafka', ben: 'Keep the cron job'}, [
      option('kafka', 'Kafka', {champion: 'ana'}),
      option('keep-the-cron-job', 'Keep the cron job', {is_null: true}),
    ])
    const pairs = writeAssigned(record)
    expect(pairs).toEqual([
      {option: 'kafka', author: 'ben'},
      {option: 'keep-the-cron-job', author: 'ana'},
    ])
    expect(lintFindings(record)).toEqual([])
    expect(steelmanFailures(record)).toEqual([])
  })

  it('the gate does not pass, and lint does not accept, while a favoured option lacks its steelman', () => {
    const record = atG4({ana: 'Kafka', ben: 'Keep the cron job'}, [
      option('kafka', 'Kafka', {champion: 'ana'}),
      option('keep-the-cron-job', 'Keep the cron job', {is_null: true}),
    ])
    record.options![0].steelman = [{author: 'ben', argument: 'Replays.', drivers: ['D1', 'D2'], acknowledged: true, attempts: 1}]
    record.options![1].steelman = [{author: 'ben', argument: 'It is mine.', drivers: ['D1', 'D2'], acknowledged: true, attempts: 1}]
    expect(steelmanFailures(record).map((f) => f.rule)).toEqual(['g4/steelman', 'g4/steelman-duty'])
    expect(lintFindings(record)).toEqual([
      expect.stringContaining('by `ben`, who favours it'),
      expect.stringContaining('favoured option `keep-the-cron-job`'),
      expect.stringContaining('participant `ana` with no steelman'),
    ])
  })
})
