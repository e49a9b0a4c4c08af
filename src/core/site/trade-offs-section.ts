import type {Adr} from '../adr/model.js'
import {totalsChart} from './debate-chart.js'
import {type Html, html, trusted} from './html.js'

/** The trade-offs an ADR records in its front matter (`drivers`, `options`, `decision` …), read defensively. */
interface FrontMatterTradeOffs {
  drivers: {id: string; title: string; weight?: number; knockout: boolean}[]
  options: {id: string; title: string; score?: number}[]
  chosen?: string
  rationale?: string
  good: string[]
  bad: string[]
  confirmation: {name: string; kind?: string; check?: string}[]
  revisit?: string
  triggers: string[]
}

const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined)
const record = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {})
const list = (v: unknown) => (Array.isArray(v) ? v : [])

export function readFrontMatterTradeOffs(adr: Adr): FrontMatterTradeOffs | undefined {
  const data = adr.frontMatter?.data ?? {}
  if (!Array.isArray(data.drivers) && !Array.isArray(data.options)) return undefined
  const decision = record(data.decision)
  const consequences = record(data.consequences)
  const revisit = typeof data.revisit === 'string' ? {date: data.revisit} : record(data.revisit)
  return {
    drivers: list(data.drivers).map((d, i) => {
      const r = record(d)
      return {
        id: text(r.id) ?? `D${i + 1}`,
        title: text(r.title) ?? text(r.name) ?? '',
        weight: typeof r.weight === 'number' ? r.weight : undefined,
        knockout: r.knockout === true,
      }
    }),
    options: list(data.options).map((o, i) => {
      const r = record(o)
      return {
        id: text(r.id) ?? String(i + 1),
        title: text(r.title) ?? text(r.id) ?? '',
        score: typeof r.score === 'number' ? r.score : undefined,
      }
    }),
    chosen: text(decision.chosen),
    rationale: text(decision.rationale),
    good: list(consequences.good).flatMap((g) => text(g) ?? []),
    bad: list(consequences.bad).flatMap((b) => text(b) ?? []),
    confirmation: list(data.confirmation).map((c) => {
      const r = record(c)
      return {name: text(r.name) ?? text(c) ?? '', kind: text(r.kind), check: text(r.check)}
    }),
    revisit: text(revisit.date),
    triggers: list(revisit.triggers).flatMap((t) => text(t) ?? text(record(t).condition) ?? []),
  }
}

/** The trade-offs of an ADR with no debate record: drivers and weights, the options' scores, the choice, the revisit date. */
export function renderTradeOffs(adr: Adr, today: string): Html | undefined {
  const t = readFrontMatterTradeOffs(adr)
  if (!t) return undefined
  const chosen = t.options.find((o) => o.id === t.chosen)
  const scored = t.options.filter((o) => o.score !== undefined)
  const overdue = t.revisit !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(t.revisit) && today > t.revisit
  return html`<section class="debate" aria-labelledby="debate-h">
<h2 id="debate-h">Trade-offs</h2>
${chosen ? html`<p class="decision-line"><strong>Chosen:</strong> ${chosen.title}${t.rationale ? html` — ${t.rationale}` : ''}</p>` : ''}
${
  t.drivers.length
    ? html`<h3>Drivers and weights</h3><div class="table-wrap"><table class="drivers"><thead><tr><th scope="col">Driver</th><th scope="col" class="num">Weight</th></tr></thead>
<tbody>${t.drivers.map((d) => html`<tr><th scope="row"><span class="driver-id">${d.id}</span> ${d.title}${d.knockout ? html` <span class="knockout">knockout</span>` : ''}</th><td class="num">${d.weight ?? '–'}</td></tr>`)}</tbody></table></div>`
    : ''
}
${
  t.options.length
    ? html`<h3>Options</h3><div class="table-wrap"><table class="matrix"><thead><tr><th scope="col">Option</th><th scope="col" class="num">Weighted score</th></tr></thead>
<tbody>${t.options.map((o) => html`<tr class="${o.id === t.chosen ? 'winner' : ''}"><th scope="row">${o.title}${o.id === t.chosen ? html` <span class="badge-win">chosen</span>` : ''}</th><td class="num total">${o.score === undefined ? '–' : Math.round(o.score * 100) / 100}</td></tr>`)}</tbody></table></div>
${scored.length ? html`<figure class="chart-box">${trusted(totalsChart(scored.map((o) => ({label: o.title, total: o.score as number, winner: o.id === t.chosen, knockedOut: false}))))}<figcaption>Weighted scores as recorded.</figcaption></figure>` : ''}`
    : ''
}
${t.good.length || t.bad.length ? html`<h3>Consequences</h3><ul>${t.good.map((g) => html`<li>Good: ${g}</li>`)}${t.bad.map((b) => html`<li>Bad: ${b}</li>`)}</ul>` : ''}
${t.confirmation.length ? html`<h3>Confirmation</h3><ul class="checks">${t.confirmation.map((c) => html`<li><strong>${c.name}</strong>${c.kind ? html` <span class="chip chip-other">${c.kind}</span>` : ''} ${c.check ?? ''}</li>`)}</ul>` : ''}
${
  t.revisit
    ? html`<h3>Revisit</h3><p class="revisit${overdue ? ' overdue' : ''}" data-revisit>${overdue ? html`<strong class="overdue-flag">Overdue:</strong> ` : ''}Revisit on <time datetime="${t.revisit}">${t.revisit}</time>.</p>${t.triggers.length ? html`<ul class="triggers">${t.triggers.map((x) => html`<li>${x}</li>`)}</ul>` : ''}`
    : ''
}
</section>`
}
