import {afterEach, describe, expect, it} from 'vitest'
import List from '../../src/commands/list.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {runCommand} from '../helpers/run-command.js'

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

describe('adr list', () => {
  it('prints paths relative to the working directory', async () => {
    repo = makeRepo({'doc/adr/0001-first.md': '# 1. First\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n', 'src/x/.keep': ''})
    const r = await runCommand(List, [], `${repo.dir}/src/x`)
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toBe('../../doc/adr/0001-first.md\n')
  })

  it('says when there is no ADR directory and exits 1', async () => {
    repo = makeRepo({})
    const r = await runCommand(List, [], repo.dir)
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toContain('The doc/adr directory does not exist')
  })
})
