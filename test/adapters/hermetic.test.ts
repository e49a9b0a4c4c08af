import {spawnSync} from 'node:child_process'
import {mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {homedir, tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {openGit} from '../../src/adapters/git/git.js'
import {openCatFile} from '../../src/adapters/git/git-cat-file.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {BIN} from '../helpers/run-command.js'
import {TEST_HOME} from '../helpers/test-env.js'

let repo: TempRepo | undefined
let configDir: string | undefined
afterEach(() => {
  repo?.cleanup()
  if (configDir) rmSync(configDir, {recursive: true, force: true})
})

describe('the suite is hermetic', () => {
  it('runs with no global or system git configuration and an empty HOME of its own', () => {
    expect(process.env.GIT_CONFIG_GLOBAL).toBe('/dev/null')
    expect(process.env.GIT_CONFIG_NOSYSTEM).toBe('1')
    expect(homedir()).toBe(TEST_HOME)
    expect(readdirSync(TEST_HOME).filter((f) => f.startsWith('.git'))).toEqual([])
  })

  it('spawns the CLI as a user runs it: oclif loads no TypeScript compiler to look for sources', () => {
    configDir = mkdtempSync(path.join(tmpdir(), 'adrgate-hook-'))
    const hook = path.join(configDir, 'loaded.cjs')
    // on exit, says whether the compiler was ever required (oclif requires it to read tsconfig.json)
    writeFileSync(
      hook,
      "process.on('exit', () => process.stderr.write(Object.keys(require.cache).some((f) => f.includes('/node_modules/typescript/')) ? 'typescript loaded' : 'no typescript'))\n",
    )
    const r = spawnSync(process.execPath, ['--require', hook, BIN, 'list'], {cwd: configDir, encoding: 'utf8'})
    expect(r.stderr).toContain('no typescript')
  })

  it("a test repository commits through the adapter even under a developer's config that signs every commit", async () => {
    configDir = mkdtempSync(path.join(tmpdir(), 'adrgate-gitconfig-'))
    const config = path.join(configDir, 'gitconfig')
    // What a developer may have: signing on, with a signing program that fails here.
    writeFileSync(config, '[commit]\n\tgpgsign = true\n[tag]\n\tgpgsign = true\n[gpg]\n\tprogram = false\n[user]\n\tname = Someone Else\n')
    repo = makeRepo({'doc/adr/0001-a.md': '# 1. A\n'})
    const git = openGit(repo.dir, {...process.env, GIT_CONFIG_GLOBAL: config})
    const sha = await git.commit(['doc/adr/0001-a.md'], 'docs(adr): 1. A')
    expect(repo.git(['log', '-1', '--format=%H %an <%ae>']).trim()).toBe(`${sha} Ada Tester <ada@example.com>`)
  })

  it('git runs with the environment the adapter is given, not the one of this process', async () => {
    repo = makeRepo({'doc/adr/0001-a.md': '# 1. A\n'}, {commit: true})
    expect(process.env.GIT_COMMITTER_NAME).toBeUndefined()
    const given = {...process.env, GIT_COMMITTER_NAME: 'Given Committer', GIT_COMMITTER_EMAIL: 'given@example.com'}
    repo.write({'doc/adr/0002-b.md': '# 2. B\n'})
    const sha = await openGit(repo.dir, given).commit(['doc/adr/0002-b.md'], 'docs(adr): 2. B')
    expect(repo.git(['log', '-1', '--format=%H %cn <%ce>']).trim()).toBe(`${sha} Given Committer <given@example.com>`)
    // the processes the adapter spawns itself (the log stream, cat-file) find git on the given PATH, or not at all
    const noGit = {...process.env, PATH: path.join(repo.dir, 'no-such-bin')}
    await expect(openGit(repo.dir, process.env).logDirectory('doc/adr')).resolves.toHaveLength(2)
    const git = openGit(repo.dir, noGit)
    // the top level is asked through simple-git, which runs with the same environment
    await expect(git.logDirectory('doc/adr')).rejects.toThrow(/git/)
    const reader = openCatFile(repo.dir, noGit)
    await expect(reader.readText('HEAD:doc/adr/0001-a.md')).rejects.toThrow(/git/)
    await reader.close().catch(() => undefined)
  })
})
