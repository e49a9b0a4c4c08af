import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import {afterEach, describe, expect, it} from 'vitest'
import {openWorkspace} from '../../src/adapters/workspace.js'
import type {LogResult} from '../../src/app/history/decision-log.js'
import {adrDates} from '../../src/app/history/history-dates.js'
import List from '../../src/commands/list.js'
import Log from '../../src/commands/log.js'
import Show from '../../src/commands/show.js'
import {git, makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {PROJECT_ROOT, runCommand} from '../helpers/run-command.js'

// Histories that survive folder moves (issue 9), hostile commit text (issue 10) and submodules (issue 10).
// Every repository is a real one, built commit by commit with fixed dates and authors.

const validate = new Ajv2020({allErrors: true, strict: false}).compile(
  JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'schemas/output/log.schema.json'), 'utf8')),
)

const repos: TempRepo[] = []
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup()
})
function repo(tree: Record<string, string> = {}): TempRepo {
  const r = makeRepo(tree)
  repos.push(r)
  return r
}

const nygard = (n: number, title: string, status: string, body = 'We keep it simple.') =>
  `# ${n}. ${title}\n\nDate: 2019-01-01\n\n## Status\n\n${status}\n\n## Context\n\nThe team asked.\n\n## Decision\n\n${body}\n`

/** Stages everything and commits as `who` (`Name <email>`) on `date`. */
function commitAs(r: TempRepo, who: string, message: string, date: string): void {
  r.git(['add', '-A'], date)
  r.git(['commit', '-q', '--allow-empty', '--author', who, '-m', message], date)
}

/** `git mv` of a whole folder, its new parent created first. */
function moveFolder(r: TempRepo, from: string, to: string): void {
  mkdirSync(path.dirname(path.join(r.dir, to)), {recursive: true})
  r.git(['mv', from, to])
}

const ROSA = 'Rosa Marquez <rosa@example.org>'
const TOMAS = 'Tomas Berg <tomas@example.org>'
const KEMI = 'Kemi Adeyemi <kemi@example.org>'

async function logJson(dir: string, argv: string[] = []): Promise<LogResult> {
  const r = await runCommand(Log, [...argv, '--json'], dir)
  expect(r.exitCode, r.stderr).toBe(0)
  const out = JSON.parse(r.stdout) as LogResult
  expect(validate(out), JSON.stringify(validate.errors)).toBe(true)
  return out
}

/**
 * A team that started with adr-tools' default `doc/adr`, moved to `docs/adr` when they added a docs
 * site, and wrote ADR 2 after the move.
 */
function movedOnce(): TempRepo {
  const r = repo({'doc/adr/0001-record-decisions.md': nygard(1, 'Record decisions', 'Proposed'), 'README.md': 'tool'})
  commitAs(r, ROSA, 'Start recording decisions', '2019-03-04T09:00:00Z')
  r.write({'doc/adr/0001-record-decisions.md': nygard(1, 'Record decisions', 'Accepted')})
  commitAs(r, ROSA, 'Accept ADR 1', '2019-04-10T09:00:00Z')
  moveFolder(r, 'doc/adr', 'docs/adr')
  commitAs(r, TOMAS, 'Move the decision log next to the docs site', '2021-06-01T09:00:00Z')
  r.write({'docs/adr/0002-publish-docs.md': nygard(2, 'Publish docs', 'Accepted')})
  commitAs(r, KEMI, 'ADR 2', '2022-01-15T09:00:00Z')
  return r
}

describe('history across a folder move (doc/adr → docs/adr)', () => {
  it('adr log gives the first creation, by its author, and nothing for the move', async () => {
    const r = movedOnce()
    const out = await logJson(r.dir)
    expect(out.events.map((e) => [e.date.slice(0, 10), e.author, e.number, e.kind])).toEqual([
      ['2022-01-15', 'Kemi Adeyemi', 2, 'created'],
      ['2019-04-10', 'Rosa Marquez', 1, 'status-changed'],
      ['2019-03-04', 'Rosa Marquez', 1, 'created'],
    ])
    expect(out.events[2]).toMatchObject({
      adr: '0001-record-decisions.md',
      file: '0001-record-decisions.md',
      subject: 'Start recording decisions',
    })
    expect(out.warnings).toEqual([])
  })

  it('adr show --history and adr list --long agree', async () => {
    const r = movedOnce()
    const shown = await runCommand(Show, ['1', '--history'], r.dir)
    expect(shown.exitCode, shown.stderr).toBe(0)
    expect(shown.stdout.split('\n').filter((l) => l.startsWith('  20'))).toEqual([
      expect.stringMatching(/^ {2}2019-04-10 {2}[0-9a-f]{7} {2}Rosa Marquez {2}ADR 1 Record decisions: proposed → accepted$/),
      expect.stringMatching(/^ {2}2019-03-04 {2}[0-9a-f]{7} {2}Rosa Marquez {2}ADR 1 Record decisions: created \(proposed\)$/),
    ])
    const listed = await runCommand(List, ['--long'], r.dir)
    expect(listed.exitCode, listed.stderr).toBe(0)
    const row = listed.stdout.split('\n').find((l) => l.includes('Record decisions'))
    expect(row).toMatch(/2019-03-04 +2021-06-01 +Record decisions/)
  })
})

/**
 * Three moves, one of them deep, as long-lived projects do: `adr` at the top, then `doc/adr`, then
 * `docs/architecture`, then `docs/references/architecture/core`. On the way ADR 2 is renamed (during
 * the second move), and ADR 3 is rewritten so much during the third that git cannot pair it as a
 * rename (deleted in one folder, added in the other).
 */
function movedThrice(): TempRepo {
  const r = repo({'adr/0001-use-postgres.md': nygard(1, 'Use Postgres', 'Accepted'), 'README.md': 'service'})
  commitAs(r, ROSA, 'ADR 1', '2017-02-01T10:00:00Z')
  r.write({'adr/0002-queue.md': nygard(2, 'Queue', 'Proposed')})
  commitAs(r, TOMAS, 'ADR 2', '2017-05-01T10:00:00Z')
  moveFolder(r, 'adr', 'doc/adr')
  commitAs(r, TOMAS, 'Move 1: adr → doc/adr', '2018-01-01T10:00:00Z')
  r.write({'doc/adr/0003-cache-reads.md': nygard(3, 'Cache reads', 'Proposed', 'A short body.')})
  commitAs(r, KEMI, 'ADR 3', '2018-06-01T10:00:00Z')
  moveFolder(r, 'doc/adr', 'docs/architecture')
  r.git(['mv', 'docs/architecture/0002-queue.md', 'docs/architecture/0002-use-a-queue.md'])
  commitAs(r, KEMI, 'Move 2: doc/adr → docs/architecture, rename 2', '2019-01-01T10:00:00Z')
  moveFolder(r, 'docs/architecture', 'docs/references/architecture/core')
  r.write({
    'docs/references/architecture/core/0003-cache-reads.md': nygard(
      3,
      'Cache reads',
      'Accepted',
      'Rewritten from scratch after the incident review: reads go through a write-through cache with a TTL of five minutes, and every service reports its hit rate.',
    ),
  })
  commitAs(r, ROSA, 'Move 3: docs/architecture → docs/references/architecture/core', '2020-01-01T10:00:00Z')
  return r
}

describe('the history caches (.git/adrgate)', () => {
  it('ignores and rewrites a cache whose content does not have the shape it writes', async () => {
    const r = movedOnce()
    const cold = await logJson(r.dir)
    const ws = openWorkspace(r.dir, {env: process.env})
    const coldDates = (await adrDates(ws)).dates
    const events = path.join(r.dir, '.git/adrgate/history-events.json')
    const dates = path.join(r.dir, '.git/adrgate/history-dates.json')
    const eventsKey = JSON.parse(readFileSync(events, 'utf8')).key
    const datesKey = JSON.parse(readFileSync(dates, 'utf8')).key
    const head = r.git(['rev-parse', 'HEAD']).trim()
    const broken = [
      {head, dirs: ['docs/adr'], present: [], state: {tracked: [5], events: []}},
      {head, dirs: ['docs/adr'], present: [], state: {tracked: [], events: [{kind: 'created', ref: 3}]}},
      {head, dirs: 'docs/adr', present: [], state: {tracked: [], events: []}},
      {head: 'not a commit', dirs: [], present: [], state: {tracked: [], events: []}},
    ]
    for (const value of broken) {
      writeFileSync(events, JSON.stringify({key: eventsKey, value}))
      expect(await logJson(r.dir)).toEqual(cold)
      expect(JSON.parse(readFileSync(events, 'utf8')).value.state.tracked.length).toBe(2)
    }
    const forged = {head, dirs: ['docs/adr'], present: [], dates: [['0001-record-decisions.md', {created: '1999-01-01', lastChanged: 5}]]}
    writeFileSync(dates, JSON.stringify({key: datesKey, value: forged}))
    expect((await adrDates(ws)).dates).toEqual(coldDates)
  })
})

describe('history across three moves, one deep', () => {
  it('adr log follows every move with --dir on the last folder', async () => {
    const r = movedThrice()
    const out = await logJson(r.dir, ['--dir', 'docs/references/architecture/core'])
    expect(out.events.map((e) => [e.date.slice(0, 4), e.author, e.number, e.kind, e.from, e.to])).toEqual([
      ['2020', 'Rosa Marquez', 3, 'status-changed', 'proposed', 'accepted'],
      ['2019', 'Kemi Adeyemi', 2, 'renamed', '0002-queue.md', '0002-use-a-queue.md'],
      ['2018', 'Kemi Adeyemi', 3, 'created', undefined, 'proposed'],
      ['2017', 'Tomas Berg', 2, 'created', undefined, 'proposed'],
      ['2017', 'Rosa Marquez', 1, 'created', undefined, 'accepted'],
    ])
    expect(new Set(out.events.filter((e) => e.number === 2).map((e) => e.adr))).toEqual(new Set(['0002-use-a-queue.md']))
  })

  it('list --long dates every ADR from its first commit', async () => {
    const r = movedThrice()
    const {dates} = await adrDates(openWorkspace(r.dir, {dir: 'docs/references/architecture/core', env: process.env}))
    expect(dates).toEqual({
      '0001-use-postgres.md': {created: '2017-02-01T10:00:00+00:00', lastChanged: '2020-01-01T10:00:00+00:00', committed: true},
      '0002-use-a-queue.md': {created: '2017-05-01T10:00:00+00:00', lastChanged: '2020-01-01T10:00:00+00:00', committed: true},
      '0003-cache-reads.md': {created: '2018-06-01T10:00:00+00:00', lastChanged: '2020-01-01T10:00:00+00:00', committed: true},
    })
  })

  it('gives the same answer from the cache, and after a commit on top of it', async () => {
    const r = movedThrice()
    const dir = ['--dir', 'docs/references/architecture/core']
    const cold = await logJson(r.dir, dir)
    expect(await logJson(r.dir, dir)).toEqual(cold)
    r.write({'docs/references/architecture/core/0004-tracing.md': nygard(4, 'Tracing', 'Proposed')})
    commitAs(r, KEMI, 'ADR 4', '2021-01-01T10:00:00Z')
    const warm = await logJson(r.dir, dir)
    expect(warm.events.slice(1)).toEqual(cold.events)
    expect(warm.events[0]).toMatchObject({number: 4, kind: 'created'})
    const ws = openWorkspace(r.dir, {dir: 'docs/references/architecture/core', env: process.env})
    expect((await adrDates(ws)).dates['0001-use-postgres.md']?.created).toBe('2017-02-01T10:00:00+00:00')
    expect((await adrDates(ws)).dates['0004-tracing.md']?.created).toBe('2021-01-01T10:00:00+00:00')
  })
})

/**
 * ADRs 1 and 2 written in `doc/adr` on 2019-01-01, then (after `between`, if given) copied to
 * `docs/adr` as `copies` in one commit on 2020-01-01 and the old folder removed on 2020-02-01.
 */
function copiedThenRemoved(copies: Record<string, string>, message: string, between?: (r: TempRepo) => void): TempRepo {
  const r = repo({'doc/adr/0001-a.md': nygard(1, 'Alpha', 'Accepted'), 'doc/adr/0002-b.md': nygard(2, 'Beta', 'Accepted')})
  commitAs(r, ROSA, 'ADRs 1 and 2', '2019-01-01T10:00:00Z')
  between?.(r)
  r.write(copies)
  commitAs(r, TOMAS, message, '2020-01-01T10:00:00Z')
  r.git(['rm', '-q', '-r', 'doc'])
  commitAs(r, TOMAS, 'Remove the old folder', '2020-02-01T10:00:00Z')
  return r
}

const UNCHANGED_COPIES = {'docs/adr/0001-a.md': nygard(1, 'Alpha', 'Accepted'), 'docs/adr/0002-b.md': nygard(2, 'Beta', 'Accepted')}

describe('other ways a history moves or comes back', () => {
  it('follows a move done in two commits: copied first, the old folder removed later', async () => {
    const r = copiedThenRemoved(UNCHANGED_COPIES, 'Copy the ADRs to docs/')
    const out = await logJson(r.dir, ['--dir', 'docs/adr'])
    expect(out.events.map((e) => [e.date.slice(0, 10), e.author, e.number, e.kind])).toEqual([
      ['2019-01-01', 'Rosa Marquez', 1, 'created'],
      ['2019-01-01', 'Rosa Marquez', 2, 'created'],
    ])
    const {dates} = await adrDates(openWorkspace(r.dir, {dir: 'docs/adr', env: process.env}))
    expect(dates['0002-b.md']).toMatchObject({created: '2019-01-01T10:00:00+00:00', committed: true})
  })

  it('follows a copy that edited one file on the way, the old folder removed later', async () => {
    const r = copiedThenRemoved(
      {...UNCHANGED_COPIES, 'docs/adr/0002-b.md': nygard(2, 'Beta', 'Accepted', 'We keep it simpler.')},
      'Copy the ADRs to docs/, fixing ADR 2 on the way',
    )
    const {dates} = await adrDates(openWorkspace(r.dir, {dir: 'docs/adr', env: process.env}))
    expect(dates['0001-a.md']).toMatchObject({created: '2019-01-01T10:00:00+00:00'})
    expect(dates['0002-b.md']).toMatchObject({created: '2019-01-01T10:00:00+00:00', lastChanged: '2020-01-01T10:00:00+00:00'})
  })

  it('follows an old folder copied into a directory that already holds later ADRs', async () => {
    const r = copiedThenRemoved(UNCHANGED_COPIES, 'Bring the old ADRs over', (r) => {
      r.write({'docs/adr/0003-c.md': nygard(3, 'Gamma', 'Accepted')})
      commitAs(r, KEMI, 'ADR 3 in the new folder', '2019-06-01T10:00:00Z')
    })
    const out = await logJson(r.dir, ['--dir', 'docs/adr'])
    expect(out.events.map((e) => [e.date.slice(0, 10), e.number, e.kind])).toEqual([
      ['2019-06-01', 3, 'created'],
      ['2019-01-01', 1, 'created'],
      ['2019-01-01', 2, 'created'],
    ])
  })

  it('takes the first creation of an ADR deleted and added again, and says it was restored', async () => {
    const r = repo({'docs/adr/0001-a.md': nygard(1, 'Alpha', 'Accepted')})
    commitAs(r, ROSA, 'ADR 1', '2019-01-01T10:00:00Z')
    r.git(['rm', '-q', 'docs/adr/0001-a.md'])
    commitAs(r, TOMAS, 'Drop ADR 1 by mistake', '2020-01-01T10:00:00Z')
    r.write({'docs/adr/0001-a.md': nygard(1, 'Alpha', 'Accepted')})
    commitAs(r, KEMI, 'Bring ADR 1 back', '2020-03-01T10:00:00Z')
    const out = await logJson(r.dir, ['1'])
    expect(out.events.map((e) => [e.date.slice(0, 10), e.kind])).toEqual([
      ['2020-03-01', 'restored'],
      ['2020-01-01', 'deleted'],
      ['2019-01-01', 'created'],
    ])
    const listed = await runCommand(List, ['--long'], r.dir)
    expect(listed.stdout).toMatch(/2019-01-01 +2020-03-01 +Alpha/)
  })

  it('follows a folder-per-ADR layout through a move', async () => {
    const r = repo({
      'decisions/0007-use-kafka/README.md': nygard(7, 'Use Kafka', 'Proposed'),
      'decisions/0007-use-kafka/flow.md': 'a diagram',
    })
    commitAs(r, ROSA, 'ADR 7, in its own folder', '2019-01-01T10:00:00Z')
    moveFolder(r, 'decisions', 'docs/decisions')
    commitAs(r, TOMAS, 'Decisions under docs/', '2021-01-01T10:00:00Z')
    r.write({'docs/decisions/0007-use-kafka/README.md': nygard(7, 'Use Kafka', 'Accepted')})
    commitAs(r, KEMI, 'Accept 7', '2021-02-01T10:00:00Z')
    const out = await logJson(r.dir, ['--dir', 'docs/decisions'])
    expect(out.events.map((e) => [e.date.slice(0, 10), e.author, e.adr, e.kind])).toEqual([
      ['2021-02-01', 'Kemi Adeyemi', '0007-use-kafka/README.md', 'status-changed'],
      ['2019-01-01', 'Rosa Marquez', '0007-use-kafka/README.md', 'created'],
    ])
    const {dates} = await adrDates(openWorkspace(r.dir, {dir: 'docs/decisions', env: process.env}))
    expect(dates['0007-use-kafka/README.md']).toMatchObject({created: '2019-01-01T10:00:00+00:00', committed: true})
  })

  it('starts over when a commit after the cached one brings an ADR from a folder the cache never read', async () => {
    const r = repo({'attic/0005-old-idea.md': nygard(5, 'Old idea', 'Proposed'), 'docs/adr/0001-a.md': nygard(1, 'Alpha', 'Accepted')})
    commitAs(r, ROSA, 'An ADR in the attic, one in docs', '2018-01-01T10:00:00Z')
    expect((await logJson(r.dir, ['--dir', 'docs/adr'])).events.map((e) => e.title)).toEqual(['Alpha'])
    r.git(['mv', 'attic/0005-old-idea.md', 'docs/adr/0005-old-idea.md'])
    commitAs(r, TOMAS, 'Bring the old idea back into the log', '2022-01-01T10:00:00Z')
    const out = await logJson(r.dir, ['--dir', 'docs/adr'])
    expect(out.events.map((e) => [e.date.slice(0, 4), e.author, e.title, e.kind])).toEqual([
      ['2018', 'Rosa Marquez', 'Old idea', 'created'],
      ['2018', 'Rosa Marquez', 'Alpha', 'created'],
    ])
    const {dates} = await adrDates(openWorkspace(r.dir, {dir: 'docs/adr', env: process.env}))
    expect(dates['0005-old-idea.md']?.created).toBe('2018-01-01T10:00:00+00:00')
  })

  it('does not take in the ADRs of another living ADR directory when one file moves from it', async () => {
    const r = repo({
      'packages/api/adr/0001-rest.md': nygard(1, 'REST', 'Accepted'),
      'packages/api/adr/0002-versioning.md': nygard(2, 'Versioning', 'Accepted'),
      'packages/web/adr/0001-react.md': nygard(1, 'React', 'Accepted'),
    })
    commitAs(r, ROSA, 'Two packages, two ADR folders', '2022-01-01T10:00:00Z')
    r.git(['mv', 'packages/api/adr/0002-versioning.md', 'packages/web/adr/0002-versioning.md'])
    commitAs(r, TOMAS, 'Versioning is a web decision', '2023-01-01T10:00:00Z')
    const out = await logJson(r.dir, ['--dir', 'packages/web/adr'])
    expect(out.events.map((e) => [e.date.slice(0, 4), e.title, e.kind])).toEqual([
      ['2023', 'Versioning', 'created'],
      ['2022', 'React', 'created'],
    ])
  })

  it('orders newest first by the dates it prints, when a commit is older than its parent', async () => {
    const r = repo({'docs/adr/0001-a.md': nygard(1, 'Alpha', 'Proposed')})
    commitAs(r, ROSA, 'ADR 1', '2024-05-01T10:00:00Z')
    // a commit written in March and rebased onto May's: its author date stays March
    r.write({'docs/adr/0002-b.md': nygard(2, 'Beta', 'Proposed')})
    r.git(['add', '-A'])
    r.git(['commit', '-q', '--author', TOMAS, '--date', '2024-03-01T10:00:00Z', '-m', 'ADR 2 (rebased)'], '2024-05-02T10:00:00Z')
    r.write({'docs/adr/0001-a.md': nygard(1, 'Alpha', 'Accepted')})
    commitAs(r, KEMI, 'Accept 1', '2024-04-01T10:00:00Z')
    const out = await logJson(r.dir)
    const dates = out.events.map((e) => e.date.slice(0, 10))
    expect(dates).toEqual(['2024-05-01', '2024-04-01', '2024-03-01'])
  })
})

describe('commit text that tries to break the log (issue 10)', () => {
  const hostile = [
    'Sneaky \x1e subject',
    '\x1e0000000000000000000000000000000000000000\x1e',
    'Fake entry :100644 100644 1111111111111111111111111111111111111111 2222222222222222222222222222222222222222 D\tdocs/adr/0001-a.md',
    'Bell \x07, escape \x1b[2J, unit \x1f, record \x1e, tab \t end',
  ]

  it('keeps every commit, with its exact subject and author, whatever bytes they hold', async () => {
    const r = repo({'docs/adr/0001-a.md': nygard(1, 'Alpha', 'Proposed')})
    commitAs(r, 'Eve \x1e Forger <eve@example.org>', hostile[0], '2025-01-01T10:00:00Z')
    const statuses = ['Accepted', 'Deprecated', 'Proposed']
    hostile.slice(1).forEach((subject, i) => {
      r.write({'docs/adr/0001-a.md': nygard(1, 'Alpha', statuses[i])})
      commitAs(r, `Mal\x1fory\x1b[31m <mallory${i}@example.org>`, subject, `2025-0${i + 2}-01T10:00:00Z`)
    })
    const out = await logJson(r.dir)
    expect(out.events.map((e) => e.subject)).toEqual([...hostile].reverse())
    expect(out.events.map((e) => e.kind)).toEqual(['status-changed', 'status-changed', 'status-changed', 'created'])
    expect(out.events.at(-1)).toMatchObject({author: 'Eve \x1e Forger', email: 'eve@example.org'})
    expect(out.events[0]).toMatchObject({author: 'Mal\x1fory\x1b[31m', email: 'mallory2@example.org'})
  })
})

describe('adr log --dir into a git submodule (issue 10)', () => {
  it("reads the submodule's own history", async () => {
    const lib = repo({'docs/adr/0001-vendor-parser.md': nygard(1, 'Vendor the parser', 'Accepted')})
    commitAs(lib, KEMI, 'Library ADR 1', '2023-02-01T10:00:00Z')
    const app = repo({'docs/adr/0001-app-decision.md': nygard(1, 'App decision', 'Accepted')})
    commitAs(app, ROSA, 'App ADR 1', '2024-01-01T10:00:00Z')
    git(app.dir, ['-c', 'protocol.file.allow=always', 'submodule', '--quiet', 'add', lib.dir, 'vendor/lib'], '2024-02-01T10:00:00Z')
    commitAs(app, ROSA, 'Add the library as a submodule', '2024-02-01T10:00:00Z')
    const out = await logJson(app.dir, ['--dir', 'vendor/lib/docs/adr'])
    expect(out.events.map((e) => [e.date.slice(0, 10), e.author, e.title, e.kind])).toEqual([
      ['2023-02-01', 'Kemi Adeyemi', 'Vendor the parser', 'created'],
    ])
    const {dates} = await adrDates(openWorkspace(app.dir, {dir: 'vendor/lib/docs/adr', env: process.env}))
    expect(dates['0001-vendor-parser.md']).toMatchObject({created: '2023-02-01T10:00:00+00:00', committed: true})
    // the superproject's own ADRs are still its own
    expect((await logJson(app.dir)).events.map((e) => e.title)).toEqual(['App decision'])
  })
})
