/**
 * Debates in a repository of several ADR directories: `debate start --package` puts the ADR and its
 * record in that directory, and every other debate command finds the debate by a qualified REF
 * (`api/3`), or by a bare one only one directory holds.
 */
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {parse, stringify} from 'yaml'
import Answer from '../../src/commands/debate/answer.js'
import Reveal from '../../src/commands/debate/reveal.js'
import Start from '../../src/commands/debate/start.js'
import Status from '../../src/commands/debate/status.js'
import {answersByPerson} from '../helpers/answers-by-person.js'
import {outputSchemaValidator, repoFixture} from '../helpers/fixtures.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {PROJECT_ROOT, runCommand} from '../helpers/run-command.js'

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

const ENV = {ADR_DATE: '2026-11-20'}
const API = 'services/api/adr'
const EXAMPLE = parse(readFileSync(path.join(PROJECT_ROOT, 'examples/debates/invoicing-answers.yaml'), 'utf8')) as Record<string, unknown>

describe('debates over several ADR directories', () => {
  it('starts in the package named, and status and answer find the debate by its qualified REF', async () => {
    repo = makeRepo(repoFixture('monorepo-dirs'), {commit: true})
    const started = await runCommand(
      Start,
      ['Primary datastore for Tally', '-p', 'alice', '-p', 'bob', '-a', 'dana', '--async', '--package', 'api'],
      repo.dir,
      ENV,
    )
    expect(started.exitCode, started.stderr).toBe(0)
    expect(existsSync(path.join(repo.dir, API, '0003-primary-datastore-for-tally.md'))).toBe(true)
    expect(existsSync(path.join(repo.dir, API, 'debates/0003-primary-datastore-for-tally.yaml'))).toBe(true)

    const status = await runCommand(Status, ['api/3', '--json'], repo.dir, ENV)
    expect(status.exitCode, status.stderr).toBe(0)
    expect(outputSchemaValidator('debate-status')(JSON.parse(status.stdout))).toBe(true)
    // only the API holds an ADR 3: the bare number finds it too
    expect((await runCommand(Status, ['3', '--json'], repo.dir, ENV)).stdout).toBe(status.stdout)

    const [, alice] = [...answersByPerson(EXAMPLE).byPerson].find(([who]) => who === 'alice') ?? []
    writeFileSync(path.join(repo.dir, 'alice-answers.yaml'), stringify(alice))
    repo.git(['config', 'user.email', 'alice@example.com'])
    const answered = await runCommand(Answer, ['api/3', '--file', 'alice-answers.yaml', '--json'], repo.dir, ENV)
    expect(answered.exitCode, answered.stderr).toBe(0)
    expect(JSON.parse(answered.stdout).file).toBe(`${API}/debates/0003-primary-datastore-for-tally/alice.yaml`)
  })

  it('a debate REF two directories hold is ambiguous and names the qualified ones', async () => {
    repo = makeRepo(repoFixture('monorepo-dirs'), {commit: true})
    const r = await runCommand(Status, ['1', '--json'], repo.dir, ENV)
    expect(r.exitCode).toBe(2)
    expect(JSON.parse(r.stdout).error.suggestions).toEqual(['Qualify it with its directory: web/1 or api/1.'])
  })
  it('keeps the salts of two directories’ debates of one name apart: a person who answered both differently reveals both', async () => {
    repo = makeRepo(repoFixture('monorepo-dirs'), {commit: true})
    for (const pkg of ['api', 'web']) {
      const started = await runCommand(
        Start,
        ['Primary datastore for Tally', '-p', 'alice', '-p', 'bob', '-a', 'dana', '--async', '--package', pkg],
        repo.dir,
        ENV,
      )
      expect(started.exitCode, started.stderr).toBe(0)
    }
    const byPerson = answersByPerson(EXAMPLE).byPerson
    for (const who of ['alice', 'bob']) {
      repo.git(['config', 'user.email', `${who}@example.com`])
      for (const pkg of ['api', 'web']) {
        const answers = structuredClone(byPerson.get(who)) as {scores: Record<string, Record<string, Record<string, {score: number}>>>}
        // in the web package alice scores PostgreSQL's first driver one lower: another answer, another salt
        if (who === 'alice' && pkg === 'web') answers.scores.alice.postgresql.D1.score -= 1
        writeFileSync(path.join(repo.dir, `${who}-${pkg}.yaml`), stringify(answers))
        const answered = await runCommand(Answer, [`${pkg}/3`, '--file', `${who}-${pkg}.yaml`], repo.dir, ENV)
        expect(answered.exitCode, answered.stderr).toBe(0)
      }
    }
    repo.git(['config', 'user.email', 'alice@example.com'])
    for (const pkg of ['api', 'web']) {
      const revealed = await runCommand(Reveal, [`${pkg}/3`, '--json'], repo.dir, ENV)
      expect(revealed.exitCode, `${pkg}: ${revealed.stdout}${revealed.stderr}`).toBe(0)
    }
    const web = parse(
      readFileSync(path.join(repo.dir, 'packages/web/docs/adr/debates/0003-primary-datastore-for-tally/alice.yaml'), 'utf8'),
    )
    const api = parse(readFileSync(path.join(repo.dir, API, 'debates/0003-primary-datastore-for-tally/alice.yaml'), 'utf8'))
    expect(web.reveals.scores.answers.scores.alice.postgresql.D1.score).toBe(
      api.reveals.scores.answers.scores.alice.postgresql.D1.score - 1,
    )
  })
})
