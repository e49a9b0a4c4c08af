import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, realpathSync, rmSync, symlinkSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {type CommitListings, openGit} from '../../src/adapters/git/git.js'
import {untranslatedGitEnv} from '../../src/adapters/git/git-env.js'
import {git, makeRepo, type TempRepo} from '../helpers/git-repo.js'

const repos: TempRepo[] = []
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup()
})
function repo(...args: Parameters<typeof makeRepo>): TempRepo {
  const r = makeRepo(...args)
  repos.push(r)
  return r
}

const D1 = '2026-01-01T10:00:00Z'
const D2 = '2026-02-01T10:00:00Z'

describe('git adapter', () => {
  it('knows a repository, its top level and HEAD from a subdirectory', async () => {
    const r = repo({'doc/adr/0001-a.md': '# 1. A\n'})
    r.commit('one', D1)
    const g = openGit(path.join(r.dir, 'doc/adr'), process.env)
    expect(await g.isRepository()).toBe(true)
    expect(await g.topLevel()).toBe(r.dir)
    expect((await g.probe()).shallow).toBe(false)
    const head = await g.headCommit()
    expect(head).toEqual({kind: 'branch', branch: 'main', sha: r.git(['rev-parse', 'HEAD']).trim()})
  })

  it('says NOT_A_GIT_REPOSITORY outside a repository', async () => {
    const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'adrgate-nogit-')))
    try {
      const g = openGit(dir, process.env)
      expect(await g.isRepository()).toBe(false)
      await expect(g.headCommit()).rejects.toMatchObject({code: 'NOT_A_GIT_REPOSITORY'})
      await expect(g.logDirectory(dir)).rejects.toMatchObject({code: 'NOT_A_GIT_REPOSITORY'})
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })

  // git's German catalog, where it is installed: a message that reached adrgate translated was not recognised
  const GERMAN = {...process.env, LANGUAGE: 'de', LC_ALL: 'C.UTF-8'}
  const speaksGerman = /Kein Git-Repository/.test(spawnSync('git', ['status'], {cwd: tmpdir(), env: GERMAN, encoding: 'utf8'}).stderr)
  if (!speaksGerman) console.warn('The git test in German skipped: git has no German messages here (the git-man / locales packages).')
  it.skipIf(!speaksGerman)('says NOT_A_GIT_REPOSITORY outside a repository when the user reads git in German', async () => {
    const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'adrgate-nogit-')))
    try {
      const g = openGit(dir, GERMAN)
      await expect(g.headCommit()).rejects.toMatchObject({code: 'NOT_A_GIT_REPOSITORY'})
      await expect(g.logDirectory(dir)).rejects.toMatchObject({code: 'NOT_A_GIT_REPOSITORY'})
      await expect(g.probe()).rejects.toMatchObject({code: 'NOT_A_GIT_REPOSITORY'})
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })

  it("runs git with its messages in English, and the rest of the user's locale as it was", () => {
    expect(untranslatedGitEnv({LANGUAGE: 'de:en', LC_ALL: 'de_DE.UTF-8', PATH: '/bin'})).toEqual({
      PATH: '/bin',
      LC_CTYPE: 'de_DE.UTF-8',
      LC_COLLATE: 'de_DE.UTF-8',
      LC_TIME: 'de_DE.UTF-8',
      LC_NUMERIC: 'de_DE.UTF-8',
      LC_MONETARY: 'de_DE.UTF-8',
      LC_MESSAGES: 'C',
    })
    expect(untranslatedGitEnv({LANG: 'fr_FR.UTF-8', LC_MESSAGES: 'fr_FR.UTF-8'})).toEqual({LANG: 'fr_FR.UTF-8', LC_MESSAGES: 'C'})
    expect(openGit(tmpdir(), {LANGUAGE: 'de'}).env).toEqual({LC_MESSAGES: 'C'})
  })

  it('handles a repository with no commits and a detached HEAD', async () => {
    const r = repo({'doc/adr/0001-a.md': '# 1. A\n'})
    const g = openGit(r.dir, process.env)
    expect(await g.headCommit()).toEqual({kind: 'unborn', branch: 'main'})
    expect(await g.logDirectory('doc/adr')).toEqual([])
    r.commit('one', D1)
    const sha = r.git(['rev-parse', 'HEAD']).trim()
    r.git(['checkout', '-q', '--detach', 'HEAD'])
    expect(await g.headCommit()).toEqual({kind: 'detached', sha})
  })

  it('verifies refs as values: an option-looking ref is an unknown ref, never an option', async () => {
    const r = repo({'doc/adr/0001-a.md': '# 1. A\n'}, {commit: true})
    const g = openGit(r.dir, process.env)
    expect(await g.verifyRef('main')).toMatch(/^[0-9a-f]{40}$/)
    const out = path.join(r.dir, 'leak.txt')
    await expect(g.verifyRef(`--output=${out}`)).rejects.toMatchObject({code: 'UNKNOWN_REF'})
    await expect(g.verifyRef('--upload-pack=touch x')).rejects.toMatchObject({code: 'UNKNOWN_REF'})
    await expect(g.verifyRef('no-such-branch')).rejects.toMatchObject({code: 'UNKNOWN_REF'})
    expect(existsSync(out)).toBe(false)
  })

  it('reads a file at a ref, and says undefined for a file that is not there', async () => {
    const r = repo({'doc/adr/0001-a.md': '# 1. A\n'})
    r.commit('one', D1)
    r.write({'doc/adr/0001-a.md': '# 1. A changed\n'})
    r.commit('two', D2)
    const g = openGit(r.dir, process.env)
    expect(await g.readFileAt('HEAD~1', 'doc/adr/0001-a.md')).toBe('# 1. A\n')
    expect(await g.readFileAt('main', path.join(r.dir, 'doc/adr/0001-a.md'))).toBe('# 1. A changed\n')
    expect(await g.readFileAt('main', 'doc/adr/0009-none.md')).toBeUndefined()
  })

  it('lists files changed since the merge base, uncommitted and untracked included', async () => {
    const r = repo({'doc/adr/0001-a.md': '# 1. A\n', 'doc/adr/0002-b.md': '# 2. B\n', 'src/x.ts': ''})
    r.commit('base', D1)
    r.git(['checkout', '-q', '-b', 'feature'])
    r.git(['mv', 'doc/adr/0002-b.md', 'doc/adr/0002-bee.md'])
    r.commit('rename', D2)
    r.write({'doc/adr/0001-a.md': '# 1. A edited\n', 'doc/adr/0003-c.md': '# 3. C\n', 'src/x.ts': 'x'})
    const changed = await openGit(path.join(r.dir, 'src'), process.env).changedFiles('main', path.join(r.dir, 'doc/adr'))
    const byPath = Object.fromEntries(changed.map((c) => [c.path, c]))
    expect(Object.keys(byPath).sort()).toEqual(['doc/adr/0001-a.md', 'doc/adr/0002-bee.md', 'doc/adr/0003-c.md'])
    expect(byPath['doc/adr/0001-a.md'].status).toBe('modified')
    expect(byPath['doc/adr/0002-bee.md']).toMatchObject({status: 'renamed', from: 'doc/adr/0002-b.md'})
    expect(byPath['doc/adr/0003-c.md']).toMatchObject({status: 'untracked', absolute: path.join(r.dir, 'doc/adr/0003-c.md')})
  })

  it('lists ADR files on every local and remote-tracking branch', async () => {
    const origin = repo({'doc/adr/0001-a.md': '# 1. A\n'}, {commit: true})
    origin.git(['checkout', '-q', '-b', 'theirs'])
    origin.write({'doc/adr/0002-theirs.md': '# 2. Theirs\n'})
    origin.commit('theirs', D2)
    origin.git(['checkout', '-q', 'main'])
    const clone = repo({}, {git: false})
    git(clone.dir, ['clone', '-q', `file://${origin.dir}`, '.'])
    clone.git(['checkout', '-q', '-b', 'mine'])
    clone.write({'doc/adr/0002-mine.md': '# 2. Mine\n'})
    clone.commit('mine', D2)
    const branches = await openGit(path.join(clone.dir, 'doc/adr'), process.env).listBranchFiles(path.join(clone.dir, 'doc/adr'))
    const byBranch = Object.fromEntries(branches.map((b) => [b.branch, b.files]))
    expect(byBranch.mine).toEqual(['0001-a.md', '0002-mine.md'])
    expect(byBranch['origin/theirs']).toEqual(['0001-a.md', '0002-theirs.md'])
    expect(byBranch.main).toEqual(['0001-a.md'])
    expect(byBranch['origin/HEAD']).toBeUndefined()
  })

  it('answers from the listings it is given for a commit, and lists the others', async () => {
    const r = repo({'docs/adr/0001-a.md': '# 1. A\n'})
    r.commit('one', D1)
    r.git(['checkout', '-q', '-b', 'other'])
    r.write({'docs/adr/0002-b.md': '# 2. B\n'})
    r.commit('two', D2)
    const adr = path.join(r.dir, 'docs/adr')
    const known = memoryListings()
    const main = r.git(['rev-parse', 'main']).trim()
    known.set(main, adr, ['0007-planted.md'])
    expect(await openGit(r.dir, process.env).listBranchFiles(adr, known)).toEqual([
      {branch: 'main', files: ['0007-planted.md']},
      {branch: 'other', files: ['0001-a.md', '0002-b.md']},
    ])
    expect(known.asked).toEqual([main])
    // listed for the real path: another directory's listing of the same commit is not this one's
    expect((await openGit(r.dir, process.env).listBranchFiles(r.dir, known))[0].files).toEqual(['docs'])
  })

  it('lists branch files as the top-level listing did, from wherever it runs (no `rev-parse --show-toplevel`)', async () => {
    // the listing as it was: the directory relative to the top level (real paths), one ls-tree a branch at the top
    const atTop = (top: string, dir: string) => {
      const rel = path.relative(top, realpathSync(dir)).split(path.sep).join('/')
      const prefix = rel ? `${rel}/` : ''
      const refs = git(top, ['for-each-ref', '--format=%(refname)%00%(objectname)', 'refs/heads', 'refs/remotes'])
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split('\0'))
      return refs.map(([name, sha]) => ({
        branch: name.replace(/^refs\/(heads|remotes)\//, ''),
        files: git(top, ['ls-tree', '-z', '--name-only', sha, '--', `:(literal)${prefix || '.'}`])
          .split('\0')
          .filter(Boolean)
          .map((p) => p.slice(prefix.length)),
      }))
    }
    const r = repo({'docs/a*d:r/0001-a.md': '# 1. A\n', 'docs/a*d:r/sub/x.md': 'x', 'src/x.ts': '', '0001-top.md': '# 1. Top\n'})
    r.commit('one', D1)
    r.git(['branch', 'copy'])
    r.git(['checkout', '-q', '-b', 'other'])
    r.write({'docs/a*d:r/0002-b.md': '# 2. B\n'})
    r.commit('two', D2)
    r.git(['checkout', '-q', 'main'])
    symlinkSync(path.join(r.dir, 'docs'), path.join(r.dir, 'linked'))
    const adr = path.join(r.dir, 'docs/a*d:r')
    const cases: [cwd: string, dir: string][] = [
      [r.dir, adr],
      [adr, adr],
      [path.join(r.dir, 'src'), adr],
      [path.join(r.dir, 'src'), path.join(r.dir, 'linked/a*d:r')],
      [path.join(r.dir, 'linked'), path.join(r.dir, 'linked/a*d:r')],
      [adr, r.dir],
      [r.dir, path.join(r.dir, 'docs/not-yet')],
    ]
    for (const [cwd, dir] of cases) {
      const listed = await openGit(cwd, process.env).listBranchFiles(dir)
      expect({cwd, dir, listed}).toEqual({
        cwd,
        dir,
        listed: atTop(r.dir, dir.endsWith('not-yet') ? path.join(r.dir, 'docs') : dir).map((b) =>
          dir.endsWith('not-yet') ? {...b, files: []} : b,
        ),
      })
      // the fast path (commit-listings.ts): listed by git the first time, from what git listed the second
      const known = memoryListings()
      expect(await openGit(cwd, process.env).listBranchFiles(dir, known)).toEqual(listed)
      expect(known.asked).toEqual([])
      expect(await openGit(cwd, process.env).listBranchFiles(dir, known)).toEqual(listed)
      // copy and main are one commit: two listings, each asked once
      expect(known.asked.sort()).toEqual(
        [...new Set(r.git(['for-each-ref', '--format=%(objectname)', 'refs/heads']).split('\n').filter(Boolean))].sort(),
      )
    }
    expect((await openGit(r.dir, process.env).listBranchFiles(adr)).map((b) => b.branch)).toEqual(['copy', 'main', 'other'])
    // outside the work tree: UNSAFE_PATH, as repoPath says it
    const outside = realpathSync(mkdtempSync(path.join(tmpdir(), 'adrgate-outside-')))
    try {
      await expect(openGit(r.dir, process.env).listBranchFiles(outside)).rejects.toMatchObject({code: 'UNSAFE_PATH'})
    } finally {
      rmSync(outside, {recursive: true, force: true})
    }
    // before the first commit: no branch
    expect(await openGit(repo({'docs/adr/0001-a.md': '# 1. A\n'}).dir, process.env).listBranchFiles('docs/adr')).toEqual([])
  })

  it('logs the directory in one pass, oldest first, renames with their blobs', async () => {
    const r = repo({'doc/adr/0001-a.md': '# 1. A\n', 'README.md': 'x'})
    r.commit('add a', D1)
    r.git(['mv', 'doc/adr/0001-a.md', 'doc/adr/0001-alpha.md'])
    r.commit('Use --upload-pack=x as a title', D2)
    const log = await openGit(r.dir, process.env).logDirectory(path.join(r.dir, 'doc/adr'))
    expect(log.map((c) => c.subject)).toEqual(['add a', 'Use --upload-pack=x as a title'])
    expect(log[0]).toMatchObject({authorName: 'Ada Tester', authorEmail: 'ada@example.com', date: '2026-01-01T10:00:00+00:00', parents: []})
    expect(log[0].changes).toEqual([expect.objectContaining({status: 'A', path: 'doc/adr/0001-a.md'})])
    expect(log[1].changes).toEqual([expect.objectContaining({status: 'R', from: 'doc/adr/0001-a.md', path: 'doc/adr/0001-alpha.md'})])
    expect(log[1].parents).toEqual([log[0].sha])
  })

  it('commits exactly the given paths, with a message that looks like an option', async () => {
    const r = repo({'doc/adr/0001-a.md': '# 1. A\n', 'other.txt': 'o'})
    const g = openGit(r.dir, process.env)
    const sha = await g.addAndCommit(['doc/adr/0001-a.md'], '--upload-pack=x: a title')
    expect(r.git(['log', '-1', '--format=%H %s'])).toBe(`${sha} --upload-pack=x: a title\n`)
    expect(r.git(['status', '--porcelain'])).toBe('?? other.txt\n')
  })

  it('probes the repository in one call, and knows ancestry and its own directory', async () => {
    const r = repo({'doc/adr/0001-a.md': '# 1. A\n'})
    const g = openGit(path.join(r.dir, 'doc'), process.env)
    expect(await g.probe()).toEqual({topLevel: r.dir, gitDir: path.join(r.dir, '.git'), shallow: false})
    r.commit('one', D1)
    const first = r.git(['rev-parse', 'HEAD']).trim()
    r.write({'doc/adr/0002-b.md': '# 2. B\n'})
    r.commit('two', D2)
    const second = r.git(['rev-parse', 'HEAD']).trim()
    expect((await g.probe()).head).toBe(second)
    expect(await g.isAncestor(first, second)).toBe(true)
    expect(await g.isAncestor(second, first)).toBe(false)
    expect(await g.isAncestor(second, second)).toBe(true)
    expect(await g.gitPath('adrgate/x.json')).toBe(path.join(r.dir, '.git/adrgate/x.json'))
    const log = await g.logDirectory('.', undefined, {after: first})
    expect(log.map((c) => c.subject)).toEqual(['two'])
  })

  it('initialises a repository', async () => {
    const r = repo({}, {git: false})
    const g = openGit(r.dir, process.env)
    expect(await g.isRepository()).toBe(false)
    await g.init({branch: 'main'})
    expect(await g.isRepository()).toBe(true)
    expect(await g.headCommit()).toEqual({kind: 'unborn', branch: 'main'})
  })
})

/** Commit listings in memory, with the commits it answered for. */
function memoryListings(): CommitListings & {asked: string[]} {
  const listings = new Map<string, readonly string[]>()
  const asked: string[] = []
  return {
    asked,
    get(commit, dir) {
      const listed = listings.get(`${dir}\0${commit}`)
      if (listed) asked.push(commit)
      return listed
    },
    set(commit, dir, files) {
      listings.set(`${dir}\0${commit}`, files)
    },
  }
}
