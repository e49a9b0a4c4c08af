import {mkdirSync, rmSync, symlinkSync} from 'node:fs'
import path from 'node:path'
import {afterAll, afterEach, describe, expect, it} from 'vitest'
import {openGit} from '../../src/adapters/git/git.js'
import {openWorkspace} from '../../src/adapters/workspace.js'
import {logAdrHistory} from '../../src/app/history/adr-log.js'
import {adrDates} from '../../src/app/history/history-dates.js'
import {linearLogSource} from '../../src/app/history/linear-log.js'
import {readHistory} from '../../src/app/history/read-history.js'
import {copyRepo, makeRepo, type TempRepo} from '../helpers/git-repo.js'

// The whole-log fast path of the history (linearLogSource, ADR 30) is pinned to git's own passes on
// real repositories: every path-limited log it answers, every history and every set of dates must be
// what the passes give, and it must be taken on a linear history and refused on one with a merge.

const repos: TempRepo[] = []
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup()
})
function track(r: TempRepo): TempRepo {
  repos.push(r)
  return r
}

const nygard = (n: number, title: string, status: string, body = 'We keep it simple.') =>
  `# ${n}. ${title}\n\nDate: 2019-01-01\n\n## Status\n\n${status}\n\n## Context\n\nThe team asked.\n\n## Decision\n\n${body}\n`

/** Stages everything and commits on `date` (author and committer), as `who`. */
function commit(r: TempRepo, message: string, date: string, who = 'Rosa Marquez <rosa@example.org>'): void {
  r.git(['add', '-A'], date)
  r.git(['commit', '-q', '--allow-empty', '--author', who, '-m', message], date)
}

function move(r: TempRepo, from: string, to: string): void {
  mkdirSync(path.dirname(path.join(r.dir, to)), {recursive: true})
  r.git(['mv', from, to])
}

/**
 * A linear history with every way an ADR folder changes: moved three times, ADRs renamed, deleted and
 * added again, one deleted and another added in one commit where a whole log pairs the new one with a
 * file outside the folder while a log of the folder pairs it with the deleted ADR, a folder copied and
 * removed later, an ADR that becomes a symbolic link, a commit older than its parent, code commits between.
 */
function story(): TempRepo {
  storyTemplate ??= buildStory()
  return track(copyRepo(storyTemplate))
}
/** The story, built once for the file (some forty git commands), copied for each test that reads it. */
let storyTemplate: TempRepo | undefined
afterAll(() => storyTemplate?.cleanup())

function buildStory(): TempRepo {
  const r = makeRepo({'doc/adr/0001-record.md': nygard(1, 'Record', 'Proposed'), 'src/app.ts': 'export {}\n'})
  commit(r, 'Start', '2019-01-01T10:00:00Z')
  r.write({'doc/adr/0002-queue.md': nygard(2, 'Use a queue', 'Accepted', 'The queue holds the jobs. '.repeat(20))})
  commit(r, 'ADR 2', '2019-02-01T10:00:00Z', 'Tomas Berg <tomas@example.org>')
  r.write({'doc/adr/0001-record.md': nygard(1, 'Record', 'Accepted'), 'src/app.ts': 'export const a = 1\n'})
  commit(r, 'Accept ADR 1, and code', '2019-03-01T10:00:00Z')
  // ADR 3 replaces ADR 2 (near the same text), and a note outside the folder holds ADR 3's exact text:
  // a whole log pairs that note with ADR 3, a log of the folder pairs ADR 2 with it
  const three = nygard(3, 'Use a queue per tenant', 'Accepted', 'The queue holds the jobs. '.repeat(19))
  r.write({'notes/queue.md': three})
  commit(r, 'A note', '2019-03-15T10:00:00Z')
  rmSync(path.join(r.dir, 'doc/adr/0002-queue.md'))
  rmSync(path.join(r.dir, 'notes/queue.md'))
  r.write({'doc/adr/0003-queue-per-tenant.md': three})
  commit(r, 'ADR 3 takes over from ADR 2', '2019-04-01T10:00:00Z')
  move(r, 'doc/adr', 'docs/adr')
  commit(r, 'Move the decisions to docs/', '2020-01-01T10:00:00Z', 'Kemi Adeyemi <kemi@example.org>')
  move(r, 'docs/adr/0001-record.md', 'docs/adr/0001-record-decisions.md')
  commit(r, 'Rename ADR 1', '2020-02-01T10:00:00Z')
  r.write({'docs/adr/0004-cache.md': nygard(4, 'Cache', 'Proposed')})
  // committed before its parent (a rebase keeps the author's clock)
  commit(r, 'ADR 4', '2019-12-01T10:00:00Z')
  r.git(['rm', '-q', 'docs/adr/0004-cache.md'])
  commit(r, 'Drop ADR 4', '2020-03-01T10:00:00Z')
  r.write({'docs/adr/0004-cache.md': nygard(4, 'Cache', 'Accepted')})
  commit(r, 'ADR 4 is back', '2020-04-01T10:00:00Z')
  // a move out among edits: the log of the folder shows the deletion between the two edits, by path
  move(r, 'docs/adr/0003-queue-per-tenant.md', 'attic/0003-queue-per-tenant.md')
  r.write({
    'docs/adr/0001-record-decisions.md': nygard(1, 'Record', 'Accepted', 'Kept.'),
    'docs/adr/0004-cache.md': nygard(4, 'Cache', 'Accepted', 'Kept.'),
  })
  commit(r, 'Park ADR 3, edit 1 and 4', '2020-05-01T10:00:00Z')
  move(r, 'attic/0003-queue-per-tenant.md', 'docs/adr/0003-queue-per-tenant.md')
  commit(r, 'ADR 3 back from the attic', '2020-06-01T10:00:00Z')
  // copied in one commit, the old folder removed in a later one
  r.write({
    'architecture/decisions/0001-record-decisions.md': nygard(1, 'Record', 'Accepted'),
    'architecture/decisions/0003-queue-per-tenant.md': three,
    'architecture/decisions/0004-cache.md': nygard(4, 'Cache', 'Accepted'),
  })
  commit(r, 'Copy the decisions', '2021-01-01T10:00:00Z')
  r.git(['rm', '-q', '-r', 'docs/adr'])
  commit(r, 'Remove the old folder', '2021-02-01T10:00:00Z')
  r.write({'architecture/decisions/0005-caf\u00e9.md': nygard(5, 'Caf\u00e9', 'Proposed'), 'src/app.ts': 'export const a = 2\n'})
  commit(r, 'ADR 5', '2021-03-01T10:00:00Z')
  rmSync(path.join(r.dir, 'architecture/decisions/0005-caf\u00e9.md'))
  symlinkSync('0004-cache.md', path.join(r.dir, 'architecture/decisions/0005-caf\u00e9.md'))
  commit(r, 'ADR 5 points at ADR 4', '2021-04-01T10:00:00Z')
  move(r, 'architecture/decisions', 'docs/decisions')
  commit(r, 'Move the decisions again', '2022-01-01T10:00:00Z')
  return r
}

const DIRS = ['docs/decisions', 'architecture/decisions', 'docs/adr', 'doc/adr', 'attic']

/** Fresh reads of the history and of the dates, fast path on or off. */
async function readBoth(dir: string, adrDir: string, fastPaths: boolean) {
  rmSync(path.join(dir, '.git', 'adrgate'), {recursive: true, force: true})
  const ws = openWorkspace(dir, {dir: adrDir, env: process.env})
  const history = await readHistory(ws, {fastPaths})
  const dates = await adrDates(ws, {fastPaths})
  return {history, dates}
}

describe('the whole-log history (linearLogSource) against the passes', () => {
  it('answers every path-limited log as git does, folder moves, renames, deletions and re-additions included', async () => {
    const r = story()
    const git = openGit(r.dir, process.env)
    const source = await linearLogSource(git)
    expect(source).toBeDefined()
    if (!source) return
    const sets = [[], ...DIRS.map((d) => [d]), DIRS, ['docs', 'doc/adr'], ['src'], ['notes', 'doc/adr']]
    for (const paths of sets) expect(await source.logPaths(paths), paths.join(', ')).toEqual(await git.logPaths(paths))
    const shas = (await git.logPaths([])).map((c) => c.sha)
    expect(await source.logCommits(shas)).toEqual(await git.logCommits(shas))
    const parked = (await source.logPaths(['docs/adr'])).find((c) => c.subject.startsWith('Park ADR 3'))
    expect(parked?.changes.map((c) => [c.status, c.path])).toEqual([
      ['M', 'docs/adr/0001-record-decisions.md'],
      ['D', 'docs/adr/0003-queue-per-tenant.md'],
      ['M', 'docs/adr/0004-cache.md'],
    ])
    for (const paths of sets) {
      const sorted = async (from: typeof source) => (await from.filesAt('HEAD', paths)).sort()
      expect(await sorted(source), paths.join(', ')).toEqual(await sorted(git))
    }
  })

  it('reads the whole log through its file (noMerges) as it streams, a merge refused before any diff is read', async () => {
    const r = story()
    const git = openGit(r.dir, process.env)
    const streamed = await git.logAll()
    expect(streamed?.length).toBeGreaterThan(5)
    expect(await git.logAll({noMerges: true})).toEqual(streamed)
    // read in two parts at once (readLinearLogInTwo), the whole range and a range after a commit
    expect(await git.logAll({noMerges: true, parts: 2})).toEqual(streamed)
    expect(await git.logAll({noMerges: true, parts: 1})).toEqual(streamed)
    const after = streamed?.at(-3)?.sha as string
    const since = await git.logAll({after, noMerges: true, parts: 1})
    expect(since?.length).toBeGreaterThan(2)
    expect(await git.logAll({after, noMerges: true, parts: 2})).toEqual(since)
    const stopAt = streamed?.[2].sha
    expect(await git.logAll({noMerges: true, stop: (c) => c.sha === stopAt})).toBeUndefined()
    expect(await git.logAll({stop: (c) => c.sha === stopAt})).toBeUndefined()
    r.git(['checkout', '-q', '-b', 'side', 'HEAD~2'])
    r.write({'src/side.ts': 'export const side = 1\n'})
    commit(r, 'A side change', '2022-02-01T10:00:00Z')
    r.git(['checkout', '-q', '-'])
    r.git(['merge', '-q', '--no-ff', '-m', 'Merge side', 'side'])
    expect(await git.logAll({noMerges: true})).toBeUndefined()
    expect(await git.logAll()).toHaveLength((streamed?.length ?? 0) + 2)
  })

  it('pairs the new ADR with the deleted one as a log of the folder does, not as the whole log does', async () => {
    const r = story()
    const git = openGit(r.dir, process.env)
    const whole = (await git.logAll())?.find((c) => c.subject === 'ADR 3 takes over from ADR 2')
    // the whole log: ADR 3 renamed from the note, ADR 2 deleted
    expect(whole?.changes.map((c) => [c.status, c.from, c.path])).toEqual([
      ['D', undefined, 'doc/adr/0002-queue.md'],
      ['R', 'notes/queue.md', 'doc/adr/0003-queue-per-tenant.md'],
    ])
    const source = await linearLogSource(git)
    const limited = (await source?.logPaths(['doc/adr']))?.find((c) => c.subject === 'ADR 3 takes over from ADR 2')
    expect(limited?.changes.map((c) => [c.status, c.from, c.path])).toEqual([
      ['R', 'doc/adr/0002-queue.md', 'doc/adr/0003-queue-per-tenant.md'],
    ])
  })

  it('asks git for a commit that deletes one ADR and adds another, which only the log of the folder pairs', async () => {
    const r = track(makeRepo({'docs/adr/0001-a.md': nygard(1, 'Alpha', 'Accepted', 'We run one queue. '.repeat(20))}))
    r.write({'src/a.ts': 'export const jobs = [1, 2, 3]\n'.repeat(20)})
    commit(r, 'ADR 1', '2019-01-01T10:00:00Z')
    rmSync(path.join(r.dir, 'docs/adr/0001-a.md'))
    rmSync(path.join(r.dir, 'src/a.ts'))
    r.write({
      'docs/adr/0002-b.md': nygard(2, 'Beta', 'Accepted', 'We run one queue. '.repeat(19)),
      'src/b.ts': 'export const jobs = [1, 2, 4]\n'.repeat(20),
    })
    commit(r, 'ADR 2 takes over', '2019-02-01T10:00:00Z')
    // two deletions and two additions are past a rename limit of 1 (no pairing but exact); one of each is not
    r.git(['config', 'diff.renameLimit', '1'])
    const git = openGit(r.dir, process.env)
    expect((await git.logAll())?.[0].changes.map((c) => c.status)).toEqual(['D', 'A', 'D', 'A'])
    const limited = await git.logPaths(['docs/adr'])
    expect(limited.at(-1)?.changes.map((c) => c.status)).toEqual(['R'])
    expect(await (await linearLogSource(git))?.logPaths(['docs/adr'])).toEqual(limited)
  })

  it('answers a commit whose every entry lies in the folder from the whole log, without asking git, as git does', async () => {
    const r = track(makeRepo({'docs/adr/0001-a.md': nygard(1, 'Alpha', 'Accepted', 'We run one queue. '.repeat(20))}))
    r.write({'docs/adr/0002-b.md': nygard(2, 'Beta', 'Accepted', 'We run two queues. '.repeat(20))})
    commit(r, 'ADR 1 and 2', '2019-01-01T10:00:00Z')
    move(r, 'docs/adr/0002-b.md', 'docs/adr/0002-beta.md')
    commit(r, 'Rename ADR 2', '2019-02-01T10:00:00Z')
    // one ADR deleted and another added in one commit, nothing else changed: the same pairing in both logs
    rmSync(path.join(r.dir, 'docs/adr/0001-a.md'))
    r.write({'docs/adr/0003-c.md': nygard(3, 'Gamma', 'Accepted', 'We run one queue. '.repeat(19))})
    commit(r, 'ADR 3 takes over', '2019-03-01T10:00:00Z')
    // past the rename limit too: both logs see the same two deletions and two additions
    rmSync(path.join(r.dir, 'docs/adr/0003-c.md'))
    rmSync(path.join(r.dir, 'docs/adr/0002-beta.md'))
    r.write({
      'docs/adr/0004-d.md': nygard(4, 'Delta', 'Accepted', 'We run one queue. '.repeat(18)),
      'docs/adr/0005-e.md': nygard(5, 'Epsilon', 'Accepted', 'We run two queues. '.repeat(19)),
    })
    commit(r, 'ADR 4 and 5 take over', '2019-04-01T10:00:00Z')
    for (const limit of [undefined, '1']) {
      if (limit) r.git(['config', 'diff.renameLimit', limit])
      const git = openGit(r.dir, process.env)
      const limited = await git.logPaths(['docs/adr'])
      expect(limited.map((c) => c.changes.map((ch) => ch.status).join(''))).toEqual(
        limit ? ['AA', 'R', 'R', 'DDAA'] : ['AA', 'R', 'R', 'RR'],
      )
      const source = await linearLogSource(git)
      const asked: unknown[] = []
      const logCommits = git.logCommits.bind(git)
      git.logCommits = (shas, options) => {
        asked.push(options)
        return logCommits(shas, options)
      }
      expect(await source?.logPaths(['docs/adr'])).toEqual(limited)
      expect(asked).toEqual([])
    }
  })

  it('gives the passes’ history, events and dates on a linear history', async () => {
    const r = story()
    const git = openGit(r.dir, process.env)
    const source = await linearLogSource(git)
    expect(source).toBeDefined()
    const fast = await logAdrHistory(source ?? git, 'docs/decisions')
    expect(fast).toEqual(await logAdrHistory(git, 'docs/decisions'))
    expect(fast?.dirs).toEqual(['docs/decisions', 'architecture/decisions', 'docs/adr', 'doc/adr', 'attic'])
    const slow = await readBoth(r.dir, 'docs/decisions', false)
    const quick = await readBoth(r.dir, 'docs/decisions', true)
    expect(quick).toEqual(slow)
    expect(quick.history.events.length).toBeGreaterThan(10)
  })

  it('goes on from a cached history as the passes do, a move from a folder the cache never read included', async () => {
    const base = story()
    const runs: unknown[] = []
    for (const fastPaths of [false, true]) {
      const r = track(copyRepo(base))
      const ws = openWorkspace(r.dir, {dir: 'docs/decisions', env: process.env})
      await readHistory(ws, {fastPaths})
      await adrDates(ws, {fastPaths})
      r.write({'docs/decisions/0006-queues.md': nygard(6, 'Queues', 'Proposed')})
      commit(r, 'ADR 6', '2022-02-01T10:00:00Z')
      const first = {history: await readHistory(ws, {fastPaths}), dates: await adrDates(ws, {fastPaths})}
      r.write({'old/adr/0007-logs.md': nygard(7, 'Logs', 'Accepted')})
      commit(r, 'ADR 7 in an old folder', '2022-03-01T10:00:00Z')
      move(r, 'old/adr/0007-logs.md', 'docs/decisions/0007-logs.md')
      commit(r, 'ADR 7 moves in', '2022-04-01T10:00:00Z')
      runs.push({first, second: {history: await readHistory(ws, {fastPaths}), dates: await adrDates(ws, {fastPaths})}})
    }
    expect(runs[1]).toEqual(runs[0])
  })

  it('is refused on a history with a merge, and the answer is the passes’', async () => {
    const r = track(makeRepo({'docs/adr/0001-a.md': nygard(1, 'Alpha', 'Proposed')}))
    commit(r, 'ADR 1', '2019-01-01T10:00:00Z')
    r.git(['checkout', '-q', '-b', 'side'])
    r.write({'docs/adr/0002-b.md': nygard(2, 'Beta', 'Proposed')})
    commit(r, 'ADR 2 on a branch', '2019-02-01T10:00:00Z')
    r.write({'docs/adr/0002-b.md': nygard(2, 'Beta', 'Accepted')})
    commit(r, 'Accept ADR 2 on the branch', '2019-02-02T10:00:00Z')
    r.git(['checkout', '-q', 'main'])
    r.write({'docs/adr/0001-a.md': nygard(1, 'Alpha', 'Accepted')})
    commit(r, 'Accept ADR 1', '2019-03-01T10:00:00Z')
    r.git(['merge', '-q', '--no-ff', '-m', 'Merge side', 'side'], '2019-04-01T10:00:00Z')
    // the merge lies under linear commits: the walk reaches it late, and is still refused
    for (let i = 1; i <= 3; i++) {
      r.write({[`src/file-${i}.ts`]: `export const n = ${i}\n`})
      commit(r, `Code ${i}`, `2019-05-0${i}T10:00:00Z`)
    }
    const git = openGit(r.dir, process.env)
    expect(await linearLogSource(git)).toBeUndefined()
    const slow = await readBoth(r.dir, 'docs/adr', false)
    expect(await readBoth(r.dir, 'docs/adr', true)).toEqual(slow)
    expect(slow.history.events.map((e) => [e.number, e.kind])).toEqual([
      [1, 'created'],
      [2, 'created'],
      [2, 'status-changed'],
      [1, 'status-changed'],
    ])
  })

  it('is taken after a merge that an incremental read starts past', async () => {
    const r = track(makeRepo({'docs/adr/0001-a.md': nygard(1, 'Alpha', 'Proposed')}))
    commit(r, 'ADR 1', '2019-01-01T10:00:00Z')
    r.git(['checkout', '-q', '-b', 'side'])
    r.write({'src/x.ts': 'x\n'})
    commit(r, 'Code on a branch', '2019-02-01T10:00:00Z')
    r.git(['checkout', '-q', 'main'])
    r.git(['merge', '-q', '--no-ff', '-m', 'Merge side', 'side'], '2019-03-01T10:00:00Z')
    const merged = r.git(['rev-parse', 'HEAD']).trim()
    r.write({'docs/adr/0001-a.md': nygard(1, 'Alpha', 'Accepted')})
    commit(r, 'Accept ADR 1', '2019-04-01T10:00:00Z')
    const git = openGit(r.dir, process.env)
    expect(await linearLogSource(git)).toBeUndefined()
    const source = await linearLogSource(git, {after: merged})
    expect(source).toBeDefined()
    const options = {after: merged, dirs: ['docs/adr']}
    expect(await logAdrHistory(source ?? git, 'docs/adr', options)).toEqual(await logAdrHistory(git, 'docs/adr', options))
  })

  it('is refused where a path-limited log would match paths in any case (GIT_ICASE_PATHSPECS)', async () => {
    const r = track(makeRepo({'docs/adr/0001-a.md': nygard(1, 'Alpha', 'Proposed')}))
    commit(r, 'ADR 1', '2019-01-01T10:00:00Z')
    expect(await linearLogSource(openGit(r.dir, {...process.env, GIT_ICASE_PATHSPECS: '1'}))).toBeUndefined()
    expect(await linearLogSource(openGit(r.dir, process.env))).toBeDefined()
  })
})
