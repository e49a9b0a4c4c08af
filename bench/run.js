#!/usr/bin/env node
// `npm run bench`: builds synthetic ADR repositories with git history and measures the built CLI.
// Progress goes to stderr; the tables (or, with --json, one JSON object) go to stdout. Always exits 0
// unless the bench itself cannot run: it reports targets, it does not gate on them.
//
//   node bench/run.js [--sizes 100,1000,10000] [--runs 5] [--warmup 1] [--only list,toc]
//                     [--no-manifest] [--no-startup] [--no-history] [--json]
//
// Row ids for --only: list-manifest show-1 new-1 status-1 lint-warm-1 toc-1 log-1 list-100 (start-up), version
// list list-long-cold list-long-first list-long show toc graph new lint-cold lint-warm site-cold site site-index-share (each
// size), log-cold log list-long-history-cold log-moves-cold list-long-moves-cold log-moves-created (history); see suite.js and site-rows.js. Floor
// rows and the baseline run with any row of their table.
// The CLI measured is a copy of bin/ + dist/ in a temp directory, with an oclif manifest generated
// there (as a release ships it) unless --no-manifest; the working tree is never given a manifest.
// Before timing a row marked `compare`, the bench runs it once on the fast paths and once with
// ADRGATE_NO_FAST_PATHS=1 (the old, general paths) and reports whether the outputs are the same bytes.
// Repositories are cached in os.tmpdir()/adrgate-bench-<size>/ and rebuilt when GENERATOR_VERSION changes.
import {execFileSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {cpus, loadavg} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {makeCliSnapshot} from './cli-snapshot.js'
import {makeOclifFloor} from './floors.js'
import {ensureHistoryRepository, HISTORY_ADRS} from './history-repo.js'
import {measure, removeProbeFiles, runOnce} from './measure.js'
import {ensureMovedHistoryRepository, expectedCreations} from './moved-history-repo.js'
import {formatMs, renderReport} from './report.js'
import {historyRows, movedHistoryRows, sizeRows, startupRows} from './suite.js'
import {ensureRepository, GENERATOR_VERSION} from './synthetic-repo.js'
import {evaluate, historyTargets, startupTargets, targetsFor} from './targets.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const USAGE = `Usage: node bench/run.js [--sizes 100,1000,10000] [--runs 5] [--warmup 1] [--only ids] [--json]
                         [--no-manifest] [--no-startup] [--no-history] [--no-extra-ca-certs]`
const {values: options} = parseArguments({
  options: {
    sizes: {type: 'string', default: '100,1000,10000'},
    runs: {type: 'string', default: '5'},
    warmup: {type: 'string', default: '1'},
    only: {type: 'string'},
    json: {type: 'boolean', default: false},
    'no-manifest': {type: 'boolean', default: false},
    'no-startup': {type: 'boolean', default: false},
    'no-history': {type: 'boolean', default: false},
    'no-extra-ca-certs': {type: 'boolean', default: false},
    help: {type: 'boolean', default: false},
  },
})
if (options.help) {
  process.stdout.write(`${USAGE}\n`)
  process.exit(0)
}
function parseArguments(config) {
  try {
    return parseArgs(config)
  } catch (error) {
    process.stderr.write(`Error: ${error.message}\n${USAGE}\n`)
    process.exit(2)
  }
}

const sizes = options.sizes.split(',').map((s) => Number(s.replace(/[_,]/g, '')))
const runs = Number(options.runs)
const warmup = Number(options.warmup)
if (sizes.some((s) => !Number.isInteger(s) || s < 1) || !(runs >= 1) || !(warmup >= 0)) {
  process.stderr.write(`Error: --sizes takes positive integers (100,1000), --runs a number ≥ 1, --warmup a number ≥ 0.\n${USAGE}\n`)
  process.exit(2)
}
// NODE_EXTRA_CA_CERTS makes every Node process parse the certificates it names at start-up (about
// 416 M instructions, 40 ms, on the development machine, whose environment sets it): the same cost in
// adrgate and in every floor, which flatters each ratio to a floor. --no-extra-ca-certs measures without.
if (options['no-extra-ca-certs']) delete process.env.NODE_EXTRA_CA_CERTS
const only = options.only?.split(',')
const log = (line) => process.stderr.write(`[bench] ${line}\n`)

const meta = {
  version: JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version,
  commit: describeCommit(),
  node: process.versions.node,
  platform: `${process.platform}-${process.arch}`,
  cpus: cpus().length,
  loadAverage: loadavg().map((l) => l.toFixed(2)),
  loadAverageEnd: undefined,
  date: new Date().toISOString(),
  generator: GENERATOR_VERSION,
  runs,
  warmup,
  manifest: !options['no-manifest'],
  extraCaCerts: Boolean(process.env.NODE_EXTRA_CA_CERTS),
}

const cli = makeCliSnapshot(ROOT)
const floorCli = makeOclifFloor(ROOT)
process.once('SIGINT', () => {
  cli.remove()
  floorCli.remove()
  removeProbeFiles()
  process.exit(130)
})
const figures = {meta, sizes: []}
try {
  const startupIds = startupRows({floorBin: floorCli.bin, dir: '', hundred: ''}).map((r) => r.id)
  if (!options['no-startup'] && (!only || startupIds.some((id) => !isFloor(id) && only.includes(id)))) {
    const cwd = ensureRepository({name: '1', size: 1, log}).dir
    const hundred = !only || only.includes('list-100') ? ensureRepository({name: '100', size: 100, log}).dir : ''
    figures.startup = {
      cwd,
      rows: await measureRows(startupRows({floorBin: floorCli.bin, dir: cwd, hundred}), {
        cwd,
        size: 0,
        targets: (row) => startupTargets(row.id),
      }),
    }
  }
  if (meta.manifest) cli.withManifest()
  else cli.withoutManifest()
  for (const size of sizes) {
    const repo = ensureRepository({name: String(size), size, log})
    log(
      `${size.toLocaleString('en')} ADRs (${repo.commits.toLocaleString('en')} commits, ${repo.reused ? 'reused' : 'built'}): ${repo.dir}`,
    )
    figures.sizes.push({size, commits: repo.commits, dir: repo.dir, rows: await measureRows(sizeRows(repo), {cwd: repo.dir, size})})
  }
  const historyIds = [...historyRows(''), ...movedHistoryRows({moves: 0, commits: 0})].map((r) => r.id)
  if (!options['no-history'] && (!only || historyIds.some((id) => only.includes(id)))) figures.history = await measureHistory()
} finally {
  cli.remove()
  floorCli.remove()
  removeProbeFiles()
}
meta.loadAverageEnd = loadavg().map((l) => l.toFixed(2))
process.stdout.write(options.json ? `${JSON.stringify(figures, null, 2)}\n` : renderReport(figures))

/** The baseline and the floors are measured whenever a row of their table is. */
function isFloor(id) {
  return id === 'baseline' || id.startsWith('floor') || id === 'oclif-floor'
}

async function measureRows(rows, {cwd, size, targets = (row) => targetsFor(row.id, size)}) {
  const results = []
  let baselineMs
  const floors = new Map()
  const selected = rows.filter((row) => !only || isFloor(row.id) || only.includes(row.id))
  if (selected.every((row) => isFloor(row.id))) return results
  for (const row of selected) {
    const base = {id: row.id, label: row.label, argv: row.argv ?? row.node}
    let result
    if (row.command && !cli.hasCommand(row.command)) {
      result = {skipped: `no dist/commands/${row.command.replace(' ', '/')}.js yet`}
    } else if (row.compute) {
      result = await row.compute()
    } else {
      if (row.manifest === true) cli.withManifest()
      if (row.manifest === false) cli.withoutManifest()
      const same = row.compare ? await compareOutputs(row, row.cwd ?? cwd) : undefined
      if (same && !same.same) log(`    OUTPUTS DIFFER: ${same.detail}`)
      log(`  ${row.label} ×${runs}`)
      result = await measure({
        command: process.execPath,
        args: row.node ?? [cli.bin, ...row.argv],
        cwd: row.cwd ?? cwd,
        runs,
        warmup: Math.max(warmup, row.minWarmup ?? 0),
        before: row.before,
        after: row.after,
        okCodes: row.okCodes,
      })
      if (same) result.sameOutput = same
      if (result.error) log(`    ERROR ${result.error}`)
      else
        log(
          `    median ${formatMs(result.medianMs)}, CPU ${formatMs(result.medianCpuMs)}, peak RSS ${Math.round(result.peakRssMiB ?? 0)} MiB`,
        )
    }
    if (row.id === 'baseline') baselineMs = result.medianMs
    if (isFloor(row.id)) floors.set(row.id, result)
    const ratio = baselineMs && result.medianMs ? result.medianMs / baselineMs : undefined
    const floorResult = row.floor ? floors.get(row.floor) : undefined
    const floorRatio = floorResult?.medianCpuMs && result.medianCpuMs ? result.medianCpuMs / floorResult.medianCpuMs : undefined
    const floor = row.floor ? {floor: row.floor, floorRatio} : {}
    results.push({...base, ...result, ratio, ...floor, ...evaluate(targets(row), result, baselineMs, floorResult)})
  }
  return results
}

/**
 * Runs a row once on the fast paths and once on the old, general ones (ADRGATE_NO_FAST_PATHS=1), with
 * its `before` and `after` around each, and compares exit code, stdout and stderr byte for byte.
 */
async function compareOutputs(row, cwd) {
  const args = row.node ?? [cli.bin, ...row.argv]
  const once = async (env) => {
    row.before?.()
    try {
      return await runOnce(process.execPath, args, cwd, {capture: true, env})
    } finally {
      row.after?.()
    }
  }
  const fast = await once({})
  const slow = await once({ADRGATE_NO_FAST_PATHS: '1'})
  for (const [what, a, b] of [
    ['exit code', String(fast.code), String(slow.code)],
    ['stdout', fast.stdout.toString('utf8'), slow.stdout.toString('utf8')],
    ['stderr', fast.stderrText.toString('utf8'), slow.stderrText.toString('utf8')],
  ]) {
    if (a === b) continue
    const lines = [a.split('\n'), b.split('\n')]
    const at = lines[0].findIndex((line, i) => line !== lines[1][i])
    const line = at < 0 ? lines[0].length : at
    return {
      same: false,
      detail: `${what} differs at line ${line + 1}: fast ${JSON.stringify(lines[0][line])}, old ${JSON.stringify(lines[1][line])}`,
    }
  }
  return {same: true, bytes: fast.stdout.length}
}

async function measureHistory() {
  const rows = historyRows('')
  if (!rows.some((r) => r.command && cli.hasCommand(r.command))) {
    return {source: 'not built', adrs: HISTORY_ADRS, skipped: 'no dist/commands/log.js yet', rows: []}
  }
  const repo = await ensureHistoryRepository(log)
  log(`history: ${repo.adrs.toLocaleString('en')} ADRs, ${repo.commits.toLocaleString('en')} commits: ${repo.dir}`)
  const measured = await measureRows(historyRows(repo.dir), {cwd: repo.dir, size: repo.adrs, targets: (row) => historyTargets(row.id)})
  let moves
  if (!only || movedHistoryRows({moves: 0, commits: 0}).some((r) => only.includes(r.id))) {
    // the ADR folder moved three times: every move followed (issue 9)
    const moved = await ensureMovedHistoryRepository(log)
    const rows = movedHistoryRows({...moved, bin: cli.bin, expected: expectedCreations()})
    const {dir, adrs, commits} = moved
    moves = {
      dir,
      adrs,
      commits,
      moves: moved.moves,
      rows: await measureRows(rows, {cwd: dir, size: adrs, targets: (row) => historyTargets(row.id)}),
    }
  }
  return {source: repo.source, dir: repo.dir, adrs: repo.adrs, commits: repo.commits, rows: measured, moves}
}

function describeCommit() {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim()
    const dirty = execFileSync('git', ['status', '--porcelain'], {cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}).trim()
    return dirty ? `${head} + uncommitted changes` : head
  } catch {
    return 'not a git checkout'
  }
}
