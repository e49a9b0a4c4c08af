import {mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {homedir, tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {openGit} from '../../src/adapters/git/git.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {TEST_HOME} from '../helpers/test-env.js'

let repo: TempRepo | undefined
let configDir: string | undefined
const globalConfig = process.env.GIT_CONFIG_GLOBAL
afterEach(() => {
  repo?.cleanup()
  if (configDir) rmSync(configDir, {recursive: true, force: true})
  process.env.GIT_CONFIG_GLOBAL = globalConfig
})

describe('the suite is hermetic', () => {
  it('runs with no global or system git configuration and an empty HOME of its own', () => {
    expect(process.env.GIT_CONFIG_GLOBAL).toBe('/dev/null')
    expect(process.env.GIT_CONFIG_NOSYSTEM).toBe('1')
    expect(homedir()).toBe(TEST_HOME)
    expect(readdirSync(TEST_HOME).filter((f) => f.startsWith('.git'))).toEqual([])
  })

  it("a test repository commits through the adapter even under a developer's config that signs every commit", async () => {
    configDir = mkdtempSync(path.join(tmpdir(), 'adrgate-gitconfig-'))
    const config = path.join(configDir, 'gitconfig')
    // What a developer may have: signing on, with a signing program that fails here.
    writeFileSync(config, '[commit]\n\tgpgsign = true\n[tag]\n\tgpgsign = true\n[gpg]\n\tprogram = false\n[user]\n\tname = Someone Else\n')
    process.env.GIT_CONFIG_GLOBAL = config
    repo = makeRepo({'doc/adr/0001-a.md': '# 1. A\n'})
    const git = openGit(repo.dir)
    const sha = await git.commit(['doc/adr/0001-a.md'], 'docs(adr): 1. A')
    expect(repo.git(['log', '-1', '--format=%H %an <%ae>']).trim()).toBe(`${sha} Ada Tester <ada@example.com>`)
  })
})
