import {afterEach, describe, expect, it} from 'vitest'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
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
