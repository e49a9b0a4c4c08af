import {execFileSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync} from 'node:fs'
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

/** A temporary git repository (branch `main`) made from an inline file tree; `commit` adds everything. */
export function makeRepo(tree: FileTree = {}, options: {commit?: boolean; git?: boolean} = {}): TempRepo {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'adrgate-')))
  if (options.git !== false) git(dir, ['init', '-q', '-b', 'main'])
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
  repo.write(tree)
  if (options.commit && options.git !== false) repo.commit('initial')
  return repo
}
