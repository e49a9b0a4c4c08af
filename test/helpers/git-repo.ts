import {execFileSync} from 'node:child_process'
import {appendFileSync, cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

export type FileTree = Record<string, string | Buffer>

/** A fixed, hermetic git environment: no user config, fixed identity and dates. */
export function gitEnv(date = '2026-01-01T12:00:00Z'): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Ada Tester',
    GIT_AUTHOR_EMAIL: 'ada@example.com',
    GIT_COMMITTER_NAME: 'Ada Tester',
    GIT_COMMITTER_EMAIL: 'ada@example.com',
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
  }
}

export function git(cwd: string, args: string[], date?: string): string {
  return execFileSync('git', args, {cwd, env: gitEnv(date), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})
}

export function writeTree(root: string, tree: FileTree): void {
  for (const [file, content] of Object.entries(tree)) {
    const full = path.join(root, file)
    mkdirSync(path.dirname(full), {recursive: true})
    writeFileSync(full, content)
  }
}

export interface TempRepo {
  dir: string
  write(tree: FileTree): void
  commit(message: string, date?: string): void
  git(args: string[], date?: string): string
  cleanup(): void
}

/**
 * The test repository's own configuration: an identity, so the code under test can commit without
 * the developer's, and no signing, whatever a global configuration says (the suite also sets
 * GIT_CONFIG_GLOBAL=/dev/null: see test/helpers/test-env.ts). Written into .git/config directly, which
 * is what three `git config` calls would write, without three processes per repository.
 */
const LOCAL_CONFIG = `[user]
	name = Ada Tester
	email = ada@example.com
[commit]
	gpgsign = false
[tag]
	gpgsign = false
`

/**
 * A temporary git repository (branch `main`, the identity and settings of LOCAL_CONFIG) made from an
 * inline file tree; `commit` adds everything.
 */
export function makeRepo(tree: FileTree = {}, options: {commit?: boolean; git?: boolean} = {}): TempRepo {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'adrgate-')))
  if (options.git !== false) {
    // no template: git's sample hooks and description are a dozen files copied per repository, and
    // nothing here reads them (half the cost of the suite's several hundred `git init`s)
    git(dir, ['init', '-q', '--template=', '-b', 'main'])
    appendFileSync(path.join(dir, '.git', 'config'), LOCAL_CONFIG)
  }
  const repo = tempRepoAt(dir)
  repo.write(tree)
  if (options.commit && options.git !== false) repo.commit('initial')
  return repo
}

/**
 * A copy of `template` (its files, its `.git` and so its history) in a new temporary directory: for a
 * test that needs the same repository many times over, built once with `makeRepo` and its commits.
 */
export function copyRepo(template: TempRepo): TempRepo {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'adrgate-')))
  cpSync(template.dir, dir, {recursive: true, verbatimSymlinks: true})
  return tempRepoAt(dir)
}

function tempRepoAt(dir: string): TempRepo {
  const repo: TempRepo = {
    dir,
    write: (t) => writeTree(dir, t),
    commit: (message, date) => {
      git(dir, ['add', '-A'], date)
      git(dir, ['commit', '-q', '--allow-empty', '-m', message], date)
    },
    git: (args, date) => git(dir, args, date),
    cleanup: () => rmSync(dir, {recursive: true, force: true}),
  }
  return repo
}
