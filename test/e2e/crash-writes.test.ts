/**
 * Multi-file writes killed at every step (a real process, SIGKILL before each rename, link and unlink,
 * through the test-only `ADRGATE_TEST_CRASH_AT`): the next command, even one that only reads, finds the
 * directory either as it was or as the write leaves it, never in between.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import List from '../../src/commands/list.js'
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

/**
 * Runs `argv` once cleanly for the expected result, then once per step with a kill before it, each in a
 * fresh copy of the repository `make` builds (built once); after each kill `adr list` runs (in-process:
 * the reader that completes the write, as any command's start does; the case table spawns list), then
 * the directory must be as before or as after. The outcome of each step: `before`, `after` (completed
 * by the reader) or `done` (the write had finished before the kill).
 */
async function killAtEveryStep(make: () => TempRepo, argv: string[]) {
  const template = make()
  repos.push(template)
  const fresh = () => copyRepo(template)
  const clean = fresh()
  repos.push(clean)
  const before = snapshot(clean)
  const ok = await run(clean, argv)
  expect(ok.code, ok.stderr).toBe(0)
  const after = snapshot(clean)
  expect(after).not.toEqual(before)
  const outcomes: string[] = []
  for (let step = 1; step < 50; step++) {
    const repo = fresh()
    repos.push(repo)
    const killed = await run(repo, argv, {ADRGATE_TEST_CRASH_AT: String(step)})
    if (killed.signal !== 'SIGKILL') {
      // no step left to kill at: the run completed
      expect(killed.code, killed.stderr).toBe(0)
      expect(snapshot(repo)).toEqual(after)
      break
    }
    const list = await runCommand(List, [], repo.dir)
    expect(list.exitCode, list.stderr).toBe(0)
    const state = snapshot(repo)
    if (JSON.stringify(state) === JSON.stringify(before)) outcomes.push('before')
    else {
      expect(state, `killed at step ${step}`).toEqual(after)
      // completed by the reader, or the write had finished before the kill (at a later step: a cache)
      const completed = /^adrgate: completed a write interrupted before it finished \(pid \d+, /m.test(list.stderr)
      outcomes.push(completed ? 'after' : 'done')
    }
  }
  return outcomes
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
