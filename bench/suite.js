// What is measured: the rows of the start-up table, of each size table and of the history table.
// A row with `floor` is compared with the floor row of that id measured just before it in the same
// table (its CPU over the floor's CPU); a row with `compare` is first run on adrgate's old, general
// paths too (ADRGATE_NO_FAST_PATHS=1), and the two outputs must be the same bytes.
import {execFileSync} from 'node:child_process'
import {readdirSync, rmSync} from 'node:fs'
import path from 'node:path'
import {FLOOR_TASK} from './floors.js'
import {childEnv} from './measure.js'
import {siteRows} from './site-rows.js'
import {resetRepository} from './synthetic-repo.js'

const ADR_DIR = 'docs/adr'

/**
 * Drops adrgate's history caches (`.git/adrgate/history-*`: the events of `adr log`, the dates of
 * `adr list --long`), so the next run reads git from scratch. The lint cache is left alone: `adr lint
 * --no-cache` is how a cold lint is measured.
 */
export function dropHistoryCaches(dir) {
  dropCaches(dir, 'history-')
}

/** Drops the per-file fact caches (`.git/adrgate/facts-*`: list rows, headlines, graph entries, format votes). */
export function dropFactCaches(dir) {
  dropCaches(dir, 'facts-')
}

/** Removes the files of `.git/adrgate/` whose names start with `prefix`. */
function dropCaches(dir, prefix) {
  const cacheDir = path.join(dir, '.git', 'adrgate')
  let names = []
  try {
    names = readdirSync(cacheDir)
  } catch {
    return
  }
  for (const name of names.filter((n) => n.startsWith(prefix))) rmSync(path.join(cacheDir, name), {force: true})
}

/**
 * The `git log` that adrgate's history reader runs on its general path (adapters/git/git.ts `logPaths`)
 * over `dirs`, as a floor. On a history without merges (both history repositories here) the fast path
 * (app/history/linear-log.ts, ADR 30 and 37) runs other git commands instead: `git rev-list
 * --min-parents=2 --max-count=1 HEAD --`, one `git log` of the whole history with no paths (`--root`,
 * `%ct` in the format), then one `git cat-file --batch --buffer`, and no more for a moved folder (its
 * passes are answered from that one log). That whole log costs git less than this floor (perf stat -r
 * 5, task-clock, 2026-12-02: 350–435 ms against 550–710 ms on the moved repository, 560–600 ms
 * against 880–960 ms on the plain one), so a row's × floor understates Node's share.
 */
function gitLog(...dirs) {
  return ['log', '-z', '--raw', '--no-abbrev', '-M', '--format=%x1e%H%x00%P%x00%an%x00%ae%x00%aI%x00%s', 'HEAD', '--', ...dirs]
}
const GIT_LOG = gitLog(ADR_DIR)

function fileOf(dir, number) {
  const prefix = String(number).padStart(4, '0')
  return readdirSync(path.join(dir, ADR_DIR)).find((f) => f.startsWith(`${prefix}-`))
}

/** The file-system floors of a repository (floor-task.js). */
function fsFloors(repo) {
  return [
    {id: 'floor-readdir', label: 'floor: node readdir of docs/adr', node: [FLOOR_TASK, 'readdir', ADR_DIR]},
    {
      id: 'floor-read-one',
      label: `floor: node reads ${ADR_DIR}/${fileOf(repo.dir, repo.middle)}`,
      node: [FLOOR_TASK, 'read-one', path.join(ADR_DIR, fileOf(repo.dir, repo.middle))],
    },
    {id: 'floor-read-all', label: 'floor: node reads every ADR', node: [FLOOR_TASK, 'read-all', ADR_DIR]},
    {id: 'floor-write-one', label: 'floor: node readdir + writes one file', node: [FLOOR_TASK, 'write-one', ADR_DIR]},
  ]
}

/**
 * Rows for a repository of synthetic ADRs. `command` is the adr command id that must exist in
 * dist/commands for the row to run (skipped with a note otherwise).
 */
export function sizeRows(repo) {
  const reset = () => resetRepository(repo.dir, ADR_DIR)
  return [
    {id: 'baseline', label: 'node -e 0 (baseline)', node: ['-e', '0']},
    ...fsFloors(repo),
    {id: 'version', label: 'adr --version', argv: ['--version']},
    {id: 'list', label: 'adr list', argv: ['list'], command: 'list', floor: 'floor-readdir', compare: true},
    {
      id: 'list-long-cold',
      label: 'adr list --long (no history cache)',
      argv: ['list', '--long'],
      command: 'list',
      before: () => dropHistoryCaches(repo.dir),
      compare: true,
    },
    {
      // the row above keeps the rows' fact cache (facts-list-rows, trusted while each file's stat holds): this is a first run
      id: 'list-long-first',
      label: 'adr list --long (first run: no history or fact cache)',
      argv: ['list', '--long'],
      command: 'list',
      before: () => {
        dropHistoryCaches(repo.dir)
        dropFactCaches(repo.dir)
      },
    },
    {id: 'list-long', label: 'adr list --long (history cached)', argv: ['list', '--long'], command: 'list', minWarmup: 1},
    {
      id: 'show',
      label: `adr show ${repo.middle}`,
      argv: ['show', String(repo.middle)],
      command: 'show',
      floor: 'floor-read-one',
      compare: true,
    },
    {id: 'toc', label: 'adr generate toc', argv: ['generate', 'toc'], command: 'generate toc', floor: 'floor-read-all', compare: true},
    {
      id: 'search',
      label: 'adr search kafka billing (few ADRs hold both)',
      argv: ['search', 'kafka', 'billing'],
      command: 'search',
      okCodes: [0, 1],
      floor: 'floor-read-all',
    },
    {
      id: 'search-common',
      label: 'adr search tenants (a sentence many ADRs hold)',
      argv: ['search', 'tenants'],
      command: 'search',
      okCodes: [0, 1],
      floor: 'floor-read-all',
    },
    {
      id: 'graph',
      label: 'adr generate graph',
      argv: ['generate', 'graph'],
      command: 'generate graph',
      floor: 'floor-read-all',
      compare: true,
    },
    {
      id: 'new',
      label: 'adr new "Bench record"',
      argv: ['new', 'Bench record'],
      command: 'new',
      after: reset,
      floor: 'floor-write-one',
      compare: true,
    },
    {
      id: 'lint-cold',
      label: 'adr lint --no-cache (cold)',
      argv: ['lint', '--no-cache'],
      command: 'lint',
      okCodes: [0, 1],
      floor: 'floor-read-all',
      compare: true,
    },
    {
      id: 'lint-warm',
      label: 'adr lint (warm cache)',
      argv: ['lint'],
      command: 'lint',
      okCodes: [0, 1],
      minWarmup: 1,
      floor: 'floor-read-all',
      compare: true,
    },
    ...siteRows(repo),
  ]
}

/** Rows for the history repository (issue 5) in `dir`: `adr log` against the `git log` it runs. */
export function historyRows(dir) {
  return [
    {id: 'floor-git-log', label: 'floor: node runs the git log adrgate runs', node: [FLOOR_TASK, 'git', ...GIT_LOG]},
    {
      id: 'log-cold',
      label: 'adr log (no history cache)',
      argv: ['log'],
      command: 'log',
      before: () => dropHistoryCaches(dir),
      floor: 'floor-git-log',
      compare: true,
    },
    {id: 'log', label: 'adr log (history cached)', argv: ['log'], command: 'log', minWarmup: 1},
    {
      id: 'list-long-history-cold',
      label: 'adr list --long (no history cache)',
      argv: ['list', '--long'],
      command: 'list',
      before: () => dropHistoryCaches(dir),
      floor: 'floor-git-log',
      compare: true,
    },
  ]
}

/**
 * The rows for the repository whose ADR folder moved three times (issue 9; `moved-history-repo.js`):
 * `adr log` and `list --long` read cold, against one `git log` over the four folders the ADRs lived
 * in (what adrgate's passes read between them: its first pass over the folder of today, one more over
 * each folder a move is found from), and a check that each ADR's creation is its first one, in the
 * first folder, by its author, in both outputs. `repo.bin` is the CLI measured.
 */
export function movedHistoryRows(repo) {
  const span = `${repo.moves} folder moves, ${repo.commits.toLocaleString('en')} commits`
  const cold = () => dropHistoryCaches(repo.dir)
  return [
    {
      id: 'floor-git-log-moves',
      label: `floor: node runs one git log over the ${repo.dirs?.length ?? 0} folders`,
      node: [FLOOR_TASK, 'git', ...gitLog(...(repo.dirs ?? []))],
    },
    {
      id: 'log-moves-cold',
      label: `adr log over ${span} (no history cache)`,
      argv: ['log', '--dir', repo.adrDir],
      command: 'log',
      before: cold,
      floor: 'floor-git-log-moves',
      compare: true,
    },
    {
      id: 'list-long-moves-cold',
      label: `adr list --long over ${span} (no history cache)`,
      argv: ['list', '--long', '--dir', repo.adrDir],
      command: 'list',
      before: cold,
      floor: 'floor-git-log-moves',
      compare: true,
    },
    {id: 'log-moves-created', label: 'created = the first creation, across the moves', command: 'log', compute: () => checkCreations(repo)},
  ]
}

/**
 * Whether `adr log --json` shows each ADR created once, at the commit that first created it and by its
 * author, and `list --long --json` gives the same creation date, read cold. Not timed.
 */
export function checkCreations(repo) {
  if (!repo.expected || !repo.bin) return {skipped: 'no expected creations given'}
  dropHistoryCaches(repo.dir)
  const run = (...args) =>
    JSON.parse(
      execFileSync(process.execPath, [repo.bin, ...args, '--json', '--dir', repo.adrDir], {
        cwd: repo.dir,
        env: childEnv(),
        maxBuffer: 1 << 30,
        encoding: 'utf8',
      }),
    )
  const created = new Map()
  for (const e of run('log').events) if (e.kind === 'created') created.set(e.number, [...(created.get(e.number) ?? []), e])
  const listed = new Map(run('list', '--long').adrs.map((a) => [a.number, a]))
  const wrong = []
  for (const want of repo.expected) {
    const events = created.get(want.number) ?? []
    const at = (iso) => (iso === undefined ? undefined : Date.parse(iso) / 1000)
    if (events.length !== 1) wrong.push(`ADR ${want.number}: created ${events.length} times in adr log`)
    else if (at(events[0].date) !== want.createdAt || events[0].author !== want.author)
      wrong.push(`ADR ${want.number}: adr log says created ${events[0].date} by ${events[0].author}`)
    if (at(listed.get(want.number)?.created) !== want.createdAt)
      wrong.push(`ADR ${want.number}: list --long says created ${listed.get(want.number)?.created}`)
  }
  const n = repo.expected.length.toLocaleString('en')
  return {
    mismatches: wrong.length,
    note: wrong.length === 0 ? `all ${n} ADRs: once, at the first creation, by its author` : `${wrong.length} wrong, e.g. ${wrong[0]}`,
  }
}

/**
 * Start-up, in a repository of one ADR. `oclif-floor` is a minimal oclif CLI (floors.js): every
 * command's start-up is compared with it. `bin/run.js` answers a bare `adr --version` before loading
 * oclif; `adr --version --` goes through oclif. `list-100` is `adr list` in the repository of 100 ADRs
 * (`hundred`), which issue 13 compares with a TypeScript port of adr-tools on a smaller framework.
 */
export function startupRows({floorBin, dir, hundred}) {
  const reset = () => resetRepository(dir, ADR_DIR)
  const adr = (id, label, argv, more = {}) => ({id, label, argv, command: argv[0], manifest: true, floor: 'oclif-floor', ...more})
  return [
    {id: 'baseline', label: 'node -e 0 (baseline)', node: ['-e', '0']},
    {id: 'oclif-floor', label: 'floor: minimal oclif CLI, manifest, one command', node: [floorBin, 'hello']},
    {id: 'version', label: 'adr --version (bin fast path)', argv: ['--version']},
    {id: 'oclif-version-no-manifest', label: 'adr --version -- (oclif), no manifest', argv: ['--version', '--'], manifest: false},
    {id: 'list-no-manifest', label: 'adr list, no manifest', argv: ['list'], command: 'list', manifest: false},
    {
      id: 'oclif-version-manifest',
      label: 'adr --version -- (oclif), manifest',
      argv: ['--version', '--'],
      manifest: true,
      floor: 'oclif-floor',
    },
    {id: 'help-manifest', label: 'adr --help, manifest', argv: ['--help'], manifest: true, floor: 'oclif-floor'},
    adr('list-manifest', 'adr list', ['list'], {compare: true}),
    adr('show-1', 'adr show 1', ['show', '1'], {compare: true}),
    adr('new-1', 'adr new --no-edit Bench', ['new', '--no-edit', 'Bench'], {after: reset, compare: true}),
    adr('status-1', 'adr status 1 accepted', ['status', '1', 'accepted'], {after: reset}),
    adr('lint-warm-1', 'adr lint (warm cache)', ['lint'], {okCodes: [0, 1], minWarmup: 1}),
    adr('toc-1', 'adr generate toc', ['generate', 'toc'], {command: 'generate toc', compare: true}),
    adr('log-1', 'adr log (history cached)', ['log'], {minWarmup: 1}),
    adr('list-100', 'adr list, 100 ADRs', ['list'], {cwd: hundred, compare: true}),
  ]
}
