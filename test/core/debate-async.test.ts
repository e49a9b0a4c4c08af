import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parse, stringify} from 'yaml'
import {type AnswerFile, checkAnswerFile} from '../../src/core/debate/async/answer-file.js'
import {ANSWER_FILE_SCHEMA} from '../../src/core/debate/async/answer-file-schema.js'
import {checkAnswerFiles} from '../../src/core/debate/async/answer-rules.js'
import {describeRound, leafPaths, mergeAnswers, roundIdOf, splitAnswers} from '../../src/core/debate/async/blind-rounds.js'
import {commitmentHash} from '../../src/core/debate/async/commitment.js'
import {foldAnswerFiles} from '../../src/core/debate/async/fold.js'
import {foreignKeys, ownersOf, type Roles} from '../../src/core/debate/async/owner.js'
import {emptyRecord} from '../../src/core/debate/record.js'
import {answersByPerson} from '../helpers/answers-by-person.js'
import {PROJECT_ROOT} from '../helpers/run-command.js'

const EXAMPLE = parse(readFileSync(path.join(PROJECT_ROOT, 'examples/debates/invoicing-answers.yaml'), 'utf8')) as Record<string, unknown>
const ROLES: Roles = {participants: ['alice', 'bob'], approver: 'dana'}
const SALT = 'a'.repeat(64)

describe('blind rounds', () => {
  it('splits the blind answers of each gate from the open ones, and merging them back gives the answers as they were', () => {
    const {title: _t, today: _d, roles: _r, ...answers} = EXAMPLE
    const {open, rounds} = splitAnswers(answers, ROLES.participants)
    expect([...rounds.keys()].sort()).toEqual(['consent', 'door', 'premortem', 'scores', 'weights'])
    expect(Object.keys((rounds.get('weights') as {weights: object}).weights)).toEqual(['alice', 'bob'])
    expect(open.weights).toEqual({
      explanations: (answers.weights as {explanations: unknown}).explanations,
      agreed: {D1: 40, D2: 35, D3: 25},
    })
    // the pre-mortem's story is blind; nothing of the example is open there
    expect((rounds.get('premortem') as {premortem: {alice: object}}).premortem.alice).toHaveProperty('story')
    expect(open.scores).toBeUndefined()
    const back = mergeAnswers(structuredClone(open), {})
    for (const r of rounds.values()) mergeAnswers(back, r)
    expect(JSON.parse(JSON.stringify(back))).toEqual(JSON.parse(JSON.stringify(answers)))
  })

  it('keeps the fields asked after the reveal open: an objection summary, the approver’s downgrade, a risk’s check', () => {
    const {open, rounds} = splitAnswers(
      {
        door: {alice: {class: 'costly'}, downgrade: {class: 'two-way', rationale: 'A flag'}},
        consent: {bob: {kind: 'object', statement: 'It hurts D2.'}},
        premortem: {alice: {story: 'Slow search.', check: 'F2'}},
      },
      ROLES.participants,
    )
    expect(open).toEqual({door: {downgrade: {class: 'two-way', rationale: 'A flag'}}, premortem: {alice: {check: 'F2'}}})
    expect(rounds.get('consent')).toEqual({consent: {bob: {kind: 'object', statement: 'It hurts D2.'}}})
  })

  it('names a gate visited again by its answers-file prefix', () => {
    const {rounds} = splitAnswers({again: {G5: {0: {scores: {alice: {x: {D4: {score: 3}}}}}}}}, ROLES.participants)
    expect([...rounds.keys()]).toEqual(['again.G5.0.scores'])
    expect(describeRound('again.G5.0.scores')).toEqual({id: 'again.G5.0.scores', gate: 'G5', visit: 2})
    expect(roundIdOf('G5', 2)).toBe('again.G5.0.scores')
    expect(roundIdOf('G4', 1)).toBeUndefined()
    expect(describeRound('again.G3.0.scores')).toBeUndefined()
  })
})

describe('the commitment hash', () => {
  const answers = {door: {alice: {class: 'costly', weeks_3m: 6}}}
  it('is the same however the answers were laid out, and changes with the answers, the person, the round or the salt', () => {
    const h = commitmentHash({round: 'door', participant: 'alice', answers, salt: SALT})
    expect(h).toMatch(/^[0-9a-f]{64}$/)
    expect(
      commitmentHash({round: 'door', participant: 'alice', answers: {door: {alice: {weeks_3m: 6, class: 'costly'}}}, salt: SALT}),
    ).toBe(h)
    expect(
      commitmentHash({round: 'door', participant: 'alice', answers: {door: {alice: {class: 'one-way', weeks_3m: 6}}}, salt: SALT}),
    ).not.toBe(h)
    expect(commitmentHash({round: 'door', participant: 'bob', answers, salt: SALT})).not.toBe(h)
    expect(commitmentHash({round: 'scores', participant: 'alice', answers, salt: SALT})).not.toBe(h)
    expect(commitmentHash({round: 'door', participant: 'alice', answers, salt: 'b'.repeat(64)})).not.toBe(h)
  })
})

describe('whose answer a key is', () => {
  it.each([
    [['door', 'alice', 'class'], ['alice']],
    [['door', 'downgrade', 'class'], ['dana']],
    [['weights', 'agreed', 'D1'], ['dana']],
    [['frame', 'question'], ['dana']],
    [['frame', 'positions', 'bob', 'favours'], ['bob']],
    [['steelman', 'postgresql', 'bob', 'argument'], ['bob']],
    [['steelman', 'postgresql', 'bob', 'acknowledged'], ['alice']],
    [['cruxes', 'mongodb', 'D1', 'alice', 'finding'], ['alice']],
    [['objections', 'bob', 'summary'], ['dana']],
    [['objections', 'bob', 'confirmed'], ['bob']],
    [['objections', 'bob', 'resolution'], ['dana']],
    [['again', 'G5', '0', 'scores', 'bob', 'x', 'D1', 'score'], ['bob']],
    [['roles', 'participants'], []],
  ])('%j → %j', (key, owners) => {
    expect(ownersOf(key, ROLES)).toEqual(owners)
  })

  it('gives the group’s answers to the facilitator when there is one', () => {
    expect(ownersOf(['drivers', '0', 'name'], {...ROLES, facilitator: 'fay'})).toEqual(['fay'])
  })

  it('finds every key of the example that alice may not give in bob’s answers', () => {
    const bob = answersByPerson(EXAMPLE).byPerson.get('bob')!
    expect(foreignKeys(leafPaths(bob), 'bob', ROLES)).toEqual([])
    expect(foreignKeys(leafPaths(bob), 'alice', ROLES).length).toBe(leafPaths(bob).length)
  })
})

describe('folding the files', () => {
  const record = emptyRecord({adr: '0001-x.md', approver: 'dana', participants: ['alice', 'bob'], started: '2026-11-20'})
  const file = (who: string, cls: string, reveal: boolean, salt = SALT): AnswerFile => {
    const answers = {door: {[who]: {class: cls}}}
    return {
      schema_version: 1,
      participant: who,
      commitments: {door: {sha256: commitmentHash({round: 'door', participant: who, answers, salt}), date: '2026-11-20'}},
      ...(reveal ? {reveals: {door: {salt, date: '2026-11-20', answers}}} : {}),
    }
  }

  it('takes a reveal only once every hash of its round is in, and only when it matches its hash', () => {
    const early = foldAnswerFiles(record, [file('alice', 'costly', true)])
    expect(early.byPerson.get('alice')).toEqual({})
    expect(early.rounds).toEqual([
      expect.objectContaining({round: 'door', committed: ['alice'], revealed: ['alice'], awaited: ['bob'], open_for_reveal: false}),
    ])
    const both = foldAnswerFiles(record, [file('alice', 'costly', true), file('bob', 'two-way', false)])
    expect(both.byPerson.get('alice')).toEqual({door: {alice: {class: 'costly'}}})
    expect(both.rounds[0]).toMatchObject({open_for_reveal: true, awaited: ['bob'], mismatched: []})
    const forged = file('bob', 'two-way', true)
    ;(forged.reveals!.door.answers as {door: {bob: {class: string}}}).door.bob.class = 'one-way'
    const tampered = foldAnswerFiles(record, [file('alice', 'costly', true), forged])
    expect(tampered.byPerson.get('bob')).toEqual({})
    expect(tampered.rounds[0].mismatched).toEqual(['bob'])
  })

  it('lists the round of the gate in progress before anyone has committed', () => {
    const atDoor = {
      ...structuredClone(record),
      gate_log: [{gate: 'G1' as const, date: '2026-11-20', attempts: 1, timeboxed: false}],
      in_progress: {gate: 'G2' as const, failed: 0, answers: {}},
    }
    expect(foldAnswerFiles(atDoor, []).rounds).toEqual([expect.objectContaining({round: 'door', awaited: ['alice', 'bob'], committed: []})])
  })
})

describe('the answers file schema', () => {
  it('is schemas/debate-answer-file.schema.json (UPDATE_DEBATE_SCHEMA=1 rewrites the file)', () => {
    const file = path.join(PROJECT_ROOT, 'schemas/debate-answer-file.schema.json')
    const generated = `${JSON.stringify({$schema: 'https://json-schema.org/draft/2020-12/schema', ...ANSWER_FILE_SCHEMA}, null, 2)}\n`
    if (process.env.UPDATE_DEBATE_SCHEMA) writeFileSync(file, generated)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(JSON.parse(generated))
  })

  it('reports a hash that is not hex, an unknown round and an unknown key, each at its path', () => {
    const problems = checkAnswerFile({
      schema_version: 1,
      participant: 'alice',
      commitments: {door: {sha256: 'xyz', date: '2026-11-20'}, frame: {sha256: 'a'.repeat(64), date: '2026-11-20'}},
      extra: 1,
    })
    expect(problems.map((p) => p.path.join('.'))).toEqual(expect.arrayContaining(['commitments.door.sha256', 'extra']))
    expect(problems.some((p) => p.path[0] === 'commitments' && p.path.length <= 2)).toBe(true)
  })
})

describe('the lint checks of answers files', () => {
  const record = emptyRecord({adr: '0001-x.md', approver: 'dana', participants: ['alice', 'bob'], started: '2026-11-20'})
  const text = (data: object) => stringify(data)
  const hashed = (who: string, answers: Record<string, unknown>) => ({
    sha256: commitmentHash({round: 'door', participant: who, answers, salt: SALT}),
    date: '2026-11-20',
  })
  const door = (who: string) => ({door: {[who]: {class: 'costly'}}})

  it('reports somebody else’s answer, a wrong person, and an open answer that replaces a revealed one', () => {
    const problems = checkAnswerFiles(record, [
      {
        file: 'debates/0001-x/alice.yaml',
        text: text({
          schema_version: 1,
          participant: 'alice',
          answers: {door: {bob: {class: 'two-way'}, alice: {class: 'one-way'}}},
          commitments: {door: hashed('alice', door('alice'))},
          reveals: {door: {salt: SALT, date: '2026-11-20', answers: door('alice')}},
        }),
      },
      {
        file: 'debates/0001-x/bob.yaml',
        text: text({schema_version: 1, participant: 'bob', commitments: {door: hashed('bob', door('bob'))}}),
      },
      {file: 'debates/0001-x/eve.yaml', text: text({schema_version: 1, participant: 'eve'})},
      {file: 'debates/0001-x/dana.yaml', text: 'schema_version: 1\nparticipant: dana\nsalt: 3\n'},
    ])
    const shown = problems.map((p) => `${p.file}:${p.line} ${p.rule} ${p.message}`)
    expect(shown).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/alice\.yaml:\d+ debate\/answer-owner door\.bob\.class is bob's to answer, not alice's/),
        expect.stringMatching(/alice\.yaml:\d+ debate\/changed-after-reveal door\.alice\.class changed after the reveal of G2 door/),
        expect.stringMatching(/eve\.yaml:\d+ debate\/answer-file eve takes no part in this debate/),
        expect.stringMatching(/dana\.yaml:3 debate\/answer-file unexpected key `salt`/),
      ]),
    )
    // both hashes are in and alice's reveal matches its hash: no early reveal, no mismatch
    expect(problems.some((p) => p.rule === 'debate/reveal-early' || p.rule === 'debate/reveal-hash')).toBe(false)
  })

  it('reports a reveal that does not match its hash, and one made before every hash was in', () => {
    const forged = door('alice')
    forged.door.alice.class = 'two-way'
    const problems = checkAnswerFiles(record, [
      {
        file: 'debates/0001-x/alice.yaml',
        text: text({
          schema_version: 1,
          participant: 'alice',
          commitments: {door: hashed('alice', door('alice'))},
          reveals: {door: {salt: SALT, date: '2026-11-21', answers: forged}},
        }),
      },
    ])
    expect(problems.map((p) => [p.rule, p.message])).toEqual([
      ['debate/reveal-hash', 'The reveal of G2 door does not match the hash committed on 2026-11-20'],
      ['debate/reveal-early', 'G2 door is revealed before the hash of bob is in'],
    ])
  })
})
