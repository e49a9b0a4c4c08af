// The targets of issues 2, 3, 5 and 13, as data: which row, at which size, what limit. The bench
// reports PASS / FAIL next to each figure; it never fails the build. Kinds: `time` (median wall ms),
// `cpu` (median CPU ms, children included), `memory` (peak RSS MiB), `ratio` (wall time over `node -e
// 0`), `floor` (CPU over the CPU of the row's floor, measured beside it), `share` (site-rows.js).
import {siteTargets} from './site-rows.js'

const MEMORY_MIB = 300

/** Start-up (issue 13): every command within 1.15× of the minimal oclif CLI. */
const STARTUP_FLOOR_RATIO = 1.15
const STARTUP_ROWS = new Set(['list-manifest', 'show-1', 'new-1', 'status-1', 'lint-warm-1', 'toc-1', 'log-1'])

/** Issue 13's CPU limits at 10,000 ADRs, in ms, as the issue gives them (seconds of its machine). */
const ISSUE_13_CPU_MS = {list: 600, show: 600, new: 600, toc: 700, graph: 700, 'lint-cold': 2500, 'lint-warm': 900}

/**
 * The floors issue 13 measured beside those limits, on its own machine, in ms: the readdir (`list`),
 * reading one file (`show N`), writing one (`new`), reading every file (`lint`; `toc` and `graph`,
 * which the issue gave no floor, read every file too). A machine faster than the issue's passes an
 * absolute CPU limit without any change to adrgate, so each limit is also checked as the ratio to its
 * floor that it was on the issue's machine, against the floor the bench measures beside the row.
 */
const ISSUE_13_FLOOR_MS = {list: 160, show: 160, new: 170, toc: 270, graph: 270, 'lint-cold': 270, 'lint-warm': 270}

function scaledToFloor(id, cpuLimit) {
  const ratio = Math.round((cpuLimit / ISSUE_13_FLOOR_MS[id]) * 100) / 100
  return {kind: 'floor', limit: ratio, label: `CPU ≤ ${ratio}× floor (issue 13's machine)`}
}

/**
 * Issue 13: "A TypeScript port of adr-tools with a smaller framework lists 100 ADRs in 0.22 s CPU here",
 * where the minimal oclif CLI took 0.34 s: `adr list` of 100 ADRs matches it at that ratio to the floor.
 */
const ADR_TOOLS_PORT_RATIO = Math.round((0.22 / 0.34) * 100) / 100

/** Targets of the start-up table. */
export function startupTargets(id) {
  if (STARTUP_ROWS.has(id)) return [floor(STARTUP_FLOOR_RATIO, 'the minimal oclif CLI')]
  if (id === 'list-100') return [floor(ADR_TOOLS_PORT_RATIO, "the minimal oclif CLI (the adr-tools port's, issue 13)")]
  if (id === 'version') return [{kind: 'ratio', limit: 3, label: '≤ 3× node -e 0'}]
  return []
}

/** Targets that apply to a row of the size table. `size` is the number of ADRs. */
export function targetsFor(id, size) {
  if (id.startsWith('site')) return siteTargets(id, size)
  const targets = []
  if (id === 'version') targets.push({kind: 'ratio', limit: 3, label: '≤ 3× node -e 0'})
  const listOrToc = id === 'list-long' || id === 'list-long-cold' || id === 'toc'
  if (listOrToc && size === 1000) targets.push(time(300))
  if (listOrToc && size === 10000) targets.push(time(1500))
  if (id === 'lint-cold' && size === 1000) targets.push(time(2000))
  if (id === 'lint-cold' && size === 10000) targets.push(time(10000))
  if (id === 'lint-warm' && size === 10000) targets.push(time(1500))
  if (size === 10000) {
    // issue 13: names-only paths and the lint near the parsing floor, on CPU
    const cpuLimit = ISSUE_13_CPU_MS[id]
    if (cpuLimit) targets.push(cpu(cpuLimit), scaledToFloor(id, cpuLimit))
    if (id === 'list') targets.push(memory(80))
    // issue 12: a search reads every file (the read-every-ADR floor) and parses only the ADRs that hold every term
    if (id === 'search') targets.push(cpu(1000))
  }
  if (id !== 'baseline' && !id.startsWith('floor') && size === 10000) targets.push(memory(MEMORY_MIB))
  return targets
}

/** Targets of the history table (`adr log` on 10,000 commits over 1,000 ADRs). */
export function historyTargets(id) {
  const targets = id.startsWith('log') ? [time(2000), memory(MEMORY_MIB)] : []
  // issue 13: a cold history read costs little more than the git log it runs
  if (id === 'log-cold' || id === 'list-long-history-cold') targets.push(floor(1.3, 'the git log'))
  if (id === 'log-moves-cold' || id === 'list-long-moves-cold') targets.push(floor(1.3, 'the git log'))
  if (id === 'list-long-moves-cold') targets.push(time(2000), memory(MEMORY_MIB))
  if (id === 'log-moves-created') return [{kind: 'check', limit: 0, label: 'none wrong'}]
  return targets
}

function time(ms) {
  return {kind: 'time', limit: ms, label: `≤ ${ms / 1000} s`}
}

function cpu(ms) {
  return {kind: 'cpu', limit: ms, label: `CPU ≤ ${ms / 1000} s`}
}

function memory(mib) {
  return {kind: 'memory', limit: mib, label: `≤ ${mib} MiB`}
}

function floor(limit, what) {
  return {kind: 'floor', limit, label: `CPU ≤ ${limit}× ${what}`}
}

/** The figure a target is checked against. */
function actualOf(target, result, baselineMs, floorResult) {
  if (target.kind === 'time') return result.medianMs
  if (target.kind === 'cpu') return result.medianCpuMs
  if (target.kind === 'memory') return result.peakRssMiB
  if (target.kind === 'share') return result.share
  if (target.kind === 'check') return result.mismatches
  if (target.kind === 'floor') return floorResult?.medianCpuMs ? result.medianCpuMs / floorResult.medianCpuMs : undefined
  return result.medianMs / baselineMs
}

/** Checks a measurement against its targets; `baselineMs` is the median of `node -e 0`, `floorResult` the row's floor. */
export function evaluate(targets, result, baselineMs, floorResult) {
  if (targets.length === 0) return {targets: [], verdict: result.error ? 'error' : 'none'}
  if (result.error || result.skipped)
    return {targets: targets.map((t) => ({...t, pass: undefined})), verdict: result.error ? 'error' : 'skipped'}
  const checked = targets.map((t) => {
    const actual = actualOf(t, result, baselineMs, floorResult)
    return {...t, actual, pass: actual !== undefined && Number.isFinite(actual) && actual <= t.limit}
  })
  return {targets: checked, verdict: checked.every((t) => t.pass) ? 'pass' : 'fail'}
}
