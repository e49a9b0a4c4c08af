// The targets of issues 2, 3 and 5, as data: which row, at which size, what limit. The bench reports
// PASS / FAIL next to each figure; it never fails the build.
import {siteTargets} from './site-rows.js'

const MEMORY_MIB = 300

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
  if (id !== 'baseline' && size === 10000) targets.push(memory(MEMORY_MIB))
  return targets
}

/** Targets of the history table (`adr log` on 10,000 commits over 1,000 ADRs), cold and cached alike. */
export function historyTargets(id) {
  return id.startsWith('log') ? [time(2000), memory(MEMORY_MIB)] : []
}

function time(ms) {
  return {kind: 'time', limit: ms, label: `≤ ${ms / 1000} s`}
}

function memory(mib) {
  return {kind: 'memory', limit: mib, label: `≤ ${mib} MiB`}
}

/** Checks a measurement against its targets; `baselineMs` is the median of `node -e 0`. */
export function evaluate(targets, result, baselineMs) {
  if (targets.length === 0) return {targets: [], verdict: result.error ? 'error' : 'none'}
  if (result.error || result.skipped)
    return {targets: targets.map((t) => ({...t, pass: undefined})), verdict: result.error ? 'error' : 'skipped'}
  const checked = targets.map((t) => {
    const actual =
      t.kind === 'time'
        ? result.medianMs
        : t.kind === 'memory'
          ? result.peakRssMiB
          : t.kind === 'share'
            ? result.share
            : result.medianMs / baselineMs
    return {...t, actual, pass: actual !== undefined && Number.isFinite(actual) && actual <= t.limit}
  })
  return {targets: checked, verdict: checked.every((t) => t.pass) ? 'pass' : 'fail'}
}
