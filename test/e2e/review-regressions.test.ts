import {mkdtempSync, realpathSync, rmSync, symlinkSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {git, makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {runBin} from '../helpers/run-command.js'

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
