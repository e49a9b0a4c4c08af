/**
 * The ADR directory's lock against real processes (the built binary; `npm test` builds `dist/`):
 * a holder that is stopped (Ctrl-Z) or slow keeps it, a dead holder's lock is recovered at once
 * with one line, an empty lock file costs nothing, and a holder whose lock was taken over writes nothing.
 */
import {execFileSync} from 'node:child_process'
import {readdirSync, readFileSync, statSync, utimesSync, writeFileSync} from 'node:fs'
import {hostname} from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {type Spawned, spawnAdr} from '../helpers/spawned.js'

let repo: TempRepo | undefined
const running: Spawned[] = []
afterEach(() => {
  for (const p of running.splice(0)) if (p.child.exitCode === null) p.child.kill('SIGKILL')
  repo?.cleanup()
})

const ADR = (n: number, title: string) =>
  `# ${n}. ${title}\n\nDate: 2026-11-22\n\n## Status\n\nProposed\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n\n## Consequences\n\nThen.\n`

function twoAdrs(): TempRepo {
  return makeRepo(
    {
      'doc/adr/0001-use-postgresql.md': ADR(1, 'Use PostgreSQL'),
      'doc/adr/0002-use-redis.md': ADR(2, 'Use Redis'),
    },
    {commit: true},
  )
}

function start(argv: string[], env: Record<string, string> = {}): Spawned {
  const p = spawnAdr(argv, (repo as TempRepo).dir, env)
  running.push(p)
  return p
}

const lockFile = () => path.join((repo as TempRepo).dir, 'doc/adr/.adrgate.lock')
const read = (file: string) => readFileSync(path.join((repo as TempRepo).dir, 'doc/adr', file), 'utf8')
const hourAgo = () => new Date(Date.now() - 3_600_000)

/** A pid that no process has: one of a process that has just exited. */
function deadPid(): number {
  return Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {encoding: 'utf8'}))
}

describe('the ADR directory lock', () => {
  it('is kept by a stopped holder (Ctrl-Z) however old it looks: the next writer waits, and both changes land', async () => {
    repo = twoAdrs()
    // stopped under the lock, its new text staged, just before it renames it into place
    const slow = start(['status', '1', 'accepted'], {ADRGATE_TEST_STOP_AT: '1'})
    await slow.stopped()
    // a stopped process refreshes nothing: make its lock look an hour old (the old design took it over after 10 s)
    utimesSync(lockFile(), hourAgo(), hourAgo())
    const next = start(['link', '1', 'Amends', '2', 'Amended by'])
    const waited = await next.stderrContains('waiting for the ADR directory doc/adr: it is locked by pid')
    slow.child.kill('SIGCONT')
    expect(await slow.exit).toEqual({code: 0, signal: null})
    expect(await next.exit).toEqual({code: 0, signal: null})
    expect(waited).toBe(true)
    const first = read('0001-use-postgresql.md')
    expect(first).toMatch(/## Status\n\nAccepted\n/)
    expect(first).toContain('Amends [2. Use Redis](0002-use-redis.md)')
    expect(readdirSync(path.join(repo.dir, 'doc/adr')).filter((f) => f.startsWith('.'))).toEqual([])
  })

  it('of a holder killed while holding it is recovered at once, with one line on stderr', async () => {
    repo = twoAdrs()
    const killed = start(['status', '1', 'accepted'], {ADRGATE_TEST_CRASH_AT: '1'})
    expect((await killed.exit).signal).toBe('SIGKILL')
    const holder = JSON.parse(readFileSync(lockFile(), 'utf8'))
    expect(holder).toMatchObject({pid: killed.pid, host: hostname()})
    const next = start(['status', '2', 'accepted'])
    expect(await next.exit).toEqual({code: 0, signal: null})
    const lines = next.stderr().trim().split('\n')
    expect(lines).toContainEqual(
      `adrgate: pid ${killed.pid} is no longer running; recovered the lock of the ADR directory doc/adr (.adrgate.lock)`,
    )
    // the killed writer's staged text is ours and its process is gone: removed, with a line
    expect(lines.some((l) => l.startsWith('adrgate: removed a temporary file left by an interrupted adrgate'))).toBe(true)
    expect(lines).toHaveLength(2)
    expect(read('0002-use-redis.md')).toMatch(/## Status\n\nAccepted\n/)
    expect(read('0001-use-postgresql.md')).toMatch(/## Status\n\nProposed\n/)
    expect(readdirSync(path.join(repo.dir, 'doc/adr')).filter((f) => f.startsWith('.'))).toEqual([])
  })

  it('is recovered at once from a pid that is gone, and from an empty lock file (a full disk), never waited for', async () => {
    repo = twoAdrs()
    const pid = deadPid()
    writeFileSync(lockFile(), JSON.stringify({pid, host: hostname(), token: 'gone', since: '2026-11-22T09:00:00Z'}))
    const first = start(['status', '1', 'accepted'])
    expect(await first.exit).toEqual({code: 0, signal: null})
    expect(first.stderr()).toBe(
      `adrgate: pid ${pid} is no longer running; recovered the lock of the ADR directory doc/adr (.adrgate.lock)\n`,
    )
    writeFileSync(lockFile(), '')
    const then = new Date(Date.now() - 2_000)
    utimesSync(lockFile(), then, then)
    const second = start(['status', '2', 'accepted'])
    expect(await second.exit).toEqual({code: 0, signal: null})
    expect(second.stderr()).toBe(
      'adrgate: an empty lock file was left behind; recovered the lock of the ADR directory doc/adr (.adrgate.lock)\n',
    )
  })

  it('taken over while its holder was stopped: the holder writes nothing and leaves the new owner its lock', async () => {
    repo = twoAdrs()
    const slow = start(['status', '1', 'accepted'], {ADRGATE_TEST_STOP_AT: '1'})
    await slow.stopped()
    // what a process on another host does with a lock that has not been refreshed for longer than the stale interval
    const theirs = JSON.stringify({pid: 4242, host: 'build-agent-7', token: 'theirs', since: '2026-11-22T10:00:00Z'})
    writeFileSync(lockFile(), theirs)
    slow.child.kill('SIGCONT')
    expect((await slow.exit).code).toBe(2)
    expect(slow.stderr()).toContain('The lock of the ADR directory doc/adr was taken over by pid 4242 on build-agent-7')
    expect(read('0001-use-postgresql.md')).toMatch(/## Status\n\nProposed\n/)
    expect(readFileSync(lockFile(), 'utf8')).toBe(theirs)
    expect(readdirSync(path.join(repo.dir, 'doc/adr')).filter((f) => f.startsWith('.'))).toEqual(['.adrgate.lock'])
  })

  it('held by a process on another host is taken over only once it has not been refreshed for the stale interval', async () => {
    repo = twoAdrs()
    writeFileSync(lockFile(), JSON.stringify({pid: 4242, host: 'build-agent-7', token: 'theirs', since: '2026-11-22T10:00:00Z'}))
    utimesSync(lockFile(), hourAgo(), hourAgo())
    const next = start(['status', '1', 'accepted'])
    expect(await next.exit).toEqual({code: 0, signal: null})
    expect(next.stderr()).toMatch(
      /^adrgate: pid 4242 on build-agent-7 has not refreshed it for \d+ s; recovered the lock of the ADR directory doc\/adr/,
    )
    expect(statSync(path.join(repo.dir, 'doc/adr/0001-use-postgresql.md')).size).toBeGreaterThan(0)
  })
})
