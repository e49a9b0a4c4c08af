// Renders the figures as plain-text tables (stdout of `npm run bench`).

export function formatMs(ms) {
  if (ms === undefined) return '—'
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`
}

function formatMiB(mib) {
  return mib === undefined ? '—' : `${Math.round(mib)} MiB`
}

function targetText(row) {
  return row.targets.map((t) => t.label).join(', ')
}

const VERDICT = {pass: 'PASS', fail: 'FAIL', error: 'ERROR', skipped: 'skipped', none: ''}

function table(rows) {
  if (rows.length === 0) return '(no rows selected)'
  const header = ['command', 'median', 'min–max', '× node', 'CPU', '× floor', 'peak RSS', 'target', 'result']
  const last = header.length - 1
  const lines = rows.map((r) => {
    if (r.skipped) return [r.label, '', '', '', '', '', '', targetText(r), `skipped: ${r.skipped}`]
    if (r.error) return [r.label, '', '', '', '', '', '', targetText(r), `ERROR ${r.error}`]
    if (r.note) return [r.label, r.note, '', '', '', '', '', targetText(r), VERDICT[r.verdict]]
    const rss =
      r.childPeakRssMiB === undefined ? formatMiB(r.peakRssMiB) : `${formatMiB(r.peakRssMiB)} (+${formatMiB(r.childPeakRssMiB)} node child)`
    const ratio = r.ratio === undefined || r.id === 'baseline' ? '' : `${r.ratio.toFixed(1)}×`
    return [
      r.label,
      formatMs(r.medianMs),
      `${formatMs(r.minMs)}–${formatMs(r.maxMs)}`,
      ratio,
      formatMs(r.medianCpuMs),
      r.floorRatio === undefined ? '' : `${r.floorRatio.toFixed(2)}×`,
      rss,
      targetText(r),
      [VERDICT[r.verdict], r.sameOutput && !r.sameOutput.same ? 'OUTPUT DIFFERS from the old path' : ''].filter(Boolean).join('; '),
    ]
  })
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (i === last ? 0 : l[i].length))))
  const numeric = new Set([1, 2, 3, 4, 5, 6])
  const render = (cells) =>
    cells
      .map((c, i) => (i === last ? c : numeric.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd()
  return [render(header), render(widths.map((w, i) => '-'.repeat(i === last ? header[i].length : w))), ...lines.map(render)].join('\n')
}

/** More runnable work than CPUs (1-minute load average): other processes competed with the measurements. */
function busy(meta) {
  return [meta.loadAverage[0], meta.loadAverageEnd?.[0]].some((l) => Number(l) > meta.cpus * 0.75)
}

export function renderReport(figures) {
  const {meta} = figures
  const out = [
    `adrgate ${meta.version} (${meta.commit}) — node ${meta.node}, ${meta.cpus} CPUs, ${meta.date}`,
    `load average ${meta.loadAverage.join(' ')} at start, ${meta.loadAverageEnd?.join(' ') ?? '?'} at the end${busy(meta) ? ' — a BUSY machine: wall times are inflated, compare CPU' : ''}`,
    `median of ${meta.runs} runs after ${meta.warmup} warm-up run(s); wall time as seen by the parent, spawn included;`,
    'CPU = user + system time of the process and of the child processes it waited for, git included (steadier than wall time on a busy machine);',
    '× floor = CPU over the CPU of the floor row named in suite.js (a minimal oclif CLI, a readdir, reading one or every file, the git log run);',
    'peak RSS = maxRSS of the adr Node process (git child processes are not counted; Node children are shown apart).',
    `oclif manifest: ${meta.manifest ? 'generated (as in a release)' : 'absent (as in development)'}.`,
    `NODE_EXTRA_CA_CERTS ${meta.extraCaCerts ? 'set: every Node process, floors included, parses those certificates at start-up (--no-extra-ca-certs measures without)' : 'unset'}; the compile cache (ADR 45) is the bench's own, filled by the warm-up run.`,
  ]
  if (figures.startup) {
    out.push('', '## Start-up (cwd: a repository of one ADR)', '', table(figures.startup.rows))
  }
  for (const size of figures.sizes) {
    out.push('', `## ${size.size.toLocaleString('en')} ADRs (${size.commits.toLocaleString('en')} commits)`, '', table(size.rows))
  }
  if (figures.history) {
    const h = figures.history
    out.push(
      '',
      `## History: ${h.adrs?.toLocaleString('en') ?? '?'} ADRs, ${h.commits?.toLocaleString('en') ?? '?'} commits (${h.source})`,
      '',
    )
    out.push(h.skipped ? `skipped: ${h.skipped}` : table(h.rows))
    if (h.moves) {
      const m = h.moves
      out.push(
        '',
        `## History across ${m.moves} folder moves: ${m.adrs.toLocaleString('en')} ADRs, ${m.commits.toLocaleString('en')} commits`,
        '',
        table(m.rows),
      )
    }
  }
  const all = [
    ...(figures.startup?.rows ?? []),
    ...figures.sizes.flatMap((s) => s.rows),
    ...(figures.history?.rows ?? []),
    ...(figures.history?.moves?.rows ?? []),
  ]
  const compared = all.filter((r) => r.sameOutput)
  const differ = compared.filter((r) => !r.sameOutput.same)
  out.push('')
  if (compared.length)
    out.push(
      differ.length
        ? `OUTPUTS DIFFER between the fast and the old paths in ${differ.length} of ${compared.length} compared rows:\n${differ.map((r) => `  ${r.label}: ${r.sameOutput.detail}`).join('\n')}`
        : `Fast and old paths (ADRGATE_NO_FAST_PATHS=1) print the same bytes in all ${compared.length} compared rows.`,
    )
  const failed = all.filter((r) => r.verdict === 'fail' || r.verdict === 'error')
  out.push(failed.length ? `${failed.length} row(s) FAIL or ERROR (reported, not gated).` : 'Every measured target PASSES.')
  return `${out.join('\n')}\n`
}
