import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import Status from '../../src/commands/status.js'
import {outputSchemaValidator, repoFixture} from '../helpers/fixtures.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {runCommand} from '../helpers/run-command.js'

const validate = outputSchemaValidator('status')

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

const BASIC = repoFixture('adr-tools-basic')
const run = (argv: string[], cwd = repo!.dir) => runCommand(Status, argv, cwd)
const read = (file: string) => readFileSync(path.join(repo!.dir, file), 'utf8')
const ADR1 = 'doc/adr/0001-record-architecture-decisions.md'
const ADR3 = 'doc/adr/0003-use-postgresql.md'

describe('adr status', () => {
  it.each([
    {ref: '3', status: 'accepted', file: ADR3, from: '\nProposed\n', to: '\nAccepted\n'},
    {ref: 'postgres', status: 'Rejected', file: ADR3, from: '\nProposed\n', to: '\nRejected\n'},
    {ref: '1', status: 'deprecated', file: ADR1, from: '\nAccepted\n', to: '\nDeprecated\n'},
  ])('$ref → $status changes only the status line', async ({ref, status, file, from, to}) => {
    repo = makeRepo(BASIC)
    const r = await run([ref, status])
    expect(r).toMatchObject({exitCode: 0, stdout: `${file}\n`, stderr: ''})
    expect(read(file)).toBe(BASIC[file].toString().replace(from, to))
  })

  it.each([
    {name: 'accepted → rejected', ref: '1', status: 'rejected', allowed: ['deprecated', 'superseded']},
    {name: 'accepted → proposed', ref: '1', status: 'proposed', allowed: ['deprecated', 'superseded']},
  ])('refuses $name, naming the allowed moves', async ({ref, status, allowed}) => {
    repo = makeRepo(BASIC)
    const r = await run([ref, status, '--json'])
    expect(r.exitCode).toBe(2)
    const {error} = JSON.parse(r.stdout)
    expect(error.code).toBe('ILLEGAL_TRANSITION')
    for (const s of allowed) expect(error.message).toContain(s)
    expect(read(ADR1)).toBe(BASIC[ADR1])
  })

  it('refuses to move a final status, and says how a decision changes', async () => {
    repo = makeRepo(BASIC)
    await run(['1', 'deprecated'])
    const r = await run(['1', 'accepted', '--json'])
    // not `adr new -s 1`: superseding a deprecated ADR is refused as well
    expect(JSON.parse(r.stdout).error).toMatchObject({code: 'ILLEGAL_TRANSITION', suggestions: [expect.stringContaining('adr new -l "1:')]})
  })

  it.each([
    {name: 'an unknown status', argv: ['1', 'finished'], code: 'UNKNOWN_STATUS'},
    {name: 'superseded without --by', argv: ['1', 'superseded'], code: 'INVALID_ARGUMENT'},
    {name: '--by with another status', argv: ['1', 'deprecated', '--by', '2'], code: 'INVALID_ARGUMENT'},
    {name: 'superseded by itself', argv: ['1', 'superseded', '--by', '1'], code: 'INVALID_ARGUMENT'},
    {name: 'an ADR that does not exist', argv: ['9', 'accepted'], code: 'ADR_NOT_FOUND'},
    {name: 'a superseding ADR that does not exist', argv: ['1', 'superseded', '--by', '9'], code: 'ADR_NOT_FOUND'},
  ])('fails on $name and writes nothing', async ({argv, code}) => {
    repo = makeRepo(BASIC)
    const r = await run([...argv, '--json'])
    expect(r.exitCode).toBe(2)
    expect(JSON.parse(r.stdout).error.code).toBe(code)
    for (const [file, text] of Object.entries(BASIC)) expect(read(file)).toBe(text)
  })

  it('superseded --by writes both sides as adr new -s does', async () => {
    repo = makeRepo(BASIC)
    const r = await run(['1', 'superseded', '--by', '2'])
    expect(r.stdout).toBe(`${ADR1}\n`)
    expect(read(ADR1)).toContain(
      '## Status\n\nSuperceded by [2. Use Markdown for documentation](0002-use-markdown-for-documentation.md)\n\n## Context\n',
    )
    expect(read('doc/adr/0002-use-markdown-for-documentation.md')).toContain(
      '## Status\n\nAccepted\n\nSupercedes [1. Record architecture decisions](0001-record-architecture-decisions.md)\n\n## Context\n',
    )
  })

  it('leaves an ADR that already has the status as it is', async () => {
    repo = makeRepo(BASIC)
    const r = await run(['1', 'accepted', '--json'])
    expect(r.exitCode).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({from: 'accepted', to: 'accepted', updated: []})
  })

  it('changes only the status: line of a MADR ADR, and --json matches status.schema.json', async () => {
    const text =
      '---\nstatus: proposed\ndate: 2026-01-01\ndecision-makers: [dana]\n---\n# Use Postgres\n\n## Context and Problem Statement\n\nWhy.\n'
    repo = makeRepo({'docs/adr/0001-use-postgres.md': text})
    const r = await run(['1', 'accepted', '--json'])
    const output = JSON.parse(r.stdout)
    expect(validate(output), JSON.stringify(validate.errors)).toBe(true)
    expect(output).toMatchObject({path: 'docs/adr/0001-use-postgres.md', from: 'proposed', to: 'accepted'})
    expect(read('docs/adr/0001-use-postgres.md')).toBe(text.replace('status: proposed', 'status: accepted'))
  })

  it('works from a subdirectory of a repository that names its directory in .adr-dir', async () => {
    repo = makeRepo({...repoFixture('adr-tools-custom-dir'), 'src/.keep': ''})
    const r = await run(['2', 'deprecated'], path.join(repo.dir, 'src'))
    expect(r.stdout).toBe('../architecture-log/0002-use-postgresql.md\n')
    expect(read('architecture-log/0002-use-postgresql.md')).toContain('## Status\n\nDeprecated\n\nSupercedes [1. Use MySQL]')
  })

  it('says when there is no ADR directory, exits 2, and creates none', async () => {
    repo = makeRepo()
    const r = await run(['1', 'accepted'])
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toContain('The doc/adr directory does not exist')
    expect(readdirSync(repo.dir)).toEqual(['.git'])
  })
})

describe('adr status on an ADR a merge left half resolved', () => {
  it('refuses with CONFLICT_MARKERS naming the line, and changes nothing', async () => {
    const conflicted =
      '# 1. Use PostgreSQL\n\nDate: 2026-01-01\n\n## Status\n\n<<<<<<< HEAD\nAccepted\n=======\nProposed\n>>>>>>> feature\n\n## Context\n\nC.\n'
    const r0 = makeRepo({'doc/adr/0001-use-postgresql.md': conflicted})
    try {
      const r = await runCommand(Status, ['1', 'deprecated', '--json'], r0.dir)
      expect(r.exitCode).toBe(2)
      expect(JSON.parse(r.stdout).error).toMatchObject({
        code: 'CONFLICT_MARKERS',
        message: expect.stringContaining('0001-use-postgresql.md:7'),
      })
      expect(readFileSync(path.join(r0.dir, 'doc/adr/0001-use-postgresql.md'), 'utf8')).toBe(conflicted)
    } finally {
      r0.cleanup()
    }
  })
})
