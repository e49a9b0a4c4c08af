import {spawnSync} from 'node:child_process'
import {mkdtempSync, realpathSync, rmSync, symlinkSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {git, makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {BIN, runBin} from '../helpers/run-command.js'

/** Defects found by exercising the built binary; each test failed before its fix. */

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

const ADR =
  '# 1. First\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n\n## Consequences\n\nSo.\n'

describe('--json usage errors (spawned)', () => {
  it.each([
    ['a missing argument', ['status', '1', '--json']],
    ['an unknown flag', ['list', '--bogus', '--json']],
    ['a flag given twice', ['list', '--status', 'accepted', '--status', 'proposed', '--json']],
  ])('%s: exit 2 and one small JSON error object on stdout', (_name, argv) => {
    repo = makeRepo({'doc/adr/0001-first.md': ADR})
    // as users run it: vitest's NODE_ENV=test makes oclif warn about the unparsed command on stderr
    const r = runBin(argv, repo.dir, {NODE_ENV: undefined})
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toBe('')
    const parsed = JSON.parse(r.stdout)
    expect(Object.keys(parsed)).toEqual(['error'])
    expect(parsed.error.code).toBe('INVALID_ARGUMENT')
    expect(typeof parsed.error.message).toBe('string')
    expect(r.stdout.length).toBeLessThan(2000)
  })
})

describe('findings of the hostile review (spawned)', () => {
  it('adr log in a depth-1 clone shows what the one commit holds, and says on stderr how to fetch the rest', () => {
    const origin = makeRepo({'doc/adr/0001-first.md': ADR.replace('Accepted', 'Proposed')})
    origin.commit('Propose', '2026-01-01T10:00:00Z')
    origin.write({'doc/adr/0001-first.md': ADR})
    origin.commit('Accept', '2026-01-02T10:00:00Z')
    repo = makeRepo({}, {git: false})
    try {
      git(repo.dir, ['clone', '-q', '--depth', '1', `file://${origin.dir}`, '.'])
      const r = runBin(['log'], repo.dir)
      expect(r.exitCode).toBe(0)
      expect(r.stdout).toMatch(
        /^2026-01-02 {2}[0-9a-f]{7} {2}Ada Tester {2}ADR 1 First: already there \(accepted\) where this shallow clone's history starts\n$/,
      )
      expect(r.stderr).toMatch(/^Warning: This is a shallow clone: [^\n]*`git fetch --unshallow`[^\n]*\n$/)
    } finally {
      origin.cleanup()
    }
  })

  it.each(['madr', 'nygard'])('lint --profile strict passes the first ADR adr init --format %s writes', (format) => {
    repo = makeRepo({})
    expect(runBin(['init', '--format', format], repo.dir, {ADR_DATE: '2026-05-01'}).exitCode).toBe(0)
    const r = runBin(['lint', '--profile', 'strict'], repo.dir)
    expect(r).toMatchObject({exitCode: 0, stdout: '1 file checked: no problems\n'})
  })

  it('a symbolic link out of the repository on the way to the ADR directory is named, with where it really leads', () => {
    const out = realpathSync(mkdtempSync(path.join(tmpdir(), 'adrgate-outside-')))
    try {
      repo = makeRepo({})
      symlinkSync(out, path.join(repo.dir, 'doc'))
      const r = runBin(['list'], repo.dir)
      expect(r.exitCode).toBe(2)
      expect(r.stdout).toBe('')
      expect(r.stderr.split('\n')[0]).toBe(
        `Error: doc/adr, the ADR directory, goes through doc, a symbolic link to ${out}, outside the repository (${repo.dir}); adrgate reads and writes only inside it`,
      )
    } finally {
      rmSync(out, {recursive: true, force: true})
    }
  })
})

describe('findings of the second hostile review (spawned)', () => {
  /** A bash line, with `"$0" "$1"` the built `adr` (node and bin/run.js). */
  const sh = (cwd: string, line: string) =>
    spawnSync('bash', ['-c', line, process.execPath, BIN], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})

  it('a cold adr log under a file-size limit git hits in its temporary file reads the history through a pipe', () => {
    // some 120 KB of one version: more than the limit lets git write to a file (SIGXFSZ), not a pipe
    const long = Array.from({length: 3000}, (_, i) => `Line ${i} of a long context that goes on.`).join('\n')
    repo = makeRepo({'doc/adr/0001-first.md': ADR.replace('Why.', long)})
    repo.commit('First', '2026-01-01T10:00:00Z')
    const limited = sh(repo.dir, 'ulimit -f 16 && exec "$0" "$1" log')
    expect(limited.stderr).toBe('')
    expect(limited.status).toBe(0)
    expect(limited.stdout).toBe(runBin(['log'], repo.dir, {ADRGATE_NO_FAST_PATHS: '1'}).stdout)
    expect(limited.stdout).toMatch(/ADR 1 First: created/)
  })

  it('adr complete and adr --version into a pipe closed early end quietly, as through oclif', () => {
    repo = makeRepo({'doc/adr/0001-first.md': ADR})
    for (const line of ["complete -- ''", "complete -- ''", '--version'].map(
      (args, i) => `${i === 1 ? 'ADRGATE_NO_FAST_PATHS=1 ' : ''}"$0" "$1" ${args}`,
    )) {
      // `true` reads nothing: the output meets a closed pipe; the status is adr's own
      const r = sh(repo.dir, `${line} | true; exit \${PIPESTATUS[0]}`)
      expect(r.stderr, line).toBe('')
      expect(r.status, line).toBe(0)
    }
  })
})
