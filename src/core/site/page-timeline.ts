import {describeEvent} from '../history/history-text.js'
import {commitLink} from './events.js'
import {type Html, html} from './html.js'
import type {SiteInfo} from './layout.js'
import {entryKey, pageHref, type SiteModel} from './site-model.js'

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** Every change git knows of, newest first, grouped by month. */
export function renderTimeline(site: SiteInfo, model: SiteModel): Html {
  const groups: {month: string; events: SiteModel['events']}[] = []
  for (const e of model.events) {
    const month = e.date.slice(0, 7)
    if (groups.at(-1)?.month !== month) groups.push({month, events: []})
    groups.at(-1)?.events.push(e)
  }
  return html`<div class="page-head"><h1>Timeline</h1>
<p class="lede">Every decision and status change, from git history, newest first.</p></div>
${groups.length === 0 ? html`<p class="muted">No history: the ADRs are not committed yet, or this is not a git repository.</p>` : ''}
${groups.map(
  (g) => html`<section class="month" aria-labelledby="m-${g.month}">
<h2 id="m-${g.month}">${monthName(g.month)}</h2>
<ol class="timeline">
${g.events.map((e) => {
  const entry = model.byFile.get(entryKey(e.dir, e.adr))
  const who = `${e.dir === undefined ? '' : `${e.dir}/`}${e.number === undefined ? e.title : `${e.number}. ${e.title}`}`
  return html`<li class="event event-${e.kind}"><time datetime="${e.date}">${e.date.slice(0, 10)}</time>
<span class="what">${entry ? html`<a href="${pageHref(entry.page)}">${who}</a>` : who} <span class="change">${describeEvent(e)}</span></span>
<span class="who">${e.author}</span> ${commitLink(site, e.commit)}</li>
`
})}
</ol>
</section>`,
)}`
}

/** `2026-04` → `April 2026`. */
export function monthName(month: string): string {
  const [y, m] = month.split('-')
  return `${MONTHS[Number(m) - 1] ?? m} ${y}`
}
