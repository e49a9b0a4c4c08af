import {describe, expect, it} from 'vitest'
import {lintDebateRecord} from '../../src/core/debate/lint-record.js'
import type {DebateRecord} from '../../src/core/debate/record.js'
import {adrFile} from './debate-fixtures.js'
import {FEATURE_FLAGS_FAST_TRACK, invoicingAnswers, play} from './debate-gates-helpers.js'

/**
 * The contract between the gates and `adr lint` (see `DebateRecord` in record.ts): every record the
 * gates save — after every answer — lints clean for its stage, so a debate paused anywhere passes CI.
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

function lintSaves(saved: readonly string[]): string[] {
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
