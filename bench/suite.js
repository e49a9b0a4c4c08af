// What is measured: the rows of each size table and of the history table.
import {readdirSync, rmSync} from 'node:fs'
import path from 'node:path'
import {siteRows} from './site-rows.js'
import {resetRepository} from './synthetic-repo.js'

const ADR_DIR = 'docs/adr'

/**
 * Drops adrgate's history caches (`.git/adrgate/history-*`: the events of `adr log`, the dates of
 * `adr list --long`), so the next run reads git from scratch. The lint cache is left alone: `adr lint
 * --no-cache` is how a cold lint is measured.
 */
export function dropHistoryCaches(dir) {
  const cacheDir = path.join(dir, '.git', 'adrgate')
  let names = []
  try {
    names = readdirSync(cacheDir)
  } catch {
    return
  }
  for (const name of names.filter((n) => n.startsWith('history-'))) rmSync(path.join(cacheDir, name), {force: true})
}

/**
 * Rows for a repository of synthetic ADRs. `command` is the adr command id that must exist in
 * dist/commands for the row to run (skipped with a note otherwise).
 */
export function sizeRows(repo) {
  return [
    {id: 'baseline', label: 'node -e 0 (baseline)', node: ['-e', '0']},
    {id: 'version', label: 'adr --version', argv: ['--version']},
    {id: 'list', label: 'adr list', argv: ['list'], command: 'list'},
    {
      id: 'list-long-cold',
      label: 'adr list --long (no history cache)',
      argv: ['list', '--long'],
      command: 'list',
      before: () => dropHistoryCaches(repo.dir),
    },
    {id: 'list-long', label: 'adr list --long (history cached)', argv: ['list', '--long'], command: 'list', minWarmup: 1},
    {id: 'show', label: `adr show ${repo.middle}`, argv: ['show', String(repo.middle)], command: 'show'},
    {id: 'toc', label: 'adr generate toc', argv: ['generate', 'toc'], command: 'generate toc'},
    {
      id: 'new',
      label: 'adr new "Bench record"',
      argv: ['new', 'Bench record'],
      command: 'new',
      after: () => resetRepository(repo.dir, ADR_DIR),
    },
    {id: 'lint-cold', label: 'adr lint --no-cache (cold)', argv: ['lint', '--no-cache'], command: 'lint', okCodes: [0, 1]},
    {id: 'lint-warm', label: 'adr lint (warm cache)', argv: ['lint'], command: 'lint', okCodes: [0, 1], minWarmup: 1},
    ...siteRows(repo),
  ]
}

/** Rows for the history repository (issue 5) in `dir`. */
export function historyRows(dir) {
  return [
    {id: 'log-cold', label: 'adr log (no history cache)', argv: ['log'], command: 'log', before: () => dropHistoryCaches(dir)},
    {id: 'log', label: 'adr log (history cached)', argv: ['log'], command: 'log', minWarmup: 1},
  ]
}

/** The row for the repository whose ADR folder moved three times (issue 9; `moved-history-repo.js`). */
export function movedHistoryRows(repo) {
  const label = `adr log over ${repo.moves} folder moves, ${repo.commits.toLocaleString('en')} commits (no history cache)`
  return [{id: 'log-moves-cold', label, argv: ['log', '--dir', repo.adrDir], command: 'log', before: () => dropHistoryCaches(repo.dir)}]
}

/**
 * Start-up, in a repository of one ADR, with and without the oclif manifest. `bin/run.js` answers a
 * bare `adr --version` before loading oclif; `adr --version --` goes through oclif, so it shows what
 * oclif itself costs, and `adr list` adds the command's own imports.
 */
export function startupRows() {
  return [
    {id: 'baseline', label: 'node -e 0 (baseline)', node: ['-e', '0']},
    {id: 'version', label: 'adr --version (bin fast path)', argv: ['--version']},
    {id: 'oclif-version-no-manifest', label: 'adr --version -- (oclif), no manifest', argv: ['--version', '--'], manifest: false},
    {id: 'oclif-version-manifest', label: 'adr --version -- (oclif), manifest', argv: ['--version', '--'], manifest: true},
    {id: 'help-no-manifest', label: 'adr --help, no manifest', argv: ['--help'], manifest: false},
    {id: 'help-manifest', label: 'adr --help, manifest', argv: ['--help'], manifest: true},
    {id: 'list-no-manifest', label: 'adr list (1 ADR), no manifest', argv: ['list'], command: 'list', manifest: false},
    {id: 'list-manifest', label: 'adr list (1 ADR), manifest', argv: ['list'], command: 'list', manifest: true},
  ]
}
