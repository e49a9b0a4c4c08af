import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import {afterEach, describe, expect, it} from 'vitest'
import Init from '../../src/commands/init.js'
import New from '../../src/commands/new.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {PROJECT_ROOT, runCommand} from '../helpers/run-command.js'

const ENV = {ADR_DATE: '1992-01-12', VISUAL: undefined, EDITOR: undefined}
const schema = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'schemas/output/init.schema.json'), 'utf8'))
const validate = new Ajv2020({strict: false}).compile(schema)
const template = (name: string) => readFileSync(path.join(PROJECT_ROOT, 'adr-templates', `${name}.md`), 'utf8')

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

const read = (file: string) => readFileSync(path.join(repo!.dir, file), 'utf8')

describe('adr init', () => {
  it('creates doc/adr and its first ADR in adr-tools format, and prints its path', async () => {
    repo = makeRepo()
    const r = await runCommand(Init, [], repo.dir, ENV)
    expect(r).toMatchObject({exitCode: 0, stdout: 'doc/adr/0001-record-architecture-decisions.md\n', stderr: ''})
    const expected = template('nygard-init')
      .replace('NUMBER', '1')
      .replace('TITLE', 'Record architecture decisions')
      .replace('DATE', '1992-01-12')
      .replace('STATUS', 'Accepted')
    expect(read('doc/adr/0001-record-architecture-decisions.md')).toBe(expected)
    expect(expected.startsWith('# 1. Record architecture decisions\n\nDate: 1992-01-12\n\n## Status\n\nAccepted\n\n## Context\n\n')).toBe(
      true,
    )
    expect(existsSync(path.join(repo.dir, '.adr-dir'))).toBe(false)
  })

  it('with DIR writes .adr-dir, which adr new then finds from a subdirectory', async () => {
    repo = makeRepo({'sub/.keep': ''})
    const r = await runCommand(Init, ['architecture-log'], repo.dir, ENV)
    expect(r.stdout).toBe('architecture-log/0001-record-architecture-decisions.md\n')
    expect(read('.adr-dir')).toBe('architecture-log\n')
    const n = await runCommand(New, ['First', 'Record'], path.join(repo.dir, 'sub'), ENV)
    expect(n.stdout).toBe('../architecture-log/0002-first-record.md\n')
    expect(read('architecture-log/0002-first-record.md')).toMatch(/^# 2\. First Record\n\nDate: 1992-01-12\n\n## Status\n\nAccepted\n/)
  })

  it('in a subdirectory, makes doc/adr at the repository root and says so', async () => {
    repo = makeRepo({'services/billing/.keep': ''})
    const sub = path.join(repo.dir, 'services/billing')
    const r = await runCommand(Init, [], sub, ENV)
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toBe('../../doc/adr/0001-record-architecture-decisions.md\n')
    expect(r.stderr).toContain('at the repository root')
    expect(existsSync(path.join(sub, 'doc'))).toBe(false)
    // and the next command, run from the root, finds it
    const n = await runCommand(New, ['Second'], repo.dir, ENV)
    expect(n.stdout).toBe('doc/adr/0002-second.md\n')
  })

  it('in a subdirectory, adr init DIR writes .adr-dir at the repository root, naming DIR from there', async () => {
    repo = makeRepo({'services/billing/.keep': ''})
    const sub = path.join(repo.dir, 'services/billing')
    const r = await runCommand(Init, ['decisions'], sub, ENV)
    expect(r.stdout).toBe('decisions/0001-record-architecture-decisions.md\n')
    expect(read('.adr-dir')).toBe('services/billing/decisions\n')
    expect(existsSync(path.join(sub, '.adr-dir'))).toBe(false)
    expect(r.stderr).toContain('../../.adr-dir at the repository root')
    const n = await runCommand(New, ['Second'], repo.dir, ENV)
    expect(n.stdout).toBe('services/billing/decisions/0002-second.md\n')
  })

  it('accepts a directory with spaces', async () => {
    repo = makeRepo()
    const r = await runCommand(Init, ['my decisions'], repo.dir, ENV)
    expect(r.stdout).toBe('my decisions/0001-record-architecture-decisions.md\n')
    expect(read('.adr-dir')).toBe('my decisions\n')
  })

  it('--format madr writes a MADR first ADR, accepted, and later ADRs follow it', async () => {
    repo = makeRepo()
    const r = await runCommand(Init, ['docs/decisions', '--format', 'madr', '--json'], repo.dir, ENV)
    const output = JSON.parse(r.stdout)
    expect(validate(output), JSON.stringify(validate.errors)).toBe(true)
    expect(output).toMatchObject({dir: 'docs/decisions', adrDirFile: '.adr-dir', format: 'madr', status: 'accepted', number: 1})
    expect(read('docs/decisions/0001-record-architecture-decisions.md')).toMatch(/^---\nstatus: accepted\ndate: 1992-01-12\n/)
    await runCommand(New, ['Use', 'Postgres'], repo.dir, ENV)
    expect(read('docs/decisions/0002-use-postgres.md')).toMatch(/^---\nstatus: proposed\n/)
  })

  it('refuses a directory that already holds ADRs', async () => {
    repo = makeRepo({'doc/adr/0001-x.md': '# 1. X\n\nDate: 1992-01-12\n\n## Status\n\nAccepted\n'})
    const r = await runCommand(Init, ['--json'], repo.dir, ENV)
    expect(r.exitCode).toBe(2)
    expect(JSON.parse(r.stdout).error.code).toBe('FILE_EXISTS')
    expect(readdirSync(path.join(repo.dir, 'doc/adr'))).toEqual(['0001-x.md'])
  })
})
