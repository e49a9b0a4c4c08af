import {spawnSync} from 'node:child_process'
import {afterEach, describe, expect, it} from 'vitest'
import Lint from '../../src/commands/lint.js'
import List from '../../src/commands/list.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {PROJECT_ROOT, runCommand} from '../helpers/run-command.js'

const ADR = {
  'doc/adr/0001-x.md':
    '# 1. X\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n\n## Decision\n\nThis.\n\n## Consequences\n\nThat.\n',
}

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

describe('.adrgate.yaml is checked against its schema on every command', () => {
  it('a mistyped key is a warning naming the line and the closest valid key; the command still runs', async () => {
    repo = makeRepo({...ADR, '.adrgate.yaml': '# team settings\nprofil: strict\n'})
    const r = await runCommand(List, [], repo.dir)
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toBe('doc/adr/0001-x.md\n')
    expect(r.stderr).toBe('Warning: .adrgate.yaml:2:1 Unexpected key `profil`, expected `profile` (schemas/config.schema.json)\n')
  })

  it('a value the schema does not take is a warning at its line', async () => {
    repo = makeRepo({...ADR, '.adrgate.yaml': 'profile: strictest\nrules:\n  numbering-gap: maybe\n'})
    const r = await runCommand(List, [], repo.dir)
    expect(r.exitCode).toBe(0)
    const lines = r.stderr.trim().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^Warning: \.adrgate\.yaml:1:\d+ Unexpected .*strictest.*expected one of adr-tools, recommended, strict/)
    expect(lines[1]).toMatch(/^Warning: \.adrgate\.yaml:3:\d+ .*maybe/)
  })

  it('a valid config, and no config, print nothing', async () => {
    repo = makeRepo({...ADR, '.adrgate.yaml': 'profile: strict\ndefault-status: proposed\n'})
    expect((await runCommand(List, [], repo.dir)).stderr).toBe('')
    repo.cleanup()
    repo = makeRepo(ADR)
    expect((await runCommand(List, [], repo.dir)).stderr).toBe('')
  })

  it('adr lint reports an unknown key as a config finding (a warning), once', async () => {
    repo = makeRepo({...ADR, '.adrgate.yaml': 'profil: strict\n'})
    const r = await runCommand(Lint, ['--json'], repo.dir)
    const findings = JSON.parse(r.stdout).problems.filter((p: {rule: string}) => p.rule === 'config')
    expect(findings).toMatchObject([{severity: 'warning', line: 1, message: expect.stringContaining('expected `profile`')}])
    expect(r.stderr).not.toContain('Warning: .adrgate.yaml')
  })
})

describe("the README's Configuration section", () => {
  it('is what schemas/config.schema.json generates (regenerate with `npm run docs:config`)', () => {
    const r = spawnSync(process.execPath, ['scripts/config-docs.js', '--check'], {cwd: PROJECT_ROOT, encoding: 'utf8'})
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
  })
})
