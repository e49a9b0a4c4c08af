import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import {afterEach, describe, expect, it} from 'vitest'
import {openWorkspace} from '../../src/adapters/workspace.js'
import {describeSkippedNumbers, numbersTakenOnOtherBranches} from '../../src/app/adr/branch-numbers.js'
import type {RenumberResult} from '../../src/app/adr/renumber.js'
import New from '../../src/commands/new.js'
import Renumber from '../../src/commands/renumber.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {PROJECT_ROOT, runCommand} from '../helpers/run-command.js'

const schema = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'schemas/output/renumber.schema.json'), 'utf8'))
const validate = new Ajv2020({allErrors: true, strict: false}).compile(schema)

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

const nygard = (n: number, title: string, status: string) =>
  `# ${n}. ${title}\n\nDate: 2026-01-01\n\n## Status\n\n${status}\n\n## Context\n\nWhy.\n`
const DIR = 'doc/adr'
const read = (file: string) => readFileSync(path.join(repo?.dir ?? '', DIR, file), 'utf8')

/** Two branches that each added ADR 3, merged; ADR 4 and a MADR ADR link to the later one by file name. */
function mergedRepo(): TempRepo {
  const r = makeRepo({
    [`${DIR}/0001-record.md`]: nygard(1, 'Record architecture decisions', 'Accepted'),
    [`${DIR}/0002-use-x.md`]: nygard(2, 'Use X', 'Accepted'),
  })
  r.commit('base', '2026-01-01T10:00:00Z')
  r.git(['checkout', '-q', '-b', 'feature'])
  r.write({[`${DIR}/0003-use-queue.md`]: nygard(3, 'Use a queue', 'Accepted\n\nAmends [2. Use X](0002-use-x.md)')})
  r.commit('feature: ADR 3', '2026-01-03T10:00:00Z')
  r.git(['checkout', '-q', 'main'])
  r.write({[`${DIR}/0003-use-cache.md`]: nygard(3, 'Use a cache', 'Accepted')})
  r.commit('main: ADR 3', '2026-01-02T10:00:00Z')
  r.git(['merge', '-q', '--no-edit', 'feature'], '2026-01-04T10:00:00Z')
  r.write({
    [`${DIR}/0004-tune-queue.md`]: nygard(4, 'Tune the queue', 'Accepted\n\nAmends [3. Use a queue](0003-use-queue.md)'),
    [`${DIR}/0005-queue-metrics.md`]:
      '---\nstatus: proposed\ndate: 2026-01-05\nlinks:\n  - {rel: relates to, target: 0003-use-queue.md}\n  - {rel: relates to, target: 3}\n---\n# Queue metrics\n\nSee [the queue ADR](./0003-use-queue.md#decision) and [ADR 3](0003-use-cache.md).\n',
  })
  r.commit('more', '2026-01-05T10:00:00Z')
  return r
}

describe('adr renumber', () => {
  it('gives the later duplicate the next free number and rewrites every link to it', async () => {
    repo = mergedRepo()
    const r = await runCommand(Renumber, ['--json'], repo.dir)
    expect(r.exitCode).toBe(0)
    const result = JSON.parse(r.stdout) as RenumberResult
    expect(validate(result), JSON.stringify(validate.errors)).toBe(true)
    expect(result.moves).toEqual([
      {
        from: '0003-use-queue.md',
        to: '0006-use-queue.md',
        path: `${DIR}/0006-use-queue.md`,
        oldNumber: 3,
        newNumber: 6,
        title: 'Use a queue',
        kept: '0003-use-cache.md',
      },
    ])
    expect(result.updated.sort()).toEqual([`${DIR}/0004-tune-queue.md`, `${DIR}/0005-queue-metrics.md`])
    expect(existsSync(path.join(repo.dir, DIR, '0003-use-queue.md'))).toBe(false)
    expect(read('0006-use-queue.md')).toBe(nygard(6, 'Use a queue', 'Accepted\n\nAmends [2. Use X](0002-use-x.md)'))
    expect(read('0004-tune-queue.md')).toBe(nygard(4, 'Tune the queue', 'Accepted\n\nAmends [6. Use a queue](0006-use-queue.md)'))
    expect(read('0005-queue-metrics.md')).toContain('  - {rel: relates to, target: 0006-use-queue.md}\n  - {rel: relates to, target: 3}\n')
    expect(read('0005-queue-metrics.md')).toContain('See [the queue ADR](./0006-use-queue.md#decision) and [ADR 3](0003-use-cache.md).')
    expect(result.warnings).toEqual([expect.stringContaining('0005-queue-metrics.md:6 links to 3 by number')])
    expect(readdirSync(path.join(repo.dir, DIR)).filter((f) => f.startsWith('.'))).toEqual([])
    const again = await runCommand(Renumber, ['--json'], repo.dir)
    expect(JSON.parse(again.stdout).moves).toEqual([])
  })

  it('tells duplicates apart by their first creation, through a move of the whole folder', async () => {
    repo = makeRepo({'adr/0002-zulu.md': nygard(2, 'Zulu', 'Accepted')})
    repo.commit('ADR 2, the first', '2019-01-01T10:00:00Z')
    repo.write({'adr/0002-alpha.md': nygard(2, 'Alpha', 'Accepted')})
    repo.commit('ADR 2 again, a year later', '2020-01-01T10:00:00Z')
    repo.git(['mv', 'adr', 'doc'])
    repo.commit('Folder renamed', '2021-01-01T10:00:00Z')
    const r = await runCommand(Renumber, ['--dir', 'doc', '--dry-run', '--json'], repo.dir)
    expect(r.exitCode, r.stderr).toBe(0)
    const out = JSON.parse(r.stdout) as RenumberResult
    expect(out.moves.map((m) => [m.from, m.newNumber, m.kept])).toEqual([['0002-alpha.md', 3, '0002-zulu.md']])
  })

  it('with REF renumbers only the ADRs sharing its number', async () => {
    repo = mergedRepo()
    repo.write({[`${DIR}/0002-use-y.md`]: nygard(2, 'Use Y', 'Proposed')})
    repo.commit('a second ADR 2', '2026-01-06T10:00:00Z')
    const only3 = await runCommand(Renumber, ['3', '--json'], repo.dir)
    expect(only3.exitCode, only3.stderr).toBe(0)
    expect((JSON.parse(only3.stdout) as RenumberResult).moves.map((m) => `${m.from} → ${m.to}`)).toEqual([
      '0003-use-queue.md → 0006-use-queue.md',
    ])
    expect(existsSync(path.join(repo.dir, DIR, '0002-use-y.md'))).toBe(true)
    // a file name names its number's group too
    const byFile = await runCommand(Renumber, ['0002-use-y.md', '--json'], repo.dir)
    expect((JSON.parse(byFile.stdout) as RenumberResult).moves.map((m) => `${m.from} → ${m.to}`)).toEqual(['0002-use-y.md → 0007-use-y.md'])
    const none = await runCommand(Renumber, ['42', '--json'], repo.dir)
    expect(none.exitCode).toBe(2)
    expect(JSON.parse(none.stdout).error.code).toBe('ADR_NOT_FOUND')
  })

  it('changes nothing with --dry-run', async () => {
    repo = mergedRepo()
    const before = readdirSync(path.join(repo.dir, DIR)).sort()
    const r = await runCommand(Renumber, ['--dry-run'], repo.dir)
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toContain('3 → 6: 0003-use-queue.md would move to doc/adr/0006-use-queue.md')
    expect(readdirSync(path.join(repo.dir, DIR)).sort()).toEqual(before)
    expect(repo.git(['status', '--porcelain', '--untracked-files=no'])).toBe('')
  })

  it('counts an uncommitted duplicate as the latest, and skips numbers taken on other branches', async () => {
    repo = makeRepo({[`${DIR}/0001-a.md`]: nygard(1, 'A', 'Accepted'), [`${DIR}/0002-b.md`]: nygard(2, 'B', 'Accepted')})
    repo.commit('base', '2026-01-01T10:00:00Z')
    repo.git(['checkout', '-q', '-b', 'other'])
    repo.write({[`${DIR}/0003-other.md`]: nygard(3, 'Other', 'Proposed')})
    repo.commit('other', '2026-01-02T10:00:00Z')
    repo.git(['checkout', '-q', 'main'])
    repo.write({[`${DIR}/0001-aaa-new.md`]: nygard(1, 'New', 'Proposed')})
    const r = await runCommand(Renumber, ['--json'], repo.dir)
    const result = JSON.parse(r.stdout) as RenumberResult
    expect(result.moves.map((m) => [m.from, m.to, m.kept])).toEqual([['0001-aaa-new.md', '0004-aaa-new.md', '0001-a.md']])
    expect(read('0004-aaa-new.md')).toBe(nygard(4, 'New', 'Proposed'))
  })

  it('says so when there is nothing to do', async () => {
    repo = makeRepo({[`${DIR}/0001-a.md`]: nygard(1, 'A', 'Accepted')}, {commit: true})
    const r = await runCommand(Renumber, [], repo.dir)
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain('nothing to renumber')
  })
})

describe('numbersTakenOnOtherBranches', () => {
  it('lists ADR numbers on local and remote-tracking branches, and says which were skipped', async () => {
    const origin = makeRepo({[`${DIR}/0001-a.md`]: nygard(1, 'A', 'Accepted')}, {commit: true})
    try {
      origin.git(['checkout', '-q', '-b', 'theirs'])
      origin.write({[`${DIR}/0002-theirs.md`]: nygard(2, 'Theirs', 'Proposed'), [`${DIR}/README.md`]: 'not an ADR'})
      origin.commit('theirs', '2026-01-02T10:00:00Z')
      origin.git(['checkout', '-q', 'main'])
      repo = makeRepo({}, {git: false})
      repo.git(['clone', '-q', `file://${origin.dir}`, '.'])
      repo.git(['checkout', '-q', '-b', 'mine'])
      repo.write({[`${DIR}/0002-mine.md`]: nygard(2, 'Mine', 'Proposed')})
      repo.commit('mine', '2026-01-03T10:00:00Z')
      repo.git(['checkout', '-q', 'main'])
      const ws = openWorkspace(repo.dir, {env: process.env})
      const taken = await numbersTakenOnOtherBranches(ws)
      expect(taken).toEqual([
        {number: 1, file: '0001-a.md', branch: 'main'},
        {number: 2, file: '0002-mine.md', branch: 'mine'},
        {number: 2, file: '0002-theirs.md', branch: 'origin/theirs'},
      ])
      expect(describeSkippedNumbers(2, 3, taken, ['0001-a.md'])).toBe(
        'Skipped number 2 (0002-mine.md on mine; 0002-theirs.md on origin/theirs): already taken on a branch, not in this working tree.',
      )
      expect(describeSkippedNumbers(2, 2, taken, ['0001-a.md'])).toBeUndefined()
    } finally {
      origin.cleanup()
    }
  })

  it('makes adr new skip a number another branch took, and say so on stderr', async () => {
    repo = makeRepo({[`${DIR}/0001-a.md`]: nygard(1, 'A', 'Accepted')}, {commit: true})
    repo.git(['checkout', '-q', '-b', 'parallel'])
    repo.write({[`${DIR}/0002-parallel.md`]: nygard(2, 'Parallel', 'Accepted')})
    repo.commit('parallel', '2026-01-02T10:00:00Z')
    repo.git(['checkout', '-q', 'main'])
    const r = await runCommand(New, ['--no-edit', 'Here'], repo.dir, {ADR_DATE: '2026-01-03', VISUAL: undefined, EDITOR: undefined})
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toBe(`${DIR}/0003-here.md\n`)
    expect(r.stderr).toContain('Skipped number 2 (0002-parallel.md on parallel)')
    const again = await runCommand(New, ['--no-edit', 'Next'], repo.dir, {ADR_DATE: '2026-01-03'})
    expect(again.stdout).toBe(`${DIR}/0004-next.md\n`)
    expect(again.stderr).toBe('')
  })

  it('takes nothing outside git or before the first commit', async () => {
    repo = makeRepo({[`${DIR}/0001-a.md`]: nygard(1, 'A', 'Accepted')}, {git: false})
    expect(await numbersTakenOnOtherBranches(openWorkspace(repo.dir, {env: process.env}))).toEqual([])
    repo.cleanup()
    repo = makeRepo({[`${DIR}/0001-a.md`]: nygard(1, 'A', 'Accepted')})
    expect(await numbersTakenOnOtherBranches(openWorkspace(repo.dir, {env: process.env}))).toEqual([])
  })
})

describe('adr renumber and debates, in git', () => {
  const madr = (title: string, debate?: string) =>
    `---\nstatus: proposed\ndate: 2026-01-02\n${debate ? `debate: ${debate}\n` : ''}---\n\n# ${title}\n\n## Context and Problem Statement\n\nWhy.\n`
  const record = (adr: string) => `schema_version: 1\nadr: ${adr}\nquestion: Which queue?\nroles:\n  approver: dana\ngate_log: []\n`

  function repoWithDebate(): TempRepo {
    const r = makeRepo({
      [`${DIR}/0001-record.md`]: nygard(1, 'Record architecture decisions', 'Accepted'),
      [`${DIR}/0002-use-cache.md`]: nygard(2, 'Use a cache', 'Accepted'),
    })
    r.commit('base', '2026-01-01T10:00:00Z')
    r.write({
      [`${DIR}/0002-choose-a-queue.md`]: madr('Choose a queue', 'debates/0002-choose-a-queue.yaml'),
      [`${DIR}/debates/0002-choose-a-queue.yaml`]: record('0002-choose-a-queue.md'),
    })
    r.commit('debate', '2026-01-02T10:00:00Z')
    return r
  }

  it('moves the debate record with its ADR, rewrites adr: and debate:, and stages the renames', async () => {
    repo = repoWithDebate()
    const r = await runCommand(Renumber, ['--json'], repo.dir)
    expect(r.exitCode, r.stderr).toBe(0)
    const result = JSON.parse(r.stdout) as RenumberResult
    expect(validate(result), JSON.stringify(validate.errors)).toBe(true)
    expect(result.moves).toMatchObject([
      {
        from: '0002-choose-a-queue.md',
        to: '0003-choose-a-queue.md',
        debate: {from: 'debates/0002-choose-a-queue.yaml', to: 'debates/0003-choose-a-queue.yaml'},
      },
    ])
    expect(read('0003-choose-a-queue.md')).toBe(madr('Choose a queue', 'debates/0003-choose-a-queue.yaml'))
    expect(read('debates/0003-choose-a-queue.yaml')).toBe(record('0003-choose-a-queue.md'))
    expect(existsSync(path.join(repo.dir, DIR, 'debates/0002-choose-a-queue.yaml'))).toBe(false)
    const status = repo.git(['status', '--porcelain', '-M']).trim().split('\n').sort()
    expect(status).toEqual([
      `R  ${DIR}/0002-choose-a-queue.md -> ${DIR}/0003-choose-a-queue.md`,
      `R  ${DIR}/debates/0002-choose-a-queue.yaml -> ${DIR}/debates/0003-choose-a-queue.yaml`,
    ])
  })

  it.each([
    ['at the record’s path', `.git/adrgate/debates/${DIR}/debates/0002-choose-a-queue`],
    ['where versions before kept them, by the record’s name', '.git/adrgate/debates/0002-choose-a-queue'],
  ])('moves an asynchronous debate whole: its answers folder beside the record and the salts under .git/adrgate/ (kept %s)', async (_where, salts) => {
    repo = repoWithDebate()
    const answers = `${DIR}/debates/0002-choose-a-queue`
    const ana = `schema_version: 1\nparticipant: ana\ncommitments:\n  door: {sha256: ${'a'.repeat(64)}, date: 2026-01-02}\n`
    const bo = 'schema_version: 1\nparticipant: bo\nanswers: {}\n'
    repo.write({[`${answers}/ana.yaml`]: ana, [`${answers}/bo.yaml`]: bo})
    repo.commit('answers', '2026-01-03T10:00:00Z')
    const secret = `${JSON.stringify({door: {salt: 'b'.repeat(64), answers: {door: 'one-way'}}}, null, 2)}\n`
    repo.write({[`${salts}/ana.secrets.json`]: secret})
    const r = await runCommand(Renumber, ['--json'], repo.dir)
    expect(r.exitCode, r.stderr).toBe(0)
    const at = (file: string) => path.join(repo?.dir ?? '', file)
    expect(readFileSync(at(`${DIR}/debates/0003-choose-a-queue/ana.yaml`), 'utf8')).toBe(ana)
    expect(readFileSync(at(`${DIR}/debates/0003-choose-a-queue/bo.yaml`), 'utf8')).toBe(bo)
    expect(readFileSync(at(`.git/adrgate/debates/${DIR}/debates/0003-choose-a-queue/ana.secrets.json`), 'utf8')).toBe(secret)
    // nothing left under the old names, not even the empty folders
    expect(existsSync(at(answers))).toBe(false)
    expect(existsSync(at(salts))).toBe(false)
    const status = repo.git(['status', '--porcelain', '-M']).trim().split('\n').sort()
    expect(status).toEqual([
      `R  ${DIR}/0002-choose-a-queue.md -> ${DIR}/0003-choose-a-queue.md`,
      `R  ${DIR}/debates/0002-choose-a-queue.yaml -> ${DIR}/debates/0003-choose-a-queue.yaml`,
      `R  ${answers}/ana.yaml -> ${DIR}/debates/0003-choose-a-queue/ana.yaml`,
      `R  ${answers}/bo.yaml -> ${DIR}/debates/0003-choose-a-queue/bo.yaml`,
    ])
  })

  it('refuses to move an answers folder that holds something other than files, and changes nothing', async () => {
    repo = repoWithDebate()
    repo.write({[`${DIR}/debates/0002-choose-a-queue/drafts/ana.yaml`]: 'participant: ana\n'})
    const r = await runCommand(Renumber, ['--json'], repo.dir)
    expect(r.exitCode).toBe(2)
    const error = JSON.parse(r.stdout).error
    expect(error.message).toBe(`${DIR}/debates/0002-choose-a-queue holds "drafts", which is not a file; renumbering would leave it behind`)
    expect(existsSync(path.join(repo.dir, DIR, '0002-choose-a-queue.md'))).toBe(true)
    expect(repo.git(['status', '--porcelain', '--untracked-files=no'])).toBe('')
  })

  it('refuses while a debate session holds the record, and changes nothing', async () => {
    repo = repoWithDebate()
    const os = await import('node:os')
    const {writeFileSync} = await import('node:fs')
    writeFileSync(
      path.join(repo.dir, DIR, 'debates/.0002-choose-a-queue.yaml.lock'),
      JSON.stringify({pid: process.pid, host: os.hostname(), token: 'session', since: '2026-01-02T10:00:00Z'}),
    )
    const r = await runCommand(Renumber, ['--json'], repo.dir)
    expect(r.exitCode).toBe(2)
    expect(JSON.parse(r.stdout).error.code).toBe('LOCKED')
    expect(existsSync(path.join(repo.dir, DIR, '0002-choose-a-queue.md'))).toBe(true)
    expect(repo.git(['status', '--porcelain', '--untracked-files=no'])).toBe('')
  })

  it('leaves no session lock behind when the second of two debates is held', async () => {
    repo = repoWithDebate()
    repo.write({
      [`${DIR}/0002-pick-a-database.md`]: madr('Pick a database', 'debates/0002-pick-a-database.yaml'),
      [`${DIR}/debates/0002-pick-a-database.yaml`]: record('0002-pick-a-database.md'),
    })
    repo.commit('another debate', '2026-01-03T10:00:00Z')
    const os = await import('node:os')
    const {readdirSync, writeFileSync} = await import('node:fs')
    const debates = path.join(repo.dir, DIR, 'debates')
    writeFileSync(
      path.join(debates, '.0002-pick-a-database.yaml.lock'),
      JSON.stringify({pid: process.pid, host: os.hostname(), token: 'session', since: '2026-01-03T10:00:00Z'}),
    )
    const r = await runCommand(Renumber, ['--json'], repo.dir)
    expect(r.exitCode).toBe(2)
    expect(JSON.parse(r.stdout).error.code).toBe('LOCKED')
    expect(readdirSync(debates).filter((f) => f.endsWith('.lock'))).toEqual(['.0002-pick-a-database.yaml.lock'])
  })
})
