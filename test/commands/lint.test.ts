import {existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import {afterEach, describe, expect, it} from 'vitest'
import Lint from '../../src/commands/lint.js'
import type {LintReport} from '../../src/core/lint/report.js'
import {type FileTree, makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {PROJECT_ROOT, runCommand} from '../helpers/run-command.js'

const FIXTURES = path.join(PROJECT_ROOT, 'test/fixtures/lint')
const validateOutput = new Ajv2020({allErrors: true, strict: false}).compile(
  JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'schemas/output/lint.schema.json'), 'utf8')),
)
const MINIMAL = readFileSync(path.join(FIXTURES, 'minimal-madr4/0001-use-postgresql.md'), 'utf8')

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

/** A repository whose doc/adr holds a fixture directory's files, plus `extra`. */
function fixtureRepo(reason: string, extra: FileTree = {}): TempRepo {
  const tree: FileTree = {...extra}
  for (const name of readdirSync(path.join(FIXTURES, reason))) tree[`doc/adr/${name}`] = readFileSync(path.join(FIXTURES, reason, name))
  return makeRepo(tree)
}

async function lint(dir: string, argv: string[] = []) {
  const r = await runCommand(Lint, ['--json', '--no-cache', ...argv], dir)
  const report = JSON.parse(r.stdout) as LintReport
  expect(validateOutput(report), JSON.stringify(validateOutput.errors)).toBe(true)
  return {...r, report, rules: report.problems.map((p) => p.rule)}
}

describe('adr lint: bad input is data, never a crash (exit 1 with located findings, never 2)', () => {
  it.each([
    ['unclosed-front-matter', 'parse/front-matter-unclosed', 1],
    ['invalid-yaml', 'parse/yaml', 4],
    ['alias-bomb', 'parse/yaml', 2],
    ['deep-nesting', 'parse/yaml', 4],
    ['javascript-front-matter', 'parse/front-matter-language', 1],
    ['not-utf8', 'parse/read', 11],
    ['empty-file', 'title', 1],
  ])('%s → %s at line %i', async (reason, rule, line) => {
    repo = fixtureRepo(reason)
    const r = await lint(repo.dir)
    expect(r.exitCode).toBe(1)
    expect(r.report.problems.find((p) => p.rule === rule)).toMatchObject({file: 'doc/adr/0001-use-postgresql.md', line})
  })

  it('never runs JavaScript front matter: the file it tries to write is not written', async () => {
    repo = fixtureRepo('javascript-front-matter')
    await lint(repo.dir)
    expect(existsSync(path.join(repo.dir, 'PWNED-BY-FRONT-MATTER'))).toBe(false)
    expect(existsSync(path.join(PROJECT_ROOT, 'PWNED-BY-FRONT-MATTER'))).toBe(false)
  })

  it('reads a BOM and CRLF line endings as usual: clean', async () => {
    repo = fixtureRepo('bom-crlf')
    const r = await lint(repo.dir)
    expect(r.report.problems).toEqual([])
    expect(r.exitCode).toBe(0)
  })

  it('`__proto__` keys pollute nothing', async () => {
    repo = fixtureRepo('proto-keys')
    const r = await lint(repo.dir)
    expect(({} as {polluted?: boolean}).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
    expect(r.rules).toContain('unknown-key')
    expect(r.exitCode).toBe(1)
  })

  it('a symbolic link out of the repository is a finding, not followed', async () => {
    repo = fixtureRepo('minimal-madr4')
    const outside = makeRepo({'secret.md': MINIMAL})
    try {
      symlinkSync(path.join(outside.dir, 'secret.md'), path.join(repo.dir, 'doc/adr/0002-secret.md'))
      const r = await lint(repo.dir)
      expect(r.report.problems).toMatchObject([{file: 'doc/adr/0002-secret.md', rule: 'parse/read', line: 1}])
      expect(r.exitCode).toBe(1)
    } finally {
      outside.cleanup()
    }
  })

  it('a 2 MB paragraph is checked as text, not parsed as GFM (which takes many seconds)', async () => {
    const huge = MINIMAL.replace('Invoices must never be wrong', `${'word {brace} <b>tag</b> '.repeat(90_000)}{fill this in} Invoices`)
    repo = makeRepo({'doc/adr/0001-use-postgresql.md': huge})
    const r = await lint(repo.dir)
    expect(r.exitCode).toBe(1)
    expect(r.report.problems).toMatchObject([{rule: 'required-sections', line: 10, message: expect.stringContaining('{fill this in}')}])
  })
})

describe('adr lint: results', () => {
  it('the minimal MADR 4 ADR is clean under recommended (exit 0, nothing on stderr)', async () => {
    repo = fixtureRepo('minimal-madr4')
    const r = await runCommand(Lint, ['--no-cache'], repo.dir)
    expect(r.stdout).toBe('1 file checked: no problems\n')
    expect(r.stderr).toBe('')
    expect(r.exitCode).toBe(0)
  })

  it('prints text findings and exits 1 on an error; --quiet hides warnings', async () => {
    repo = makeRepo({'doc/adr/0001-use-postgresql.md': MINIMAL.replace('status: accepted', 'status: acepted\nowner: dana')})
    const r = await runCommand(Lint, ['--no-cache'], repo.dir)
    expect(r.stdout).toBe(
      [
        'doc/adr/0001-use-postgresql.md:2:9  error  Unexpected status `acepted`, expected one of proposed, accepted, rejected, deprecated, superseded  status',
        'doc/adr/0001-use-postgresql.md:3:1  warning  Unexpected front-matter key `owner`, expected a key of schemas/adr.schema.json or of your own schema  unknown-key',
        '',
        '2 problems (1 error, 1 warning) in 1 file checked',
        '',
      ].join('\n'),
    )
    expect(r.exitCode).toBe(1)
    const quiet = await lint(repo.dir, ['--quiet'])
    expect(quiet.rules).toEqual(['status'])
    expect(quiet.report.summary).toMatchObject({errors: 1, warnings: 1, ok: false})
  })

  it('warnings pass unless --max-warnings is exceeded', async () => {
    repo = makeRepo({'doc/adr/0001-use-postgresql.md': MINIMAL.replace('status: accepted', 'status: accepted\nowner: dana')})
    expect((await lint(repo.dir)).exitCode).toBe(0)
    expect((await lint(repo.dir, ['--max-warnings', '1'])).exitCode).toBe(0)
    const strict = await lint(repo.dir, ['--max-warnings', '0'])
    expect(strict.exitCode).toBe(1)
    expect(strict.report.summary).toMatchObject({warnings: 1, maxWarnings: 0, ok: false})
  })

  it('takes the profile and rule severities from .adrgate.yaml, debate/… ids included', async () => {
    repo = makeRepo({
      '.adrgate.yaml': 'profile: strict\nrules:\n  unknown-key: off\n  trade-offs/required: warn\n  nonsense-rule: error\n',
      'doc/adr/0001-use-postgresql.md': MINIMAL.replace('status: accepted', 'status: accepted\nowner: dana'),
    })
    const r = await lint(repo.dir)
    expect(new Set(r.rules)).toEqual(new Set(['trade-offs/required', 'config']))
    expect(r.report.problems.find((p) => p.rule === 'config')).toMatchObject({file: '.adrgate.yaml', line: 5, severity: 'warning'})
    expect(r.exitCode).toBe(0)
  })

  it('locates an unknown rule id at its key under `rules`, in flow style too', async () => {
    repo = makeRepo({'.adrgate.yaml': 'dir: doc/adr\nrules: {dir: off}\n', 'doc/adr/0001-use-postgresql.md': MINIMAL})
    const r = await lint(repo.dir)
    expect(r.report.problems).toMatchObject([{file: '.adrgate.yaml', line: 2, column: 9, rule: 'config', severity: 'warning'}])
  })

  it("applies a team's own schema on top, located at the value", async () => {
    repo = makeRepo({
      '.adrgate.yaml': 'schema: adr-team.schema.json\n',
      'adr-team.schema.json': JSON.stringify({
        type: 'object',
        required: ['owner'],
        properties: {owner: {type: 'string', pattern: '^@'}},
      }),
      'doc/adr/0001-use-postgresql.md': MINIMAL,
      'doc/adr/0002-use-redis.md': MINIMAL.replace('status: accepted', 'status: accepted\nowner: dana').replace('PostgreSQL', 'Redis'),
    })
    const r = await lint(repo.dir)
    expect(r.report.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.rule} ${p.message}`)).toEqual([
      'doc/adr/0001-use-postgresql.md:2:1 schema Missing `owner` in the front matter, expected it to be set',
      'doc/adr/0002-use-redis.md:3:8 schema Unexpected owner `dana`, expected text matching ^@',
    ])
  })

  it('checks .adrgate.yaml against its schema, located at the value', async () => {
    repo = makeRepo({'.adrgate.yaml': 'rules:\n  status: sometimes\n', 'doc/adr/0001-use-postgresql.md': MINIMAL})
    const r = await lint(repo.dir)
    expect(r.report.problems).toMatchObject([{file: '.adrgate.yaml', line: 2, column: 11, rule: 'config', severity: 'error'}])
    expect(r.report.problems[0].message).toBe('Unexpected status `sometimes`, expected one of error, warn, off')
    expect(r.exitCode).toBe(1)
  })

  it('reports an unusable team schema on the config line and still lints', async () => {
    repo = makeRepo({'.adrgate.yaml': 'dir: doc/adr\nschema: missing.json\n', 'doc/adr/0001-use-postgresql.md': MINIMAL})
    const r = await lint(repo.dir)
    expect(r.report.problems).toMatchObject([{file: '.adrgate.yaml', line: 2, rule: 'config'}])
  })

  it('checks debate records with the debate rules, under their path', async () => {
    repo = makeRepo({'doc/adr/0001-use-postgresql.md': MINIMAL, 'doc/adr/debates/0001-use-postgresql.yaml': 'schema_version: 1\n'})
    const r = await lint(repo.dir)
    expect(r.report.files).toEqual(['doc/adr/0001-use-postgresql.md', 'doc/adr/debates/0001-use-postgresql.yaml'])
    expect(r.report.problems.length).toBeGreaterThan(0)
    for (const p of r.report.problems)
      expect(p).toMatchObject({file: 'doc/adr/debates/0001-use-postgresql.yaml', rule: expect.stringMatching(/^debate\//)})
    repo.write({'.adrgate.yaml': 'rules:\n  debate/*: off\n'})
    expect((await lint(repo.dir)).report.problems).toEqual([])
  })

  it('lints the directory or the files given as arguments', async () => {
    repo = makeRepo({
      'docs/decisions/0001-use-postgresql.md': MINIMAL,
      'docs/decisions/0002-use-redis.md': MINIMAL.replace('status: accepted', 'status: maybe').replace('PostgreSQL', 'Redis'),
    })
    expect((await lint(repo.dir, ['docs/decisions'])).rules).toEqual(['status'])
    expect((await lint(repo.dir, ['docs/decisions/0001-use-postgresql.md'])).rules).toEqual([])
  })

  it('lists the rules with their severity in the profile', async () => {
    repo = makeRepo({'doc/adr/.keep': ''})
    const r = await runCommand(Lint, ['--list-rules', '--profile', 'strict', '--json'], repo.dir)
    const out = JSON.parse(r.stdout)
    expect(validateOutput(out)).toBe(true)
    expect(out.rules.find((rule: {id: string}) => rule.id === 'trade-offs/required')).toMatchObject({severity: 'error'})
    const text = await runCommand(Lint, ['--list-rules'], repo.dir)
    expect(text.stdout).toMatch(/^schema +error +The front matter/m)
  })

  it('exits 2 on a usage error', async () => {
    repo = makeRepo({'doc/adr/0001-use-postgresql.md': MINIMAL})
    expect((await runCommand(Lint, ['--format', 'xml'], repo.dir)).exitCode).toBe(2)
    expect((await runCommand(Lint, ['docs/missing'], repo.dir)).exitCode).toBe(2)
  })
})

describe('adr lint: cache', () => {
  it('keeps results under .git/adrgate and reuses them while the content is the same', async () => {
    repo = makeRepo({'doc/adr/0001-use-postgresql.md': MINIMAL.replace('status: accepted', 'status: acepted')})
    const first = await runCommand(Lint, ['--json'], repo.dir)
    const cacheFile = path.join(repo.dir, '.git/adrgate/lint-cache.json')
    expect(existsSync(cacheFile)).toBe(true)
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8'))
    const [entry] = Object.values(cache.files) as {problems: {message: string}[]}[]
    entry.problems[0].message = 'from the cache'
    writeFileSync(cacheFile, JSON.stringify(cache))
    const second = await runCommand(Lint, ['--json'], repo.dir)
    expect(JSON.parse(second.stdout).problems[0].message).toBe('from the cache')
    const skipped = await runCommand(Lint, ['--json', '--no-cache'], repo.dir)
    expect(JSON.parse(skipped.stdout).problems).toEqual(JSON.parse(first.stdout).problems)
    writeFileSync(path.join(repo.dir, 'doc/adr/0001-use-postgresql.md'), MINIMAL.replace('status: accepted', 'status: acceptedd'))
    const changed = await runCommand(Lint, ['--json'], repo.dir)
    expect(JSON.parse(changed.stdout).problems[0].message).toContain('acceptedd')
  })
})

describe('adr lint --since / --changed', () => {
  const accepted = {'doc/adr/0001-use-postgresql.md': MINIMAL, 'doc/adr/0002-use-redis.md': MINIMAL.replace(/PostgreSQL/g, 'Redis')}

  it('reports a change to an ADR accepted at the ref, but not to its status and links', async () => {
    repo = makeRepo(accepted, {commit: true})
    repo.git(['branch', 'base'])
    const edited = MINIMAL.replace('* MongoDB', '* MongoDB\n* CockroachDB')
    repo.write({
      'doc/adr/0001-use-postgresql.md': edited,
      'doc/adr/0002-use-redis.md': accepted['doc/adr/0002-use-redis.md']
        .replace('status: accepted', 'status: superseded')
        .replace('decision-makers: [dana]', 'decision-makers: [dana]\nlinks:\n  - {rel: superseded by, target: 1}'),
    })
    repo.commit('edit')
    const r = await lint(repo.dir, ['--since', 'base'])
    const immutable = r.report.problems.filter((p) => p.rule === 'accepted-immutable')
    expect(immutable).toMatchObject([{file: 'doc/adr/0001-use-postgresql.md', line: 16, severity: 'error'}])
    expect(immutable[0].message).toContain('supersede it with a new ADR')
  })

  it('--changed limits per-file rules to the changed ADRs', async () => {
    const broken = MINIMAL.replace('status: accepted', 'status: maybe')
    repo = makeRepo({'doc/adr/0001-use-postgresql.md': broken}, {commit: true})
    repo.write({'doc/adr/0002-use-redis.md': broken.replace(/PostgreSQL/g, 'Redis')})
    const r = await lint(repo.dir, ['--changed', '--since', 'main'])
    expect(r.report.problems.map((p) => p.file)).toEqual(['doc/adr/0002-use-redis.md'])
  })

  it('--changed without --since reports on uncommitted ADRs only', async () => {
    const broken = MINIMAL.replace('status: accepted', 'status: maybe')
    repo = makeRepo({'doc/adr/0001-use-postgresql.md': broken}, {commit: true})
    expect((await lint(repo.dir, ['--changed'])).report.problems).toEqual([])
    repo.write({'doc/adr/0001-use-postgresql.md': `${broken}\nMore.\n`})
    expect((await lint(repo.dir, ['--changed'])).rules).toEqual(['status'])
  })

  it('a ref that names no commit is a failure (exit 2), and an option-like ref stays a value', async () => {
    repo = makeRepo(accepted, {commit: true})
    const optionLike = await runCommand(Lint, ['--json', `--since=--output=${repo.dir}/written-by-git`], repo.dir)
    expect(optionLike.exitCode).toBe(2)
    expect(JSON.parse(optionLike.stdout).error.code).toBe('UNKNOWN_REF')
    expect(existsSync(path.join(repo.dir, 'written-by-git'))).toBe(false)
    const unknown = await runCommand(Lint, ['--json', '--since', 'no-such-branch'], repo.dir)
    expect(unknown.exitCode).toBe(2)
    expect(JSON.parse(unknown.stdout).error.code).toBe('UNKNOWN_REF')
  })
})

describe('adr lint: output for CI', () => {
  it('github: annotations then the text report', async () => {
    repo = makeRepo({'doc/adr/0001-use-postgresql.md': MINIMAL.replace('status: accepted', 'status: acepted')})
    const r = await runCommand(Lint, ['--no-cache', '--format', 'github'], repo.dir)
    expect(r.stdout.split('\n')[0]).toBe(
      '::error file=doc/adr/0001-use-postgresql.md,line=2,col=9,title=adrgate status::Unexpected status `acepted`, expected one of proposed, accepted, rejected, deprecated, superseded',
    )
    expect(r.stdout).toContain('1 problem (1 error, 0 warnings) in 1 file checked')
  })

  it('sarif: one result per problem', async () => {
    repo = makeRepo({'doc/adr/0001-use-postgresql.md': MINIMAL.replace('status: accepted', 'status: acepted')})
    const r = await runCommand(Lint, ['--no-cache', '--format', 'sarif'], repo.dir)
    const sarif = JSON.parse(r.stdout)
    expect(sarif.version).toBe('2.1.0')
    expect(sarif.runs[0].results).toMatchObject([{ruleId: 'status', level: 'error'}])
    expect(r.exitCode).toBe(1)
  })
})

describe('adr lint --rule', () => {
  it('reports only the rules asked for, counted and judged alone; an unknown id is a usage error naming the nearest', async () => {
    // a wrong status (an error) and a gap in the numbers (a warning)
    repo = makeRepo({
      'doc/adr/0001-use-postgresql.md': MINIMAL.replace('status: accepted', 'status: acepted'),
      'doc/adr/0003-use-redis.md': MINIMAL.replace('# Use PostgreSQL', '# Use Redis'),
    })
    const all = await lint(repo.dir)
    expect(all.rules).toEqual(expect.arrayContaining(['status', 'numbering-gap']))
    const gap = await lint(repo.dir, ['--rule', 'numbering-gap'])
    expect(gap.rules).toEqual(['numbering-gap'])
    expect(gap.report.summary).toMatchObject({errors: 0, warnings: 1, ok: true})
    expect(gap.exitCode).toBe(0)
    const both = await lint(repo.dir, ['--rule', 'numbering-gap', '--rule', 'status'])
    expect(both.rules.sort()).toEqual(['numbering-gap', 'status'])
    expect(both.exitCode).toBe(1)
    const wrong = await runCommand(Lint, ['--json', '--rule', 'numbering-gaps'], repo.dir)
    expect(wrong.exitCode).toBe(2)
    expect(JSON.parse(wrong.stdout).error).toMatchObject({
      code: 'INVALID_ARGUMENT',
      suggestions: expect.arrayContaining([expect.stringContaining('--rule numbering-gap')]),
    })
  })
})
