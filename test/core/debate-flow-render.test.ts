import {describe, expect, it} from 'vitest'
import {canPrompt} from '../../src/core/debate/prompter.js'
import {renderDebateAdr} from '../../src/core/debate/render-adr.js'
import {renderMatrix} from '../../src/core/debate/render-matrix.js'
import {invoicingAnswers, play} from './debate-gates-helpers.js'

async function decided() {
  const {record} = await play(invoicingAnswers())
  return record
}

describe('renderMatrix', () => {
  it('shows options × drivers with each participant’s score, marks divergent and rescored cells, and says what the weights mean', async () => {
    const text = renderMatrix(await decided())
    expect(text).toContain('Scores (alice / bob; ! = differ by 2 or more; a→b = rescored):')
    expect(text).toMatch(/MongoDB 7 +2→3 4→3 ! +5 5 +3 3 +3\.70/)
    expect(text).toContain("Winner: PostgreSQL 16 under the agreed weights; PostgreSQL 16 under alice's; PostgreSQL 16 under bob's.")
    expect(text).toContain('MongoDB 7 wins only if D2 is worth more than 46.6%.')
  })
})

describe('renderDebateAdr', () => {
  it('writes MADR sections in order, the Y-statement in the outcome, cruxes, dissent and triggers under More Information, in about a page', async () => {
    const record = await decided()
    const text = renderDebateAdr(record, {
      title: 'Primary datastore for Tally',
      status: 'accepted',
      date: '2026-11-20',
      debate: 'debates/0001-x.yaml',
    })
    const headings = text.split('\n').filter((l) => /^##? /.test(l))
    expect(headings).toEqual([
      '# Primary datastore for Tally',
      '## Context and Problem Statement',
      '## Decision Drivers',
      '## Considered Options',
      '## Decision Outcome',
      '## Pros and Cons of the Options',
      '## More Information',
    ])
    expect(text).toContain('> In the context of the question "How should Tally store invoices')
    expect(text).toContain('* C1 (alice, mongodb on D1)')
    expect(text).toContain('* bob disagrees and commits: "I still think')
    expect(text).toContain('* T2 A tenant asks for more than 50 custom fields')
    const body = text.slice(text.indexOf('\n---\n') + 5)
    expect(body.split('\n').length).toBeLessThan(100)
    expect(text).toContain('  - {id: D1, title: Invoice totals are never wrong, weight: 40, knockout: true, category: reliability')
  })

  it('says where an unfinished debate stands, keeping the ADR proposed', async () => {
    const answers = invoicingAnswers()
    delete answers.scores
    const {record} = await play(answers, [{key: 'scores.alice.postgresql.D1.score', throws: new Error('stop')}])
    const text = renderDebateAdr(record, {
      title: 'Primary datastore for Tally',
      status: 'proposed',
      date: '2026-11-20',
      debate: 'debates/0001-x.yaml',
    })
    expect(text).toContain('status: proposed')
    expect(text).toContain('Not decided yet: the debate is at G5.')
    expect(text).not.toContain('decision:')
  })
})

describe('canPrompt', () => {
  it('prompts only at a terminal, without --json and without --no-input', () => {
    expect(canPrompt({stdinIsTTY: true})).toBe(true)
    expect(canPrompt({stdinIsTTY: undefined})).toBe(false)
    expect(canPrompt({stdinIsTTY: true, json: true})).toBe(false)
    expect(canPrompt({stdinIsTTY: true, noInput: true})).toBe(false)
  })
})
