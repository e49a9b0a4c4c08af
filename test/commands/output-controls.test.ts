/**
 * Control characters from titles, statuses, commit subjects and participant names are shown in human
 * output (`␛`, `␇`, `␍`), never sent to the terminal as they are; `--json` keeps the exact text.
 */
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import Start from '../../src/commands/debate/start.js'
import Lint from '../../src/commands/lint.js'
import List from '../../src/commands/list.js'
import Log from '../../src/commands/log.js'
import Show from '../../src/commands/show.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {runCommand} from '../helpers/run-command.js'

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

const TITLE = 'Use \x1b]8;;https://evil.example\x07PostgreSQL\x1b]8;;\x07 \x1b[2J now'
const ADR = `# 1. ${TITLE}\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\rFAKE\n\n## Context\n\nC.\n\n## Decision\n\nD.\n\n## Consequences\n\nE.\n`
const FILE = 'doc/adr/0001-use-postgresql.md'
const RAW = /[\x07\x1b]|\r(?!\n)/

function hostileRepo(): TempRepo {
  // a file name with an escape sequence too: lint and warnings print paths
  const r = makeRepo({[FILE]: ADR, 'doc/adr/0002-odd\x1b[2J.md': ADR.replace('# 1.', '# 2.')})
  r.git(['add', '-A'])
  r.git(['commit', '-q', '-m', 'Add \x1b[31mADR\x1b[0m\x07 one'])
  return r
}

describe('control characters in human output', () => {
  it.each([
    ['list --long', List, ['--long']],
    ['show', Show, ['1']],
    ['log', Log, []],
    ['lint', Lint, ['--profile', 'strict']],
  ] as const)('%s shows them and never prints them raw', async (_, command, argv) => {
    repo = hostileRepo()
    const r = await runCommand(command, [...argv], repo.dir, {ADR_DATE: '2026-11-22'})
    expect(r.stdout + r.stderr).not.toMatch(RAW)
    expect(r.stdout + r.stderr).toMatch(/␛/)
  })

  it('--json keeps the exact title', async () => {
    repo = hostileRepo()
    const r = await runCommand(List, ['--json'], repo.dir)
    const listed = JSON.parse(r.stdout) as {adrs: {title: string}[]}
    expect(listed.adrs[0].title).toBe(TITLE)
    const show = (await runCommand(Show, ['1', '--json'], repo.dir)).stdout
    expect(JSON.stringify(JSON.parse(show))).toContain(JSON.stringify(TITLE).slice(1, -1))
  })

  it('--participant and --approver are held to the answers file rule', async () => {
    repo = makeRepo({'docs/adr/.keep': ''})
    for (const [flag, name] of [
      ['--participant', '../../etc'],
      ['--participant', 'eve\x1b[2J'],
      ['--approver', 'dana\nroles: x'],
    ]) {
      const others =
        flag === '--approver' ? ['--participant', 'alice', '--participant', 'bob'] : ['--participant', 'bob', '--approver', 'dana']
      const r = await runCommand(Start, ['Primary datastore', flag, name, ...others, '--no-input', '--json'], repo.dir, {
        ADR_DATE: '2026-11-20',
      })
      const error = JSON.parse(r.stdout).error
      expect(error.code).toBe('INVALID_ARGUMENT')
      expect(error.message).toContain(`${flag} ${JSON.stringify(name)} is not a name`)
    }
    expect(path.join(repo.dir, 'docs/adr')).toBeTruthy()
  })
})
