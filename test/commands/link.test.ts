import {readFileSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import Link from '../../src/commands/link.js'
import Lint from '../../src/commands/lint.js'
import {outputSchemaValidator, repoFixture} from '../helpers/fixtures.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {runCommand} from '../helpers/run-command.js'

const validate = outputSchemaValidator('link')

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

const BASIC = repoFixture('adr-tools-basic')
const run = (argv: string[]) => runCommand(Link, argv, repo!.dir)
const read = (file: string) => readFileSync(path.join(repo!.dir, file), 'utf8')
const ADR1 = 'doc/adr/0001-record-architecture-decisions.md'
const ADR3 = 'doc/adr/0003-use-postgresql.md'

describe('adr link', () => {
  it('writes LINK into the source and REVERSE into the target, prints nothing', async () => {
    repo = makeRepo(BASIC)
    const r = await run(['3', 'Amends', '1', 'Amended by'])
    expect(r).toMatchObject({exitCode: 0, stdout: '', stderr: ''})
    expect(read(ADR3)).toBe(
      BASIC[ADR3]
        .toString()
        .replace('\nProposed\n', '\nProposed\n\nAmends [1. Record architecture decisions](0001-record-architecture-decisions.md)\n'),
    )
    expect(read(ADR1)).toBe(
      BASIC[ADR1].toString().replace('\nAccepted\n', '\nAccepted\n\nAmended by [3. Use PostgreSQL](0003-use-postgresql.md)\n'),
    )
  })

  it.each([
    {argv: ['3', 'Amends', '1'], forward: 'Amends', reverse: 'Amended by'},
    {argv: ['3', 'clarifies', '1'], forward: 'clarifies', reverse: 'clarified by'},
    {argv: ['3', 'Relates to', '1'], forward: 'Relates to', reverse: 'Relates to'},
  ])('derives the reverse of a known relation: $argv', async ({argv, forward, reverse}) => {
    repo = makeRepo(BASIC)
    const r = await run([...argv, '--json'])
    expect(r.exitCode).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({link: forward, reverseLink: reverse})
    expect(read(ADR3)).toContain(`\n${forward} [1. Record architecture decisions](0001-record-architecture-decisions.md)\n`)
    expect(read(ADR1)).toContain(`\n${reverse} [3. Use PostgreSQL](0003-use-postgresql.md)\n`)
  })

  it('asks for the reverse of a relation it does not know, and writes nothing', async () => {
    repo = makeRepo(BASIC)
    const r = await run(['3', 'Inspired', '1', '--json'])
    expect(r.exitCode).toBe(2)
    expect(JSON.parse(r.stdout).error.code).toBe('INVALID_ARGUMENT')
    expect(read(ADR3)).toBe(BASIC[ADR3].toString())
  })

  it('derives the reverse of a relation the team configured (relations:), both ways, and lint holds both sides to it', async () => {
    repo = makeRepo({...BASIC, '.adrgate.yaml': 'relations:\n  Implements: implemented by\n'})
    const r = await run(['3', 'implements', '1', '--json'])
    expect(r.exitCode).toBe(0)
    expect(r.stderr).toBe('')
    expect(JSON.parse(r.stdout)).toMatchObject({link: 'implements', reverseLink: 'implemented by'})
    expect(read(ADR1)).toContain('\nimplemented by [3. Use PostgreSQL](0003-use-postgresql.md)\n')
    // the reverse name works as LINK too, and keeps the capital it is given
    const back = await run(['1', 'Implemented by', '2', '--json'])
    expect(JSON.parse(back.stdout)).toMatchObject({reverseLink: 'Implements'})
    // lint's link-reverse reads the same pairs: a one-way configured link is a finding
    const ADR2 = 'doc/adr/0002-use-markdown-for-documentation.md'
    repo.write({[ADR2]: read(ADR2).replace(/\nImplements \[.*\n/, '\n')})
    const lint = await runCommand(Lint, ['--json'], repo.dir)
    const findings = JSON.parse(lint.stdout).problems.filter((p: {rule: string}) => p.rule === 'link-reverse')
    expect(findings.map((p: {file: string; message: string}) => `${p.file} ${p.message}`)).toEqual([
      expect.stringMatching(
        /0001-record-architecture-decisions\.md Unexpected one-way link `Implemented by` to 0002-.*, expected the reverse link `implements`/,
      ),
    ])
  })

  it('names the configured relations, and the config line, when the reverse is unknown', async () => {
    repo = makeRepo({...BASIC, '.adrgate.yaml': 'relations:\n  implements: implemented by\n'})
    const r = await run(['3', 'Inspired', '1', '--json'])
    const error = JSON.parse(r.stdout).error
    expect(error.suggestions[1]).toMatch(/^Known: supersedes, .*, implements\.$/)
    expect(error.suggestions[2]).toContain('relations: {"inspired": "REVERSE"}')
  })

  it('writes typed links into MADR front matter, and --json matches link.schema.json', async () => {
    repo = makeRepo({
      'docs/adr/0001-a.md': '---\nstatus: accepted\n---\n# A\n',
      'docs/adr/0002-b.md': '---\nstatus: proposed\nlinks:\n  - {rel: relates to, target: 9}\n---\n# B\n',
    })
    const r = await run(['2', 'Amends', '1', 'Amended by', '--json'])
    const output = JSON.parse(r.stdout)
    expect(validate(output), JSON.stringify(validate.errors)).toBe(true)
    expect(output).toMatchObject({
      source: {number: 2, title: 'B'},
      target: {number: 1, title: 'A'},
      link: 'Amends',
      reverseLink: 'Amended by',
    })
    expect(read('docs/adr/0002-b.md')).toBe(
      '---\nstatus: proposed\nlinks:\n  - {rel: relates to, target: 9}\n  - {rel: amends, target: 1}\n---\n# B\n',
    )
    expect(read('docs/adr/0001-a.md')).toBe('---\nstatus: accepted\nlinks:\n  - {rel: amended by, target: 2}\n---\n# A\n')
  })

  it.each([
    {name: 'a source that does not exist', argv: ['9', 'Amends', '1', 'Amended by'], code: 'ADR_NOT_FOUND'},
    {name: 'a target that does not exist', argv: ['1', 'Amends', '9', 'Amended by'], code: 'ADR_NOT_FOUND'},
    {name: 'an ADR linked to itself', argv: ['1', 'Amends', '1', 'Amended by'], code: 'INVALID_ARGUMENT'},
    {name: 'an empty relation', argv: ['1', ' ', '2', 'Amended by'], code: 'INVALID_ARGUMENT'},
  ])('fails on $name and writes nothing', async ({argv, code}) => {
    repo = makeRepo(BASIC)
    const r = await run([...argv, '--json'])
    expect(r.exitCode).toBe(2)
    expect(JSON.parse(r.stdout).error.code).toBe(code)
    for (const [file, text] of Object.entries(BASIC)) expect(read(file)).toBe(text)
  })
})
