/**
 * The asynchronous flow end to end, with real git and the built CLI: one bare repository, the
 * approver's clone and three participants' clones. Each person answers on a branch of their own;
 * the branches merge in every order without a conflict; an early reveal is refused by the CLI and
 * caught by lint when forced by hand (even once the other hashes were merged in after it); an edit
 * after the reveal is caught; answering as somebody else is refused; a person who stops half-way
 * resumes; and the ADR and the record are the one-terminal flow's for the same answers.
 */
import {execFileSync} from 'node:child_process'
import {appendFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parse, stringify} from 'yaml'
import {answersByPerson} from '../helpers/answers-by-person.js'
import {gitEnv} from '../helpers/git-repo.js'
import {PROJECT_ROOT, runArgs, runBin} from '../helpers/run-command.js'

const FIXTURE = path.join(PROJECT_ROOT, 'test/fixtures/debates-async/order-events-answers.yaml')
const WHOLE = parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>
const PARTS = answersByPerson(WHOLE).byPerson
const ENV = {ADR_DATE: '2026-11-20'}
const ADR = 'docs/adr/0001-order-events-transport.md'
const RECORD = 'docs/adr/debates/0001-order-events-transport.yaml'
const DIR = 'docs/adr/debates/0001-order-events-transport'
const PEOPLE = ['ana', 'ben', 'cleo'] as const

let root: string
const clones: Record<string, string> = {}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {cwd, env: gitEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})
}

/** A command of `who`'s, in-process (the command classes; what each does is what this file tests). */
function adr(who: string, ...argv: string[]) {
  return runArgs(argv, clones[who], ENV)
}

function clone(who: string): string {
  const dir = path.join(root, who)
  git(root, 'clone', '-q', path.join(root, 'origin.git'), who)
  appendFileSync(path.join(dir, '.git/config'), `[user]\n\tname = ${who}\n\temail = ${who}@example.com\n[commit]\n\tgpgsign = false\n`)
  clones[who] = dir
  return dir
}

function commitAll(who: string, message: string): void {
  git(clones[who], 'add', '-A')
  git(clones[who], 'commit', '-q', '-m', message)
}

/** The person's answers as a file outside the repository (as a participant would keep their notes). */
function answersFile(who: string, answers: Record<string, unknown>): string {
  const file = path.join(root, `${who}-${Math.random().toString(36).slice(2)}.yaml`)
  writeFileSync(file, stringify(answers))
  return file
}

beforeAll(async () => {
  root = realpathSync(mkdtempSync(path.join(tmpdir(), 'adrgate-async-')))
  git(root, 'init', '-q', '--bare', '-b', 'main', 'origin.git')
  const dana = clone('dana')
  mkdirSync(path.join(dana, 'docs/adr'), {recursive: true})
  // the built binary starts the debate (and plays the one-terminal flow at the end); the rest runs in-process
  const started = runBin(
    ['debate', 'start', 'Order events transport', '-p', 'ana', '-p', 'ben', '-p', 'cleo', '-a', 'dana', '--async'],
    clones.dana,
    ENV,
  )
  expect(started.exitCode, started.stderr).toBe(0)
  const group = await adr('dana', 'debate', 'answer', '1', '--file', answersFile('dana', PARTS.get('dana')!))
  expect(group.exitCode, group.stderr).toBe(0)
  commitAll('dana', 'ADR 1: debate started, the group’s answers')
  git(dana, 'push', '-q', 'origin', 'main')
  for (const p of PEOPLE) clone(p)
}, 120_000)

afterAll(() => rmSync(root, {recursive: true, force: true}))

describe('a debate answered on three clones', () => {
  it('runs a full-track debate to the same ADR as the one-terminal flow, through every refusal and check on the way', async () => {
    // ── hashes: each person on their own branch ─────────────────────────────────────────────────
    // ben stops half-way (only G1 and the door), then resumes with the rest on the same clone
    const benAll = PARTS.get('ben')!
    const {frame, door, ...benRest} = benAll as Record<string, unknown>
    for (const p of PEOPLE) git(clones[p], 'switch', '-q', '-c', `answers-${p}`)
    expect((await adr('ben', 'debate', 'answer', '1', '--file', answersFile('ben', {frame, door}))).exitCode).toBe(0)
    const resumed = await adr('ben', 'debate', 'answer', '1', '--file', answersFile('ben', benRest), '--json')
    expect(resumed.exitCode, resumed.stderr).toBe(0)
    // the door was committed in the first session and is not committed again
    expect(JSON.parse(resumed.stdout).committed.sort()).toEqual(['consent', 'premortem', 'scores', 'weights'])
    for (const p of ['ana', 'cleo'])
      expect((await adr(p, 'debate', 'answer', '1', '--file', answersFile(p, PARTS.get(p)!))).exitCode).toBe(0)

    // answering as somebody else is refused
    const impostor = await adr('ana', 'debate', 'answer', '1', '--as', 'ben', '--file', answersFile('ben', benAll))
    expect(impostor.exitCode).toBe(2)
    expect(impostor.stderr).toContain('You are ana here')

    // an early reveal is refused by the CLI: nobody else's hash is on ana's branch yet
    const early = await adr('ana', 'debate', 'reveal', '1')
    expect(early.exitCode).toBe(2)
    expect(early.stderr).toContain('waiting for the hash of ben, cleo')
    for (const p of PEOPLE) {
      commitAll(p, `ADR 1: ${p}'s answers, blind ones as hashes`)
      git(clones[p], 'push', '-q', 'origin', `answers-${p}`)
    }
    // no blind answer is in the repository: ana's scores are nowhere in any pushed file
    git(clones.dana, 'fetch', '-q', 'origin')
    expect(git(clones.dana, 'grep', '-l', 'favours: Kafka', 'origin/answers-ana', '--', 'docs')).toContain('ana.yaml')
    expect(() => git(clones.dana, 'grep', '-q', 'replays from its last offset', 'origin/answers-ana', '--', 'docs')).toThrow()

    // ── the branches merge without a conflict in every order, to the same tree ─────────────────
    const trees = new Set<string>()
    for (const order of permutations([...PEOPLE])) {
      git(clones.dana, 'switch', '-q', '-C', 'try', 'origin/main')
      for (const p of order) git(clones.dana, 'merge', '-q', '--no-edit', `origin/answers-${p}`)
      trees.add(git(clones.dana, 'rev-parse', 'HEAD^{tree}').trim())
    }
    expect(trees.size).toBe(1)
    git(clones.dana, 'switch', '-q', 'main')
    git(clones.dana, 'branch', '-q', '-D', 'try')
    for (const p of ['cleo', 'ana', 'ben']) git(clones.dana, 'merge', '-q', '--no-edit', `origin/answers-${p}`)
    git(clones.dana, 'push', '-q', 'origin', 'main')
    const status = JSON.parse((await adr('dana', 'debate', 'status', '1', '--json')).stdout)
    expect(status.rounds.map((r: {round: string; awaited: string[]}) => [r.round, r.awaited])).toEqual([
      ['door', ['ana', 'ben', 'cleo']],
      ['weights', ['ana', 'ben', 'cleo']],
      ['scores', ['ana', 'ben', 'cleo']],
      ['premortem', ['ana', 'ben', 'cleo']],
      ['consent', ['ana', 'ben', 'cleo']],
    ])
    // with every hash in and nothing revealed, merge stops at the first blind answer
    const waiting = JSON.parse((await adr('dana', 'debate', 'merge', '1', '--json')).stdout)
    expect(waiting).toMatchObject({gate: {id: 'G2'}, waiting: {who: 'ana', key: 'door.ana.weeks_3m'}})
    commitAll('dana', 'ADR 1: G1 passed')
    git(clones.dana, 'push', '-q', 'origin', 'main')

    // ── a reveal forced by hand before the others' hashes, then hidden by merging main in ──────
    git(clones.ana, 'switch', '-q', '-c', 'forced', 'answers-ana')
    const secrets = JSON.parse(
      readFileSync(path.join(clones.ana, '.git/adrgate/debates/docs/adr/debates/0001-order-events-transport/ana.secrets.json'), 'utf8'),
    )
    const anaFile = path.join(clones.ana, DIR, 'ana.yaml')
    const forced = parse(readFileSync(anaFile, 'utf8'))
    forced.reveals = {scores: {salt: secrets.scores.salt, date: '2026-11-20', answers: secrets.scores.answers}}
    writeFileSync(anaFile, stringify(forced))
    const tree = await adr('ana', 'lint', 'docs/adr')
    expect(tree.exitCode).toBe(1)
    expect(tree.stdout).toMatch(/ana\.yaml:\d+:\d+ +error +G5 scores is revealed before the hash of ben, cleo is in +debate\/reveal-early/)
    commitAll('ana', 'ADR 1: ana reveals her scores early')
    git(clones.ana, 'pull', '-q', '--no-rebase', '--no-edit', 'origin', 'main')
    const history = await adr('ana', 'lint', 'docs/adr')
    expect(history.exitCode).toBe(1)
    expect(history.stdout).toMatch(
      /G5 scores was revealed in [0-9a-f]{7} \("ADR 1: ana reveals her scores early"\) before the hash of ben, cleo was committed +debate\/reveal-early/,
    )
    expect(history.stdout).not.toContain('is in  ')

    // ── the reveals, each on its own branch once main holds every hash ─────────────────────────
    for (const p of PEOPLE) {
      git(clones[p], 'switch', '-q', '-C', `reveal-${p}`, `answers-${p}`)
      git(clones[p], 'pull', '-q', '--no-rebase', '--no-edit', 'origin', 'main')
      const revealed = await adr(p, 'debate', 'reveal', '1')
      expect(revealed.exitCode, revealed.stderr).toBe(0)
      commitAll(p, `ADR 1: ${p} reveals`)
      git(clones[p], 'push', '-q', 'origin', `reveal-${p}`)
    }
    git(clones.dana, 'fetch', '-q', 'origin')
    for (const p of ['ben', 'cleo', 'ana']) git(clones.dana, 'merge', '-q', '--no-edit', `origin/reveal-${p}`)
    const merged = await adr('dana', 'debate', 'merge', '1', '--json')
    expect(merged.exitCode, merged.stderr).toBe(0)
    expect(JSON.parse(merged.stdout)).toMatchObject({status: 'accepted', decision: {chosen: 'kafka'}, waiting: null})
    const lint = await adr('dana', 'lint', '--profile', 'strict', 'docs/adr')
    expect(lint.stdout + lint.stderr).toContain('no problems')
    commitAll('dana', 'ADR 1: accepted')

    // ── an answer edited after its reveal ───────────────────────────────────────────────────────
    git(clones.cleo, 'switch', '-q', '-C', 'edit', 'reveal-cleo')
    const cleoFile = path.join(clones.cleo, DIR, 'cleo.yaml')
    const edited = parse(readFileSync(cleoFile, 'utf8'))
    edited.reveals.scores.answers.scores.cleo.kafka.D3.score = 1
    writeFileSync(cleoFile, stringify(edited))
    commitAll('cleo', 'ADR 1: cleo lowers a score')
    const after = await adr('cleo', 'lint', 'docs/adr')
    expect(after.exitCode).toBe(1)
    expect(after.stdout).toContain('The reveal of G5 scores does not match the hash committed on 2026-11-20')
    expect(after.stdout).toMatch(
      /G5 scores changed in [0-9a-f]{7} \("ADR 1: cleo lowers a score"\), after its reveal +debate\/changed-after-reveal/,
    )

    // ── the same answers at one terminal give the same ADR and the same record ───────────────
    const one = realpathSync(mkdtempSync(path.join(root, 'one-')))
    git(one, 'init', '-q', '-b', 'main')
    mkdirSync(path.join(one, 'docs/adr'), {recursive: true})
    const played = runBin(['debate', 'start', '--file', FIXTURE, '--no-input'], one, ENV)
    expect(played.exitCode, played.stderr).toBe(0)
    expect(readFileSync(path.join(clones.dana, ADR), 'utf8')).toBe(readFileSync(path.join(one, ADR), 'utf8'))
    expect(readFileSync(path.join(clones.dana, RECORD), 'utf8')).toBe(readFileSync(path.join(one, RECORD), 'utf8'))
  }, 300_000)
})

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items]
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]))
}
