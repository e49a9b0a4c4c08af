import {chmodSync, lstatSync, readFileSync, readlinkSync, statSync, symlinkSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import GenerateToc from '../../src/commands/generate/toc.js'
import Lint from '../../src/commands/lint.js'
import {outputSchemaValidator} from '../helpers/fixtures.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {runCommand} from '../helpers/run-command.js'

const validate = outputSchemaValidator('generate-toc')
const validateError = outputSchemaValidator('error')

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

const ADRS = {
  'docs/adr/0001-record-decisions.md': '---\nstatus: accepted\ndate: 2026-01-05\n---\n# Record decisions\n',
  'docs/adr/0002-use-postgresql.md': '# 2. Use PostgreSQL | and pgbouncer\n\nDate: 2026-02-01\n\n## Status\n\nProposed\n',
}
// a README of the team's own: CRLF line endings, a BOM, text on both sides of the markers, no final newline
const README =
  '\ufeff# Billing service\r\n\r\nHow we build it.\r\n\r\n<!-- adrgate:toc -->\r\nstale\r\n<!-- /adrgate:toc -->\r\n\r\n## Licence\r\n\r\nMIT, no trailing newline'
const read = (file: string) => readFileSync(path.join(repo?.dir ?? '', file), 'utf8')
const run = (argv: string[], cwd = repo?.dir ?? '') => runCommand(GenerateToc, argv, cwd)
const tocProblems = async (cwd = repo?.dir ?? '') => {
  const r = await runCommand(Lint, ['--json'], cwd)
  return JSON.parse(r.stdout).problems.filter((p: {rule: string}) => p.rule === 'toc-current')
}

describe('adr generate toc --long', () => {
  it('prints a Markdown table: number, title, status, date, a pipe in a title escaped', async () => {
    repo = makeRepo(ADRS)
    const r = await run(['--long'])
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toBe(
      [
        '# Architecture Decision Records',
        '',
        '| # | Title | Status | Date |',
        '| ---: | --- | --- | --- |',
        '| 1 | [Record decisions](0001-record-decisions.md) | accepted | 2026-01-05 |',
        '| 2 | [Use PostgreSQL \\| and pgbouncer](0002-use-postgresql.md) | proposed | 2026-02-01 |',
        '',
      ].join('\n'),
    )
  })
})

describe('adr generate toc --write', () => {
  it('rewrites only the part between the markers, keeping every other byte and the line endings', async () => {
    repo = makeRepo({...ADRS, 'README.md': README})
    const r = await run(['--write', 'README.md', '--json'])
    expect(r.exitCode).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(validate(out), JSON.stringify(validate.errors)).toBe(true)
    expect(out.written).toEqual({path: 'README.md', changed: true, created: false})
    const entries =
      '\r\n* [1. Record decisions](docs/adr/0001-record-decisions.md)\r\n* [2. Use PostgreSQL | and pgbouncer](docs/adr/0002-use-postgresql.md)\r\n\r\n'
    expect(read('README.md')).toBe(README.replace('stale\r\n', entries))
    expect(out.markdown).toBe(read('README.md'))
    // current: nothing written, nothing printed
    const before = statSync(path.join(repo.dir, 'README.md')).mtimeMs
    const again = await run(['--write', 'README.md'])
    expect(again).toMatchObject({exitCode: 0, stdout: '', stderr: ''})
    expect(statSync(path.join(repo.dir, 'README.md')).mtimeMs).toBe(before)
  })

  it('records --long in the marker, so the next --write needs no flag; --no-long goes back to the list', async () => {
    repo = makeRepo({...ADRS, 'docs/README.md': 'Intro\n\n<!-- adrgate:toc -->\n<!-- /adrgate:toc -->\nOutro\n'})
    const r = await run(['--long', '--write', 'README.md'], path.join(repo.dir, 'docs'))
    expect(r.stdout).toBe('README.md\n')
    const text = read('docs/README.md')
    expect(text).toMatch(/^Intro\n\n<!-- adrgate:toc long -->\n\n\| # \| Title \| Status \| Date \|\n/)
    expect(text).toContain('| 1 | [Record decisions](adr/0001-record-decisions.md) | accepted | 2026-01-05 |')
    expect(text.endsWith('|\n\n<!-- /adrgate:toc -->\nOutro\n')).toBe(true)
    repo.write({'docs/adr/0003-queue-pdfs.md': '---\nstatus: proposed\n---\n# Queue PDFs\n'})
    await run(['--write', 'docs/README.md'])
    expect(read('docs/README.md')).toContain('| 3 | [Queue PDFs](adr/0003-queue-pdfs.md) | proposed |  |')
    await run(['--no-long', '--write', 'docs/README.md'])
    expect(read('docs/README.md')).toBe(
      'Intro\n\n<!-- adrgate:toc -->\n\n* [1. Record decisions](adr/0001-record-decisions.md)\n* [2. Use PostgreSQL | and pgbouncer](adr/0002-use-postgresql.md)\n* [3. Queue PDFs](adr/0003-queue-pdfs.md)\n\n<!-- /adrgate:toc -->\nOutro\n',
    )
  })

  it('creates a missing file with a heading and the markers', async () => {
    repo = makeRepo(ADRS)
    const r = await run(['--write', 'docs/adr/README.md', '--json'])
    expect(JSON.parse(r.stdout).written).toEqual({path: 'docs/adr/README.md', changed: true, created: true})
    expect(read('docs/adr/README.md')).toBe(
      '# Architecture Decision Records\n\n<!-- adrgate:toc -->\n\n* [1. Record decisions](0001-record-decisions.md)\n* [2. Use PostgreSQL | and pgbouncer](0002-use-postgresql.md)\n\n<!-- /adrgate:toc -->\n',
    )
  })

  it('writes through a symbolic link and keeps the permission bits', async () => {
    repo = makeRepo({...ADRS, 'notes/decisions.md': 'Ours\n<!-- adrgate:toc -->\n<!-- /adrgate:toc -->\n'})
    chmodSync(path.join(repo.dir, 'notes/decisions.md'), 0o600)
    symlinkSync('notes/decisions.md', path.join(repo.dir, 'DECISIONS.md'))
    expect((await run(['--write', 'DECISIONS.md'])).exitCode).toBe(0)
    expect(lstatSync(path.join(repo.dir, 'DECISIONS.md')).isSymbolicLink()).toBe(true)
    expect(readlinkSync(path.join(repo.dir, 'DECISIONS.md'))).toBe('notes/decisions.md')
    // links are made from where the link is, as a reader of DECISIONS.md follows them
    expect(read('notes/decisions.md')).toContain('* [1. Record decisions](docs/adr/0001-record-decisions.md)')
    expect(statSync(path.join(repo.dir, 'notes/decisions.md')).mode & 0o777).toBe(0o600)
  })

  it.each([
    ['no markers', '# Ours\n\nNo markers here.\n', 'README.md has no table-of-contents markers'],
    ['an unpaired marker', '# Ours\n\n<!-- adrgate:toc -->\n', 'README.md:3: an unpaired'],
    ['a closing marker first', '<!-- /adrgate:toc -->\n<!-- adrgate:toc -->\n', 'README.md:1: an unpaired'],
    ['two pairs', '<!-- adrgate:toc -->\n<!-- /adrgate:toc -->\n<!-- adrgate:toc -->\n<!-- /adrgate:toc -->\n', 'README.md:3: a second'],
  ])('refuses a file with %s, and leaves it as it was', async (_name, text, message) => {
    repo = makeRepo({...ADRS, 'README.md': text})
    const r = await run(['--write', 'README.md', '--json'])
    expect(r.exitCode).toBe(2)
    const out = JSON.parse(r.stdout)
    expect(validateError(out), JSON.stringify(validateError.errors)).toBe(true)
    expect(out.error.code).toBe('TOC_MARKERS')
    expect(out.error.message).toContain(message)
    expect(out.error.message).toContain('nothing was written')
    expect(out.error.suggestions.join(' ')).toContain('<!-- /adrgate:toc -->')
    expect(read('README.md')).toBe(text)
  })

  it('ignores markers shown in a code block', async () => {
    const text = '# Ours\n\n```md\n<!-- adrgate:toc -->\n```\n\n<!-- adrgate:toc -->\n<!-- /adrgate:toc -->\n'
    repo = makeRepo({...ADRS, 'README.md': text})
    expect((await run(['--write', 'README.md'])).exitCode).toBe(0)
    expect(read('README.md')).toMatch(/^# Ours\n\n```md\n<!-- adrgate:toc -->\n```\n\n<!-- adrgate:toc -->\n\n\* \[1\. /)
  })

  it('refuses --intro with --write, and a prefix the marker cannot hold', async () => {
    repo = makeRepo({...ADRS, 'README.md': README, 'intro.md': 'Hi\n'})
    expect(JSON.parse((await run(['--write', 'README.md', '-i', 'intro.md', '--json'])).stdout).error.code).toBe('INVALID_ARGUMENT')
    expect(JSON.parse((await run(['--write', 'README.md', '-p', 'a b/', '--json'])).stdout).error.code).toBe('INVALID_ARGUMENT')
    expect(read('README.md')).toBe(README)
  })
})

describe('adr lint: rule toc-current', () => {
  it('reports a table of contents between markers that is out of date, and is clean once rewritten', async () => {
    repo = makeRepo({...ADRS, 'README.md': README})
    expect(await tocProblems()).toEqual([
      expect.objectContaining({
        file: 'README.md',
        line: 6,
        severity: 'error',
        message: expect.stringContaining('Unexpected stale table of contents (it lists 0 entries, the ADRs give 2)'),
      }),
    ])
    await run(['--write', 'README.md'])
    expect(await tocProblems()).toEqual([])
    repo.write({'docs/adr/0003-queue-pdfs.md': '---\nstatus: proposed\n---\n# Queue PDFs\n'})
    expect(await tocProblems()).toEqual([expect.objectContaining({file: 'README.md', line: 9})])
  })

  it('is quiet when no file holds the markers', async () => {
    repo = makeRepo({...ADRS, 'README.md': '# Billing\n', 'docs/adr/README.md': '# Decisions\n'})
    expect(await tocProblems()).toEqual([])
  })

  it('checks the files `toc:` names, which must hold the markers, located from the working directory', async () => {
    repo = makeRepo({...ADRS, '.adrgate.yaml': 'dir: docs/adr\ntoc: [ARCHITECTURE.md, missing.md]\n', 'ARCHITECTURE.md': '# Ours\n'})
    const problems = await tocProblems(path.join(repo.dir, 'docs'))
    expect(problems).toEqual([
      expect.objectContaining({
        file: '../.adrgate.yaml',
        line: 2,
        message: expect.stringContaining('Unexpected `toc:` file ../missing.md'),
      }),
      expect.objectContaining({file: '../ARCHITECTURE.md', line: 1, message: expect.stringContaining('Missing table-of-contents markers')}),
    ])
    // the fix the messages name: the markers into the team's file, a new file created
    expect(JSON.parse((await run(['--write', 'ARCHITECTURE.md', '--json'])).stdout).error.code).toBe('TOC_MARKERS')
    repo.write({'ARCHITECTURE.md': '# Ours\n\n<!-- adrgate:toc -->\n<!-- /adrgate:toc -->\n'})
    expect((await run(['--write', 'ARCHITECTURE.md'])).exitCode).toBe(0)
    expect((await run(['--write', 'missing.md'])).exitCode).toBe(0)
    expect(await tocProblems()).toEqual([])
  })

  it('follows the severity the config gives it', async () => {
    repo = makeRepo({...ADRS, 'README.md': README, '.adrgate.yaml': 'dir: docs/adr\nrules:\n  toc-current: warn\n'})
    expect(await tocProblems()).toEqual([expect.objectContaining({severity: 'warning'})])
    repo.write({'.adrgate.yaml': 'dir: docs/adr\nrules:\n  toc-current: "off"\n'})
    expect(await tocProblems()).toEqual([])
  })
})

describe('several ADR directories (dirs:)', () => {
  const DIRS = {
    '.adrgate.yaml': 'dirs:\n  - {name: web, path: packages/web/adr}\n  - {name: api, path: packages/api/adr}\n',
    'packages/web/adr/0001-use-react.md': '---\nstatus: accepted\n---\n# Use React\n',
    'packages/api/adr/0001-use-go.md': '---\nstatus: proposed\n---\n# Use Go\n',
    'packages/api/adr/0002-use-grpc.md': '---\nstatus: accepted\n---\n# Use gRPC\n',
  }

  it('writes every directory under its heading into the root README, and one package into its own', async () => {
    repo = makeRepo({
      ...DIRS,
      'README.md': 'Top\n<!-- adrgate:toc -->\n<!-- /adrgate:toc -->\n',
      'packages/api/adr/README.md': '# API\n<!-- adrgate:toc -->\n<!-- /adrgate:toc -->\n',
    })
    await run(['--write', 'README.md'])
    expect(read('README.md')).toBe(
      'Top\n<!-- adrgate:toc -->\n\n## web\n\n* [1. Use React](packages/web/adr/0001-use-react.md)\n\n## api\n\n* [1. Use Go](packages/api/adr/0001-use-go.md)\n* [2. Use gRPC](packages/api/adr/0002-use-grpc.md)\n\n<!-- /adrgate:toc -->\n',
    )
    const r = await run(['--write', 'packages/api/adr/README.md', '--package', 'api', '--long', '--json'])
    const out = JSON.parse(r.stdout)
    expect(validate(out), JSON.stringify(validate.errors)).toBe(true)
    expect(out.adrs.map((a: {link: string}) => a.link)).toEqual(['0001-use-go.md', '0002-use-grpc.md'])
    expect(read('packages/api/adr/README.md')).toBe(
      '# API\n<!-- adrgate:toc long package=api -->\n\n| # | Title | Status | Date |\n| ---: | --- | --- | --- |\n| 1 | [Use Go](0001-use-go.md) | proposed |  |\n| 2 | [Use gRPC](0002-use-grpc.md) | accepted |  |\n\n<!-- /adrgate:toc -->\n',
    )
    expect(await tocProblems()).toEqual([])
    // a new ADR in api makes both stale; one in web only the root README
    repo.write({'packages/web/adr/0002-use-vite.md': '---\nstatus: accepted\n---\n# Use Vite\n'})
    expect((await tocProblems()).map((p: {file: string}) => p.file)).toEqual(['README.md'])
    repo.write({'packages/api/adr/0003-use-nats.md': '---\nstatus: accepted\n---\n# Use NATS\n'})
    expect((await tocProblems()).map((p: {file: string}) => p.file).sort()).toEqual(['README.md', 'packages/api/adr/README.md'])
  })

  it('refuses a package that is not one of the directories', async () => {
    repo = makeRepo(DIRS)
    const r = await run(['--write', 'README.md', '--package', 'mobile', '--json'])
    expect(r.exitCode).toBe(2)
    expect(JSON.parse(r.stdout).error).toMatchObject({code: 'INVALID_ARGUMENT', suggestions: ['Use one of: web, api.']})
  })
})
