/**
 * One table of cases, each run twice: in-process (the command class from src/, `runCommand`) and
 * spawned (the built `bin/run.js`, as a user or CI runs it), with the same expectations, in the
 * manner of markdownlint-cli2's test table. And `--help` for every command the oclif manifest lists.
 */
import {spawn} from 'node:child_process'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {Config, Help} from '@oclif/core'
import {afterEach, describe, expect, it} from 'vitest'
import {repoFixture} from '../helpers/fixtures.js'
import {type FileTree, makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {BIN, PROJECT_ROOT, runArgs, runBin} from '../helpers/run-command.js'

const NYGARD = '# 1. Record architecture decisions\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n'
const COMPLETE = `${NYGARD}\n## Decision\n\nWe record them.\n\n## Consequences\n\nEach decision has a file.\n`
const TREE: FileTree = {
  'doc/adr/0001-record-architecture-decisions.md': NYGARD,
  'doc/adr/0002-use-postgresql.md': '---\nstatus: proposed\ndate: 2026-02-01\ntags: [storage]\n---\n# Use PostgreSQL\n',
  'doc/adr/0003-use-postgresql-for-reports.md': '---\nstatus: proposed\n---\n# Use PostgreSQL for reports\n',
}

/** What a stream must be: exactly this text, or text matching this pattern. */
type Expected = string | RegExp

interface Case {
  name: string
  /** The command line after `adr`. */
  args: string[]
  /** The repository's files (a git repository, nothing committed unless `commit`). */
  files: FileTree
  /** Commit the files first (one commit, "initial", at the helpers' fixed date). */
  commit?: boolean
  env?: Record<string, string>
  exit: 0 | 1 | 2
  stdout: Expected
  /** Default: nothing at all on stderr. */
  stderr?: Expected
  /** Files the command must have written, with a pattern of their content. */
  writes?: Record<string, RegExp>
}

const CASES: Case[] = [
  {name: 'list prints the paths', args: ['list'], files: TREE, exit: 0, stdout: /^doc\/adr\/0001-record-architecture-decisions\.md\n/},
  {
    name: 'list --long filters by tag',
    args: ['list', '--long', '--tag', 'storage'],
    files: TREE,
    exit: 0,
    stdout: '#  STATUS    DATE        CREATED      CHANGED      TITLE\n2  proposed  2026-02-01  uncommitted  uncommitted  Use PostgreSQL\n',
  },
  {
    name: 'generate toc',
    args: ['generate', 'toc'],
    files: TREE,
    exit: 0,
    stdout: /^# Architecture Decision Records\n\n\* \[1\. Record architecture decisions\]/,
  },
  {name: 'generate graph', args: ['generate', 'graph'], files: TREE, exit: 0, stdout: /^digraph \{\n/},
  {name: 'show by number', args: ['show', '1'], files: TREE, exit: 0, stdout: NYGARD},
  {
    name: 'new writes the next number and prints its path',
    args: ['new', '--no-edit', 'Use', 'Redis'],
    files: TREE,
    env: {ADR_DATE: '2026-03-04'},
    exit: 0,
    stdout: 'doc/adr/0004-use-redis.md\n',
    writes: {'doc/adr/0004-use-redis.md': /# Use Redis[\s\S]*2026-03-04|2026-03-04[\s\S]*# Use Redis/},
  },
  {
    name: 'new in a log4brains repository names the file by the day and writes bullets',
    args: ['new', '--no-edit', 'Use', 'Redis'],
    files: {
      '.log4brains.yml': 'project:\n  name: shop\n  adrFolder: ./docs/adr\n',
      'docs/adr/20250102-use-postgres.md': '# Use Postgres\n\n- Status: accepted\n- Date: 2025-01-02\n',
    },
    env: {ADR_DATE: '2026-03-04'},
    exit: 0,
    stdout: 'docs/adr/20260304-use-redis.md\n',
    writes: {'docs/adr/20260304-use-redis.md': /^# Use Redis\n\n- Status: proposed\n[\s\S]*- Date: 2026-03-04\n/},
  },
  {
    name: 'list in a monorepo covers every directory of dirs:',
    args: ['list'],
    files: repoFixture('monorepo-dirs'),
    exit: 0,
    stdout:
      /^packages\/web\/docs\/adr\/0001-[^\n]*\npackages\/web\/docs\/adr\/0002-[^\n]*\nservices\/api\/adr\/0001-[^\n]*\nservices\/api\/adr\/0002-[^\n]*\n$/,
  },
  {
    name: 'show of a number two directories use lists the qualified references',
    args: ['show', '2'],
    files: repoFixture('monorepo-dirs'),
    exit: 2,
    stdout: '',
    stderr:
      /^Error: "2" matches 2 ADRs:\n {2}web\/2 [^\n]*\n {2}api\/2 [^\n]*\n {2}Try: Qualify it with its directory: web\/2 or api\/2\.\n$/,
  },
  {
    name: 'log in a monorepo shows every directory, each ADR by its qualified reference',
    args: ['log'],
    files: repoFixture('monorepo-dirs'),
    commit: true,
    exit: 0,
    // one commit made all four: within it, the directories in the order configured
    stdout: new RegExp(
      [
        '^2026-01-01 {2}[0-9a-f]{7} {2}Ada Tester {2}ADR web\\/1 Render pages on the server: created \\(accepted\\)\\n',
        '2026-01-01 {2}[0-9a-f]{7} {2}Ada Tester {2}ADR web\\/2 Bundle with esbuild: created \\(accepted\\)\\n',
        '2026-01-01 {2}[0-9a-f]{7} {2}Ada Tester {2}ADR api\\/1 Expose a REST API: created \\(accepted\\)\\n',
        '2026-01-01 {2}[0-9a-f]{7} {2}Ada Tester {2}ADR api\\/2 Paginate with cursors: created \\(proposed\\)\\n$',
      ].join(''),
    ),
  },
  {
    name: 'lint reads links from one ADR directory into another (a relative path, a qualified reference)',
    args: ['lint', '--no-cache'],
    files: repoFixture('monorepo-cross-links'),
    exit: 0,
    stdout: '4 files checked: no problems\n',
  },
  {
    name: 'export site puts each directory under adr/<name>/, a link into the other directory going to its page',
    args: ['export', 'site', '--out', 'site'],
    files: repoFixture('monorepo-cross-links'),
    commit: true,
    env: {ADR_DATE: '2026-05-01'},
    exit: 0,
    stdout: /^Wrote 8 pages \(4 ADRs, \d+ KiB\) to site\nOpen site\/index\.html\n$/,
    writes: {
      'site/adr/shop/0001-deploy-the-shop-with-helm.html': /href="\.\.\/\.\.\/adr\/platform\/0001-run-services-on-kubernetes\.html"/,
    },
  },
  {
    name: 'new --package numbers in that directory',
    args: ['new', '--no-edit', '--package', 'api', 'Rate', 'limit', 'partners'],
    files: repoFixture('monorepo-dirs'),
    env: {ADR_DATE: '2026-03-04'},
    exit: 0,
    stdout: 'services/api/adr/0003-rate-limit-partners.md\n',
    writes: {'services/api/adr/0003-rate-limit-partners.md': /# Rate limit partners/},
  },
  {
    name: 'status moves an ADR along its lifecycle',
    args: ['status', '2', 'accepted'],
    files: TREE,
    exit: 0,
    stdout: 'doc/adr/0002-use-postgresql.md\n',
    writes: {'doc/adr/0002-use-postgresql.md': /^---\nstatus: accepted\n/},
  },
  {
    name: 'lint of a complete ADR',
    args: ['lint', 'doc/adr/0001-record-architecture-decisions.md'],
    files: {'doc/adr/0001-record-architecture-decisions.md': COMPLETE},
    exit: 0,
    stdout: '1 file checked: no problems\n',
  },
  {
    name: 'lint findings exit 1, located, on stdout',
    args: ['lint'],
    files: {'doc/adr/0001-record-architecture-decisions.md': COMPLETE, 'doc/adr/0002-a.md': '---\nstatus: maybe\n---\n# A\n'},
    exit: 1,
    stdout: /^doc\/adr\/0002-a\.md:2:9 {2}error {2}Unexpected status `maybe`.*status$[\s\S]*in 2 files checked\n$/m,
  },
  {
    name: 'no ADR directory: exit 2, saying so',
    args: ['list'],
    files: {'README.md': '# Not ADRs\n'},
    exit: 2,
    stdout: '',
    stderr: /The doc\/adr directory does not exist/,
  },
  {
    // exactly this: no oclif "[UnparsedCommand] Warning" (vitest runs with NODE_ENV=test, where oclif says it)
    name: 'an unknown flag',
    args: ['list', '--no-such-flag'],
    files: TREE,
    exit: 2,
    stdout: '',
    stderr: 'Error: `adr list` has no flag --no-such-flag.\n  Try: `adr list --help` lists its flags.\n',
  },
  {
    name: 'a mistyped flag: which one was meant',
    args: ['list', '--lnog'],
    files: TREE,
    exit: 2,
    stdout: '',
    stderr: 'Error: `adr list` has no flag --lnog.\n  Did you mean --long?\n  Try: `adr list --help` lists its flags.\n',
  },
  {name: 'show without a reference', args: ['show'], files: TREE, exit: 2, stdout: '', stderr: /Missing 1 required arg/},
  {name: 'show of an ambiguous title', args: ['show', 'postgresql'], files: TREE, exit: 2, stdout: '', stderr: /postgresql/i},
  {name: 'show of a number no ADR has', args: ['show', '42'], files: TREE, exit: 2, stdout: '', stderr: /42/},
  {
    name: 'generate graph in a format it does not write',
    args: ['generate', 'graph', '--format', 'png'],
    files: TREE,
    exit: 2,
    stdout: '',
    stderr: /png/,
  },
]

function check(r: {stdout: string; stderr: string; exitCode: number}, c: Case, dir: string): void {
  const report = `stdout:\n${r.stdout}\nstderr:\n${r.stderr}`
  expect(r.exitCode, report).toBe(c.exit)
  const match = (actual: string, expected: Expected) =>
    typeof expected === 'string' ? expect(actual, report).toBe(expected) : expect(actual, report).toMatch(expected)
  match(r.stdout, c.stdout)
  match(r.stderr, c.stderr ?? '')
  for (const [file, content] of Object.entries(c.writes ?? {})) expect(readFileSync(path.join(dir, file), 'utf8')).toMatch(content)
}

let repos: TempRepo[] = []
afterEach(() => {
  for (const r of repos) r.cleanup()
  repos = []
})
function repoOf(c: Case): TempRepo {
  const repo = makeRepo(c.files, {commit: c.commit})
  repos.push(repo)
  return repo
}

describe('the case table', () => {
  for (const c of CASES) {
    describe(`adr ${c.args.join(' ')}: ${c.name}`, () => {
      it('in-process', async () => {
        const repo = repoOf(c)
        check(await runArgs(c.args, repo.dir, c.env), c, repo.dir)
      })
      it('spawned', () => {
        const repo = repoOf(c)
        check(runBin(c.args, repo.dir, c.env), c, repo.dir)
      })
    })
  }
})

interface Manifest {
  commands: Record<string, {summary?: string; examples?: unknown[]}>
}
let cached: Manifest | undefined
/** The manifest `npm run build` writes (test/helpers/global-setup.ts builds it before the suite). */
function manifest(): Manifest {
  cached ??= JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'oclif.manifest.json'), 'utf8')) as Manifest
  return cached
}

/** Spawns the binary without waiting on it, so the help of every command is asked for in parallel. */
function spawnBin(argv: string[]): Promise<{stdout: string; stderr: string; exitCode: number}> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...argv], {
      cwd: PROJECT_ROOT,
      env: {...process.env, NO_COLOR: '1'},
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('close', (code) => resolve({stdout, stderr, exitCode: code ?? 2}))
  })
}

/**
 * What `adr ID --help` prints, from oclif's own help class on this package's configuration, in this
 * process (a spawn per command cost a second of CPU each); the test pins it to the binary's output.
 */
async function helpTexts(): Promise<(id: string) => Promise<string>> {
  const config = await Config.load(PROJECT_ROOT)
  let out = ''
  class Captured extends Help {
    protected log(...args: string[]): void {
      out += `${args.join(' ')}\n`
    }
  }
  const help = new Captured(config, {stripAnsi: true})
  return async (id) => {
    out = ''
    const command = config.findCommand(id)
    if (!command) throw new Error(`no command ${id}`)
    await help.showCommandHelp(command)
    return out
  }
}

describe('--help of every command in the oclif manifest', () => {
  const ids = Object.keys(manifest().commands).sort()

  it('lists the commands of src/commands/', () => {
    expect(ids).toContain('list')
    expect(ids).toContain('generate:toc')
    expect(ids.length).toBeGreaterThanOrEqual(18)
  })

  it('each shows its summary, usage and examples with the real binary name, on stdout, exit 0', async () => {
    // `adr help --help` is oclif's own answer, the command list (as with @oclif/plugin-help): the next test
    const shown = ids.filter((id) => id !== 'help')
    const help = await helpTexts()
    for (const id of shown) {
      const command = id.split(':').join(' ')
      const spec = manifest().commands[id]
      const text = await help(id)
      expect(spec.summary, id).toBeTruthy()
      expect(spec.examples?.length, `${id} has examples`).toBeGreaterThan(0)
      expect(text, id).toContain(spec.summary!.split('\n')[0])
      expect(text, id).toContain('USAGE')
      expect(text, id).toContain('EXAMPLES')
      expect(text, id).toContain(`$ adr ${command}`)
      expect(text, id).not.toContain('<%=')
    }
    // the binary prints that very text, on stdout, exit 0: a command, one of a topic, one with many flags
    const spawned = ['list', 'generate:toc', 'debate:start']
    const results = await Promise.all(spawned.map((id) => spawnBin([...id.split(':'), '--help'])))
    for (const [i, r] of results.entries()) {
      expect(r.exitCode, spawned[i]).toBe(0)
      expect(r.stderr, spawned[i]).toBe('')
      expect(r.stdout, spawned[i]).toBe(await help(spawned[i]))
    }
  })

  it('`adr help --help` prints the command list, as `adr --help` does; help itself has a summary and examples', async () => {
    const [helpHelp, rootHelp] = await Promise.all([spawnBin(['help', '--help']), spawnBin(['--help'])])
    expect(helpHelp.exitCode).toBe(0)
    expect(helpHelp.stdout).toBe(rootHelp.stdout)
    expect(helpHelp.stdout).toContain('help                Display help for adr.')
    expect(manifest().commands.help.summary).toBe('Display help for adr.')
    expect(manifest().commands.help.examples?.length).toBeGreaterThan(0)
  })
})
