import {execFileSync} from 'node:child_process'
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, afterEach, describe, expect, it} from 'vitest'
import {adrCommandLine} from '../../src/adapters/installed-bin.js'
import Demo from '../../src/commands/demo.js'
import {parseAdr} from '../../src/core/adr/parse-adr.js'
import {findLinkTarget} from '../../src/core/adr/resolve-link.js'
import {reverseRel} from '../../src/core/adr/status.js'
import {outputSchemaValidator} from '../helpers/fixtures.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {type CommandResult, PROJECT_ROOT, runCommand} from '../helpers/run-command.js'

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

/** The PATH without any directory that has an `adr` (a linked adrgate of another checkout, say). */
const PATH_WITHOUT_ADR = (process.env.PATH ?? '')
  .split(path.delimiter)
  .filter((dir) => dir && !existsSync(path.join(dir, 'adr')))
  .join(path.delimiter)

/** No git identity anywhere: the demo must still commit. */
const NO_IDENTITY = {
  PATH: PATH_WITHOUT_ADR,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: undefined,
  GIT_AUTHOR_EMAIL: undefined,
  GIT_COMMITTER_NAME: undefined,
  GIT_COMMITTER_EMAIL: undefined,
  EMAIL: undefined,
}

const EXAMPLES = path.join(PROJECT_ROOT, 'examples/demo')

/** How the demo's printed commands run adrgate when the test's PATH holds no `adr` of ours. */
const CLI = `node ${PROJECT_ROOT}/bin/run.js`

/** `adr demo --out tally` with no identity and no `adr` on PATH, run once for the tests that only read what it made. */
let tally: Promise<{repo: TempRepo; r: CommandResult}> | undefined
function tallyDemo(): Promise<{repo: TempRepo; r: CommandResult}> {
  tally ??= (async () => {
    const made = makeRepo({}, {git: false})
    return {repo: made, r: await runCommand(Demo, ['--out', 'tally'], made.dir, NO_IDENTITY)}
  })()
  return tally
}
afterAll(async () => (await tally)?.repo.cleanup())

// every demo makes a repository of six commits, plays a debate and exports a site: a few seconds each, and
// minutes on a loaded machine, so these tests (up to four demos each) get more than the suite's minute
describe('adr demo', {timeout: 240_000}, () => {
  it('makes a repository of the sample ADRs, one commit each, and shows list, show and toc on it', async () => {
    const {repo, r} = await tallyDemo()
    expect(r.exitCode).toBe(0)
    expect(r.stderr).toBe('')
    const dir = path.join(repo.dir, 'tally')
    const samples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.md'))
    // The samples, then the ADR and record the debate step wrote.
    expect(readdirSync(path.join(dir, 'docs/adr'))).toEqual([...samples, '0006-primary-datastore-for-tally.md', 'debates'].sort())
    expect(readdirSync(path.join(dir, 'docs/adr/debates'))).toEqual(['0006-primary-datastore-for-tally.yaml'])
    const debated = parseAdr(
      readFileSync(path.join(dir, 'docs/adr/0006-primary-datastore-for-tally.md'), 'utf8'),
      '0006-primary-datastore-for-tally.md',
    )
    expect(debated).toMatchObject({status: 'accepted', problems: []})
    expect(r.stdout).toContain(`\n$ ${CLI} debate start --file invoicing-answers.yaml --no-input`)
    expect(r.stdout).toContain('\ndocs/adr/0006-primary-datastore-for-tally.md\taccepted\tPostgreSQL 16\n')
    expect(r.stdout).toContain('The repository now holds 6 ADRs')
    // The sample team committed them over the months the ADRs are dated, whoever runs the demo.
    const log = execFileSync('git', ['log', '--format=%an <%ae>|%aI|%cI|%s'], {cwd: dir, encoding: 'utf8'})
    expect(log.trim().split('\n')).toHaveLength(6)
    expect(log).toContain(
      'Priya Raman <priya@tally.example>|2026-04-08T16:20:00+01:00|2026-04-08T16:20:00+01:00|docs(adr): 4. Use PostgreSQL as the primary datastore',
    )
    const authors = new Set(
      log
        .trim()
        .split('\n')
        .map((line) => line.split('|')[0]),
    )
    expect(authors).toEqual(
      new Set(['Dana Okafor <dana@tally.example>', 'Priya Raman <priya@tally.example>', 'Marco Bianchi <marco@tally.example>']),
    )
    // the answers file the printed debate command names is in the repository, committed: the tree is clean
    expect(existsSync(path.join(dir, 'invoicing-answers.yaml'))).toBe(true)
    expect(execFileSync('git', ['status', '--porcelain'], {cwd: dir, encoding: 'utf8'})).toBe('?? adr-site/\n')
    // ADR 2 was accepted first, and superseded in the commit that added ADR 4.
    const changes = execFileSync('git', ['log', '--reverse', '--format=%s', '--name-only'], {cwd: dir, encoding: 'utf8'})
    expect(changes).toContain(
      'docs(adr): 4. Use PostgreSQL as the primary datastore\n\ndocs/adr/0002-store-invoices-in-mongodb.md\ndocs/adr/0003-render-invoice-pdfs-in-a-background-queue.md\ndocs/adr/0004-use-postgresql-as-the-primary-datastore.md\n',
    )
    const firstTwo = execFileSync('git', ['show', 'HEAD~4:docs/adr/0002-store-invoices-in-mongodb.md'], {cwd: dir, encoding: 'utf8'})
    expect(parseAdr(firstTwo, '0002-store-invoices-in-mongodb.md')).toMatchObject({status: 'accepted', links: []})
    for (const command of ['list --long', 'show 4', 'generate toc']) expect(r.stdout).toContain(`\n$ ${CLI} ${command}\n`)
    expect(r.stdout).toContain('\n2  superseded  2026-02-03  2026-02-03  2026-04-08  Store invoices in MongoDB\n')
    expect(r.stdout).toContain('* [4. Use PostgreSQL as the primary datastore](0004-use-postgresql-as-the-primary-datastore.md)\n')
    expect(r.stdout).toContain(`\n  cd ${dir} && ${CLI} list --long\n`)
    expect(r.stdout.trimEnd().endsWith(`It stays until you remove it: rm -rf ${dir}`)).toBe(true)
  })

  it('prints commands that run this adrgate: `adr` only when it is the adr on PATH', async () => {
    const {r} = await tallyDemo()
    // no adr on PATH: the tally demo's printed commands run this checkout's binary
    expect(r.stdout).toContain(`\n$ node ${PROJECT_ROOT}/bin/run.js list --long\n`)
    expect(adrCommandLine(PROJECT_ROOT, {PATH: PATH_WITHOUT_ADR})).toBe(CLI)
    repo = makeRepo({}, {git: false})
    const ours = path.join(repo.dir, 'ours')
    const theirs = path.join(repo.dir, 'theirs')
    for (const dir of [ours, theirs]) mkdirSync(dir)
    symlinkSync(path.join(PROJECT_ROOT, 'bin/run.js'), path.join(ours, 'adr'))
    writeFileSync(path.join(theirs, 'adr'), '#!/bin/sh\n', {mode: 0o755})
    // this adrgate linked first on PATH: `adr`; somebody else's adr first: this checkout's binary
    expect(adrCommandLine(PROJECT_ROOT, {PATH: [ours, theirs, PATH_WITHOUT_ADR].join(path.delimiter)})).toBe('adr')
    expect(adrCommandLine(PROJECT_ROOT, {PATH: [theirs, ours, PATH_WITHOUT_ADR].join(path.delimiter)})).toBe(CLI)
  })

  it('reuses one directory per user, replacing the last demo, never one it did not make; --keep makes one that stays', async () => {
    repo = makeRepo({}, {git: false})
    const env = {...NO_IDENTITY, TMPDIR: repo.dir}
    const first = JSON.parse((await runCommand(Demo, ['--json'], repo.dir, env)).stdout)
    expect(first.steps.map((s: {id: string}) => s.id)).toEqual(['list', 'show', 'toc', 'debate', 'show-debated', 'site'])
    expect(existsSync(path.join(first.dir, 'adr-site', 'index.html'))).toBe(true)
    expect(first).toMatchObject({kind: 'reused', adrCount: 6, remove: `rm -rf ${first.dir}`})
    // --json is what schemas/output/demo.schema.json describes (the demos here run with --json, so it is checked here)
    const validate = outputSchemaValidator('demo')
    expect(validate(first), JSON.stringify(validate.errors)).toBe(true)
    expect(path.basename(first.dir)).toMatch(/^adrgate-demo-/)
    writeFileSync(path.join(first.dir, 'scratch.txt'), 'tried something\n')
    const kept = JSON.parse((await runCommand(Demo, ['--json', '--keep'], repo.dir, env)).stdout)
    expect(kept.kind).toBe('kept')
    expect(kept.dir).not.toBe(first.dir)
    expect(validate(kept), JSON.stringify(validate.errors)).toBe(true)
    // the next demo replaces the reused one, and leaves the kept one
    const second = JSON.parse((await runCommand(Demo, ['--json'], repo.dir, env)).stdout)
    expect(second).toMatchObject({kind: 'reused', dir: first.dir})
    expect(existsSync(path.join(second.dir, 'scratch.txt'))).toBe(false)
    expect(existsSync(path.join(kept.dir, '.git'))).toBe(true)
    expect(readdirSync(repo.dir).filter((f) => f.startsWith('adrgate-demo-'))).toHaveLength(2)
    // a directory of that name it did not make (no mark in its .git) is never removed: the next demo is kept elsewhere
    rmSync(path.join(second.dir, '.git', 'adrgate-demo'))
    const third = JSON.parse((await runCommand(Demo, ['--json'], repo.dir, env)).stdout)
    expect(third.dir).not.toBe(second.dir)
    expect(third.kind).toBe('kept')
    expect(existsSync(path.join(second.dir, 'docs/adr'))).toBe(true)
  })

  it('refuses a directory that is not empty and writes nothing into it', async () => {
    repo = makeRepo({'tally/notes.txt': 'mine\n'}, {git: false})
    const r = await runCommand(Demo, ['--out', 'tally', '--json'], repo.dir, NO_IDENTITY)
    expect(r.exitCode).toBe(2)
    expect(JSON.parse(r.stdout).error.code).toBe('FILE_EXISTS')
    expect(readdirSync(path.join(repo.dir, 'tally'))).toEqual(['notes.txt'])
  })
})

describe('the sample ADRs in examples/demo', () => {
  it('differ from their first versions only in status and links (an accepted ADR does not change otherwise)', () => {
    const firsts = readdirSync(path.join(EXAMPLES, 'first-versions')).filter((f) => /^\d{4}-.*\.md$/.test(f))
    expect(firsts.length).toBeGreaterThan(0)
    const strip = (text: string) => text.replace(/^status: .*\n/m, '').replace(/^links:\n(?: {2}- .*\n)*/m, '')
    for (const file of firsts) {
      expect(strip(readFileSync(path.join(EXAMPLES, 'first-versions', file), 'utf8')), file).toBe(
        strip(readFileSync(path.join(EXAMPLES, file), 'utf8')),
      )
    }
  })

  const adrs = readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.md'))
    .map((file) => parseAdr(readFileSync(path.join(EXAMPLES, file), 'utf8'), file))

  it('parse without problems, numbered 1 to 5, with varied statuses and tags', () => {
    expect(adrs.map((a) => a.problems)).toEqual(adrs.map(() => []))
    expect(adrs.map((a) => a.number)).toEqual([1, 2, 3, 4, 5])
    expect(new Set(adrs.map((a) => a.status))).toEqual(new Set(['accepted', 'superseded', 'proposed']))
    expect(adrs.every((a) => a.format === 'madr' && a.date && a.deciders.length > 0 && a.tags.length > 0)).toBe(true)
  })

  it('link both ways: every link has its reverse in the target', () => {
    for (const adr of adrs) {
      for (const link of adr.links) {
        const target = findLinkTarget(adrs, link)
        expect(target, `${adr.file} ${link.rel} ${link.target}`).toBeDefined()
        const reverse = reverseRel(link.relKey)
        expect(
          target?.links.some((l) => l.relKey === reverse && findLinkTarget(adrs, l) === adr),
          `${target?.file} should say "${reverse}" ${adr.number}`,
        ).toBe(true)
      }
    }
  })

  it('mark the superseded ADR superseded', () => {
    for (const adr of adrs.filter((a) => a.links.some((l) => l.relKey === 'superseded by'))) expect(adr.status).toBe('superseded')
  })
})
