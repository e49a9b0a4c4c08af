import {statusName} from './chips.js'
import {type Html, html, trusted} from './html.js'
import {pageHref, type SiteModel} from './site-model.js'

export interface GraphPart {
  /** The SVG drawn at export time, or undefined when there was nothing to draw. */
  svg?: string
  /** How many ADRs are drawn (those with typed links). */
  drawn: number
  edges: {from: string; to: string; rel: string}[]
}

/** The relation graph (SVG, every node a link to its page), with the same relations as a list for screen readers and print. */
export function renderGraphPage(model: SiteModel, graph: GraphPart): Html {
  const byPage = new Map(model.entries.map((e) => [e.page, e]))
  const alone = model.entries.length - graph.drawn
  return html`<div class="page-head"><h1>Relation graph</h1>
<p class="lede">How decisions supersede, amend and relate to each other. ${graph.drawn} of ${model.entries.length} decisions take part in a typed link${alone > 0 ? html`; the other ${alone} stand alone and are left out` : ''}.</p>
<p class="legend" aria-label="Colours">${model.counts.map((c) => html`${statusName(c.status)} `)}</p></div>
${graph.svg ? html`<figure class="graph" aria-labelledby="graph-cap">${trusted(graph.svg)}<figcaption id="graph-cap">Select a decision to open it.</figcaption></figure>` : html`<p class="muted">No decision links to another yet.</p>`}
${
  graph.edges.length
    ? html`<details class="edges"><summary>The relations as a list (${graph.edges.length})</summary><ul>
${graph.edges.map((edge) => {
  const from = byPage.get(edge.from)
  const to = byPage.get(edge.to)
  return html`<li>${from ? html`<a href="${pageHref(from.page)}">${from.label}</a>` : edge.from} <span class="rel">${edge.rel}</span> ${to ? html`<a href="${pageHref(to.page)}">${to.label}</a>` : edge.to}</li>`
})}
</ul></details>`
    : ''
}`
}
