/**
 * The lint cache (`.git/adrgate/lint-cache.json`) is validated on read: an entry that does not
 * validate is ignored, its file linted again and the cache rewritten (`--verbose` says so); a damaged
 * or hand-made cache can neither invent a finding nor hide one.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import Lint from '../../src/commands/lint.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {runCommand} from '../helpers/run-command.js'

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

const ADR =
  '# 1. Use PostgreSQL\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nC.\n\n## Decision\n\nD.\n\n## Consequences\n\nE.\n'
const FILE = 'doc/adr/0001-use-postgresql.md'
const cacheFile = () => path.join(repo!.dir, '.git/adrgate/lint-cache.json')

describe('the lint cache', () => {
  it('cannot invent a finding: a forged problem is ignored, reported under --verbose, and the cache rewritten', async () => {
    repo = makeRepo({[FILE]: ADR})
    const first = await runCommand(Lint, [], repo.dir, {ADR_DATE: '2026-11-22'})
    expect(first.exitCode, first.stdout).toBe(0)
    const cache = JSON.parse(readFileSync(cacheFile(), 'utf8'))
    const [name] = Object.keys(cache.files)
    cache.files[name].problems.push({file: name, line: 1, column: 1, severity: 'error', rule: 'invented-rule', message: 'FORGED'})
    writeFileSync(cacheFile(), JSON.stringify(cache))
    const second = await runCommand(Lint, ['--verbose'], repo.dir, {ADR_DATE: '2026-11-22'})
    expect(second.exitCode, second.stdout).toBe(0)
    expect(second.stdout).not.toContain('FORGED')
    expect(second.stderr).toContain('adrgate: ignored the lint cache where it does not validate')
    expect(second.stderr).toContain('unknown rule (invented-rule)')
    expect(readFileSync(cacheFile(), 'utf8')).not.toContain('FORGED')
  })

  it('a cache that is not JSON, or whose entries have the wrong types, is ignored without a crash', async () => {
    repo = makeRepo({[FILE]: ADR})
    await runCommand(Lint, [], repo.dir, {ADR_DATE: '2026-11-22'})
    const cache = JSON.parse(readFileSync(cacheFile(), 'utf8'))
    const [name] = Object.keys(cache.files)
    cache.files[name].problems = 'not a list'
    cache.files[name].adr = 5
    writeFileSync(cacheFile(), JSON.stringify(cache))
    const typed = await runCommand(Lint, [], repo.dir, {ADR_DATE: '2026-11-22'})
    expect(typed.exitCode, typed.stdout + typed.stderr).toBe(0)
    expect(typed.stderr).toBe('')
    writeFileSync(cacheFile(), '{"key": ')
    const broken = await runCommand(Lint, ['--verbose'], repo.dir, {ADR_DATE: '2026-11-22'})
    expect(broken.exitCode).toBe(0)
    expect(broken.stderr).toContain('is not valid JSON')
  })
})

describe('the history caches', () => {
  it('one that does not validate is ignored and rewritten: same dates, no crash', async () => {
    const {default: List} = await import('../../src/commands/list.js')
    repo = makeRepo({[FILE]: ADR}, {commit: true})
    const first = await runCommand(List, ['--long'], repo.dir)
    expect(first.exitCode, first.stderr).toBe(0)
    const file = path.join(repo.dir, '.git/adrgate/history-dates.json')
    const cache = JSON.parse(readFileSync(file, 'utf8'))
    cache.value.dates = [['0001-use-postgresql.md', null], 5]
    writeFileSync(file, JSON.stringify(cache))
    const second = await runCommand(List, ['--long'], repo.dir)
    expect({code: second.exitCode, stdout: second.stdout}).toEqual({code: 0, stdout: first.stdout})
    expect(JSON.parse(readFileSync(file, 'utf8')).value.dates[0][1]).toBeTypeOf('object')
  })
})
