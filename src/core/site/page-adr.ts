import {people, statusChip, tagList} from './chips.js'
import {eventItem} from './events.js'
import {type Html, html, trusted} from './html.js'
import type {SiteInfo} from './layout.js'
import {repoLinks} from './repo-links.js'
import {pageDepth, pageHref, type SiteEntry, type SiteLink} from './site-model.js'

export interface AdrPageParts {
  /** The sanitised body. */
  bodyHtml: string
  /** The debate section, when the ADR was debated. */
  debate?: Html
  previous?: SiteEntry
  next?: SiteEntry
}

/** One ADR: header, banner, facts, body, debate, typed links both ways, history from git. */
export function renderAdrPage(site: SiteInfo, entry: SiteEntry, parts: AdrPageParts): Html {
  const adr = entry.adr
  // `adr/x.html`, or `adr/web/x.html` in a repository of several ADR directories
  const depth = pageDepth(entry.page)
  const facts: [string, Html | string][] = [['Status', statusChip(entry, depth)]]
  if (adr.date) facts.push(['Date', html`<time datetime="${adr.date}">${adr.date}</time>`])
  const created = entry.events.at(-1)
  if (entry.created) {
    facts.push([
      'In git since',
      html`<time datetime="${entry.created}">${entry.created.slice(0, 10)}</time>${created?.kind === 'created' ? html` by ${created.author}` : ''}`,
    ])
  }
  if (entry.lastChanged && entry.lastChanged !== entry.created) {
    facts.push(['Last changed', html`<time datetime="${entry.lastChanged}">${entry.lastChanged.slice(0, 10)}</time>`])
  }
  if (adr.deciders.length) facts.push(['Deciders', people(adr.deciders)])
  if (adr.consulted.length) facts.push(['Consulted', people(adr.consulted)])
  if (adr.informed.length) facts.push(['Informed', people(adr.informed)])
  if (adr.tags.length) facts.push(['Tags', tagList(adr.tags)])
  facts.push(['File', html`<code>${entry.sourcePath}</code>`])
  const source = site.repoUrl ? repoLinks(site.repoUrl) : undefined
  return html`<nav class="crumbs" aria-label="Breadcrumb"><a href="${'../'.repeat(depth)}index.html">Decisions</a> <span aria-hidden="true">›</span> <span>${adr.number === undefined ? adr.title : `ADR ${adr.dir ? `${adr.dir.name}/` : ''}${adr.number}`}</span></nav>
<article class="adr" aria-labelledby="adr-title">
<header class="adr-head">
<h1 id="adr-title">${adr.number === undefined ? '' : html`<span class="adr-number">${adr.number}</span> `}${adr.title}</h1>
${banner(entry, depth)}
<dl class="facts">
${facts.map(([k, v]) => html`<div${k === 'File' ? html` class="wide"` : ''}><dt>${k}</dt><dd>${v}</dd></div>`)}
</dl>
${parts.debate ? html`<p class="source-links"><a href="#debate-h">Jump to the trade-offs ↓</a></p>` : ''}
${source ? html`<p class="source-links"><a href="${source.view(entry.sourcePath)}">View source on ${source.host}</a> · <a href="${source.edit(entry.sourcePath)}">Edit on ${source.host}</a></p>` : ''}
</header>
<div class="adr-layout">
<div class="markdown">
${trusted(parts.bodyHtml)}
</div>
<aside class="adr-side" aria-label="Links and history">
<section aria-labelledby="links-h"><h2 id="links-h">Links</h2>
${entry.links.length ? html`<ul class="links">${entry.links.map((link) => linkItem(link, depth))}</ul>` : html`<p class="muted">No typed links.</p>`}
</section>
<section aria-labelledby="history-h"><h2 id="history-h">History</h2>
${entry.events.length ? html`<ol class="history" reversed>${entry.events.map((e) => eventItem(site, e))}</ol>` : html`<p class="muted">Not in git history yet.</p>`}
</section>
</aside>
</div>
${parts.debate ?? ''}
</article>
<nav class="pager" aria-label="Previous and next decision">
${parts.previous ? html`<a rel="prev" href="${pageHref(parts.previous.page, depth)}">← ${parts.previous.label}</a>` : html`<span></span>`}
${parts.next ? html`<a rel="next" href="${pageHref(parts.next.page, depth)}">${parts.next.label} →</a>` : ''}
</nav>`
}

function banner(entry: SiteEntry, depth: number): Html | string {
  const successor = entry.successor
  if (entry.status === 'superseded') {
    return html`<div class="banner banner-superseded" role="note"><strong>Superseded.</strong> ${
      successor
        ? html`This decision was replaced by <a data-successor href="${pageHref(successor.page, depth)}">${successor.label}</a>.`
        : 'A later decision replaced it.'
    }</div>`
  }
  if (entry.status === 'deprecated') {
    return html`<div class="banner banner-deprecated" role="note"><strong>Deprecated.</strong> ${
      successor ? html`See <a data-successor href="${pageHref(successor.page, depth)}">${successor.label}</a>.` : 'It no longer applies.'
    }</div>`
  }
  if (entry.status === 'proposed')
    return html`<div class="banner banner-proposed" role="note"><strong>Proposed.</strong> Not decided yet.</div>`
  return ''
}

function linkItem(link: SiteLink, depth: number): Html {
  const target = link.target
    ? html`<a href="${pageHref(link.target.page, depth)}">${link.target.label}</a> ${statusChip({...link.target, successor: undefined}, depth)}`
    : html`<span class="dangling" title="Not found among the ADRs">${link.text}</span>`
  return html`<li><span class="rel">${link.rel}</span> ${target}</li>`
}
