import {describeNoFlip, formatPercent} from '../debate/flip-points.js'
import type {DebateRecord, Results} from '../debate/record.js'
import {computeResults, scoreTable} from '../debate/results.js'
import {topOptions} from '../debate/ties.js'
import {sensitivityChart, totalsChart} from './debate-chart.js'
import {type Html, html, trusted} from './html.js'

/** The revisit date has passed and no review was held since. */
export function isRevisitOverdue(record: DebateRecord, today: string): boolean {
  const revisit = record.revisit
  if (!revisit?.date || today <= revisit.date) return false
  return !(revisit.reviews ?? []).some((r) => r.date >= revisit.date)
}

/**
 * The debate behind a decision: drivers and weights, the score matrix, totals and ranking, the
 * winner under each weight set, flip points (sentences and a chart), cruxes, dissent, confirmation
 * checks and the revisit date. Results are recomputed from the scores (`adr lint` checks the stored ones).
 */
export function renderDebate(record: DebateRecord, today: string): Html {
  const results: Results | undefined = record.scoring?.entries?.length ? computeResults(record) : record.results
  const drivers = record.drivers ?? []
  const options = record.options ?? []
  const title = (id: string | null | undefined) => (id ? (options.find((o) => o.id === id)?.title ?? id) : 'no option')
  const agreed = record.weights?.agreed ?? {}
  const proposed = Object.entries(record.weights?.proposed ?? {})
  const cells = new Map((results?.cells ?? []).map((c) => [`${c.option}\0${c.driver}`, c]))
  const divergent = new Set((results?.divergent ?? []).map((c) => `${c.option}\0${c.driver}`))
  const out = new Set((results?.knocked_out ?? []).map((c) => `${c.option}\0${c.driver}`))
  const totals = new Map((results?.totals ?? []).map((t) => [t.option, t]))
  const winner = results?.winner ?? null
  const overdue = isRevisitOverdue(record, today)
  const table = scoreTable(record)
  const flipsBy = new Map<string, number[]>()
  for (const f of results?.flip_points ?? []) flipsBy.set(f.driver, [...(flipsBy.get(f.driver) ?? []), f.threshold])
  // the chart shows the driver whose flip point is nearest its agreed weight: the most fragile one
  const fragile = [...(results?.flip_points ?? [])].sort((a, b) => Math.abs(a.threshold - a.weight) - Math.abs(b.threshold - b.weight))[0]
  const chartDriver = fragile?.driver ?? drivers[0]?.id
  const dissent = (record.commitments ?? []).filter((c) => c.stance !== 'agree' || c.dissent)
  const concerns = (record.objections ?? []).filter((o) => o.kind !== 'consent')
  return html`<section class="debate" aria-labelledby="debate-h">
<h2 id="debate-h">The debate</h2>
${record.question ? html`<p class="question"><span class="muted">The question:</span> ${record.question}</p>` : ''}
${record.decision ? html`<p class="decision-line"><strong>Chosen:</strong> ${title(record.decision.chosen)} <span class="muted">(${record.decision.method}${record.decision.date ? `, ${record.decision.date}` : ''})</span>${winner && !topOptions({winner, ties: results?.ties}).includes(record.decision.chosen) ? html` — not the top-scored option (${title(winner)})` : ''}</p>` : ''}
${record.decision?.y_statement ? html`<blockquote class="y-statement">${record.decision.y_statement}</blockquote>` : ''}

<h3>Drivers and weights</h3>
<div class="table-wrap"><table class="drivers">
<thead><tr><th scope="col">Driver</th><th scope="col">Category</th><th scope="col" class="num">Agreed</th>${proposed.map(([p]) => html`<th scope="col" class="num">${p}</th>`)}</tr></thead>
<tbody>${drivers.map(
    (d) =>
      html`<tr><th scope="row"><span class="driver-id">${d.id}</span> ${d.name}${d.knockout ? html` <span class="knockout" title="An option scoring below 3 here is out">knockout</span>` : ''}</th><td>${d.category}</td><td class="num">${agreed[d.id] ?? '–'}</td>${proposed.map(([, w]) => html`<td class="num">${w[d.id] ?? '–'}</td>`)}</tr>`,
  )}</tbody>
</table></div>

${
  results
    ? html`<h3>Score matrix</h3>
<p class="muted">Each cell is the ${results.aggregate} of the participants' scores (1–5; 3 meets the driver's measure).</p>
<div class="table-wrap"><table class="matrix" data-matrix>
<thead><tr><th scope="col">Option</th>${drivers.map((d) => html`<th scope="col" class="num" title="${d.name}">${d.id}<span class="weight">${agreed[d.id] !== undefined ? ` · ${agreed[d.id]}%` : ''}</span></th>`)}<th scope="col" class="num">Total</th><th scope="col" class="num">Rank</th></tr></thead>
<tbody>${options.map((o) => {
        const t = totals.get(o.id)
        return html`<tr class="${o.id === winner ? 'winner' : t?.knocked_out ? 'out' : ''}"><th scope="row">${o.title}${o.id === winner ? html` <span class="badge-win">winner</span>` : ''}</th>${drivers.map(
          (d) => {
            const key = `${o.id}\0${d.id}`
            const c = cells.get(key)
            const cls = [out.has(key) ? 'cell-out' : '', divergent.has(key) ? 'cell-divergent' : ''].filter(Boolean).join(' ')
            return html`<td class="num ${cls}"${divergent.has(key) ? html` title="The participants' scores spread by ${c?.spread ?? 2} or more"` : ''}>${c ? round(c.aggregate) : '–'}</td>`
          },
        )}<td class="num total">${t ? round(t.total) : '–'}</td><td class="num">${t?.rank ?? '–'}${t?.knocked_out ? html` <span class="knockout">out</span>` : ''}</td></tr>`
      })}</tbody>
</table></div>
<p class="matrix-key muted"><span class="key cell-divergent">2.5</span> scores spread by 2 or more · <span class="key cell-out">2</span> below 3 on a knockout driver</p>
<figure class="chart-box">${trusted(totalsChart(results.totals.map((t) => ({label: title(t.option), total: t.total, winner: t.option === winner, knockedOut: t.knocked_out}))))}<figcaption>Weighted totals under the agreed weights.</figcaption></figure>

<h3>Winners under each weight set</h3>
<ul class="winners">
<li><strong>Agreed weights:</strong> ${title(winner)}</li>
${Object.entries(results.winners_by_participant).map(([p, w]) => html`<li><strong>${p}'s weights:</strong> ${title(w)}</li>`)}
</ul>
<p class="${results.stable ? 'stable' : 'unstable'}">${results.stable ? 'Stable: every weight set picks the same winner.' : 'Not stable: the winner depends on whose weights are used.'}</p>

<h3>Flip points</h3>
<ul class="flips" data-flips>
${drivers.map((d) => {
  const flips = (results.flip_points ?? []).filter((f) => f.driver === d.id)
  if (flips.length === 0) return winner ? html`<li>${describeNoFlip(title(winner), d.id)} <span class="muted">(${d.name})</span>.</li>` : ''
  return flips.map((f) => html`<li>${f.sentence} <span class="muted">(${d.name}, now ${formatPercent(f.weight)}%)</span>.</li>`)
})}
</ul>
${
  chartDriver && Object.keys(agreed).length
    ? html`<figure class="chart-box">${trusted(
        sensitivityChart({
          table,
          agreed,
          driver: chartDriver,
          driverName: drivers.find((d) => d.id === chartDriver)?.name ?? '',
          titleOf: (o) => title(o),
          flips: flipsBy.get(chartDriver) ?? [],
        }),
      )}<figcaption>Each option's total as the weight of ${chartDriver} moves from 0 to 100% (the other weights keep their proportions). Where a line crosses the winner's, the winner flips.</figcaption></figure>`
    : ''
}`
    : html`<p class="muted">The options have not been scored yet.</p>`
}

${
  record.cruxes?.length
    ? html`<h3>Cruxes</h3><ul class="cruxes">${record.cruxes.map(
        (c) =>
          html`<li><span class="driver-id">${c.id}</span> ${c.fact} <span class="muted">— ${c.owner}; ${c.settle}${c.resolution ? `, settled by ${c.resolution}` : ', open'}</span>${c.finding ? html`<br><span class="finding">Found: ${c.finding}</span>` : ''}</li>`,
      )}</ul>`
    : ''
}
${
  dissent.length || concerns.length
    ? html`<h3>Dissent</h3><ul class="dissent">${dissent.map((c) => html`<li><strong>${c.participant}</strong> — ${c.stance.replace(/-/g, ' ')}${c.dissent ? html`: “${c.dissent}”` : ''}</li>`)}${concerns.map((o) => html`<li><strong>${o.raiser}</strong> — ${o.kind}${o.statement ? html`: “${o.statement}”` : ''}${o.resolution ? html` <span class="muted">(${o.resolution})</span>` : ''}</li>`)}</ul>`
    : ''
}
${
  record.confirmation?.length
    ? html`<h3>Confirmation</h3><ul class="checks">${record.confirmation.map((c) => html`<li><span class="driver-id">${c.id}</span> <strong>${c.name}</strong> <span class="chip chip-other">${c.kind}</span> ${c.check}</li>`)}</ul>`
    : ''
}
${
  record.revisit
    ? html`<h3>Revisit</h3><p class="revisit${overdue ? ' overdue' : ''}" data-revisit>${overdue ? html`<strong class="overdue-flag">Overdue:</strong> ` : ''}Revisit on <time datetime="${record.revisit.date}">${record.revisit.date}</time>${overdue ? ', and no review has been held since.' : '.'}</p>
${record.revisit.triggers?.length ? html`<ul class="triggers">${record.revisit.triggers.map((t) => html`<li><span class="driver-id">${t.id}</span> ${t.condition}</li>`)}</ul>` : ''}
${record.revisit.reviews?.length ? html`<ul class="reviews">${record.revisit.reviews.map((r) => html`<li><time datetime="${r.date}">${r.date}</time> ${r.by}: ${r.outcome}${r.note ? ` — ${r.note}` : ''}</li>`)}</ul>` : ''}`
    : ''
}
</section>`
}

function round(n: number): string {
  return (Math.round(n * 100) / 100).toString()
}
