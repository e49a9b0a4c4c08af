import {readFileSync} from 'node:fs'
import {afterEach, describe, expect, it} from 'vitest'
import Show from '../../src/commands/show.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {runCommand} from '../helpers/run-command.js'

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

const TREE = {
  'doc/adr/0001-use-mongodb.md':
    '# 1. Use MongoDB\n\nDate: 2026-01-01\n\n## Status\n\nSuperceded by [2. Use PostgreSQL](0002-use-postgresql.md)\n\n## Context\n\nWhy.\n',
  'doc/adr/0002-use-postgresql.md':
    '---\nstatus: accepted\ndate: 2026-02-01\ndecision-makers: [dana, priya]\ntags: [storage]\nlinks:\n  - {rel: supersedes, target: 1}\n  - {rel: relates to, target: 0042-gone.md}\n---\n# Use PostgreSQL\n\n## Context and Problem Statement\n\nTotals drift.\n\n## Decision Outcome\n\nPostgreSQL.\r\n',
  'doc/adr/0003-use-postgresql-for-reports.md': '# 3. Use PostgreSQL for reports\n\nDate: 2026-03-01\n\n## Status\n\nProposed\n',
  'src/.keep': '',
}

describe('adr show', () => {
  it.each([
    ['2'],
    ['0002'],
    ['ADR-2'],
    ['0002-use-postgresql.md'],
    ['../doc/adr/0002-use-postgresql.md'],
    ['Use PostgreSQL'],
  ])('finds an ADR by %s and prints its text byte for byte', async (ref) => {
    repo = makeRepo(TREE)
    const r = await runCommand(Show, [ref], `${repo.dir}/src`)
    expect(r.exitCode).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout).toBe(readFileSync(`${repo.dir}/doc/adr/0002-use-postgresql.md`, 'utf8'))
  })

  it('lists the candidates of an ambiguous REF and exits 2', async () => {
    repo = makeRepo(TREE)
    const r = await runCommand(Show, ['postgresql'], repo.dir)
    expect(r.exitCode).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain('0002-use-postgresql.md')
    expect(r.stderr).toContain('0003-use-postgresql-for-reports.md')
  })

  it('reports the codes under --json', async () => {
    repo = makeRepo(TREE)
    const ambiguous = await runCommand(Show, ['postgresql', '--json'], repo.dir)
    expect(JSON.parse(ambiguous.stdout).error.code).toBe('AMBIGUOUS_REF')
    const missing = await runCommand(Show, ['99', '--json'], repo.dir)
    expect(missing.exitCode).toBe(2)
    expect(JSON.parse(missing.stdout).error.code).toBe('ADR_NOT_FOUND')
  })

  it('prints the parsed model with resolved links under --json', async () => {
    repo = makeRepo(TREE)
    const r = await runCommand(Show, ['2', '--json'], `${repo.dir}/src`)
    const {adr} = JSON.parse(r.stdout)
    expect(adr).toMatchObject({
      number: 2,
      title: 'Use PostgreSQL',
      status: 'accepted',
      date: '2026-02-01',
      deciders: ['dana', 'priya'],
      tags: ['storage'],
      format: 'madr',
      path: '../doc/adr/0002-use-postgresql.md',
    })
    expect(adr.links).toEqual([
      {
        rel: 'supersedes',
        relKey: 'supersedes',
        target: '1',
        line: 7,
        origin: 'front-matter',
        resolved: {number: 1, title: 'Use MongoDB', file: '0001-use-mongodb.md', path: '../doc/adr/0001-use-mongodb.md'},
      },
      {rel: 'relates to', relKey: 'relates to', target: '0042-gone.md', line: 8, origin: 'front-matter', resolved: null},
    ])
    expect(adr.sections.map((s: {heading: string; line: number}) => [s.heading, s.line])).toEqual([
      ['Use PostgreSQL', 10],
      ['Context and Problem Statement', 12],
      ['Decision Outcome', 16],
    ])
  })

  it('resolves adr-tools link lines to their files', async () => {
    repo = makeRepo(TREE)
    const r = await runCommand(Show, ['1', '--json'], repo.dir)
    const {adr} = JSON.parse(r.stdout)
    expect(adr.status).toBe('superseded')
    expect(adr.links[0]).toMatchObject({rel: 'Superceded by', relKey: 'superseded by', origin: 'status-section', resolved: {number: 2}})
  })

  it('needs a REF', async () => {
    repo = makeRepo(TREE)
    const r = await runCommand(Show, [], repo.dir)
    expect(r.exitCode).toBe(2)
  })
})
