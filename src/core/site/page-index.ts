import {people, statusChip, statusName, tagList} from './chips.js'
import {type Html, html} from './html.js'
import type {SiteEntry, SiteModel} from './site-model.js'
import {pageHref} from './site-model.js'

/** The index: every ADR in a table, counts per status, and filters and a sort that site.js wires up. */
export function renderIndex(model: SiteModel): Html {
  const entries = model.entries
  const tags = unique(entries.flatMap((e) => e.adr.tags))
  const deciders = unique(entries.flatMap((e) => e.adr.deciders))
  const dirs = unique(entries.map(packageOf))
  const manyDirs = dirs.length > 1
  const field = (id: string, label: string, values: string[], all: string) =>
    values.length === 0
      ? ''
      : html`<div class="field"><label for="f-${id}">${label}</label><select id="f-${id}" data-filter="${id}"><option value="">${all}</option>${values.map((v) => html`<option value="${v.toLowerCase()}">${v}</option>`)}</select></div>`
  return html`<div class="page-head">
<h1>Architecture decisions</h1>
<p class="lede">${entries.length} ${entries.length === 1 ? 'decision' : 'decisions'} recorded${model.events.length ? html`, the latest change on <time datetime="${model.events[0].date.slice(0, 10)}">${model.events[0].date.slice(0, 10)}</time>` : ''}.</p>
</div>
<ul class="counts" aria-label="Decisions per status">
${model.counts.map((c) => html`<li><button type="button" class="count" data-status="${c.status}" aria-pressed="false">${statusName(c.status)} <span class="n">${c.count}</span></button></li>`)}
</ul>
<form class="filters" aria-label="Filter and sort" data-js-only>
${field(
  'status',
  'Status',
  model.counts.map((c) => c.status),
  'Any status',
)}
${field('tag', 'Tag', tags, 'Any tag')}
${field('decider', 'Decider', deciders, 'Anyone')}
${manyDirs ? field('dir', 'Package', dirs, 'Every package') : ''}
<div class="field"><label for="f-sort">Sort</label><select id="f-sort" data-sort><option value="number-desc">Newest number first</option><option value="number-asc">Oldest number first</option><option value="date-desc">Latest date first</option><option value="date-asc">Earliest date first</option><option value="title-asc">Title A–Z</option></select></div>
<div class="field field-text"><label for="f-text">Title contains</label><input id="f-text" type="search" data-filter-text placeholder="e.g. queue"></div>
<p class="shown" aria-live="polite"><span data-shown>${entries.length}</span> shown</p>
</form>
<div class="table-wrap">
<table class="adr-table" data-adr-table>
<caption class="visually-hidden">Every decision, with its status, date, deciders and tags</caption>
<thead><tr><th scope="col" class="num">#</th><th scope="col">Decision</th><th scope="col">Status</th><th scope="col">Date</th><th scope="col">Deciders</th><th scope="col">Tags</th>${manyDirs ? html`<th scope="col">Package</th>` : ''}</tr></thead>
<tbody>
${[...entries].reverse().map(
  (
    e,
  ) => html`<tr data-status="${e.status}" data-tag="${lowerList(e.adr.tags)}" data-decider="${lowerList(e.adr.deciders)}" data-dir="${packageOf(e).toLowerCase()}" data-number="${e.adr.number ?? ''}" data-date="${e.adr.date ?? e.created?.slice(0, 10) ?? ''}" data-title="${e.adr.title.toLowerCase()}">
<td class="num">${e.adr.number ?? ''}</td><td class="title"><a href="${pageHref(e.page)}">${e.adr.title}</a></td><td>${statusChip(e, 0)}</td><td class="date">${e.adr.date ?? e.created?.slice(0, 10) ?? ''}</td><td>${people(e.adr.deciders)}</td><td>${tagList(e.adr.tags)}</td>${manyDirs ? html`<td title="${e.dir}">${packageOf(e)}</td>` : ''}
</tr>
`,
)}
</tbody>
</table>
</div>
<p class="empty" data-empty hidden>No decision matches these filters.</p>`
}

/** The package an entry belongs to, as references name it (`web` in `web/3`); its path when it has no name. */
function packageOf(e: SiteEntry): string {
  return e.adr.dir?.name ?? e.dir
}

/** Values of a multi-valued filter attribute: lowercase, one a line. */
function lowerList(values: readonly string[]): string {
  return values.map((v) => v.toLowerCase()).join('\n')
}

function unique(values: readonly string[]): string[] {
  const byKey = new Map<string, string>()
  for (const v of values) if (v && !byKey.has(v.toLowerCase())) byKey.set(v.toLowerCase(), v)
  return [...byKey.values()].sort((a, b) => a.localeCompare(b))
}
