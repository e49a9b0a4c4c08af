import {describe, expect, it} from 'vitest'
import {formatTotal} from '../../src/core/debate/aggregate.js'
import {escalateRecord} from '../../src/core/debate/gates/escalate.js'
import {lintDebateRecord} from '../../src/core/debate/lint-record.js'
import {type DebateRecord, emptyRecord} from '../../src/core/debate/record.js'
import {renderDebateAdr} from '../../src/core/debate/render-adr.js'
import {adrFile, featureFlagsFastStart} from './debate-fixtures.js'
import {invoicingAnswers, invoicingAnswersForThree, lintSaves, play} from './debate-gates-helpers.js'

/** Deletes `a.b.c` from an answers object. */
// biome-ignore lint/suspicious/noExplicitAny: free-form answers
function drop(answers: Record<string, any>, key: string): void {
  const parts = key.split('.')
  const last = parts.pop()!
  // biome-ignore lint/suspicious/noExplicitAny: free-form answers
  let node: any = answers
  for (const part of parts) node = node[part]
  delete node[last]
}

const OBJECTION = {kind: 'objection', statement: 'Tenants will wait weeks for fields.', harms: ['D2'], worse_than_acceptable: true}

describe('never speak for a person: a left-out answer that belongs to someone is missing, named by its key', () => {
  // Each row: the answer left out, and what the record would have said for that person if a default filled it.
  const cases: [string, string, (a: ReturnType<typeof invoicingAnswers>) => void][] = [
    ['steelman acknowledged by the champion', 'steelman.postgresql.bob.acknowledged', () => {}],
    ['a blind score’s evidence', 'scores.alice.postgresql.D1.evidence', () => {}],
    ['a blind score’s confidence', 'scores.bob.mongodb.D3.confidence', () => {}],
    ['keeping or changing a score after the reveal', 'reveal.alice.mongodb.D1.score', () => {}],
    ['whether a crux would genuinely change one’s mind', 'cruxes.mongodb.D1.alice.genuine', () => {}],
    ['the rescore after a crux’s finding', 'cruxes.mongodb.D1.bob.rescore', () => {}],
    ['the approver’s choice', 'decision.chosen', () => {}],
    [
      'an objection being worse than acceptable',
      'consent.bob.worse_than_acceptable',
      (a) => {
        a.consent.bob = {...OBJECTION}
      },
    ],
    [
      'the raiser confirming the summary of their objection',
      'objections.bob.confirmed',
      (a) => {
        a.consent.bob = {...OBJECTION}
        a.objections = {bob: {summary: 'Fields must not wait.', confirmed: true, resolution: 'overruled', rationale: 'JSONB covers it.'}}
      },
    ],
    ['a participant’s commitment', 'commitments.alice.stance', () => {}],
    [
      'the commitment of a participant whose objection was overruled',
      'commitments.bob.stance',
      (a) => {
        a.consent.bob = {...OBJECTION}
        a.objections = {bob: {summary: 'Fields must not wait.', confirmed: true, resolution: 'overruled', rationale: 'JSONB covers it.'}}
      },
    ],
  ]
  for (const [what, key, setup] of cases) {
    it(`${what} (${key})`, async () => {
      const answers = invoicingAnswers()
      setup(answers)
      drop(answers, key)
      const {error, saved} = await play(answers, [], {interactive: false})
      expect(error).toMatchObject({code: 'MISSING_ANSWER'})
      expect((error as Error).message).toContain(`\`${key}\``)
      // nothing on file says what the person did not say
      const last = JSON.parse(saved.at(-1)!) as DebateRecord
      expect(last.in_progress?.answers[key]).toBeUndefined()
    })
  }

  it('at a terminal, the person is asked instead', async () => {
    const answers = invoicingAnswers()
    drop(answers, 'commitments.alice.stance')
    const {error, person, record} = await play(answers, [['commitments.alice.stance', 'stand-aside']])
    expect(error).toBeUndefined()
    expect(person.asked).toEqual(['commitments.alice.stance'])
    expect(record.commitments?.find((c) => c.participant === 'alice')?.stance).toBe('stand-aside')
  })

  it('a group fact the protocol computes may be left out, and the record says it was computed', async () => {
    const answers = invoicingAnswers()
    delete answers.weights.agreed
    const {error, record, person} = await play(answers, [], {interactive: false})
    expect(error).toBeUndefined()
    // the mean of alice {50, 20, 30} and bob {30, 45, 25} is {40, 32.5, 27.5}; rounded {40, 33, 28} sums to 101,
    // and the extra point comes off the heaviest driver
    expect(record.weights).toMatchObject({agreed: {D1: 39, D2: 33, D3: 28}, agreed_from: 'rounded-mean'})
    expect(record.weights?.agreed_by).toBeUndefined()
    expect(person.notes.join('\n')).toContain('Nobody stated the agreed weights')
  })

  it('stated agreed weights are agreed by the participants', async () => {
    const {record} = await play(invoicingAnswers(), [], {interactive: false})
    expect(record.weights).toMatchObject({agreed: {D1: 40, D2: 35, D3: 25}, agreed_by: ['alice', 'bob']})
    expect(record.weights?.agreed_from).toBeUndefined()
  })

  it('the door class is the most cautious nomination unless the approver downgrades it: a left-out downgrade keeps it', async () => {
    const answers = invoicingAnswers()
    const {record, error} = await play(answers, [], {interactive: false})
    expect(error).toBeUndefined()
    expect(record.reversibility?.class).toBe('costly')
    expect(record.reversibility?.downgrade_rationale).toBeUndefined()
  })
})

describe('no dead ends: a failed exit rule saves nothing that failed, and a corrected file gets through', () => {
  // Each row: the gate, the rule, how the answers break it, and how a corrected file fixes it.
  // biome-ignore lint/suspicious/noExplicitAny: free-form answers
  type Edit = (a: Record<string, any>) => void
  const cases: [string, string, Edit, Edit, (r: DebateRecord) => void][] = [
    [
      'G1',
      'g1/deadline',
      (a) => (a.frame.decide_by = '2026-11-01'),
      (a) => (a.frame.decide_by = '2026-12-01'),
      (r) => expect(r.timebox.decide_by).toBe('2026-12-01'),
    ],
    [
      'G3',
      'g3/weights-sum',
      (a) => (a.weights.bob = {D1: 30, D2: 40, D3: 25}),
      (a) => (a.weights.bob = {D1: 30, D2: 45, D3: 25}),
      (r) => expect(r.weights?.proposed.bob).toEqual({D1: 30, D2: 45, D3: 25}),
    ],
    [
      'G3',
      'g3/knockout-measure',
      (a) => {
        delete a.drivers[0].measure
        a.drivers[0].qualitative_reason = 'Hard to say'
      },
      (a) => (a.drivers[0].measure = 'Zero mismatches in the nightly reconciliation'),
      (r) => expect(r.drivers?.[0]).toMatchObject({knockout: true, measure: 'Zero mismatches in the nightly reconciliation'}),
    ],
    [
      'G4',
      'g4/option-count',
      // two options, the do-nothing one and four more: seven, one over the six a debate weighs
      (a) => a.options.push(...['SQLite 3', 'CockroachDB', 'Cassandra 5', 'DynamoDB'].map((title) => ({title}))),
      (a) => a.options.splice(2),
      (r) => expect(r.options?.map((o) => o.id)).toEqual(['postgresql', 'mongodb', 'keep-mysql-5-7']),
    ],
    [
      'G4',
      'g4/option-names',
      (a) => (a.options[1].aliases = ['PG']),
      (a) => (a.options[1].aliases = ['Mongo']),
      (r) => expect(r.options?.[1].aliases).toEqual(['Mongo']),
    ],
    [
      'G7',
      'g7/high-high',
      (a) => Object.assign(a.premortem.bob, {impact: 'high'}),
      (a) => Object.assign(a.premortem.bob, {impact: 'high', response: 'mitigate', action: 'Review field requests weekly.'}),
      (r) => expect(r.premortem?.find((x) => x.participant === 'bob')).toMatchObject({response: 'mitigate'}),
    ],
  ]
  for (const [gate, rule, breakIt, fix, check] of cases) {
    it(`${gate} ${rule}: the saved record is as it was before ${gate}; the corrected file passes`, async () => {
      const answers = invoicingAnswers()
      breakIt(answers)
      const first = await play(answers, [], {interactive: false})
      expect(first.error).toMatchObject({code: 'GATE_FAILED'})
      expect((first.error as Error).message).toContain(rule)
      const saved = JSON.parse(first.saved.at(-1)!) as DebateRecord
      expect(saved.in_progress?.gate).toBe(gate)
      expect(saved.in_progress?.failed).toBe(1)
      // nothing of the failed gate reached the record: it is the record of the gates before it
      const before = first.saved.map((s) => JSON.parse(s) as DebateRecord).find((r) => r.in_progress?.gate === gate)!
      const {in_progress: _a, ...savedRest} = saved
      const {in_progress: _b, ...beforeRest} = before
      expect(savedRest).toEqual(beforeRest)

      fix(answers)
      const second = await play(answers, [], {record: saved, interactive: false})
      expect(second.error).toBeUndefined()
      expect(second.record.decision?.chosen).toBeDefined()
      expect(second.record.gate_log.find((g) => g.gate === gate)?.attempts).toBe(2)
      check(second.record)
    })
  }

  it('resuming at a terminal after a failed rule asks the failed questions again, once each, and never loops on the file', async () => {
    const answers = invoicingAnswers()
    answers.weights.bob = {D1: 30, D2: 40, D3: 25}
    // the file still holds the wrong split: the person is asked instead of the file being read again
    const {error, person, record} = await play(answers, [
      ['weights.bob.D1', 30],
      ['weights.bob.D2', 45],
      ['weights.bob.D3', 25],
    ])
    expect(error).toBeUndefined()
    expect(person.asked).toEqual(['weights.bob.D1', 'weights.bob.D2', 'weights.bob.D3'])
    expect(person.notes.filter((n) => n.includes('sum to 95'))).toHaveLength(1)
    expect(record.weights?.proposed.bob).toEqual({D1: 30, D2: 45, D3: 25})
  })

  it('an invalid answer in the file, at a terminal, is asked of the person once instead of read again', async () => {
    const answers = invoicingAnswers()
    answers.scores.alice.postgresql.D1.score = 9
    const {error, person} = await play(answers, [['scores.alice.postgresql.D1.score', 5]])
    expect(error).toBeUndefined()
    expect(person.asked).toEqual(['scores.alice.postgresql.D1.score'])
  })

  it('a question that names an option can be rephrased from a file', async () => {
    const answers = invoicingAnswers()
    answers.frame.question = 'How should Tally store invoices, given that Mongo keeps tenant fields flexible?'
    answers.rephrase = {question: 'How should Tally store invoices so that tenant fields stay flexible?'}
    const {error, record} = await play(answers, [], {interactive: false})
    expect(error).toBeUndefined()
    expect(record.question).toBe('How should Tally store invoices so that tenant fields stay flexible?')
  })
})

describe('every option knocked out', () => {
  const knockEverything = () => {
    const answers = invoicingAnswers()
    // D1 is a knockout: every option below 3 on it is out
    for (const who of ['alice', 'bob'])
      for (const option of ['postgresql', 'mongodb', 'keep-mysql-5-7']) answers.scores[who][option].D1.score = 2
    delete answers.reveal
    return answers
  }

  it('says so at G5 and asks whether to go back to the drivers or the options (from a file: a key)', async () => {
    const {error, person, record} = await play(knockEverything(), [], {interactive: false})
    expect(error).toMatchObject({code: 'MISSING_ANSWER'})
    expect((error as Error).message).toContain('`knockout_loop`')
    expect(person.notes.join('\n')).toContain('Every option is knocked out')
    expect(record.gate_log.map((g) => g.gate)).toEqual(['G1', 'G2', 'G3', 'G4'])
  })

  it('back to the drivers: a knockout relaxed, the same scores, and the debate goes on', async () => {
    const answers = knockEverything()
    answers.knockout_loop = 'drivers'
    answers.again = {G3: [{knockouts: {D1: false}}]}
    const {error, record} = await play(answers, [], {interactive: false})
    expect(record.gate_log.map((g) => g.gate)).toEqual(['G1', 'G2', 'G3', 'G4', 'G5', 'G3', 'G5'])
    expect(record.gate_log[5]).toMatchObject({from: 'G5', note: expect.stringContaining('every option is knocked out')})
    expect(record.drivers?.[0].knockout).toBe(false)
    expect(record.results?.knocked_out).toEqual([])
    expect(record.scoring?.entries).toHaveLength(18)
    // with D1 no longer a knockout the weight sets disagree on the winner: the crux gate asks about the weights
    expect((error as Error).message).toContain('`cruxes.weights.alice.fact`')
  })
})

describe('the fast track', () => {
  const fast = featureFlagsFastStart()

  it('with more than three drivers in a file says so instead of dropping the extra ones', async () => {
    const drivers = ['Flags ship within a day', 'Cost stays low', 'No vendor lock-in', 'Audit of flag changes'].map((name) => ({name}))
    const {error} = await play({...fast, drivers}, [], {interactive: false, brief: true})
    expect(error).toMatchObject({code: 'GATE_FAILED'})
    expect((error as Error).message).toContain('there are 4 drivers; the fast track needs 1 to 3')
    expect((error as Error).message).toContain('adr debate escalate')
  })

  it('with more than three drivers in a list says so', async () => {
    const {error} = await play({...fast, drivers: {list: 'A; B; C; D'}}, [], {interactive: false, brief: true})
    expect((error as Error).message).toContain('the fast track takes one to three drivers, and 4 are listed')
  })

  it('start --fast is kept in the record, so a later session takes the compact answers too', async () => {
    const first = await play(fast, [{key: 'door.alice.nomination', throws: new Error('stop')}], {brief: true})
    const saved = JSON.parse(first.saved.at(-1)!) as DebateRecord
    expect(saved.expected_track).toBe('fast')
    // no --fast this time: the record remembers it
    const second = await play(fast, [{key: 'drivers.list', throws: new Error('stop')}], {record: saved})
    expect(second.record.track).toBe('fast')
    expect(second.person.asked).toEqual(['drivers.list'])
  })
})

describe('escalating a fast track that never had weights', () => {
  it('asks what the full track needs and every save lints clean', async () => {
    const fast = {
      ...featureFlagsFastStart(),
      drivers: {list: 'Flags ship within a day; Cost stays under 200 euros a month'},
      options: {list: 'LaunchDarkly, Unleash'},
    }
    const first = await play(fast, [{key: 'decision.chosen', throws: new Error('stop')}], {brief: true})
    const record = JSON.parse(first.saved.at(-1)!) as DebateRecord
    expect(record.in_progress?.gate).toBe('G8')
    escalateRecord(record, 'bob', 'costly')
    const again = {
      drivers: [
        {measure: 'A flag reaches production within 24 hours of the request'},
        {measure: 'The invoice stays under 200 euros a month'},
      ],
      weights: {alice: {D1: 60, D2: 40}, bob: {D1: 50, D2: 50}, agreed: {D1: 55, D2: 45}},
    }
    const second = await play({...fast, again: {G3: [again]}}, [], {record, interactive: false})
    expect(second.error).toMatchObject({code: 'MISSING_ANSWER'})
    // G3 passed in full: the drivers are testable, the weights agreed; G4 now asks for the null option and steelmen
    expect(second.record.gate_log.map((g) => g.gate)).toEqual(['G1', 'G2', 'G3', 'G4', 'G3'])
    expect(second.record.drivers?.map((d) => d.measure)).toEqual([again.drivers[0].measure, again.drivers[1].measure])
    expect(second.record.weights?.agreed).toEqual({D1: 55, D2: 45})
    expect(lintSaves([...first.saved, ...second.saved])).toEqual([])
  })
})

describe('the protocol, completed', () => {
  it('displays totals rounded half up to two places, both ways a binary fraction falls', () => {
    expect(['2.425', '4.025', '3.7', '1.005', '2.424', '0'].map((t) => formatTotal(Number(t)))).toEqual([
      '2.43',
      '4.03',
      '3.70',
      '1.01',
      '2.42',
      '0.00',
    ])
  })

  it('the Y-statement "to achieve" names only drivers the chosen option scores best on', async () => {
    const {record} = await play(invoicingAnswers(), [], {interactive: false})
    // PostgreSQL 16 leads on D1 (4.5) and D3 (4) but MongoDB 7 beats it on D2 (5 against 3.5), the second-heaviest
    expect(record.decision?.y_statement).toContain(
      'to achieve "Invoice totals are never wrong" and "The team runs it without a dedicated DBA",',
    )
    expect(record.decision?.y_statement).not.toMatch(/to achieve[^,]*without a release/)
  })

  it('the ADR shows objections and their resolution, and folds the long parts into <details>', async () => {
    const answers = invoicingAnswers()
    answers.consent.bob = {kind: 'objection', statement: 'Tenants will wait weeks for fields.', harms: ['D2'], worse_than_acceptable: true}
    answers.objections = {bob: {summary: 'Fields must not wait.', confirmed: true, resolution: 'overruled', rationale: 'JSONB covers it.'}}
    const {record, error} = await play(answers, [], {interactive: false})
    expect(error).toBeUndefined()
    const adr = renderDebateAdr(record, {title: 'Primary datastore', status: 'accepted', date: '2026-11-20', debate: 'debates/x.yaml'})
    expect(adr).toContain('* O2 bob objected (harms D2): "Tenants will wait weeks for fields." — overruled by dana: JSONB covers it.')
    expect(adr).toContain('<details>\n<summary>Each option, driver by driver</summary>')
    const body = adr.slice(adr.indexOf('\n---', 4))
    // about one page once the details are folded
    const folded = body.replace(/<details>[\s\S]*?<\/details>/g, '<details/>')
    expect(folded.split('\n').length).toBeLessThan(80)
  })
})

describe('median aggregation (.adrgate.yaml `debate.aggregate: median`), recorded and recomputed', () => {
  // The invoicing debate with carol answering as bob does; agreed weights D1 40, D2 35, D3 25; the
  // scores after G6's rescores (alice / bob / carol), worked by hand:
  //   PostgreSQL 16   D1 5 4 4 → mean 4.333, median 4 · D2 4 3 3 → 3.333, 3 · D3 4 4 4 → 4, 4
  //   MongoDB 7       D1 3 3 3 → 3, 3         · D2 5 5 5 → 5, 5         · D3 3 3 3 → 3, 3
  //   Keep MySQL 5.7  D1 3 3 3 → 3, 3         · D2 1 1 1 → 1, 1         · D3 4 3 3 → 3.333, 3
  // mean totals:   PostgreSQL .4×4.333 + .35×3.333 + .25×4 = 3.9;  MongoDB 1.2 + 1.75 + .75 = 3.7;  MySQL 1.2 + .35 + .833 = 2.383
  // median totals: PostgreSQL 1.6 + 1.05 + 1 = 3.65;                 MongoDB 3.7;                      MySQL 1.2 + .35 + .75 = 2.3
  const three = () =>
    emptyRecord({
      adr: '0001-primary-datastore-for-tally.md',
      approver: 'dana',
      participants: ['alice', 'bob', 'carol'],
      started: '2026-11-20',
    })
  const totals = (r: DebateRecord) => r.results?.totals.map((t) => [t.option, t.total, t.rank])

  it('the median names another winner than the mean; the record keeps the method, and every save lints clean', async () => {
    const mean = await play(invoicingAnswersForThree(), [], {record: three(), interactive: false})
    expect(mean.error).toBeUndefined()
    expect(mean.record.scoring?.aggregate).toBe('mean')
    expect(totals(mean.record)).toEqual([
      ['postgresql', 3.9, 1],
      ['mongodb', 3.7, 2],
      ['keep-mysql-5-7', 2.383, 3],
    ])

    const median = await play(invoicingAnswersForThree(), [], {record: three(), interactive: false, aggregate: 'median'})
    expect(median.error).toBeUndefined()
    expect(median.record.scoring?.aggregate).toBe('median')
    expect(median.record.results?.aggregate).toBe('median')
    expect(median.person.notes.join('\n')).toContain('the median of its scores')
    expect(totals(median.record)).toEqual([
      ['mongodb', 3.7, 1],
      ['postgresql', 3.65, 2],
      ['keep-mysql-5-7', 2.3, 3],
    ])
    expect(median.record.results?.cells.find((c) => c.option === 'postgresql' && c.driver === 'D1')?.aggregate).toBe(4)
    // PostgreSQL is chosen over the median's winner: an override, with its rationale
    expect(median.record.decision).toMatchObject({chosen: 'postgresql', override_rationale: expect.stringContaining('median')})
    expect(lintSaves(median.saved)).toEqual([])
  })

  it('lint recomputes with the recorded method: totals of the mean under `aggregate: median` fail debate/results', async () => {
    const mean = await play(invoicingAnswersForThree(), [], {record: three(), interactive: false})
    const median = await play(invoicingAnswersForThree(), [], {record: three(), interactive: false, aggregate: 'median'})
    const lint = (r: DebateRecord) =>
      lintDebateRecord(JSON.stringify(r), 'debate.yaml', {adrs: [adrFile(r.adr, 'accepted')], today: '2026-11-20'}).filter(
        (p) => p.rule === 'debate/results',
      )
    expect(lint(median.record)).toEqual([])
    const forged = structuredClone(median.record)
    forged.results!.totals = mean.record.results!.totals
    expect(lint(forged).map((p) => p.message)).toEqual([
      expect.stringContaining('`postgresql`, expected `mongodb` recomputed from the scores'),
    ])
  })
})

describe('ties named as ties', () => {
  // The invoicing debate with agreed weights D1 10, D2 42, D3 48; the scores after G6's rescores
  // (alice / bob), by hand:
  //   PostgreSQL 16   D1 5 4 → 4.5 · D2 4 3 → 3.5 · D3 4 4 → 4   → .1×4.5 + .42×3.5 + .48×4 = .45 + 1.47 + 1.92 = 3.84
  //   MongoDB 7       D1 3 3 → 3   · D2 5 5 → 5   · D3 3 3 → 3   → .3 + 2.1 + 1.44 = 3.84
  //   Keep MySQL 5.7  D1 3 3 → 3   · D2 1 1 → 1   · D3 4 3 → 3.5 → .3 + .42 + 1.68 = 2.4
  // (before the rescores MongoDB's D1 is (2 + 4)/2 = 3 too, so the tie holds from the reveal on)
  const tied = () => {
    const answers = invoicingAnswers()
    answers.weights.agreed = {D1: 10, D2: 42, D3: 48}
    return answers
  }

  it('the results name the tie and its tie-break, report no flip point, and the ADR says so', async () => {
    const {error, record, saved} = await play(tied(), [], {interactive: false})
    expect(error).toBeUndefined()
    expect(record.results?.totals.map((t) => [t.option, t.total, t.rank])).toEqual([
      ['postgresql', 3.84, 1],
      ['mongodb', 3.84, 2],
      ['keep-mysql-5-7', 2.4, 3],
    ])
    expect(record.results?.ties).toEqual([{options: ['postgresql', 'mongodb'], total: 3.84, rank: 1, broken_by: 'option-order'}])
    expect(record.results?.winner).toBe('postgresql')
    expect(record.results?.flip_points).toEqual([])
    const adr = renderDebateAdr(record, {
      title: 'Primary datastore for Tally',
      status: 'accepted',
      date: '2026-11-20',
      debate: 'debates/0001.yaml',
    })
    expect(adr).toContain(
      'PostgreSQL 16 and MongoDB 7 tie at 3.84: the tie-break ranks PostgreSQL 16 first, as it is listed first among the options.',
    )
    expect(adr).toContain('* MongoDB 7 (weighted total 3.84, tied with PostgreSQL 16)')
    expect(adr).toContain('No flip point: the winner only ties, so any change of the weights decides between PostgreSQL 16 and MongoDB 7.')
    expect(adr).not.toContain('wins only if')
    expect(lintSaves(saved)).toEqual([])
  })

  it('choosing the other tied option is no override: no rationale is asked, and lint agrees', async () => {
    const answers = tied()
    answers.decision.chosen = 'mongodb'
    const {error, record, saved} = await play(answers, [], {interactive: false})
    expect(error).toBeUndefined()
    expect(record.decision).toMatchObject({chosen: 'mongodb'})
    expect(record.decision?.override_rationale).toBeUndefined()
    expect(lintSaves(saved)).toEqual([])
  })
})
