import {readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import {afterEach, describe, expect, it} from 'vitest'
import {parse, stringify} from 'yaml'
import Answer from '../../src/commands/debate/answer.js'
import Escalate from '../../src/commands/debate/escalate.js'
import Resume from '../../src/commands/debate/resume.js'
import Start from '../../src/commands/debate/start.js'
import Status from '../../src/commands/debate/status.js'
import Lint from '../../src/commands/lint.js'
import type {DebateRecord} from '../../src/core/debate/record.js'
import {featureFlagsFastStart} from '../core/debate-fixtures.js'
import {invoicingAnswersForThree} from '../core/debate-gates-helpers.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {PROJECT_ROOT, runCommand} from '../helpers/run-command.js'

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

const ENV = {ADR_DATE: '2026-11-20'}
const EXAMPLE = path.join(PROJECT_ROOT, 'examples/debates/invoicing-answers.yaml')
const ROLES = ['--participant', 'alice', '--participant', 'bob', '--approver', 'dana']
const RECORD = 'docs/adr/debates/0001-primary-datastore-for-tally.yaml'

function schema(name: string) {
  const ajv = new Ajv2020({allErrors: true, strict: false})
  return ajv.compile(JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'schemas/output', `${name}.schema.json`), 'utf8')))
}

function exampleAnswers(): Record<string, unknown> {
  return parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>
}

function readRecord(): DebateRecord {
  return parse(readFileSync(path.join(repo!.dir, RECORD), 'utf8')) as DebateRecord
}

async function startEmpty() {
  repo = makeRepo({'docs/adr/.keep': ''})
  return runCommand(Start, ['Primary datastore for Tally', ...ROLES, '--no-input', '--json'], repo.dir, ENV)
}

describe('adr debate start', () => {
  it('creates the proposed ADR and its record, then stops with MISSING_ANSWER naming the answers-file key', async () => {
    const r = await startEmpty()
    expect(r.exitCode).toBe(2)
    expect(JSON.parse(r.stdout).error.code).toBe('MISSING_ANSWER')
    expect(JSON.parse(r.stdout).error.message).toContain('`frame.question`')
    const adr = readFileSync(path.join(repo!.dir, 'docs/adr/0001-primary-datastore-for-tally.md'), 'utf8')
    expect(adr).toContain('status: proposed')
    expect(adr).toContain('debate: debates/0001-primary-datastore-for-tally.yaml')
    expect(readRecord()).toMatchObject({adr: '0001-primary-datastore-for-tally.md', roles: {approver: 'dana'}, gate_log: []})
  })

  it('says what adr new would say of the directory it makes (ADR-like files in a folder adrgate does not look in)', async () => {
    repo = makeRepo({'architecture/decisions/0001-use-go.md': '# 1. Use Go\n'}, {commit: true})
    const r = await runCommand(Start, ['Primary datastore', ...ROLES, '--no-input'], repo.dir, ENV)
    const said =
      "Made doc/adr (adr-tools' default) for doc/adr/0001-primary-datastore.md: no ADR directory was found, but architecture/decisions holds 1 file named like ADRs. If those are your ADRs, remove what was just made (rm -r doc/adr)"
    expect(r.stderr).toContain(said)
    // said under --json too (stdout stays the JSON alone)
    rmSync(path.join(repo.dir, 'doc'), {recursive: true})
    const json = await runCommand(Start, ['Primary datastore', ...ROLES, '--no-input', '--json'], repo.dir, ENV)
    expect(json.stderr).toContain(said)
    expect(() => JSON.parse(json.stdout)).not.toThrow()
  })

  it('names the --approver flag when no approver is given and nothing may prompt, and writes nothing', async () => {
    repo = makeRepo({'docs/adr/.keep': ''})
    const r = await runCommand(Start, ['Primary datastore', '--participant', 'alice', '--participant', 'bob', '--no-input'], repo.dir, ENV)
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toContain('pass --approver')
    expect(readdirSync(path.join(repo.dir, 'docs/adr'))).toEqual(['.keep'])
  })

  it('refuses one participant before writing anything', async () => {
    repo = makeRepo({'docs/adr/.keep': ''})
    const r = await runCommand(
      Start,
      ['Primary datastore', '--participant', 'alice', '--approver', 'dana', '--no-input', '--json'],
      repo.dir,
      ENV,
    )
    expect(r.exitCode).toBe(2)
    expect(JSON.parse(r.stdout).error).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('two or more participants'),
    })
    expect(readdirSync(path.join(repo.dir, 'docs/adr'))).toEqual(['.keep'])
  })

  it('without participants, names the flag and writes nothing', async () => {
    repo = makeRepo({'docs/adr/.keep': ''})
    const r = await runCommand(Start, ['Primary datastore', '--approver', 'dana', '--no-input', '--json'], repo.dir, ENV)
    expect(JSON.parse(r.stdout).error).toMatchObject({code: 'MISSING_ANSWER', message: expect.stringContaining('--participant')})
    expect(readdirSync(path.join(repo.dir, 'docs/adr'))).toEqual(['.keep'])
  })

  it('keeps --fast in the record, and says on stderr which ADR and record it created', async () => {
    repo = makeRepo({'docs/adr/.keep': ''})
    const r = await runCommand(Start, ['Feature flags', ...ROLES, '--fast', '--no-input'], repo.dir, ENV)
    expect(r.stderr).toContain('Started ADR 1: docs/adr/0001-feature-flags.md, record docs/adr/debates/0001-feature-flags.yaml')
    const record = parse(readFileSync(path.join(repo.dir, 'docs/adr/debates/0001-feature-flags.yaml'), 'utf8')) as DebateRecord
    expect(record.expected_track).toBe('fast')
  })

  it('plays a whole debate from --file and returns what its output schema describes', async () => {
    repo = makeRepo({'docs/adr/.keep': ''})
    const r = await runCommand(Start, ['--file', EXAMPLE, '--no-input', '--json'], repo.dir, ENV)
    expect(r.exitCode).toBe(0)
    const validate = schema('debate-start')
    expect(validate(JSON.parse(r.stdout)), JSON.stringify(validate.errors)).toBe(true)
    expect(JSON.parse(r.stdout)).toMatchObject({status: 'accepted', gate: null, decision: {chosen: 'postgresql'}})
    const lint = await runCommand(Lint, ['--profile', 'strict'], repo.dir, ENV)
    expect(lint.stdout + lint.stderr).toContain('2 files checked')
    expect(lint.exitCode, lint.stdout).toBe(0)
  })

  it('an ADR edited without its record fails `adr lint` (debate/adr-record), in every profile', async () => {
    repo = makeRepo({'docs/adr/.keep': ''})
    expect((await runCommand(Start, ['--file', EXAMPLE, '--no-input'], repo.dir, ENV)).exitCode).toBe(0)
    const file = path.join(repo.dir, 'docs/adr/0001-primary-datastore-for-tally.md')
    const original = readFileSync(file, 'utf8')
    const edits: [string, (t: string) => string, string][] = [
      ['decision.chosen', (t) => t.replace('chosen: postgresql', 'chosen: mongodb'), 'Unexpected `decision.chosen` `mongodb`'],
      ['an option score', (t) => t.replace(/(title: MongoDB 7, score: )[0-9.]+/, '$14.9'), 'Unexpected score 4.9 of option `mongodb`'],
      ['the body', (t) => t.replace('Chosen option: "PostgreSQL 16"', 'Chosen option: "MongoDB 7"'), 'Unexpected "Chosen option" line'],
    ]
    for (const [what, edit, message] of edits) {
      writeFileSync(file, edit(original))
      for (const profile of ['recommended', 'strict']) {
        const lint = await runCommand(Lint, ['--profile', profile, '--json'], repo.dir, ENV)
        expect(lint.exitCode, `${what} under ${profile}`).toBe(1)
        const problems = JSON.parse(lint.stdout).problems as {file: string; rule: string; message: string}[]
        expect(problems.filter((p) => p.rule === 'debate/adr-record').map((p) => [p.file, p.message.slice(0, message.length)])).toEqual([
          ['docs/adr/0001-primary-datastore-for-tally.md', message],
        ])
      }
    }
  })

  it('aggregates by the median when .adrgate.yaml says `debate.aggregate: median`, keeps it in the record, and lints clean', async () => {
    repo = makeRepo({'docs/adr/.keep': '', '.adrgate.yaml': 'debate:\n  aggregate: median\n'})
    writeFileSync(path.join(repo.dir, 'three.yaml'), stringify(invoicingAnswersForThree()))
    const r = await runCommand(Start, ['--file', 'three.yaml', '--no-input', '--json'], repo.dir, ENV)
    expect(r.exitCode, r.stdout + r.stderr).toBe(0)
    const record = parse(readFileSync(path.join(repo.dir, RECORD), 'utf8')) as DebateRecord
    expect(record.scoring?.aggregate).toBe('median')
    // the hand-worked medians of test/core/debate-trust.test.ts: MongoDB 7 3.7, PostgreSQL 16 3.65, Keep MySQL 5.7 2.3
    expect(record.results?.totals.map((t) => [t.option, t.total])).toEqual([
      ['mongodb', 3.7],
      ['postgresql', 3.65],
      ['keep-mysql-5-7', 2.3],
    ])
    const lint = await runCommand(Lint, ['--profile', 'strict'], repo.dir, ENV)
    expect(lint.exitCode, lint.stdout).toBe(0)
    // a value the setting does not take is a config finding, located at its line
    writeFileSync(path.join(repo.dir, '.adrgate.yaml'), 'debate:\n  aggregate: mode\n')
    const bad = await runCommand(Lint, ['--json'], repo.dir, ENV)
    const problems = JSON.parse(bad.stdout).problems as {rule: string; line: number; message: string}[]
    expect(problems.filter((p) => p.rule === 'config').map((p) => [p.line, p.message])).toEqual([[2, expect.stringContaining('mean')]])
  })

  it('leaves a proposed ADR and an unfinished record that pass `adr lint --profile strict`', async () => {
    await startEmpty()
    const lint = await runCommand(Lint, ['--profile', 'strict'], repo!.dir, ENV)
    expect(lint.exitCode, lint.stdout).toBe(0)
  })
})

describe('adr debate answer', () => {
  it('continues a started debate from a file to an accepted ADR', async () => {
    await startEmpty()
    const r = await runCommand(Answer, ['1', '--file', EXAMPLE], repo!.dir, ENV)
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toBe('docs/adr/0001-primary-datastore-for-tally.md\taccepted\tPostgreSQL 16\n')
    const validate = schema('debate-answer')
    expect(validate(r.result), JSON.stringify(validate.errors)).toBe(true)
  })

  it('reports the gate and rule an answer fails, keeps the answers that passed, and goes on once fixed', async () => {
    await startEmpty()
    const answers = exampleAnswers()
    ;(answers.weights as Record<string, Record<string, number>>).bob.D1 = 20
    const bad = path.join(repo!.dir, 'bad.yaml')
    writeFileSync(bad, stringify(answers))
    const r = await runCommand(Answer, ['1', '--file', bad, '--json'], repo!.dir, ENV)
    expect(r.exitCode).toBe(1)
    const error = JSON.parse(r.stdout).error
    expect(error.code).toBe('GATE_FAILED')
    expect(error.message).toContain('Gate 3 · Drivers')
    expect(error.message).toContain('g3/weights-sum')
    const record = readRecord()
    expect(record.gate_log.map((g) => g.gate)).toEqual(['G1', 'G2'])
    expect(record.in_progress?.gate).toBe('G3')
    expect(record.in_progress?.answers['weights.alice.D1']).toBe(50)
    expect(record.in_progress?.answers['weights.bob.D1']).toBeUndefined()
    const fixed = await runCommand(Answer, ['1', '--file', EXAMPLE], repo!.dir, ENV)
    expect(fixed.exitCode).toBe(0)
    expect(readRecord().gate_log.find((g) => g.gate === 'G3')?.attempts).toBe(2)
  })

  it('reads the answers from stdin when no --file is given and stdin is not a terminal; at a terminal says where answers go', async () => {
    await startEmpty()
    const piped = await runCommand(Answer, ['1'], repo!.dir, ENV, {stdin: readFileSync(EXAMPLE, 'utf8')})
    expect(piped.exitCode).toBe(0)
    expect(piped.stdout).toBe('docs/adr/0001-primary-datastore-for-tally.md\taccepted\tPostgreSQL 16\n')
    const atTerminal = await runCommand(Answer, ['1', '--json'], repo!.dir, ENV, {stdinIsTTY: true})
    expect(atTerminal.exitCode).toBe(2)
    const error = JSON.parse(atTerminal.stdout).error
    expect(error.code).toBe('INVALID_ARGUMENT')
    expect(error.message).toContain('asks nothing at a terminal')
    expect(error.suggestions.join(' ')).toContain('adr debate resume 1')
    const own = await runCommand(Answer, ['1', '--as', 'alice', '--json'], repo!.dir, ENV, {stdinIsTTY: true})
    expect(JSON.parse(own.stdout).error.suggestions.join(' ')).toContain('not built yet')
  })

  it('refuses an answers file that does not match its schema, naming the path', async () => {
    await startEmpty()
    const bad = path.join(repo!.dir, 'typo.yaml')
    writeFileSync(bad, 'frame:\n  questoin: What?\n')
    const r = await runCommand(Answer, ['1', '--file', bad], repo!.dir, ENV)
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toContain('frame.questoin: unexpected key')
  })
})

describe('adr debate status', () => {
  it('shows who owes which answer, then the matrix, totals, winners and flip points once scores are revealed', async () => {
    await startEmpty()
    const early = await runCommand(Status, ['1', '--json'], repo!.dir, ENV)
    expect(early.exitCode).toBe(0)
    expect(JSON.parse(early.stdout)).toMatchObject({
      gate: {id: 'G1', label: 'Gate 1 of 8 · Frame'},
      next: {key: 'frame.question', who: null},
      results: null,
    })
    const answers = exampleAnswers()
    delete answers.premortem
    writeFileSync(path.join(repo!.dir, 'partial.yaml'), stringify(answers))
    const stopped = await runCommand(Answer, ['1', '--file', 'partial.yaml'], repo!.dir, ENV)
    expect(stopped.exitCode).toBe(2)
    const r = await runCommand(Status, ['1', '--json'], repo!.dir, ENV)
    const status = JSON.parse(r.stdout)
    const validate = schema('debate-status')
    expect(validate(status), JSON.stringify(validate.errors)).toBe(true)
    expect(status.gate.id).toBe('G7')
    expect(status.next).toMatchObject({key: 'premortem.alice.story', who: 'alice'})
    expect(status.waiting_for).toEqual(['alice', 'bob'])
    expect(status.results.winner).toBe('postgresql')
    expect(status.results.stable).toBe(true)
    const text = await runCommand(Status, ['1'], repo!.dir, ENV)
    expect(text.stdout).toContain('Now: Gate 7 of 8 · Pre-mortem')
    expect(text.stdout).toContain('2→3 4→3 !')
    expect(text.stdout).toContain('MongoDB 7 wins only if D2 is worth more than')
  })
})

describe('two sessions on one debate', () => {
  it('refuses a second session while the first holds the lock, and takes over a stale lock', async () => {
    await startEmpty()
    const lock = path.join(repo!.dir, 'docs/adr/debates/.0001-primary-datastore-for-tally.yaml.lock')
    const os = await import('node:os')
    writeFileSync(lock, JSON.stringify({pid: process.pid, host: os.hostname(), since: '2026-11-20T10:00:00Z'}))
    const refused = await runCommand(Resume, ['1', '--no-input', '--json'], repo!.dir, ENV)
    expect(refused.exitCode).toBe(2)
    expect(JSON.parse(refused.stdout).error.code).toBe('LOCKED')
    writeFileSync(lock, JSON.stringify({pid: 2 ** 22 + 12345, host: os.hostname(), since: '2026-11-20T10:00:00Z'}))
    const taken = await runCommand(Resume, ['1', '--no-input', '--json'], repo!.dir, ENV)
    expect(JSON.parse(taken.stdout).error.code).toBe('MISSING_ANSWER')
  })
})

describe('adr debate escalate', () => {
  it('moves a fast-track debate to the full track, back to Gate 3 with drivers and options kept', async () => {
    repo = makeRepo({'docs/adr/.keep': ''})
    const fast = {
      ...featureFlagsFastStart(),
      drivers: [{name: 'Flags ship within a day', category: 'business', knockout: false}],
      options: [{title: 'LaunchDarkly'}, {title: 'Unleash'}],
    }
    writeFileSync(path.join(repo.dir, 'fast.yaml'), stringify(fast))
    const started = await runCommand(
      Start,
      ['Feature flags', ...ROLES, '--fast', '--file', 'fast.yaml', '--no-input', '--json'],
      repo.dir,
      ENV,
    )
    expect(JSON.parse(started.stdout).error.message).toContain('`decision.chosen`')
    const unnamed = await runCommand(Escalate, ['1', '--json'], repo.dir, ENV)
    expect(JSON.parse(unnamed.stdout).error).toMatchObject({code: 'MISSING_ANSWER', message: expect.stringContaining('pass --by')})
    const r = await runCommand(Escalate, ['1', '--by', 'bob', '--json'], repo.dir, ENV)
    expect(r.exitCode).toBe(0)
    const validate = schema('debate-escalate')
    expect(validate(JSON.parse(r.stdout)), JSON.stringify(validate.errors)).toBe(true)
    expect(JSON.parse(r.stdout)).toMatchObject({track: 'full', gate: {id: 'G3'}})
    const status = await runCommand(Status, ['1', '--json'], repo.dir, ENV)
    // the full track first makes the fast track's driver testable
    expect(JSON.parse(status.stdout).next.key).toBe('again.G3.0.drivers.0.measure')
  })
})

describe('a hand-edited record', () => {
  const broken: [string, (r: Record<string, unknown>) => void, string][] = [
    ['participants: 5', (r) => ((r.roles as Record<string, unknown>).participants = 5), 'roles.participants'],
    ['participants: alice', (r) => ((r.roles as Record<string, unknown>).participants = 'alice'), 'roles.participants'],
    ["entries: 'str'", (r) => (r.scoring = {entries: 'str'}), 'scoring.entries'],
    ['gate: G9', (r) => (r.in_progress = {gate: 'G9', failed: 0, answers: {}}), 'in_progress.gate'],
  ]
  for (const [what, edit, where] of broken) {
    it(`${what}: every debate command gives a located error, never a crash`, async () => {
      await startEmpty()
      const file = path.join(repo!.dir, RECORD)
      const record = parse(readFileSync(file, 'utf8')) as Record<string, unknown>
      edit(record)
      writeFileSync(file, stringify(record))
      for (const [command, args] of [
        [Resume, ['1', '--no-input', '--json']],
        [Status, ['1', '--json']],
        [Answer, ['1', '--file', EXAMPLE, '--json']],
        [Escalate, ['1', '--by', 'bob', '--json']],
      ] as const) {
        const r = await runCommand(command, [...args], repo!.dir, ENV)
        expect(r.exitCode, `${command.name}`).toBe(2)
        const error = JSON.parse(r.stdout).error
        expect(error.code, `${command.name}: ${error.message}`).toBe('INVALID_RECORD')
        expect(error.message).toMatch(
          new RegExp(`debates/0001-primary-datastore-for-tally\\.yaml:\\d+:\\d+ .*${where.replace('.', '\\.')}`),
        )
      }
    })
  }
})
