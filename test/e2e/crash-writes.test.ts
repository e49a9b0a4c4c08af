/**
 * Multi-file writes stopped at every step (before each rename, link and unlink: the disk as a kill
 * there leaves it, through the test-only `ADRGATE_TEST_SNAPSHOT_TO`, and real processes killed with
 * SIGKILL at some of them, through `ADRGATE_TEST_CRASH_AT`): the next command, even one that only reads, finds the
 * directory either as it was or as the write leaves it, never in between.
 */
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {copyTree} from '../../src/adapters/files/crash-points.js'
import List from '../../src/commands/list.js'
import Status from '../../src/commands/status.js'
import {repoFixture} from '../helpers/fixtures.js'
import {copyRepo, makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {runCommand} from '../helpers/run-command.js'
import {spawnAdr} from '../helpers/spawned.js'

const repos: TempRepo[] = []
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup()
})

const DIR = 'doc/adr'
const nygard = (n: number, title: string, status: string) =>
  `# ${n}. ${title}\n\nDate: 2026-01-01\n\n## Status\n\n${status}\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n\n## Consequences\n\nThen.\n`

/** The ADR directory's files, its subdirectories' too (not our dot files), and their texts. */
function snapshot(repo: TempRepo): Record<string, string> {
  const dir = path.join(repo.dir, DIR)
  const names = readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort()
  return Object.fromEntries(names.map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]))
}

async function run(repo: TempRepo, argv: string[], env: Record<string, string> = {}) {
  const p = spawnAdr(argv, repo.dir, env)
  const exit = await p.exit
  return {...exit, stderr: p.stderr(), stdout: p.stdout()}
}

/** What the next command finds after a write stopped at `step`: the directory before, or after (completed, or already done). */
async function nextCommandFinds(repo: TempRepo, step: number, before: Record<string, string>, after: Record<string, string>) {
  // `adr list` in-process: the reader that completes the write, as any command's start does (the case table spawns list)
  const list = await runCommand(List, [], repo.dir)
  expect(list.exitCode, list.stderr).toBe(0)
  const state = snapshot(repo)
  if (JSON.stringify(state) === JSON.stringify(before)) return 'before'
  expect(state, `stopped at step ${step}`).toEqual(after)
  // completed by the reader, or the write had finished before the step (at a later step: a cache)
  const completed = /^adrgate: completed a write interrupted before it finished \(pid \d+, /m.test(list.stderr)
  return completed ? 'after' : 'done'
}

/**
 * Runs `argv` once in a fresh copy of the repository `make` builds (built once), taking the disk as a
 * kill before each step would leave it (`ADRGATE_TEST_SNAPSHOT_TO`); puts each of those back in
 * turn and runs the next command on it, which must find the directory as before or as after. Then
 * kills real processes (SIGKILL) at the first step, the last and one between: each must leave what
 * its snapshot showed. The outcome of each step: `before`, `after` (completed by
 * the reader) or `done` (the write had finished before it).
 */
async function killAtEveryStep(make: () => TempRepo, argv: string[]) {
  const template = make()
  repos.push(template)
  const fresh = () => {
    const r = copyRepo(template)
    repos.push(r)
    return r
  }
  const repo = fresh()
  const before = snapshot(repo)
  const shots = mkdtempSync(path.join(tmpdir(), 'adrgate-crash-'))
  try {
    const ok = await run(repo, argv, {ADRGATE_TEST_SNAPSHOT_TO: shots})
    expect(ok.code, ok.stderr).toBe(0)
    const after = snapshot(repo)
    expect(after).not.toEqual(before)
    const steps = readdirSync(shots).length
    expect(steps).toBeGreaterThan(0)
    const outcomes: string[] = []
    for (let step = 1; step <= steps; step++) {
      rmSync(repo.dir, {recursive: true, force: true})
      copyTree(path.join(shots, String(step)), repo.dir)
      outcomes.push(await nextCommandFinds(repo, step, before, after))
    }
    for (const step of new Set([1, Math.ceil(steps / 2), steps])) {
      const killed = fresh()
      const exit = await run(killed, argv, {ADRGATE_TEST_CRASH_AT: String(step)})
      expect(exit.signal, exit.stderr).toBe('SIGKILL')
      expect(await nextCommandFinds(killed, step, before, after), `killed at step ${step}`).toBe(outcomes[step - 1])
    }
    return outcomes
  } finally {
    rmSync(shots, {recursive: true, force: true})
  }
}

describe('a multi-file write killed at every step', () => {
  it('adr new -s: never half a supersede', {timeout: 240_000}, async () => {
    const make = () =>
      makeRepo({
        [`${DIR}/0001-use-mysql.md`]: nygard(1, 'Use MySQL', 'Accepted'),
        [`${DIR}/0002-use-redis.md`]: nygard(2, 'Use Redis', 'Accepted'),
      })
    const outcomes = await killAtEveryStep(make, ['new', '-s', '1', 'Use', 'PostgreSQL'])
    // killed before the journal: nothing changed; after it: completed by the next command
    expect(outcomes[0]).toBe('before')
    expect(outcomes.at(-1)).toBe('after')
    expect(outcomes.length).toBeGreaterThanOrEqual(4)
  })

  it('adr renumber: never the decision twice', {timeout: 240_000}, async () => {
    const make = () => {
      const r = makeRepo({
        [`${DIR}/0001-record.md`]: nygard(1, 'Record architecture decisions', 'Accepted'),
        [`${DIR}/0002-use-cache.md`]: nygard(2, 'Use a cache', 'Accepted'),
      })
      r.commit('base', '2026-01-01T10:00:00Z')
      r.write({
        [`${DIR}/0002-use-queue.md`]: nygard(2, 'Use a queue', 'Accepted'),
        [`${DIR}/0003-tune-queue.md`]: nygard(3, 'Tune the queue', 'Accepted\n\nAmends [2. Use a queue](0002-use-queue.md)'),
      })
      r.commit('later', '2026-01-02T10:00:00Z')
      return r
    }
    const outcomes = await killAtEveryStep(make, ['renumber'])
    expect(outcomes[0]).toBe('before')
    expect(outcomes.filter((o) => o === 'after').length).toBeGreaterThanOrEqual(3)
  })

  it('adr debate start: never an ADR without its record', {timeout: 240_000}, async () => {
    const make = () => makeRepo({[`${DIR}/0001-use-mysql.md`]: nygard(1, 'Use MySQL', 'Accepted')})
    const outcomes = await killAtEveryStep(make, ['debate', 'start', 'Event transport', '-p', 'ana', '-p', 'ben', '-a', 'dana', '--async'])
    // the ADR, the record and the answers directory's README: one write, completed by the next command
    expect(outcomes[0]).toBe('before')
    expect(outcomes).toContain('after')
  })
})

describe('a link across two ADR directories killed at every step', () => {
  const SHOP = 'apps/shop/adr/0001-deploy-the-shop-with-helm.md'
  const PLATFORM = 'platform/adr/0002-offer-one-postgres-cluster.md'
  it('is completed whole by the next write in either directory, which keeps its own change', {timeout: 240_000}, async () => {
    const template = makeRepo(repoFixture('monorepo-cross-links'), {commit: true})
    repos.push(template)
    const argv = ['link', 'shop/1', 'Relates to', 'platform/2']
    // the new link's line on each side (platform/2 already relates to shop/2)
    const linked = (text: string) => /relates to \[(platform\/2\.|shop\/1\.)/i.test(text)
    let completed = false
    for (let step = 1; step < 20 && !completed; step++) {
      const repo = copyRepo(template)
      repos.push(repo)
      const killed = await run(repo, argv, {ADRGATE_TEST_CRASH_AT: String(step)})
      if (killed.signal !== 'SIGKILL') {
        expect(killed.code, killed.stderr).toBe(0)
        completed = true
        break
      }
      // the disk the kill left, put back (at the same path: the journal names it) before each next command
      const left = mkdtempSync(path.join(tmpdir(), 'adrgate-crash-'))
      copyTree(repo.dir, path.join(left, 'repo'))
      try {
        for (const next of [
          ['status', 'shop/1', 'deprecated'],
          ['status', 'platform/2', 'deprecated'],
          // one directory named: the other's journal is not read on the way in, only beside the lock
          ['status', '1', 'deprecated', '--dir', 'apps/shop/adr'],
        ]) {
          rmSync(repo.dir, {recursive: true, force: true})
          copyTree(path.join(left, 'repo'), repo.dir)
          // a write in one of the two directories, as a user's next command (in-process: the kill is what needs a process)
          const after = await runCommand(Status, next.slice(1), repo.dir)
          expect(after.exitCode, after.stderr).toBe(0)
          const shop = readFileSync(path.join(repo.dir, SHOP), 'utf8')
          const platform = readFileSync(path.join(repo.dir, PLATFORM), 'utf8')
          // both sides of the link or neither, and the next command's own change kept
          expect(linked(shop), `killed at step ${step}, then ${next.join(' ')}`).toBe(linked(platform))
          expect(next[1] === 'platform/2' ? platform : shop).toMatch(/deprecated/i)
        }
      } finally {
        rmSync(left, {recursive: true, force: true})
      }
    }
    expect(completed).toBe(true)
  })
})
