import {chmodSync, existsSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import path from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import {afterEach, describe, expect, it} from 'vitest'
import List from '../../src/commands/list.js'
import New from '../../src/commands/new.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {PROJECT_ROOT, runCommand} from '../helpers/run-command.js'

const ENV = {ADR_DATE: '1992-01-12', VISUAL: undefined, EDITOR: undefined, ADR_TEMPLATE: undefined}
const NYGARD_TEMPLATE = readFileSync(path.join(PROJECT_ROOT, 'adr-templates/nygard.md'), 'utf8')
const schema = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'schemas/output/new.schema.json'), 'utf8'))
const validate = new Ajv2020({strict: false}).compile(schema)

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

const run = (argv: string[], cwd = repo!.dir, env: Record<string, string | undefined> = {}) => runCommand(New, argv, cwd, {...ENV, ...env})
const read = (file: string) => readFileSync(path.join(repo!.dir, file), 'utf8')
const adrFiles = (dir = 'doc/adr') => readdirSync(path.join(repo!.dir, dir))

describe('adr new', () => {
  it('writes an adr-tools ADR in a new repository and prints its path', async () => {
    repo = makeRepo()
    const r = await run(['The', 'First', 'Decision'])
    expect(r).toMatchObject({exitCode: 0, stdout: 'doc/adr/0001-the-first-decision.md\n', stderr: ''})
    const expected = NYGARD_TEMPLATE.replace('NUMBER', '1')
      .replace('TITLE', 'The First Decision')
      .replace('DATE', '1992-01-12')
      .replace('STATUS', 'Accepted')
    expect(read('doc/adr/0001-the-first-decision.md')).toBe(expected)
    expect(expected.startsWith('# 1. The First Decision\n\nDate: 1992-01-12\n\n## Status\n\nAccepted\n\n## Context\n\n')).toBe(true)
  })

  it('says where ADR-like files sit when it makes doc/adr because no ADR directory was found', async () => {
    repo = makeRepo(
      {
        'architecture/decisions/0001-use-go.md': '# 1. Use Go\n',
        'architecture/decisions/0002-use-grpc.md': '# 2. Use gRPC\n',
        'db/migrations/0001-create-users.md': '# not a decision\n',
      },
      {commit: true},
    )
    const r = await run(['Use', 'Rust'])
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toBe('doc/adr/0001-use-rust.md\n')
    expect(r.stderr).toBe(
      "Made doc/adr (adr-tools' default) for doc/adr/0001-use-rust.md: no ADR directory was found, but architecture/decisions holds 2 files named like ADRs. If those are your ADRs, remove what was just made (rm -r doc/adr), name that folder for adrgate (write architecture/decisions in .adr-dir at the repository root, or pass --dir architecture/decisions) and run the command again: it numbers from the ADRs there.\n",
    )
    // said once, when the directory is made
    expect((await run(['Use', 'Zig'])).stderr).toBe('')
    // the advice, followed, numbers the ADR after the ones there (moving the file would have made a second ADR 1)
    rmSync(path.join(repo.dir, 'doc'), {recursive: true})
    repo.write({'.adr-dir': 'architecture/decisions\n'})
    expect((await run(['Use', 'Rust'])).stdout).toBe('architecture/decisions/0003-use-rust.md\n')
  })

  it('does not count the directory it makes as the other folder, though git still tracks files in it', async () => {
    repo = makeRepo({'doc/adr/0001-one.md': '# 1. One\n', 'doc/adr/0002-two.md': '# 2. Two\n'}, {commit: true})
    rmSync(path.join(repo.dir, 'doc'), {recursive: true})
    const r = await run(['Three'])
    expect(r).toMatchObject({exitCode: 0, stdout: 'doc/adr/0003-three.md\n'})
    expect(r.stderr).not.toContain('Made doc/adr')
  })

  it('skips the number of an ADR committed on this branch but deleted from the working tree, and says so truly', async () => {
    repo = makeRepo({'doc/adr/0001-one.md': '# 1. One\n', 'doc/adr/0002-two.md': '# 2. Two\n'}, {commit: true})
    rmSync(path.join(repo.dir, 'doc/adr/0002-two.md'))
    const r = await run(['Three'])
    expect(r.stdout).toBe('doc/adr/0003-three.md\n')
    expect(r.stderr).toBe('Skipped number 2 (0002-two.md on main): already taken on a branch, not in this working tree.\n')
  })

  it('refuses a number of eight digits, which no command would list', async () => {
    repo = makeRepo({'doc/adr/9999999-the-last.md': '# 9999999. The last\n'})
    const r = await run(['One', 'more'])
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toContain("The next ADR number would be 10000000; an ADR's number has at most seven digits")
    expect(adrFiles()).toEqual(['9999999-the-last.md'])
  })

  it('finds the directory from a subdirectory and prints the path relative to it', async () => {
    repo = makeRepo({'doc/adr/0001-first-record.md': '# 1. First Record\n', 'src/deep/.keep': ''})
    const r = await run(['Second', 'Record'], path.join(repo.dir, 'src/deep'))
    expect(r.stdout).toBe('../../doc/adr/0002-second-record.md\n')
  })

  it('follows the naming the repository already uses', async () => {
    repo = makeRepo({
      'docs/decisions/ADR-007_use-x.md': '# ADR-007: Use X\n\n## Status\n\nAccepted\n',
      'docs/decisions/ADR-012_use-y.md': '# ADR-012: Use Y\n',
    })
    const r = await run(['--no-edit', 'Use Z'])
    expect(r.stdout).toBe('docs/decisions/ADR-013_use-z.md\n')
  })

  it('writes MADR (proposed, front matter) where the ADRs are MADR', async () => {
    repo = makeRepo({'docs/adr/0001-use-madr.md': '---\nstatus: accepted\ndate: 2026-01-01\n---\n# Use MADR\n'})
    const r = await run(['Use', 'Postgres'])
    expect(r.stdout).toBe('docs/adr/0002-use-postgres.md\n')
    const text = read('docs/adr/0002-use-postgres.md')
    expect(text.startsWith('---\nstatus: proposed\ndate: 1992-01-12\n')).toBe(true)
    expect(text).toContain('\n# Use Postgres\n')
    expect(text).toContain('\n## Decision Outcome\n')
  })

  it('writes MADR in a new repository configured with .adrgate.yaml, and nygard when format: nygard', async () => {
    repo = makeRepo({'.adrgate.yaml': 'dir: docs/adr\n'})
    await run(['First'])
    expect(read('docs/adr/0001-first.md')).toMatch(/^---\nstatus: proposed\n/)
    repo.cleanup()
    repo = makeRepo({'.adrgate.yaml': 'dir: docs/adr\nformat: nygard\n'})
    await run(['First'])
    expect(read('docs/adr/0001-first.md')).toMatch(/^# 1\. First\n\nDate: 1992-01-12\n/)
  })

  it('uses the project template, or ADR_TEMPLATE', async () => {
    repo = makeRepo({
      'doc/adr/templates/template.md': '# TITLE\n\nADR NUMBER, DATE, STATUS\n',
      'other.md': 'NUMBER: TITLE TITLE\n',
      'sub/.keep': '',
    })
    await run(['Aaa', 'Bbb'])
    expect(read('doc/adr/0001-aaa-bbb.md')).toBe('# Aaa Bbb\n\nADR 1, 1992-01-12, Accepted\n')
    await run(['Ccc'], path.join(repo.dir, 'sub'), {ADR_TEMPLATE: '../other.md'})
    expect(read('doc/adr/0002-ccc.md')).toBe('2: Ccc TITLE\n')
  })

  it.each([
    {template: 'y-statement', first: '---\nstatus: proposed\n', section: '\n## Decision Outcome\n\nIn the context of'},
    {template: 'madr-minimal', first: '---\nstatus: proposed\n', section: '\n## Considered Options\n'},
    {template: 'nygard', first: '# 2. X\n\nDate: 1992-01-12\n\n## Status\n\nAccepted\n', section: '\n## Consequences\n'},
  ])('--template $template picks a built-in template, and its format', async ({template, first, section}) => {
    repo = makeRepo({'docs/adr/0001-a.md': '---\nstatus: accepted\n---\n# A\n'})
    const r = await run(['--template', template, 'X'])
    expect(r.stdout).toBe('docs/adr/0002-x.md\n')
    expect(read('docs/adr/0002-x.md').startsWith(first)).toBe(true)
    expect(read('docs/adr/0002-x.md')).toContain(section)
  })

  it('--template takes a file too, before ADR_TEMPLATE', async () => {
    repo = makeRepo({'mine.md': '# NUMBER. TITLE (mine)\n', 'env.md': '# env\n'})
    await run(['-t', 'mine.md', 'X'], repo.dir, {ADR_TEMPLATE: 'env.md'})
    expect(read('doc/adr/0001-x.md')).toBe('# 1. X (mine)\n')
  })

  it('says which template file cannot be read, and creates nothing', async () => {
    repo = makeRepo()
    const r = await run(['--json', 'X'], repo.dir, {ADR_TEMPLATE: 'missing.md'})
    expect(JSON.parse(r.stdout).error.code).toBe('INVALID_ARGUMENT')
    expect(existsSync(path.join(repo.dir, 'doc'))).toBe(false)
  })

  it.each([
    {title: ['Something', 'About', 'Node.JS'], file: '0001-something-about-node-js.md', heading: '# 1. Something About Node.JS'},
    {title: ['Slash/Slash/Slash/'], file: '0001-slash-slash-slash.md', heading: '# 1. Slash/Slash/Slash/'},
    {title: ['--', '-Bar-'], file: '0001-bar.md', heading: '# 1. -Bar-'},
    {
      title: [`A & B | C / D \\ E $(rm -rf /) 'q' "qq" ..`],
      file: '0001-a-b-c-d-e-rm-rf-q-qq.md',
      heading: `# 1. A & B | C / D \\ E $(rm -rf /) 'q' "qq" ..`,
    },
    {title: ['Café', 'für', 'Ünïcode'], file: '0001-café-für-ünïcode.md', heading: '# 1. Café für Ünïcode'},
    {title: ['Ship', 'it', '🚀'], file: '0001-ship-it.md', heading: '# 1. Ship it 🚀'},
    {title: ['Two\nlines'], file: '0001-two-lines.md', heading: '# 1. Two lines'},
    {title: ['🚀'], file: '0001-untitled.md', heading: '# 1. 🚀'},
  ])('writes a correct file for the title $title', async ({title, file, heading}) => {
    repo = makeRepo()
    const r = await run(title)
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toBe(`doc/adr/${file}\n`)
    expect(read(`doc/adr/${file}`).split('\n')[0]).toBe(heading)
    expect(adrFiles()).toEqual([file])
  })

  it('--status sets the starting status, spelt as the format spells it', async () => {
    repo = makeRepo()
    await run(['--status', 'proposed', 'In', 'adr-tools', 'style'])
    expect(read('doc/adr/0001-in-adr-tools-style.md')).toMatch(/\n## Status\n\nProposed\n/)
    repo.write({'docs/decisions/0001-madr.md': '---\nstatus: accepted\ndate: 2026-01-01\n---\n# MADR\n'})
    const madr = await run(['--dir', 'docs/decisions', '--status', 'Accepted', 'In', 'MADR'])
    expect(madr.exitCode).toBe(0)
    expect(read('docs/decisions/0002-in-madr.md')).toMatch(/^---\nstatus: accepted\n/)
  })

  it('without --status: default-status from .adrgate.yaml, else Accepted byte for byte in adr-tools repositories', async () => {
    repo = makeRepo()
    await run(['Plain'])
    expect(read('doc/adr/0001-plain.md')).toMatch(/\n## Status\n\nAccepted\n/)
    repo.write({'.adrgate.yaml': 'default-status: proposed\n'})
    await run(['Configured'])
    expect(read('doc/adr/0002-configured.md')).toMatch(/\n## Status\n\nProposed\n/)
    await run(['--status', 'accepted', 'Flag', 'wins'])
    expect(read('doc/adr/0003-flag-wins.md')).toMatch(/\n## Status\n\nAccepted\n/)
  })

  it("default-status and --status accept the team's own words from statuses:, written as the config spells them", async () => {
    repo = makeRepo()
    repo.write({'.adrgate.yaml': 'statuses:\n  Draft: proposed\n  on hold: proposed\n  replaced: superseded\ndefault-status: draft\n'})
    const r = await run(['--json', 'Configured', 'word'])
    expect(r.exitCode).toBe(0)
    expect(r.stderr).toBe('')
    expect(read('doc/adr/0001-configured-word.md')).toMatch(/\n## Status\n\nDraft\n/)
    await run(['--status', 'On Hold', 'Held'])
    expect(read('doc/adr/0002-held.md')).toMatch(/\n## Status\n\nOn hold\n/)
    const list = await runCommand(List, ['--json', '--status', 'proposed'], repo.dir)
    expect(JSON.parse(list.stdout).adrs.map((a: {number: number}) => a.number)).toEqual([1, 2])
    // a word meaning superseded cannot start an ADR; an unmapped one is refused with the fix
    for (const status of ['replaced', 'draftish']) {
      const refused = await run(['--json', '--status', status, 'X'])
      expect(refused.exitCode).toBe(2)
      const error = JSON.parse(refused.stdout).error
      expect(error.code).toBe('UNKNOWN_STATUS')
      expect(error.suggestions[0]).toContain('Draft, on hold')
    }
    repo.write({'.adrgate.yaml': 'default-status: tentative\n'})
    const unmapped = await run(['--json', 'Y'])
    expect(JSON.parse(unmapped.stdout).error.suggestions[1]).toContain('statuses:')
  })

  it('refuses a status a new ADR cannot start with, and writes nothing', async () => {
    repo = makeRepo()
    for (const status of ['superseded', 'draftish']) {
      const r = await run(['--json', '--status', status, 'X'])
      expect(r.exitCode).toBe(2)
      expect(JSON.parse(r.stdout).error.code).toBe('UNKNOWN_STATUS')
    }
    expect(existsSync(path.join(repo.dir, 'doc'))).toBe(false)
  })

  it('keeps the title words in the order typed, repeated words included', async () => {
    repo = makeRepo()
    const r = await run(['-s', '1', 'x', 'y', 'x'].slice(2))
    expect(r.stdout).toBe('doc/adr/0001-x-y-x.md\n')
    const again = await run(['--no-edit', 'uses', 'VISUAL', 'if', 'both', 'VISUAL', 'and', 'EDITOR', 'are', 'set'])
    expect(again.stdout).toBe('doc/adr/0002-uses-visual-if-both-visual-and-editor-are-set.md\n')
  })

  it("fails with adr-tools' words when no title is given, and creates nothing", async () => {
    repo = makeRepo()
    const r = await run([])
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toBe('ERROR: no title given\n')
    expect(r.stdout).toBe('')
    expect(existsSync(path.join(repo.dir, 'doc'))).toBe(false)
  })

  it.each([
    {name: 'a superseded ADR that does not exist', argv: ['-s', '99', 'New'], code: 'ADR_NOT_FOUND'},
    {name: 'a link target that does not exist', argv: ['-l', '99:Amends:Amended by', 'New'], code: 'ADR_NOT_FOUND'},
    {name: 'a malformed link', argv: ['-l', '1:Amends', 'New'], code: 'INVALID_ARGUMENT'},
    {name: 'an ambiguous reference', argv: ['-s', 'record', 'New'], code: 'AMBIGUOUS_REF'},
    {name: 'superseding a rejected ADR', argv: ['-s', '2', 'New'], code: 'ILLEGAL_TRANSITION'},
    {name: 'a second superseder in one go after the first', argv: ['-s', '1', '-s', '1', 'New'], code: 'ILLEGAL_TRANSITION'},
  ])('fails on $name (exit 2) and changes nothing', async ({argv, code}) => {
    const tree = {
      'doc/adr/0001-first-record.md': '# 1. First Record\n\nDate: 1992-01-12\n\n## Status\n\nAccepted\n\n## Context\n',
      'doc/adr/0002-second-record.md': '# 2. Second Record\n\nDate: 1992-01-12\n\n## Status\n\nRejected\n\n## Context\n',
    }
    repo = makeRepo(tree)
    const r = await run(['--json', ...argv])
    expect(r.exitCode).toBe(2)
    expect(JSON.parse(r.stdout).error.code).toBe(code)
    expect(adrFiles().sort()).toEqual(['0001-first-record.md', '0002-second-record.md'])
    for (const [file, text] of Object.entries(tree)) expect(read(file)).toBe(text)
  })

  it('--json returns the new ADR as new.schema.json describes', async () => {
    repo = makeRepo({'doc/adr/0001-first-record.md': '# 1. First Record\n\nDate: 1992-01-12\n\n## Status\n\nAccepted\n\n## Context\n'})
    const r = await run(['--json', '-s', '1', 'Second', 'Record'], repo.dir, {VISUAL: 'false'})
    const output = JSON.parse(r.stdout)
    expect(validate(output), JSON.stringify(validate.errors)).toBe(true)
    expect(output).toMatchObject({
      path: 'doc/adr/0002-second-record.md',
      number: 2,
      format: 'nygard',
      status: 'accepted',
      updated: ['doc/adr/0001-first-record.md'],
    })
  })
})

describe('adr new opens an editor', () => {
  /** A fake editor that records which variable it came from and its arguments. */
  function fakeEditor(name: string): string {
    const file = path.join(repo!.dir, `fake-${name}`)
    repo!.write({[`fake-${name}`]: `#!/bin/sh\nfor a in "$@"; do printf '%s %s\\n' ${name} "$a" >> "${repo!.dir}/editor.log"; done\n`})
    chmodSync(file, 0o755)
    return file
  }
  const log = () => (existsSync(path.join(repo!.dir, 'editor.log')) ? read('editor.log') : '')

  it.each([
    {name: 'EDITOR when VISUAL is unset', visual: false, editor: true, expected: 'EDITOR doc/adr/0001-x.md\n'},
    {name: 'VISUAL', visual: true, editor: false, expected: 'VISUAL doc/adr/0001-x.md\n'},
    {name: 'VISUAL over EDITOR', visual: true, editor: true, expected: 'VISUAL doc/adr/0001-x.md\n'},
    {name: 'nothing when neither is set', visual: false, editor: false, expected: ''},
  ])('$name', async ({visual, editor, expected}) => {
    repo = makeRepo()
    const env = {VISUAL: visual ? fakeEditor('VISUAL') : '', EDITOR: editor ? fakeEditor('EDITOR') : undefined}
    const r = await run(['--edit', 'X'], repo.dir, env)
    expect(r.stdout).toBe('doc/adr/0001-x.md\n')
    expect(log()).toBe(expected)
  })

  it('does not open the editor without a terminal unless --edit says so', async () => {
    repo = makeRepo()
    const r = await run(['X'], repo.dir, {VISUAL: fakeEditor('VISUAL')})
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toBe('doc/adr/0001-x.md\n')
    expect(log()).toBe('')
  })

  it('passes a path with spaces as one argument, and --no-edit skips the editor', async () => {
    repo = makeRepo({'.adr-dir': 'my decisions\n'})
    const visual = fakeEditor('VISUAL')
    await run(['--edit', 'X'], repo.dir, {VISUAL: `${visual} --wait`})
    expect(log()).toBe('VISUAL --wait\nVISUAL my decisions/0001-x.md\n')
    await run(['--no-edit', 'Y'], repo.dir, {VISUAL: visual})
    expect(log()).toBe('VISUAL --wait\nVISUAL my decisions/0001-x.md\n')
  })

  it('reports an editor that fails, after the file is written', async () => {
    repo = makeRepo()
    const r = await run(['--edit', '--', 'X'], repo.dir, {VISUAL: 'false'})
    expect(r.exitCode).toBe(2)
    expect(adrFiles()).toEqual(['0001-x.md'])
  })
})

// Last: oclif warns asynchronously about the command whose parsing it refused.
describe('adr new with an unknown option', () => {
  it('refuses an unknown option rather than folding it into the title', async () => {
    repo = makeRepo()
    const r = await run(['Use', '-x'])
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toContain('has no flag -x')
    expect(existsSync(path.join(repo.dir, 'doc'))).toBe(false)
  })
})
