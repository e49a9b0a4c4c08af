/**
 * A command's first `workspace()` reuses the one the config check opened in `init`
 * (`reusedWorkspace`, a fast path of `openWorkspace`): this pins it to a fresh `openWorkspace`, in the
 * layouts that change what the workspace is (a conventional folder, `.adrgate.yaml` with a warning,
 * `.adr-dir`, --dir inside and outside the repository, several directories), and checks that a notice
 * the check swallowed (--dir outside the repository) is still said once.
 */
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {openWorkspace, type Workspace} from '../../src/adapters/workspace.js'
import {BaseCommand} from '../../src/cli/base-command.js'
import List from '../../src/commands/list.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {runCommand} from '../helpers/run-command.js'

/** Gives the workspace a command gets, and whether it was the one the config check opened. */
class WorkspaceProbe extends BaseCommand {
  static enableJsonFlag = true

  async run(): Promise<{ws: Workspace; reused: boolean}> {
    const {flags} = await this.parse(WorkspaceProbe)
    const checked = (this as unknown as {checked?: {ws: Workspace}}).checked?.ws
    const ws = this.workspace(flags.dir)
    return {ws, reused: ws === checked}
  }
}

const ADR =
  '# 1. Use a queue\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nC.\n\n## Decision\n\nD.\n\n## Consequences\n\nE.\n'

let conventional: TempRepo
let configured: TempRepo
let adrDirFile: TempRepo
let several: TempRepo
let outside: TempRepo

beforeAll(() => {
  conventional = makeRepo({'docs/adr/0001-use-a-queue.md': ADR})
  // a key the schema does not know: the check warns on stderr
  configured = makeRepo({'.adrgate.yaml': 'dir: decisions\nnot-a-key: 1\n', 'decisions/0001-use-a-queue.md': ADR})
  adrDirFile = makeRepo({'.adr-dir': 'architecture\n', 'architecture/0001-use-a-queue.md': ADR})
  several = makeRepo({
    '.adrgate.yaml': 'dirs:\n  - {name: web, path: apps/web/adr}\n  - {name: platform, path: platform/adr}\n',
    'apps/web/adr/0001-use-a-queue.md': ADR,
    'platform/adr/0001-use-a-queue.md': ADR,
  })
  outside = makeRepo({'docs/adr/0001-use-a-queue.md': ADR})
})

afterAll(() => {
  for (const r of [conventional, configured, adrDirFile, several, outside]) r.cleanup()
})

describe('the workspace the config check opened is the one openWorkspace gives', () => {
  const cases: [string, () => string, () => string[]][] = [
    ['a conventional folder', () => conventional.dir, () => []],
    ['from a subdirectory', () => path.join(conventional.dir, 'docs'), () => []],
    ['.adrgate.yaml with a warning', () => configured.dir, () => []],
    ['.adr-dir', () => adrDirFile.dir, () => []],
    ['several directories', () => several.dir, () => []],
    ['--dir inside the repository', () => configured.dir, () => ['--dir', 'decisions']],
    ['--dir=', () => conventional.dir, () => ['--dir=docs/adr']],
  ]
  it.each(cases)('%s', async (_name, cwd, argv) => {
    const fast = await runCommand(WorkspaceProbe, [...argv(), '--json'], cwd())
    const general = await runCommand(WorkspaceProbe, [...argv(), '--json'], cwd(), {ADRGATE_NO_FAST_PATHS: '1'})
    expect(fast.exitCode, fast.stdout).toBe(0)
    const {ws, reused} = fast.result as {ws: Workspace; reused: boolean}
    expect(reused).toBe(true)
    expect((general.result as {reused: boolean}).reused).toBe(false)
    const dir = argv()
      .find((a) => a !== '--dir')
      ?.replace(/^--dir=/, '')
    expect(ws).toEqual(openWorkspace(cwd(), {dir, env: ws.env}))
    expect(fast.stderr).toBe(general.stderr)
  })

  it('a notice the check swallowed makes the command open its own, and the notice is said once', async () => {
    const elsewhere = path.join(conventional.dir, 'docs/adr')
    const fast = await runCommand(WorkspaceProbe, ['--dir', elsewhere, '--json'], outside.dir)
    expect((fast.result as {reused: boolean}).reused).toBe(false)
    const listed = await runCommand(List, ['--dir', elsewhere], outside.dir)
    const general = await runCommand(List, ['--dir', elsewhere], outside.dir, {ADRGATE_NO_FAST_PATHS: '1'})
    expect(listed.stderr.match(/is outside this repository/g)).toHaveLength(1)
    expect({...listed, result: undefined}).toEqual({...general, result: undefined})
  })
})
