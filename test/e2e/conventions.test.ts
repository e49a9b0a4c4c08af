/**
 * What people type by habit, against the built binary with no terminal (needs `dist/`): help and
 * version flags, and mistakes — an unknown command or flag is a usage error (2) with a did-you-mean.
 */
import {afterEach, describe, expect, it} from 'vitest'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {PROJECT_ROOT, runBin} from '../helpers/run-command.js'

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

describe('help and version, as people type them', () => {
  it.each([[['-h']], [['--help']], [['help']]])('adr %j prints the command list', (argv) => {
    const r = runBin(argv, PROJECT_ROOT)
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toContain('COMMANDS')
    expect(r.stderr).toBe('')
  })

  it.each([[['show', '-h']], [['show', '--help']], [['help', 'show']]])('adr %j prints the help of show', (argv) => {
    const r = runBin(argv, PROJECT_ROOT)
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toContain('$ adr show REF')
    expect(r.stderr).toBe('')
  })

  it.each([[['-v']], [['--version']], [['version']]])('adr %j prints the version line', (argv) => {
    const r = runBin(argv, PROJECT_ROOT)
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toMatch(/^adrgate\/\d+\.\d+\.\d+ \S+ node-v\d+/)
    expect(r.stderr).toBe('')
  })
})

describe('mistakes are usage errors (exit 2) with a did-you-mean, without a terminal', () => {
  it.each([
    [['lsit'], 'Did you mean `adr list`?'],
    [['debate', 'strat'], 'Did you mean `adr debate start`?'],
    [['shwo', '1'], 'Did you mean `adr show`?'],
  ])('adr %j', (argv, hint) => {
    const r = runBin(argv, PROJECT_ROOT)
    expect(r.exitCode).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain(hint)
  })

  it('an unknown word far from every command gets no guess, still exit 2', () => {
    const r = runBin(['xyzzy'], PROJECT_ROOT)
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toContain('is not an adr command')
    expect(r.stderr).not.toContain('Did you mean')
  })

  it.each([
    [['list', '--lnog'], 'Did you mean --long?'],
    [['list', '--stauts', 'accepted'], 'Did you mean --status?'],
    [['new', '--no-edti', 'X'], 'Did you mean --no-edit?'],
  ])('adr %j names the flag it meant', (argv, hint) => {
    repo = makeRepo({'doc/adr/0001-x.md': '# 1. X\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n'})
    const r = runBin(argv, repo.dir)
    expect(r.exitCode).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain(hint)
    expect(r.stderr).not.toContain('USAGE')
  })
})
