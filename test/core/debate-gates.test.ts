import {describe, expect, it} from 'vitest'
import {invoicingAnswers, play} from './debate-gates-helpers.js'

describe('G1 Frame', () => {
  it('explains a question that is not one, asks it again and keeps the other answers', async () => {
    const answers = invoicingAnswers()
    delete answers.frame.question
    const {record, person, error} = await play(answers, [
      ['frame.question', 'Postgres or Mongo'],
      ['frame.question', 'How should Tally store invoices so that totals are never wrong while each tenant adds its own fields?'],
    ])
    expect(error).toBeUndefined()
    expect(person.asked).toEqual(['frame.question', 'frame.question'])
    expect(person.notes.join('\n')).toContain('ending in "?"')
    expect(record.gate_log[0]).toMatchObject({gate: 'G1', attempts: 1})
  })

  it('without a person, a failed check is GATE_FAILED naming the key', async () => {
    const answers = invoicingAnswers()
    answers.frame.question = 'Postgres or Mongo'
    const {error, record} = await play(answers, [], {interactive: false})
    expect(error).toMatchObject({code: 'GATE_FAILED'})
    expect((error as Error).message).toContain('Gate 1 · Frame')
    expect((error as Error).message).toContain('frame.question')
    expect(record.gate_log).toEqual([])
  })
})

describe('G2 Door', () => {
  it('takes the most cautious nomination, and the approver may downgrade it with a rationale', async () => {
    const answers = invoicingAnswers()
    answers.door.bob.class = 'one-way'
    answers.door.downgrade = {
      class: 'costly',
      rationale: 'The invoice tables can be dual-written for a quarter, so reversing stays a project, not a rewrite.',
    }
    const {record} = await play(answers)
    expect(record.reversibility).toMatchObject({class: 'costly', downgrade_rationale: expect.stringContaining('dual-written')})
    expect(record.track).toBe('full')
  })

  it('hides each blind nomination until everyone has given theirs', async () => {
    const answers = invoicingAnswers()
    delete answers.door
    const {person} = await play(answers, [
      ['door.alice.weeks_3m', 6],
      ['door.alice.weeks_12m', 20],
      ['door.alice.outside_team', false],
      {key: 'door.alice.class', answer: 'costly'},
      ['door.bob.weeks_3m', 3],
      ['door.bob.weeks_12m', 12],
      ['door.bob.outside_team', false],
      ['door.bob.class', 'costly'],
    ])
    const reveal = person.notes.findIndex((n) => n.includes('Revealed'))
    expect(reveal).toBeGreaterThan(-1)
    expect(person.notes.slice(0, reveal).join('\n')).not.toContain('costly')
  })
})

describe('G3 Drivers', () => {
  it('asks again only the weights that do not sum to 100', async () => {
    const answers = invoicingAnswers()
    delete answers.weights.bob
    // a person splits the points in one answer, in the drivers' order
    const {record, person} = await play(answers, [
      ['weights.bob', '30 45 35'],
      ['weights.bob', 'D1=30 D2=45 D3=25'],
    ])
    expect(person.notes.join('\n')).toContain("bob's weights sum to 110, not 100")
    expect(record.weights?.proposed.bob).toEqual({D1: 30, D2: 45, D3: 25})
    expect(record.gate_log.find((g) => g.gate === 'G3')?.attempts).toBe(2)
    expect(record.drivers_lock).toMatch(/^[0-9a-f]{64}$/)
  })

  it('refuses a knockout without a measure', async () => {
    const answers = invoicingAnswers()
    delete answers.drivers[0].measure
    answers.drivers[0].qualitative_reason = 'Hard to say'
    const {error} = await play(answers, [], {interactive: false})
    expect(error).toMatchObject({code: 'GATE_FAILED'})
    expect((error as Error).message).toContain('g3/knockout-measure')
  })
})

describe('G4 Options & steelman', () => {
  it('asks to rephrase a question that names an option once options are known', async () => {
    const answers = invoicingAnswers()
    answers.frame.question = 'How should Tally store invoices, given that Mongo keeps tenant fields flexible?'
    const {record, person} = await play(answers, [
      ['rephrase.question', 'How should Tally store invoices so that tenant fields stay flexible?'],
    ])
    expect(person.asked).toEqual(['rephrase.question'])
    expect(record.question).toBe('How should Tally store invoices so that tenant fields stay flexible?')
  })

  it('asks a rejected steelman again, up to three attempts, then for the missing points', async () => {
    const answers = invoicingAnswers()
    Object.assign(answers.steelman.postgresql.bob, {
      acknowledged: false,
      retry2: {argument: 'It is boring technology.', drivers: ['D1', 'D3'], acknowledged: false},
      retry3: {argument: 'Transactions.', drivers: 'D1, d3', acknowledged: false},
      missing_points: 'That constraints make wrong totals impossible, not unlikely.',
    })
    const {record} = await play(answers)
    const steelman = record.options?.find((o) => o.id === 'postgresql')?.steelman?.[0]
    expect(steelman).toMatchObject({author: 'bob', attempts: 3, acknowledged: false, missing_points: expect.any(String)})
  })
})

describe('G5 Blind score', () => {
  it('reveals the matrix only after every participant has scored, with the divergent cell marked', async () => {
    const answers = invoicingAnswers()
    const bob = answers.scores.bob
    delete answers.scores.bob
    const list: [string, string | number][] = []
    for (const option of ['postgresql', 'mongodb', 'keep-mysql-5-7']) {
      for (const driver of ['D1', 'D2', 'D3']) {
        const cell = bob[option][driver]
        const base = `scores.bob.${option}.${driver}`
        list.push([`${base}.score`, cell.score], [`${base}.rationale`, cell.rationale])
        list.push([`${base}.basis`, `${cell.evidence} ${cell.confidence}`])
      }
    }
    const {person, record} = await play(answers, list)
    expect(person.remaining()).toEqual([])
    const matrix = person.notes.find((n) => n.startsWith('Scores ('))
    expect(matrix).toContain('2 4 !')
    expect(record.results?.divergent).toEqual([{option: 'mongodb', driver: 'D1', spread: 2}])
  })

  it('refuses a rationale used more than three times', async () => {
    const answers = invoicingAnswers()
    for (const option of ['postgresql', 'mongodb']) for (const d of ['D1', 'D2']) answers.scores.alice[option][d].rationale = 'Gut feeling.'
    const {error} = await play(answers, [], {interactive: false})
    expect((error as Error).message).toContain('g5/rationale-reuse')
  })
})

describe('G5 → G7 shortcut', () => {
  it('skips the crux gate when no cell diverges and every weight set names the same winner', async () => {
    const answers = invoicingAnswers()
    answers.scores.bob.mongodb.D1.score = 3
    delete answers.reveal
    const {record, error} = await play(answers)
    expect(error).toBeUndefined()
    expect(record.gate_log.map((g) => g.gate)).toEqual(['G1', 'G2', 'G3', 'G4', 'G5', 'G7', 'G8'])
    expect(record.results).toMatchObject({divergent: [], stable: true})
    expect(record.timebox).toEqual({started: '2026-11-20', decide_by: '2026-12-04'})
  })
})

describe('G6 Crux and its loop-backs', () => {
  it('a crux that exposes a missing driver goes back to G3, and G5 asks only the new cells', async () => {
    const answers = invoicingAnswers()
    answers.crux_loop = 'driver'
    answers.again = {
      G3: [
        {
          drivers: [
            null,
            null,
            null,
            {
              name: 'Tax authorities can audit every change',
              category: 'security',
              measure: 'Every change has an audit row',
              knockout: false,
            },
          ],
        },
      ],
    }
    const weights = {
      alice: {D1: 40, D2: 15, D3: 25, D4: 20},
      bob: {D1: 25, D2: 40, D3: 20, D4: 15},
      agreed: {D1: 35, D2: 30, D3: 20, D4: 15},
    }
    answers.again.G3[0].weights = {...weights, explanations: {D1: 'Two tenants left over wrong totals.', D2: 'Sales data as before.'}}
    answers.again.G3[0].drivers[4] = undefined
    const scores: Record<string, unknown> = {}
    for (const who of ['alice', 'bob']) {
      scores[who] = {}
      for (const [option, score] of [
        ['postgresql', 5],
        ['mongodb', 3],
        ['keep-mysql-5-7', 2],
      ] as const) {
        ;(scores[who] as Record<string, unknown>)[option] = {
          D4: {score, rationale: `${who} on ${option}: audit rows.`, evidence: 'documentation', confidence: 'medium'},
        }
      }
    }
    answers.again.G5 = [{scores}]
    const {record, error, person} = await play(answers)
    expect(error).toBeUndefined()
    expect(person.remaining()).toEqual([])
    expect(record.gate_log.map((g) => g.gate)).toEqual(['G1', 'G2', 'G3', 'G4', 'G5', 'G6', 'G3', 'G5', 'G7', 'G8'])
    expect(record.gate_log[6]).toMatchObject({gate: 'G3', from: 'G6', note: 'a crux exposed a missing driver'})
    expect(record.drivers?.map((d) => d.id)).toEqual(['D1', 'D2', 'D3', 'D4'])
    expect(record.scoring?.entries).toHaveLength(24)
    expect(record.scoring?.drivers_lock).toBe(record.drivers_lock)
  })

  it('a crux that exposes a new option goes back to G4; the new option is steelmanned and scored', async () => {
    const answers = invoicingAnswers()
    answers.crux_loop = 'option'
    const hybrid = {
      id: 'postgresql-with-jsonb-schemas',
      title: 'PostgreSQL with per-tenant JSON Schemas',
      champion: 'alice',
      is_hybrid: true,
    }
    const cell = (score: number, why: string) => ({score, rationale: why, evidence: 'opinion', confidence: 'low'})
    answers.again = {
      G4: [
        {
          options: [null, null, null, hybrid],
          steelman: {[hybrid.id]: {bob: {argument: 'Validated fields without a release.', drivers: ['D1', 'D2'], acknowledged: true}}},
        },
      ],
      G5: [
        {
          scores: {
            alice: {
              [hybrid.id]: {D1: cell(5, 'Totals stay relational here.'), D2: cell(4, 'Schemas per tenant.'), D3: cell(4, 'One store.')},
            },
            bob: {[hybrid.id]: {D1: cell(4, 'Relational totals.'), D2: cell(4, 'Schemas are enough.'), D3: cell(4, 'One store to run.')}},
          },
        },
      ],
    }
    answers.decision.chosen = hybrid.id
    const {record, error, person} = await play(answers)
    expect(error).toBeUndefined()
    expect(person.notes).toContain('  The leading option is PostgreSQL with per-tenant JSON Schemas.')
    expect(record.gate_log.map((g) => g.gate)).toEqual(['G1', 'G2', 'G3', 'G4', 'G5', 'G6', 'G4', 'G5', 'G7', 'G8'])
    expect(record.gate_log[6]).toMatchObject({gate: 'G4', from: 'G6', note: 'a crux exposed a new option'})
    expect(record.options?.find((o) => o.id === hybrid.id)?.steelman?.[0]).toMatchObject({author: 'bob', acknowledged: true})
    expect(record.results?.totals[0].option).toBe(hybrid.id)
  })

  it('requires every participant to own a genuine crux', async () => {
    const answers = invoicingAnswers()
    answers.cruxes.mongodb.D1.bob.genuine = false
    answers.cruxes.mongodb.D1.bob.deeper_belief = 'Nothing would.'
    const {error} = await play(answers, [], {interactive: false})
    expect((error as Error).message).toContain('g6/genuine-crux')
  })
})

describe('G7 Pre-mortem', () => {
  it('a likely and harmful risk must be mitigated or avoided', async () => {
    const answers = invoicingAnswers()
    answers.premortem.bob.impact = 'high'
    const {error} = await play(answers, [], {interactive: false})
    expect((error as Error).message).toContain('g7/high-high')
  })

  it('"avoid" loops back to G5 and the next option leads the pre-mortem', async () => {
    const answers = invoicingAnswers()
    answers.premortem.alice.response = 'avoid'
    const {consequences, confirmation, revisit} = answers
    answers.again = {
      G7: [
        {
          premortem: {alice: {...answers.premortem.alice, response: 'accept'}, bob: answers.premortem.bob},
          consequences,
          confirmation,
          revisit,
        },
      ],
    }
    const {record, error, person} = await play(answers, [])
    expect(error).toBeUndefined()
    expect(record.gate_log.map((g) => g.gate).slice(-4)).toEqual(['G7', 'G5', 'G7', 'G8'])
    expect(person.notes.join('\n')).toContain('The leading option is MongoDB 7.')
    expect(record.premortem?.map((r) => [r.id, r.option, r.response])).toEqual([
      ['R1', 'postgresql', 'avoid'],
      ['R2', 'postgresql', 'monitor'],
      ['R3', 'mongodb', 'accept'],
      ['R4', 'mongodb', 'monitor'],
    ])
  })
})

describe('G8 Consent & commit', () => {
  it('an objection is summarised, confirmed, and overruled by the approver; its raiser disagrees and commits', async () => {
    const answers = invoicingAnswers()
    answers.consent.bob = {kind: 'objection', statement: 'Tenants will wait weeks for fields.', harms: ['D2'], worse_than_acceptable: true}
    answers.commitments.bob = {}
    const {record, person} = await play(answers, [
      ['objections.bob.summary', 'Bob fears tenant fields will wait on releases.'],
      ['objections.bob.confirmed', true],
      ['objections.bob.resolution', 'overruled'],
      ['objections.bob.rationale', 'The JSONB layer and the monitored trigger T1 cover it.'],
      ['commitments.bob.stance', 'disagree-and-commit'],
    ])
    expect(person.remaining()).toEqual([])
    expect(record.objections?.find((o) => o.raiser === 'bob')).toMatchObject({
      kind: 'objection',
      resolution: 'overruled',
      by: 'dana',
      confirmed_by_raiser: true,
    })
    expect(record.commitments?.find((c) => c.participant === 'bob')?.stance).toBe('disagree-and-commit')
    expect(record.decision?.y_statement).toContain('we decided for PostgreSQL 16')
  })

  it('an objection that is "not my first choice" is a concern', async () => {
    const answers = invoicingAnswers()
    answers.consent.bob = {kind: 'objection', statement: 'I prefer documents.', harms: ['D2'], worse_than_acceptable: false}
    const {record} = await play(answers)
    expect(record.objections?.find((o) => o.raiser === 'bob')?.kind).toBe('concern')
  })

  it('choosing an option other than the top-scored asks for the override rationale', async () => {
    const answers = invoicingAnswers()
    answers.decision.chosen = 'mongodb'
    const {record} = await play(answers, [['decision.override_rationale', 'Tenant fields are the roadmap for the next two years.']])
    expect(record.decision).toMatchObject({chosen: 'mongodb', override_rationale: expect.any(String)})
  })

  it('an objection integrated by a new option loops back to G4; the new option is scored and the consent asked again', async () => {
    const answers = invoicingAnswers()
    answers.consent.bob = {kind: 'objection', statement: 'Tenants will wait weeks for fields.', harms: ['D2'], worse_than_acceptable: true}
    answers.objections = {
      bob: {
        summary: 'Tenant fields must not wait.',
        confirmed: true,
        resolution: 'integrated',
        rationale: 'Add a hybrid.',
        new_option: true,
      },
    }
    const hybrid = {id: 'postgresql-with-document-sidecar', title: 'PostgreSQL with a document sidecar', champion: 'bob', is_hybrid: true}
    const cell = (score: number, why: string) => ({score, rationale: why, evidence: 'opinion', confidence: 'low'})
    const {premortem, consequences, confirmation, revisit, decision, commitments} = answers
    answers.again = {
      G4: [
        {
          options: [null, null, null, hybrid],
          steelman: {
            [hybrid.id]: {alice: {argument: 'Totals in PostgreSQL, fields in documents.', drivers: ['D1', 'D2'], acknowledged: true}},
          },
        },
      ],
      G5: [
        {},
        {
          scores: {
            alice: {
              [hybrid.id]: {
                D1: cell(4, 'Totals stay relational.'),
                D2: cell(4, 'Fields go to the sidecar.'),
                D3: cell(2, 'Two stores to run.'),
              },
            },
            bob: {
              [hybrid.id]: {
                D1: cell(4, 'Totals are safe there.'),
                D2: cell(5, 'Fields are free.'),
                D3: cell(2, 'Two stores is real work.'),
              },
            },
          },
        },
      ],
      G7: [{premortem, consequences, confirmation, revisit}],
      G8: [{consent: {alice: {kind: 'consent'}, bob: {kind: 'consent'}}, decision, commitments}],
    }
    const {record, error} = await play(answers)
    expect(error).toBeUndefined()
    expect(record.gate_log.map((g) => g.gate)).toEqual(['G1', 'G2', 'G3', 'G4', 'G5', 'G6', 'G5', 'G7', 'G8', 'G4', 'G5', 'G7', 'G8'])
    expect(record.gate_log[9]).toMatchObject({from: 'G8', note: 'O2 is integrated by a new option'})
    expect(record.options?.map((o) => o.id)).toContain(hybrid.id)
    expect(record.scoring?.entries).toHaveLength(24)
    expect(record.objections?.map((o) => [o.id, o.raiser, o.kind, o.resolution])).toEqual([
      ['O2', 'bob', 'objection', 'integrated'],
      ['O3', 'alice', 'consent', undefined],
      ['O4', 'bob', 'consent', undefined],
    ])
  })
})

describe('when the record is saved (GateContext.keep)', () => {
  const gates = (saved: string) => (JSON.parse(saved) as {gate_log: {gate: string}[]}).gate_log.map((g) => g.gate)

  it('answers from a file: once per gate passed, not once per answer', async () => {
    const {saved, error} = await play(invoicingAnswers(), [], {interactive: false})
    expect(error).toBeUndefined()
    // each save records one more pass (G6 sends the demo back to G5 once): none is of an answer alone
    const passes = saved.map(gates)
    expect(passes.map((p) => p.length)).toEqual(saved.map((_, i) => i + 1))
    expect(passes.at(-1)).toEqual(['G1', 'G2', 'G3', 'G4', 'G5', 'G6', 'G5', 'G7', 'G8'])
  })

  it('answers from stdin: each saved as it is read (nothing else holds them once the command ends)', async () => {
    const {saved, error} = await play(invoicingAnswers(), [], {interactive: false, kept: false})
    expect(error).toBeUndefined()
    const first = JSON.parse(saved[0])
    expect(first.gate_log).toEqual([])
    expect(Object.keys(first.in_progress.answers)).toHaveLength(1)
    expect(saved.length).toBeGreaterThan(100)
  })

  it('answers from a file that stops at a missing answer: the gate’s answers so far are on disk', async () => {
    const answers = invoicingAnswers()
    delete answers.weights.bob
    const {saved, error} = await play(answers, [], {interactive: false})
    expect((error as {code?: string}).code).toBe('MISSING_ANSWER')
    const last = JSON.parse(saved.at(-1)!)
    expect(last.gate_log.map((g: {gate: string}) => g.gate)).toEqual(['G1', 'G2'])
    expect(last.in_progress.gate).toBe('G3')
    expect(last.in_progress.answers['weights.alice.D1']).toBe(answers.weights.alice.D1)
  })

  it('a person’s answers: each saved as it is given', async () => {
    const answers = invoicingAnswers()
    const {question, ...frame} = answers.frame
    answers.frame = frame
    const {saved, person, error} = await play(answers, [['frame.question', question]])
    expect(error).toBeUndefined()
    expect(person.asked).toEqual(['frame.question'])
    // the person's answer is saved at once, alone in G1's progress
    const first = JSON.parse(saved[0])
    expect(first.gate_log).toEqual([])
    expect(first.in_progress.answers).toEqual({'frame.question': question})
  })
})
