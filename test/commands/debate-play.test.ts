import {readFileSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {loadAdrs} from '../../src/adapters/adr-store.js'
import {openWorkspace} from '../../src/adapters/workspace.js'
import {playDebateFromFile} from '../../src/app/debate/play.js'
import {lintDebateRecord} from '../../src/core/debate/lint-record.js'
import type {DebateRecord} from '../../src/core/debate/record.js'
import {computeResults} from '../../src/core/debate/results.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {PROJECT_ROOT} from '../helpers/run-command.js'

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

const EXAMPLE = path.join(PROJECT_ROOT, 'examples/debates/invoicing-answers.yaml')

describe('playDebateFromFile: the bundled invoicing debate', () => {
  it('walks the full track and writes an accepted ADR and its record', async () => {
    repo = makeRepo({'docs/adr/.keep': ''})
    const ws = openWorkspace(repo.dir, {env: process.env})
    const played = await playDebateFromFile(ws, EXAMPLE)
    expect(played.session.status).toBe('accepted')
    expect(played.session.decision?.chosen).toBe('postgresql')
    const text = readFileSync(path.join(repo.dir, 'docs/adr/debates/0001-primary-datastore-for-tally.yaml'), 'utf8')
    const record = parse(text) as DebateRecord
    const {adrs} = await loadAdrs(ws)
    expect(lintDebateRecord(text, 'debates/0001-primary-datastore-for-tally.yaml', {adrs, today: '2026-11-20'})).toEqual([])
    expect(record.gate_log.map((g) => g.gate)).toEqual(['G1', 'G2', 'G3', 'G4', 'G5', 'G6', 'G5', 'G7', 'G8'])
    expect(record.gate_log[6]).toMatchObject({gate: 'G5', from: 'G6'})
    expect(record.track).toBe('full')
    expect(record.in_progress).toBeUndefined()
    expect(record.results).toEqual(computeResults(record))
    expect(record.cruxes?.map((c) => [c.id, c.owner, c.settle, c.resolution])).toEqual([
      ['C1', 'alice', 'experiment', 'evidence'],
      ['C2', 'bob', 'lookup', 'evidence'],
    ])
    const rescored = record.scoring?.entries.filter((e) => e.initial_score !== undefined)
    expect(rescored?.map((e) => [e.participant, e.initial_score, e.score, e.crux])).toEqual([
      ['alice', 2, 3, 'C1'],
      ['bob', 4, 3, 'C2'],
    ])
    expect(record.commitments?.find((c) => c.participant === 'bob')?.stance).toBe('disagree-and-commit')
    expect(played.adrText).toContain('status: accepted')
    expect(played.adrText).toContain('debate: debates/0001-primary-datastore-for-tally.yaml')
    expect(played.adrText).toContain('> In the context of')
  })
})
