/**
 * The built binary, spawned as a user or CI would run it: the version, --json that parses, and
 * nothing waiting on stdin. Exit codes and stdout/stderr per command are the case table of
 * cases.test.ts (run in-process and spawned), which also checks the --help of every command.
 */
import {spawn} from 'node:child_process'
import {existsSync} from 'node:fs'
import path from 'node:path'
import {afterEach, beforeAll, describe, expect, it} from 'vitest'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {BIN, PROJECT_ROOT, runBin} from '../helpers/run-command.js'

const TREE = {
  'doc/adr/0001-record-architecture-decisions.md':
    '# 1. Record architecture decisions\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n',
  'doc/adr/0002-use-postgresql.md': '---\nstatus: proposed\ndate: 2026-02-01\ntags: [storage]\n---\n# Use PostgreSQL\n',
  'doc/adr/0003-use-postgresql-for-reports.md': '---\nstatus: proposed\n---\n# Use PostgreSQL for reports\n',
}

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

beforeAll(() => {
  if (!existsSync(path.join(PROJECT_ROOT, 'dist/commands/list.js'))) throw new Error('dist/ is missing: run `npm run build` first')
})

describe('adr (spawned)', () => {
  it('prints its version', () => {
    const r = runBin(['--version'], PROJECT_ROOT)
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toMatch(/^adrgate\/\d+\.\d+\.\d+ /)
    expect(r.stderr).toBe('')
  })

  it('list --json prints JSON on stdout and nothing on stderr', () => {
    repo = makeRepo(TREE)
    const r = runBin(['list', '--json'], repo.dir)
    expect(r.exitCode).toBe(0)
    expect(r.stderr).toBe('')
    expect(JSON.parse(r.stdout).adrs).toHaveLength(3)
  })

  it('nothing waits on stdin: commands finish while stdin stays open', async () => {
    repo = makeRepo(TREE)
    for (const argv of [
      ['list', '--long'],
      ['show', '2'],
      ['generate', 'toc'],
      ['show', 'postgresql'],
    ]) {
      const code = await runWithOpenStdin(argv, repo.dir)
      expect(code, argv.join(' ')).not.toBe('timeout')
    }
  })
})

/** Spawns the binary with a stdin pipe that is never written to nor closed, as a stuck CI step would have. */
function runWithOpenStdin(argv: string[], cwd: string): Promise<number | 'timeout'> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...argv], {cwd, stdio: ['pipe', 'ignore', 'ignore']})
    const timer = setTimeout(() => {
      child.kill()
      resolve('timeout')
    }, 30_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      child.stdin.destroy()
      resolve(code ?? 2)
    })
  })
}
