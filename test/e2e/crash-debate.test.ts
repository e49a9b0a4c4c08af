/**
 * A debate played from an answers file, stopped at every step of every write (the test-only
 * `ADRGATE_TEST_SNAPSHOT_TO`, as in crash-writes.test.ts): at each gate's pass the record and the ADR
 * rendered from it are one all-or-nothing write (`saveRecordAndAdr`), so the disk a kill leaves, once
 * the next command has completed it, always lints clean: no ADR that says one thing and its record another.
 */
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {copyTree} from '../../src/adapters/files/crash-points.js'
import Lint from '../../src/commands/lint.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {PROJECT_ROOT, runCommand} from '../helpers/run-command.js'
import {spawnAdr} from '../helpers/spawned.js'

const repos: TempRepo[] = []
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup()
})

const DIR = 'doc/adr'
const NYGARD =
  '# 1. Use MySQL\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n\n## Consequences\n\nThen.\n'

async function run(repo: TempRepo, argv: string[], env: Record<string, string> = {}) {
  const p = spawnAdr(argv, repo.dir, env)
  const exit = await p.exit
  return {...exit, stderr: p.stderr(), stdout: p.stdout()}
}

describe('a debate played from a file, stopped at every step', () => {
  it('never leaves an ADR and a record that disagree: the disk at every step lints clean', {timeout: 240_000}, async () => {
    const repo = makeRepo({[`${DIR}/0001-use-mysql.md`]: NYGARD})
    repos.push(repo)
    const shots = mkdtempSync(path.join(tmpdir(), 'adrgate-crash-'))
    const env = {ADR_DATE: '2026-11-20'}
    const answers = path.join(PROJECT_ROOT, 'examples/debates/invoicing-answers.yaml')
    try {
      const ok = await run(repo, ['debate', 'start', '--file', answers, '--no-input'], {...env, ADRGATE_TEST_SNAPSHOT_TO: shots})
      expect(ok.code, ok.stderr).toBe(0)
      const steps = readdirSync(shots).length
      // the ADR's creation, then each gate's pass (record and ADR together)
      expect(steps).toBeGreaterThan(9)
      // the steps where the debate's files on disk changed (a rename landed, a journal came or went): the others repeat one
      const debateFiles = (step: number) => {
        const dir = path.join(shots, String(step), DIR)
        const named = readdirSync(dir, {recursive: true, encoding: 'utf8'})
          .filter((f) => f.includes('primary-datastore'))
          .sort()
        return JSON.stringify(named.map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]))
      }
      const changed = [...Array(steps).keys()].map((i) => i + 1).filter((step) => step === 1 || debateFiles(step) !== debateFiles(step - 1))
      expect(changed.length).toBeGreaterThan(9)
      const disagree: string[] = []
      for (const step of changed) {
        rmSync(repo.dir, {recursive: true, force: true})
        copyTree(path.join(shots, String(step)), repo.dir)
        // lint, the next command, completes what the kill left, then compares each ADR with its record
        const lint = await runCommand(Lint, [DIR, '--no-cache'], repo.dir, env)
        if (lint.exitCode !== 0) disagree.push(`stopped at step ${step}:\n${lint.stdout}`)
      }
      expect(disagree).toEqual([])
    } finally {
      rmSync(shots, {recursive: true, force: true})
    }
  })
})
