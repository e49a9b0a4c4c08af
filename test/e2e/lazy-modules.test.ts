/**
 * What a command must not load: start-up is most of what a small command costs (issue 13), so the
 * heavy libraries load only where they are used. Each case spawns the built CLI with a hook that
 * records every module the process loads (test/helpers/module-log-hook.mjs) and checks that none of
 * the named ones is among them. No timing: which modules load is the thing a change can break.
 *
 * Each case runs twice (ADR 45). Once on the ES modules of dist/, what each command's bundle is made
 * of, through a copy of the CLI whose oclif commands are dist/commands: there every module of
 * adrgate's is a file the hook sees, and a bundle runs an inlined module when the ES module would be
 * loaded (its dynamic imports become the same lazy calls). Once on the bundled CLI that ships, for
 * the names that stay files there (Node's built-ins and the packages): a bundle must not load them
 * at its top, as a bundler would (scripts/bundle-commands.js, lazyExternals).
 */
import {execFileSync} from 'node:child_process'
import {copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {RACY_MS} from '../../src/adapters/files/fact-cache.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {BIN, PROJECT_ROOT, runBin} from '../helpers/run-command.js'

const HOOK = path.join(PROJECT_ROOT, 'test/helpers/module-log-hook.mjs')

/** A library, by the path its modules load from. */
const LIBRARY: Record<string, RegExp> = {
  'simple-git': /node_modules\/simple-git\//,
  yaml: /node_modules\/yaml\//,
  'gray-matter': /node_modules\/gray-matter\//,
  "ajv's compiler": /node_modules\/ajv\/dist\/(core|2020|compile\/index)\.js$/,
  'ajv-formats': /node_modules\/ajv-formats\//,
  'mdast and micromark': /node_modules\/(mdast-|micromark)/,
  TypeBox: /node_modules\/@sinclair\/typebox\//,
  inquirer: /node_modules\/@inquirer\//,
  'the debate gate engine': /dist\/core\/debate\/gates\/engine\.js$/,
  "the per-file lint rules' Markdown parser": /dist\/core\/lint\/markdown-body\.js$/,
  // a reader completes an interrupted write first, but loads the code for it only when there is one
  'the lock and recovery code': /dist\/adapters\/files\/(directory-lock|lock|journal)\.js$/,
  // a warm lint finds every result in its cache: no file rule, no ADR parser, no schema validator, no thread
  'the per-file lint rules': /dist\/core\/lint\/rules\/(file-rules|required-sections|schema)\.js$/,
  'the ADR parser': /dist\/core\/adr\/parse-adr\.js$/,
  "the ADR schema's validator": /dist\/core\/schema\/generated\/adr\.cjs$/,
  "lint's threads": /dist\/app\/lint\/lint-workers\.js$/,
  'the other lint formats': /dist\/core\/lint\/formatters\/(json|github|sarif)\.js$/,
  // a table of contents reads titles only; the parser loads for a file whose front matter may name it
  "the graph's reader": /dist\/core\/adr\/graph-entry\.js$/,
  // node:crypto's load is 2 % of a small command's start-up: the file names it gave come from path-key.ts
  'node:crypto': /^node:crypto$/,
  // a write of one file journals nothing; `adr new` reads no git log, opens no editor from a script, and
  // with its format votes cached parses nothing (not even the ADR it writes: statusOfBuiltInNew)
  'the journal': /dist\/adapters\/files\/journal\.js$/,
  "git's log parser": /dist\/adapters\/git\/git-log\.js$/,
  'the editor': /dist\/adapters\/editor\.js$/,
  'the format voter': /dist\/core\/adr\/format-vote\.js$/,
  'the reference resolver': /dist\/core\/adr\/(resolve-ref|conflict-markers)\.js$/,
  // `adr log` answered by its cache (written at HEAD) reads no commit: no git reader, no history builder (ADR 42)
  'the history readers':
    /dist\/(app\/history\/(history|adr-log|linear-log)|adapters\/git\/(git-cat-file|git-child|git-to-file)|core\/history\/(history|history-version|adr-paths))\.js$/,
  'the atomic writer': /dist\/adapters\/files\/atomic-write\.js$/,
  // a warm lint that trusts every file's stat asks git nothing, hashes nothing and lints no file (ADR 42)
  'the git adapter': /dist\/adapters\/git\/git\.js$/,
  "the template text's reader": /dist\/core\/lint\/template-text\.js$/,
  // a printed table of contents writes nothing: the markers' reader and the writer load for --write only
  "the table of contents' writer": /dist\/(app\/adr\/write-toc|core\/adr\/toc-block)\.js$/,
}

/** One ADR, linted once (so each `adr lint` below is warm); `debating` also has an asynchronous debate, ADR 2. */
let plain: TempRepo
let debating: TempRepo
/** One committed ADR, for the commands that write (`adr new`, `adr status`). */
let writing: TempRepo

/** A copy of the CLI that loads the ES modules of dist/commands, not the bundles, with its own oclif manifest (without one, oclif loads every command). */
function makeUnbundledCli(): {bin: string; remove(): void} {
  const dir = mkdtempSync(path.join(tmpdir(), 'adrgate-unbundled-cli-'))
  mkdirSync(path.join(dir, 'bin'))
  copyFileSync(BIN, path.join(dir, 'bin', 'run.js'))
  const manifest = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8'))
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({...manifest, oclif: {...manifest.oclif, commands: './dist/commands'}}))
  for (const entry of ['dist', 'node_modules', 'schemas', 'adr-templates'])
    symlinkSync(path.join(PROJECT_ROOT, entry), path.join(dir, entry))
  execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts', 'oclif.js'), 'manifest'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  return {bin: path.join(dir, 'bin', 'run.js'), remove: () => rmSync(dir, {recursive: true, force: true})}
}

const unbundled = makeUnbundledCli()

/** The CLIs the cases run on, and the names each can see. */
const CLIS = [
  {cli: 'the ES modules of dist/', bin: unbundled.bin, sees: (_name: string) => true},
  {cli: 'the bundled CLI', bin: BIN, sees: (name: string) => !LIBRARY[name].source.includes('dist')},
]

const ADR_1 =
  '# 1. Record architecture decisions\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n\n## Consequences\n\nSo.\n'

beforeAll(() => {
  plain = makeRepo({'docs/adr/0001-record-architecture-decisions.md': ADR_1}, {commit: true})
  // the first lint fills the cache: the runs below are warm (the same day: today is part of the cache's key)
  expect(runBin(['lint'], plain.dir, {ADR_DATE: '2026-11-20'}).exitCode).toBe(0)
  writing = makeRepo({'docs/adr/0001-record-architecture-decisions.md': ADR_1}, {commit: true})
  debating = makeRepo({'docs/adr/0001-record-architecture-decisions.md': ADR_1}, {commit: true})
  const started = runBin(['debate', 'start', 'Queue for events', '-p', 'ana', '-p', 'ben', '-a', 'dana', '--async'], debating.dir, {
    ADR_DATE: '2026-11-20',
  })
  expect(started.exitCode, started.stderr).toBe(0)
}, 60_000)

afterAll(() => {
  unbundled.remove()
  plain.cleanup()
  debating.cleanup()
  writing.cleanup()
})

describe.each(CLIS)('what a command does not load: $cli', ({bin, sees}) => {
  /** The modules `adr ARGV` loads in the repository (URLs and paths, one an entry). */
  function modulesLoadedBy(argv: string[], repo = plain): string[] {
    const log = path.join(repo.dir, '.git', `modules-${argv.join('-')}.txt`)
    const r = runBin(argv, repo.dir, {NODE_OPTIONS: `--import=${HOOK}`, ADRGATE_MODULE_LOG: log, ADR_DATE: '2026-11-20'}, bin)
    expect(r.exitCode, r.stderr).toBe(0)
    return readFileSync(log, 'utf8').split('\n').filter(Boolean)
  }

  /** Which of `names` (those this CLI can see) the modules hold. */
  function loadedOf(modules: string[], names: string[]): string[] {
    return seen(names).filter((name) => modules.some((m) => LIBRARY[name].test(m)))
  }

  /** The names this CLI can see: the bundled one, only those outside dist/. */
  function seen(names: string[]): string[] {
    return names.filter(sees)
  }

  it('the hook sees what loads: `adr lint --since HEAD` loads simple-git (a ref the user typed)', () => {
    expect(loadedOf(modulesLoadedBy(['lint', '--since', 'HEAD']), ['simple-git'])).toEqual(['simple-git'])
  })

  it('`adr log` and `adr new` run git without simple-git: their git commands are all of their own making (runFixedGit)', () => {
    expect(loadedOf(modulesLoadedBy(['log']), ['simple-git'])).toEqual([])
    // the second run reads the history from its cache
    expect(loadedOf(modulesLoadedBy(['log']), ['simple-git'])).toEqual([])
    expect(loadedOf(modulesLoadedBy(['new', '--no-edit', 'Use a queue'], writing), ['simple-git', 'yaml', 'inquirer'])).toEqual([])
  })

  it('`adr log` answered by its cache loads no history reader, parser, lock, writer or node:crypto; a cold one does', () => {
    const repo = makeRepo({'docs/adr/0001-record-architecture-decisions.md': ADR_1}, {commit: true})
    try {
      const names = [
        'the history readers',
        "git's log parser",
        'the ADR parser',
        'the lock and recovery code',
        'the atomic writer',
        'node:crypto',
        'simple-git',
      ]
      // the first run reads the commit and writes the cache
      expect(loadedOf(modulesLoadedBy(['log'], repo), names)).toEqual(
        seen(['the history readers', "git's log parser", 'the ADR parser', 'the atomic writer', 'node:crypto']),
      )
      expect(loadedOf(modulesLoadedBy(['log'], repo), names)).toEqual([])
    } finally {
      repo.cleanup()
    }
  })

  it('a warm `adr lint` loads no node:crypto, git adapter, atomic writer or template text reader; the run that fills its cache does', () => {
    const repo = makeRepo({'docs/adr/0001-record-architecture-decisions.md': ADR_1}, {commit: true})
    try {
      const names = ['node:crypto', 'the git adapter', 'the atomic writer', "the template text's reader"]
      expect(loadedOf(modulesLoadedBy(['lint'], repo), names)).toEqual(
        seen(['node:crypto', 'the atomic writer', "the template text's reader"]),
      )
      // the cache as a run begun RACY_MS after the ADR's last change saves it (its stat is trusted, the file not hashed)
      const cacheFile = path.join(repo.dir, '.git', 'adrgate', 'lint-cache.json')
      const cache = JSON.parse(readFileSync(cacheFile, 'utf8'))
      writeFileSync(cacheFile, JSON.stringify({...cache, asOf: Date.now() + RACY_MS}))
      expect(loadedOf(modulesLoadedBy(['lint'], repo), names)).toEqual([])
      // --since asks git, and reads (and hashes) every file
      expect(loadedOf(modulesLoadedBy(['lint', '--since', 'HEAD'], repo), names)).toEqual(seen(['node:crypto', 'the git adapter']))
    } finally {
      repo.cleanup()
    }
  })

  it('`adr new` with its format votes cached loads no parser, journal, git log parser, editor or node:crypto', () => {
    const repo = makeRepo({'docs/adr/0001-record-architecture-decisions.md': ADR_1}, {commit: true})
    try {
      // the first run caches the votes; its ADR is removed, as the bench removes it
      const first = modulesLoadedBy(['new', '--no-edit', 'Use a cache'], repo)
      expect(loadedOf(first, ['the format voter'])).toEqual(seen(['the format voter']))
      rmSync(path.join(repo.dir, 'docs/adr/0002-use-a-cache.md'))
      // the cache as a run begun RACY_MS after the ADR's last change saves it (fact-cache.ts does not trust a
      // file changed just before the run that read it, and a test cannot set a change time back)
      const state = path.join(repo.dir, '.git', 'adrgate')
      const [votes] = readdirSync(state).filter((f) => f.startsWith('facts-format-votes-'))
      const cache = JSON.parse(readFileSync(path.join(state, votes), 'utf8'))
      writeFileSync(path.join(state, votes), JSON.stringify({...cache, asOf: Date.now() + RACY_MS}))
      const names = [
        'the ADR parser',
        'the format voter',
        'the journal',
        "git's log parser",
        'the editor',
        'the reference resolver',
        'node:crypto',
      ]
      expect(loadedOf(modulesLoadedBy(['new', '--no-edit', 'Use a cache'], repo), names)).toEqual([])
      // `adr status` parses, and journals nothing either
      expect(loadedOf(modulesLoadedBy(['status', '1', 'deprecated'], repo), ['the journal', 'node:crypto', 'simple-git'])).toEqual([])
    } finally {
      repo.cleanup()
    }
  })

  it.each([
    [
      ['list'],
      [
        'node:crypto',
        'simple-git',
        'yaml',
        'gray-matter',
        "ajv's compiler",
        'ajv-formats',
        'mdast and micromark',
        'TypeBox',
        'inquirer',
        'the lock and recovery code',
      ],
    ],
    [
      ['show', '1'],
      ['node:crypto', 'simple-git', "ajv's compiler", 'mdast and micromark', 'TypeBox', 'inquirer', 'the lock and recovery code'],
    ],
    [
      ['generate', 'toc'],
      [
        'node:crypto',
        'simple-git',
        "ajv's compiler",
        'mdast and micromark',
        'TypeBox',
        'inquirer',
        'the lock and recovery code',
        'the ADR parser',
        "the graph's reader",
        "the table of contents' writer",
      ],
    ],
    [
      ['lint'],
      [
        'simple-git',
        "ajv's compiler",
        'mdast and micromark',
        "the per-file lint rules' Markdown parser",
        'TypeBox',
        'the debate gate engine',
        'the per-file lint rules',
        'the ADR parser',
        "the ADR schema's validator",
        "lint's threads",
        'the other lint formats',
      ],
    ],
  ])('adr %j loads none of %j', (argv, names) => {
    expect(loadedOf(modulesLoadedBy(argv), names)).toEqual([])
  })

  it('a debate command loads no TypeBox and compiles no schema: the build did both', () => {
    const names = ['TypeBox', "ajv's compiler", 'inquirer']
    expect(loadedOf(modulesLoadedBy(['debate', 'status', '2'], debating), names)).toEqual([])
    // a cold lint (its first here): the ADRs are checked against the built validators
    expect(loadedOf(modulesLoadedBy(['lint'], debating), names)).toEqual([])
  })
})
