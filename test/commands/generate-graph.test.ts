import {afterEach, describe, expect, it} from 'vitest'
import GenerateGraph from '../../src/commands/generate/graph.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {runCommand} from '../helpers/run-command.js'

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

const TREE = {
  'doc/adr/0001-use-mongodb.md': '---\nstatus: superseded\nlinks:\n  - {rel: superseded by, target: 2}\n---\n# Use MongoDB\n',
  'doc/adr/0002-use-postgresql.md':
    '---\nstatus: accepted\nlinks:\n  - {rel: supersedes, target: 1}\n  - {rel: amended by, target: 3}\n---\n# Use PostgreSQL\n',
  'doc/adr/0003-jsonb-fields.md':
    '# 3. Jsonb fields\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\nAmends [2. Use PostgreSQL](0002-use-postgresql.md)\n',
}

describe('adr generate graph', () => {
  it('draws front-matter links and adr-tools link lines, leaving out the reverse ones', async () => {
    repo = makeRepo(TREE)
    const r = await runCommand(GenerateGraph, ['-e', '.svg'], repo.dir)
    expect(r.exitCode).toBe(0)
    expect(r.stdout.split('\n').filter((l) => l.startsWith('  _'))).toEqual([
      '  _2 -> _1 [label="supersedes", weight=0]',
      '  _3 -> _2 [label="Amends", weight=0]',
    ])
    expect(r.stdout).toContain('    _3 [label="3. Jsonb fields"; URL="0003-jsonb-fields.svg"];\n')
  })

  it('prints Mermaid with --format mermaid', async () => {
    repo = makeRepo(TREE)
    const r = await runCommand(GenerateGraph, ['--format', 'mermaid', '-p', '/adr/'], repo.dir)
    expect(r.stdout).toMatch(/^flowchart TB\n/)
    expect(r.stdout).toContain('  click _1 "/adr/0001-use-mongodb.html"\n')
    expect(r.stdout).toContain('  _3 -->|"Amends"| _2\n')
  })

  it('refuses an unknown format with a usage error', async () => {
    repo = makeRepo(TREE)
    const r = await runCommand(GenerateGraph, ['--format', 'svg'], repo.dir)
    expect(r.exitCode).toBe(2)
    expect(r.stdout).toBe('')
  })

  it('returns nodes and edges under --json', async () => {
    repo = makeRepo(TREE)
    const out = JSON.parse((await runCommand(GenerateGraph, ['--json'], repo.dir)).stdout)
    expect(out.format).toBe('dot')
    expect(out.nodes.map((n: {id: string}) => n.id)).toEqual(['_1', '_2', '_3'])
    expect(out.links).toEqual([
      {from: '_2', to: '_1', label: 'supersedes'},
      {from: '_3', to: '_2', label: 'Amends'},
    ])
  })
})
