/**
 * `runFixedGit` (git run directly, for commands whose arguments adrgate writes itself) is a fast
 * path of simple-git's `raw()`: this pins the two together on the commands it runs, in the states
 * that change their answer (commits, no commits yet, a second branch, not a repository, a failing
 * command), comparing stdout or the translated error.
 */
import {mkdtempSync, realpathSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {literal, runFixedGit, simpleGit, translateError} from '../../src/adapters/git/git-process.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'

/** What a runner gives: its stdout, or the code and message of the error it throws. */
async function outcome(run: () => Promise<string>): Promise<{out: string} | {code: string; message: string}> {
  try {
    return {out: await run()}
  } catch (error) {
    const e = error as {code: string; message: string}
    return {code: e.code, message: e.message}
  }
}

async function viaSimpleGit(cwd: string, args: string[]): Promise<string> {
  try {
    return await simpleGit(cwd, process.env).raw(args)
  } catch (error) {
    throw translateError(error, args)
  }
}

const PROBE = ['rev-parse', '--show-toplevel', '--absolute-git-dir', '--is-shallow-repository', '-q', '--verify', 'HEAD^{commit}']

let committed: TempRepo
let unborn: TempRepo
let outside: string

beforeAll(() => {
  committed = makeRepo({'docs/adr/0001-a.md': '# 1. A\n', 'docs/adr/0002-b.md': '# 2. B\n'}, {commit: true})
  committed.git(['branch', 'feature'])
  unborn = makeRepo({'docs/adr/0001-a.md': '# 1. A\n'})
  outside = realpathSync(mkdtempSync(path.join(tmpdir(), 'adrgate-nogit-')))
})

afterAll(() => {
  committed.cleanup()
  unborn.cleanup()
  rmSync(outside, {recursive: true, force: true})
})

describe('runFixedGit gives what simple-git gives', () => {
  const cases: [string, () => string, string[]][] = [
    ['the probe, with commits', () => committed.dir, PROBE],
    ['the probe, before the first commit (exit 1, nothing on stderr)', () => unborn.dir, PROBE],
    ['the probe, from a subdirectory', () => path.join(committed.dir, 'docs/adr'), PROBE],
    ['the probe, outside a repository', () => outside, PROBE],
    ['the top level', () => path.join(committed.dir, 'docs'), ['rev-parse', '--show-toplevel']],
    ['the branch, before the first commit', () => unborn.dir, ['symbolic-ref', '-q', '--short', 'HEAD']],
    ['HEAD, before the first commit', () => unborn.dir, ['rev-parse', '-q', '--verify', 'HEAD^{commit}']],
    ['the branches', () => committed.dir, ['for-each-ref', '--format=%(refname)%00%(objectname)', 'refs/heads', 'refs/remotes']],
    ['a tree listing', () => committed.dir, ['ls-tree', '-z', '--name-only', 'HEAD', '--', literal('docs/adr/')]],
    ['a failing command (stderr)', () => committed.dir, ['ls-tree', '-z', '--name-only', 'no-such-ref', '--', literal('.')]],
    ['a path inside the git directory', () => committed.dir, ['rev-parse', '--git-path', 'adrgate']],
  ]
  it.each(cases)('%s', async (_name, cwd, args) => {
    const fast = await outcome(() => runFixedGit(cwd(), process.env, args))
    const general = await outcome(() => viaSimpleGit(cwd(), args))
    expect(fast).toEqual(general)
  })

  it('the cases above include a failure, an exit 1 without stderr and real output', async () => {
    expect(await outcome(() => runFixedGit(outside, process.env, PROBE))).toMatchObject({code: 'NOT_A_GIT_REPOSITORY'})
    expect(await outcome(() => runFixedGit(committed.dir, process.env, cases[9][2]))).toMatchObject({code: 'GIT_FAILED'})
    expect(await runFixedGit(unborn.dir, process.env, PROBE)).toContain(unborn.dir)
    expect((await runFixedGit(committed.dir, process.env, cases[8][2])).split('\0').filter(Boolean)).toEqual([
      'docs/adr/0001-a.md',
      'docs/adr/0002-b.md',
    ])
  })

  it('runs many at once and answers each', async () => {
    const args = ['rev-parse', '--show-toplevel']
    const answers = await Promise.all(Array.from({length: 12}, () => runFixedGit(committed.dir, process.env, args)))
    expect(new Set(answers)).toEqual(new Set([`${committed.dir}\n`]))
  })
})
