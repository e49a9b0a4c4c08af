import {existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import {afterEach, describe, expect, it} from 'vitest'
import {openWorkspace} from '../../src/adapters/workspace.js'
import type {LogResult} from '../../src/app/history/decision-log.js'
import {adrDates} from '../../src/app/history/history-dates.js'
import Log from '../../src/commands/log.js'
import Show from '../../src/commands/show.js'
import {outputSchemaValidator} from '../helpers/fixtures.js'
import {git, makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {PROJECT_ROOT, runCommand} from '../helpers/run-command.js'

const schema = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'schemas/output/log.schema.json'), 'utf8'))
const validate = new Ajv2020({allErrors: true, strict: false}).compile(schema)

const repos: TempRepo[] = []
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup()
})

const nygard = (n: number, title: string, status: string, body = 'We do it.') =>
  `# ${n}. ${title}\n\nDate: 2026-01-01\n\n## Status\n\n${status}\n\n## Context\n\nWhy.\n\n## Decision\n\n${body}\n`

/** A small history: 1 proposed then accepted, 2 added, 1 superseded by 2 and renamed, 3 with an option-looking title. */
function historyRepo(): TempRepo {
  const r = makeRepo({'doc/adr/0001-use-x.md': nygard(1, 'Use X', 'Proposed'), 'README.md': 'r'})
  repos.push(r)
  r.commit('Propose X', '2026-01-01T10:00:00Z')
  r.write({'doc/adr/0001-use-x.md': nygard(1, 'Use X', 'Accepted')})
  r.commit('Accept X', '2026-01-05T10:00:00Z')
  r.write({
    'doc/adr/0001-use-x.md': nygard(1, 'Use X', 'Superceded by [2. Use Y](0002-use-y.md)'),
    'doc/adr/0002-use-y.md': nygard(2, 'Use Y', 'Accepted\n\nSupercedes [1. Use X](0001-use-x.md)'),
  })
  r.git(['-c', 'user.name=Bo Other', '-c', 'user.email=bo@example.com', 'add', '-A'])
  r.git(['commit', '-q', '--author', 'Bo Other <bo@example.com>', '-m', 'Supersede X'], '2026-02-01T10:00:00Z')
  r.git(['mv', 'doc/adr/0001-use-x.md', 'doc/adr/0001-use-x-first.md'])
  r.commit('Rename', '2026-02-02T10:00:00Z')
  r.write({'doc/adr/0003-option-like.md': nygard(3, '--upload-pack=x', 'Proposed')})
  r.commit('--upload-pack=x', '2026-03-01T10:00:00Z')
  return r
}

async function log(dir: string, argv: string[], env: Record<string, string> = {}) {
  const r = await runCommand(Log, argv, dir, env)
  return {...r, json: r.stdout.trim().startsWith('{') ? (JSON.parse(r.stdout) as LogResult) : undefined}
}

describe('adr log', () => {
  it('reads the first commit whatever log.showRoot says (git log --root)', async () => {
    const repo = historyRepo()
    const before = (await log(repo.dir, ['--json'])).json
    rmSync(path.join(repo.dir, '.git', 'adrgate'), {recursive: true, force: true})
    repo.git(['config', 'log.showRoot', 'false'])
    const after = (await log(repo.dir, ['--json'])).json
    expect(after).toEqual(before)
    expect(after?.events.at(-1)).toMatchObject({number: 1, kind: 'created'})
  })

  it('prints the timeline newest first, and --json matches its schema', async () => {
    const repo = historyRepo()
    const text = await log(repo.dir, [])
    expect(text.exitCode).toBe(0)
    expect(text.stderr).toBe('')
    const lines = text.stdout.trim().split('\n')
    expect(lines[0]).toMatch(/^2026-03-01 {2}[0-9a-f]{7} {2}Ada Tester {2}ADR 3 --upload-pack=x: created \(proposed\)$/)
    expect(lines.at(-1)).toMatch(/^2026-01-01 .* ADR 1 Use X: created \(proposed\)$/)
    const r = await log(repo.dir, ['--json'])
    expect(validate(r.json), JSON.stringify(validate.errors)).toBe(true)
    expect(r.json?.events.map((e) => [e.kind, e.number])).toEqual([
      ['created', 3],
      ['renamed', 1],
      ['superseded', 1],
      ['created', 2],
      ['superseding', 2],
      ['status-changed', 1],
      ['created', 1],
    ])
    expect(r.json?.events.find((e) => e.kind === 'superseded')).toMatchObject({
      author: 'Bo Other',
      from: 'accepted',
      to: 'superseded',
      target: '2',
    })
  })

  it('works the same from a subdirectory', async () => {
    const repo = historyRepo()
    const top = await log(repo.dir, ['--json'])
    const sub = await log(path.join(repo.dir, 'doc/adr'), ['--json'])
    expect(sub.json?.events).toHaveLength(7)
    expect(sub.json).toEqual(top.json)
  })

  it('shows one ADR with a ref, following its rename', async () => {
    const repo = historyRepo()
    const r = await log(repo.dir, ['1', '--json'])
    expect(r.json?.adr).toEqual({number: 1, title: 'Use X', file: '0001-use-x-first.md'})
    expect(r.json?.events.map((e) => e.kind)).toEqual(['renamed', 'superseded', 'status-changed', 'created'])
  })

  it('filters by date, author and status, in JS', async () => {
    const repo = historyRepo()
    const since = await log(repo.dir, ['--since', '2026-02-01', '--until', '2026-02-01', '--json'])
    expect(new Set(since.json?.events.map((e) => e.commit.length))).toEqual(new Set([40]))
    expect(since.json?.events.map((e) => e.date.slice(0, 10))).toEqual(['2026-02-01', '2026-02-01', '2026-02-01'])
    const bo = await log(repo.dir, ['--author', 'BO@example', '--json'])
    expect(new Set(bo.json?.events.map((e) => e.author))).toEqual(new Set(['Bo Other']))
    const accepted = await log(repo.dir, ['--status', 'Accepted', '--json'])
    expect(accepted.json?.events.map((e) => [e.kind, e.number])).toEqual([
      ['created', 2],
      ['status-changed', 1],
    ])
    const bad = await log(repo.dir, ['--since', 'last tuesday'])
    expect(bad.exitCode).toBe(2)
    expect(bad.stderr).toContain('is not a date')
  })

  it('takes option-looking refs and authors as values', async () => {
    const repo = historyRepo()
    const out = path.join(repo.dir, 'leak.txt')
    const r = await log(repo.dir, [`--author=--output=${out}`, '--json'])
    expect(r.exitCode).toBe(0)
    expect(r.json?.events).toEqual([])
    const ref = await log(repo.dir, ['--json', '--', `--output=${out}`])
    expect(ref.exitCode).toBe(2)
    expect(JSON.parse(ref.stdout).error.code).toBe('ADR_NOT_FOUND')
    const title = await log(repo.dir, ['--json', '--', '--upload-pack'])
    expect(title.json?.adr?.number).toBe(3)
    expect(existsSync(out)).toBe(false)
  })

  it('warns once in a shallow clone, then shows the history that exists', async () => {
    const origin = historyRepo()
    const clone = makeRepo({}, {git: false})
    repos.push(clone)
    git(clone.dir, ['clone', '-q', '--depth', '2', `file://${origin.dir}`, '.'])
    const r = await log(clone.dir, ['--json'])
    expect(r.exitCode).toBe(0)
    expect(r.stderr.match(/Warning:/g)).toHaveLength(1)
    expect(r.stderr).toContain('fetch-depth: 0')
    expect(r.stderr).toContain('git fetch --unshallow')
    expect(r.json?.shallow).toBe(true)
    // the rename commit is where the clone starts: what it shows is not what it created, only what was there
    expect(r.json?.events.map((e) => [e.kind, e.number])).toEqual([
      ['created', 3],
      ['first-seen', 1],
      ['first-seen', 2],
    ])
    expect(validate(r.json)).toBe(true)
    const text = await log(clone.dir, [])
    expect(text.stderr.match(/Warning:/g)).toHaveLength(1)
  })

  it('in a depth-1 clone shows every ADR as the one commit holds it, and says on stderr how to fetch the rest', async () => {
    const origin = historyRepo()
    const clone = makeRepo({}, {git: false})
    repos.push(clone)
    git(clone.dir, ['clone', '-q', '--depth', '1', `file://${origin.dir}`, '.'])
    const text = await log(clone.dir, [])
    expect(text.exitCode).toBe(0)
    expect(text.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^2026-03-01 {2}[0-9a-f]{7} {2}Ada Tester {2}ADR 1 Use X: already there \(superseded\) where this shallow clone's history starts$/,
      ),
      expect.stringMatching(/ ADR 2 Use Y: already there \(accepted\) where this shallow clone's history starts$/),
      expect.stringMatching(/ ADR 3 --upload-pack=x: already there \(proposed\) where this shallow clone's history starts$/),
    ])
    expect(text.stderr).toMatch(/^Warning: This is a shallow clone: the history before 2026-03-01 is missing[^\n]*git fetch --unshallow/)
    const json = await log(clone.dir, ['--json'])
    expect(validate(json.json), JSON.stringify(validate.errors)).toBe(true)
    expect(json.json?.shallow).toBe(true)
    // a deeper fetch changes the history: the cached one must not answer for it (list --long's dates are keyed alike)
    const cold = async () => (await log(clone.dir, ['--json'], {ADRGATE_NO_FAST_PATHS: '1'})).stdout
    for (const fetch of [['--deepen=1'], ['--unshallow']]) {
      git(clone.dir, ['fetch', '-q', ...fetch])
      const cached = await log(clone.dir, ['--json'])
      rmSync(path.join(clone.dir, '.git', 'adrgate'), {recursive: true, force: true})
      expect(cached.stdout).toBe(await cold())
    }
    expect((await log(clone.dir, ['--json'])).json?.shallow).toBe(false)
  })

  it('works on a detached HEAD and says a fresh repository has no history', async () => {
    const repo = historyRepo()
    repo.git(['checkout', '-q', '--detach', 'HEAD~1'])
    const detached = await log(repo.dir, ['--json'])
    expect(detached.exitCode).toBe(0)
    expect(detached.json?.events[0]).toMatchObject({kind: 'renamed'})
    const fresh = makeRepo({'doc/adr/0001-a.md': nygard(1, 'A', 'Proposed')})
    repos.push(fresh)
    const r = await log(fresh.dir, [])
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain('no commits yet')
    const uncommitted = await log(fresh.dir, ['1', '--json'])
    expect(uncommitted.json?.events).toEqual([])
  })

  it('warns of an ADR whose last version in git is not UTF-8, cached or not, until a commit saves it as UTF-8', async () => {
    const repo = makeRepo({'doc/adr/0001-a.md': nygard(1, 'A', 'Accepted')})
    repos.push(repo)
    repo.commit('A', '2026-01-01T10:00:00Z')
    // Latin-1 bytes: "é" as one byte, on line 1 of ADR 2 (its title)
    writeFileSync(
      path.join(repo.dir, 'doc/adr/0002-use-cafe.md'),
      Buffer.from('# 2. Use caf\xe9\n\nDate: 2026-01-02\n\n## Status\n\nAccepted\n', 'latin1'),
    )
    repo.commit('Latin-1', '2026-01-02T10:00:00Z')
    const sha = repo.git(['rev-parse', '--short=7', 'HEAD']).trim()
    const warning = `Warning: 0002-use-cafe.md is not valid UTF-8 at commit ${sha}, its last (byte 13, line 1)`
    for (const env of [{}, {ADRGATE_NO_FAST_PATHS: '1'}] as Record<string, string>[]) {
      rmSync(path.join(repo.dir, '.git/adrgate'), {recursive: true, force: true})
      const cold = await log(repo.dir, [], env)
      expect(cold.exitCode).toBe(0)
      expect(cold.stdout).toContain('ADR 2 Use caf\uFFFD: created (accepted)')
      expect(cold.stderr.split('\n').filter((l) => l.startsWith('Warning:'))).toEqual([expect.stringContaining(warning)])
      // the cached history warns as the read did
      expect((await log(repo.dir, [], env)).stderr).toContain(warning)
    }
    // a later version saved as UTF-8 (read from the cache's HEAD on) is warned about no more
    repo.write({'doc/adr/0002-use-cafe.md': nygard(2, 'Use café', 'Accepted')})
    repo.commit('UTF-8', '2026-01-03T10:00:00Z')
    expect((await log(repo.dir, [])).stderr).not.toContain('UTF-8')
    rmSync(path.join(repo.dir, '.git/adrgate'), {recursive: true, force: true})
    expect((await log(repo.dir, [])).stderr).not.toContain('UTF-8')
  })

  it('reports a deleted ADR, and can still name it', async () => {
    const repo = historyRepo()
    repo.git(['rm', '-q', 'doc/adr/0003-option-like.md'])
    repo.commit('Drop 3', '2026-03-02T10:00:00Z')
    const r = await log(repo.dir, ['3', '--json'])
    expect(r.json?.events.map((e) => e.kind)).toEqual(['deleted', 'created'])
  })

  it('gives the same timeline from its cache, after new commits, and after HEAD moved elsewhere', async () => {
    const repo = historyRepo()
    const cacheFile = path.join(repo.dir, '.git/adrgate/history-events.json')
    const fresh = async () => {
      rmSync(cacheFile, {force: true})
      return (await log(repo.dir, ['--json'])).json
    }
    const first = (await log(repo.dir, ['--json'])).json
    expect(existsSync(cacheFile)).toBe(true)
    expect((await log(repo.dir, ['--json'])).json).toEqual(first)
    repo.write({'doc/adr/0002-use-y.md': nygard(2, 'Use Y', 'Deprecated')})
    repo.commit('Deprecate Y', '2026-04-01T10:00:00Z')
    const incremental = (await log(repo.dir, ['--json'])).json
    expect(incremental?.events[0]).toMatchObject({kind: 'status-changed', number: 2, to: 'deprecated'})
    expect(incremental).toEqual(await fresh())
    repo.git(['reset', '-q', '--hard', 'HEAD~3'])
    const moved = (await log(repo.dir, ['--json'])).json
    expect(moved?.events[0]).toMatchObject({kind: 'superseded', number: 1})
    expect(moved).toEqual(await fresh())
  })

  it('fails with NOT_A_GIT_REPOSITORY outside git', async () => {
    const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'adrgate-nogit-')))
    // an ADR directory, so the missing repository is what fails (a missing directory is ADR_DIR_NOT_FOUND)
    mkdirSync(path.join(dir, 'doc', 'adr'), {recursive: true})
    try {
      const r = await log(dir, ['--json'])
      expect(r.exitCode).toBe(2)
      expect(JSON.parse(r.stdout).error.code).toBe('NOT_A_GIT_REPOSITORY')
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })
})

describe('adrDates (for adr list --long)', () => {
  it('gives created and last-changed dates from git, and says an ADR is uncommitted', async () => {
    const repo = historyRepo()
    repo.write({'doc/adr/0004-draft.md': nygard(4, 'Draft', 'Proposed')})
    const {dates, warnings} = await adrDates(openWorkspace(repo.dir, {env: process.env}))
    expect(warnings).toEqual([])
    expect(dates['0001-use-x-first.md']).toEqual({
      created: '2026-01-01T10:00:00+00:00',
      lastChanged: '2026-02-02T10:00:00+00:00',
      committed: true,
    })
    expect(dates['0002-use-y.md']).toEqual({
      created: '2026-02-01T10:00:00+00:00',
      lastChanged: '2026-02-01T10:00:00+00:00',
      committed: true,
    })
    expect(dates['0004-draft.md']).toEqual({committed: false})
  })

  it('reads only the new commits next time, and starts over when HEAD moved elsewhere', async () => {
    const repo = historyRepo()
    const ws = openWorkspace(repo.dir, {env: process.env})
    await adrDates(ws)
    expect(existsSync(path.join(repo.dir, '.git/adrgate/history-dates.json'))).toBe(true)
    repo.write({'doc/adr/0002-use-y.md': nygard(2, 'Use Y', 'Deprecated')})
    repo.commit('Deprecate Y', '2026-04-01T10:00:00Z')
    expect((await adrDates(ws)).dates['0002-use-y.md']).toMatchObject({
      created: '2026-02-01T10:00:00+00:00',
      lastChanged: '2026-04-01T10:00:00+00:00',
    })
    repo.git(['reset', '-q', '--hard', 'HEAD~3'])
    const after = (await adrDates(ws)).dates
    expect(after['0002-use-y.md']).toMatchObject({lastChanged: '2026-02-01T10:00:00+00:00'})
    expect(after['0001-use-x.md']).toMatchObject({created: '2026-01-01T10:00:00+00:00', lastChanged: '2026-02-01T10:00:00+00:00'})
  })

  it('has no dates outside git', async () => {
    const repo = makeRepo({'doc/adr/0001-a.md': nygard(1, 'A', 'Proposed')}, {git: false})
    repos.push(repo)
    const {dates, warnings} = await adrDates(openWorkspace(repo.dir, {env: process.env}))
    expect(dates).toEqual({})
    expect(warnings).toEqual([])
  })
})

describe('adr show --history', () => {
  it('prints the ADR, then its own timeline; --json adds it as history', async () => {
    const repo = historyRepo()
    const text = await runCommand(Show, ['2', '--history'], repo.dir)
    expect(text.exitCode).toBe(0)
    expect(text.stderr).toBe('')
    const lines = text.stdout.split('\n')
    expect(text.stdout.startsWith(readFileSync(path.join(repo.dir, 'doc/adr/0002-use-y.md'), 'utf8'))).toBe(true)
    expect(lines.filter((l) => l.startsWith('  2026-'))).toEqual([
      expect.stringMatching(/^ {2}2026-02-01 {2}[0-9a-f]{7} {2}Bo Other {2}ADR 2 Use Y: created \(accepted\)$/),
      expect.stringMatching(/ADR 2 Use Y: supersedes 1$/),
    ])
    const json = await runCommand(Show, ['1', '--history', '--json'], repo.dir)
    const out = JSON.parse(json.stdout)
    expect(out.adr.file).toBe('0001-use-x-first.md')
    expect(out.history.map((e: {kind: string}) => e.kind)).toEqual(['renamed', 'superseded', 'status-changed', 'created'])
    expect(validate({events: out.history, shallow: false, warnings: []})).toBe(true)
    // the history is loaded: the day of the first creation is there to show beside (or instead of) a written date
    expect(out.adr.created).toBe(out.history.at(-1).date.slice(0, 10))
    expect(outputSchemaValidator('show')(out)).toBe(true)
    const plain = JSON.parse((await runCommand(Show, ['1', '--json'], repo.dir)).stdout)
    expect(plain.adr.created).toBeUndefined()
  })

  it('says when the ADR has no history yet', async () => {
    const repo = historyRepo()
    repo.write({'doc/adr/0004-draft.md': nygard(4, 'Draft', 'Proposed')})
    const r = await runCommand(Show, ['4', '--history'], repo.dir)
    expect(r.exitCode).toBe(0)
    expect(r.stdout.endsWith('\nHistory: nothing in git yet.\n')).toBe(true)
    expect(r.stderr).toContain('has not been committed yet')
  })
})
