/**
 * The asynchronous flow's commands in one repository, switching git's user.email between people:
 * `start --async`, `answer --as`, `reveal`, `merge`, `status`, their refusals and their --json.
 */
import {mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import {afterEach, describe, expect, it} from 'vitest'
import {parse, stringify} from 'yaml'
import Answer from '../../src/commands/debate/answer.js'
import Merge from '../../src/commands/debate/merge.js'
import Reveal from '../../src/commands/debate/reveal.js'
import Start from '../../src/commands/debate/start.js'
import Status from '../../src/commands/debate/status.js'
import {answersByPerson} from '../helpers/answers-by-person.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {PROJECT_ROOT, runCommand} from '../helpers/run-command.js'

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

const ENV = {ADR_DATE: '2026-11-20'}
const EXAMPLE = parse(readFileSync(path.join(PROJECT_ROOT, 'examples/debates/invoicing-answers.yaml'), 'utf8')) as Record<string, unknown>
const PARTS = answersByPerson(EXAMPLE).byPerson
const DIR = 'docs/adr/debates/0001-primary-datastore-for-tally'

function schema(name: string) {
  const ajv = new Ajv2020({allErrors: true, strict: false})
  return ajv.compile(JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'schemas/output', `${name}.schema.json`), 'utf8')))
}

function expectSchema(name: string, stdout: string) {
  const validate = schema(name)
  const ok = validate(JSON.parse(stdout))
  expect(validate.errors ?? []).toEqual([])
  expect(ok).toBe(true)
}

async function start() {
  repo = makeRepo({'docs/adr/.keep': ''})
  const r = await runCommand(Start, ['Primary datastore for Tally', '-p', 'alice', '-p', 'bob', '-a', 'dana', '--async'], repo.dir, ENV)
  expect(r.exitCode).toBe(0)
  for (const [who, answers] of PARTS) writeFileSync(path.join(repo.dir, `${who}-answers.yaml`), stringify(answers))
}

async function as(who: string, command: Parameters<typeof runCommand>[0], argv: string[]) {
  repo!.git(['config', 'user.email', `${who}@example.com`])
  return runCommand(command, argv, repo!.dir, ENV)
}

const answer = (who: string, extra: string[] = []) => as(who, Answer, ['1', '--file', `${who}-answers.yaml`, ...extra])

describe('adr debate answer --as', () => {
  it('writes a person’s answers to their own file, blind rounds as a hash only, with --json as its schema says', async () => {
    await start()
    const r = await answer('alice', ['--json'])
    expect(r.exitCode).toBe(0)
    expectSchema('debate-answer', r.stdout)
    const out = JSON.parse(r.stdout)
    expect(out).toMatchObject({person: 'alice', file: `${DIR}/alice.yaml`})
    expect(out.committed.sort()).toEqual(['consent', 'door', 'premortem', 'scores', 'weights'])
    const text = readFileSync(path.join(repo!.dir, DIR, 'alice.yaml'), 'utf8')
    // none of alice's blind answers is readable in the working tree
    expect(text).not.toContain('Check constraints and transactions')
    expect(text).not.toContain('weeks_3m')
    expect(text).toContain('favours: PostgreSQL')
    const file = parse(text)
    expect(file.commitments.scores.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(file.email).toBe('alice@example.com')
    // the salts and the blind answers wait under .git/adrgate, outside the working tree
    const secrets = JSON.parse(
      readFileSync(
        path.join(repo!.dir, '.git/adrgate/debates/docs/adr/debates/0001-primary-datastore-for-tally/alice.secrets.json'),
        'utf8',
      ),
    )
    expect(secrets.scores.answers.scores.alice.postgresql.D1.score).toBe(5)
    // the same answers again change nothing: no new salt, no new hash
    const again = await answer('alice', ['--json'])
    expect(JSON.parse(again.stdout).committed).toEqual([])
    expect(parse(readFileSync(path.join(repo!.dir, DIR, 'alice.yaml'), 'utf8')).commitments.scores).toEqual(file.commitments.scores)
  })

  it('refuses to answer as somebody else (exit 2), and refuses a file holding another person’s answers', async () => {
    await start()
    const r = await as('alice', Answer, ['1', '--as', 'bob', '--file', 'bob-answers.yaml', '--json'])
    expect(r.exitCode).toBe(2)
    expect(JSON.parse(r.stdout).error).toMatchObject({code: 'NOT_YOURS'})
    expect(JSON.parse(r.stdout).error.message).toContain('You are alice')
    const theirs = await as('alice', Answer, ['1', '--file', 'bob-answers.yaml'])
    expect(theirs.exitCode).toBe(2)
    expect(theirs.stderr).toContain('door.bob.class: bob')
    // an identity the debate does not know cannot take over a name whose file recorded another email
    await answer('alice')
    const stranger = await as('mallory', Answer, ['1', '--as', 'alice', '--file', 'alice-answers.yaml'])
    expect(stranger.exitCode).toBe(2)
    expect(stranger.stderr).toContain('were written as alice@example.com')
  })
})

describe('adr debate reveal', () => {
  it('refuses to reveal before every hash is in (exit 2, naming who), then reveals; a revealed answer cannot change', async () => {
    await start()
    await answer('alice')
    const early = await as('alice', Reveal, ['1', '--json'])
    expect(early.exitCode).toBe(2)
    expect(JSON.parse(early.stdout).error.code).toBe('EARLY_REVEAL')
    expect(JSON.parse(early.stdout).error.message).toContain('waiting for the hash of bob')
    expect(readFileSync(path.join(repo!.dir, DIR, 'alice.yaml'), 'utf8')).not.toContain('reveals:')
    await answer('bob')
    const r = await as('alice', Reveal, ['1', '--json'])
    expect(r.exitCode).toBe(0)
    expectSchema('debate-reveal', r.stdout)
    expect(JSON.parse(r.stdout).revealed.sort()).toEqual(['consent', 'door', 'premortem', 'scores', 'weights'])
    const changed = structuredClone(PARTS.get('alice')!) as {door: {alice: {class: string}}}
    changed.door.alice.class = 'one-way'
    writeFileSync(path.join(repo!.dir, 'alice-answers.yaml'), stringify(changed))
    const after = await answer('alice', ['--json'])
    expect(after.exitCode).toBe(2)
    expect(JSON.parse(after.stdout).error.code).toBe('ANSWER_REVEALED')
  })

  it('reveals answers whose salts an earlier version kept by the debate’s name alone (answered before an upgrade)', async () => {
    await start()
    await answer('alice')
    await answer('bob')
    const state = path.join(repo!.dir, '.git/adrgate/debates')
    mkdirSync(path.join(state, '0001-primary-datastore-for-tally'))
    renameSync(
      path.join(state, 'docs/adr/debates/0001-primary-datastore-for-tally/alice.secrets.json'),
      path.join(state, '0001-primary-datastore-for-tally/alice.secrets.json'),
    )
    const r = await as('alice', Reveal, ['1', '--json'])
    expect(r.exitCode, r.stdout).toBe(0)
    expect(JSON.parse(r.stdout).revealed.sort()).toEqual(['consent', 'door', 'premortem', 'scores', 'weights'])
  })
})

describe('adr debate status and merge', () => {
  it('status shows per round who committed, revealed and is awaited (--json as its schema says); merge decides once all is in', async () => {
    await start()
    await answer('dana')
    await answer('alice')
    const half = await as('dana', Status, ['1', '--json'])
    expectSchema('debate-status', half.stdout)
    expect(JSON.parse(half.stdout).rounds[0]).toMatchObject({round: 'door', committed: ['alice'], awaited: ['bob'], open_for_reveal: false})
    expect(JSON.parse(half.stdout).next).toMatchObject({who: 'bob'})
    const text = await as('dana', Status, ['1'])
    expect(text.stdout).toContain('G2 door: committed: alice · revealed: nobody · awaiting the hash of bob')
    const waiting = await as('dana', Merge, ['1', '--json'])
    expect(waiting.exitCode).toBe(0)
    expectSchema('debate-merge', waiting.stdout)
    expect(JSON.parse(waiting.stdout)).toMatchObject({gate: {id: 'G1'}, waiting: {who: 'bob', key: 'frame.positions.bob.favours'}})
    await answer('bob')
    await as('alice', Reveal, ['1'])
    await as('bob', Reveal, ['1'])
    const done = await as('dana', Merge, ['1', '--json'])
    expectSchema('debate-merge', done.stdout)
    expect(JSON.parse(done.stdout)).toMatchObject({status: 'accepted', decision: {chosen: 'postgresql'}, waiting: null})
  })
})
