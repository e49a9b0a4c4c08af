import {renderAdrsJson} from './adrs-json.js'
import {ICON_SVG, SITE_CSS} from './asset-css.js'
import {SEARCH_JS, SITE_JS} from './asset-js.js'
import {renderBadge} from './badge.js'
import {renderDebate} from './debate-section.js'
import {renderFeed} from './feed.js'
import {renderPage, type SiteInfo} from './layout.js'
import type {RenderedBody} from './markdown.js'
import {renderAdrPage} from './page-adr.js'
import {type GraphPart, renderGraphPage} from './page-graph.js'
import {renderIndex} from './page-index.js'
import {renderSearchPage} from './page-search.js'
import {renderTimeline} from './page-timeline.js'
import {buildSearchIndex, type SearchDoc} from './search-index.js'
import type {SiteModel} from './site-model.js'
import {renderTradeOffs} from './trade-offs-section.js'

export interface SiteFile {
  /** Relative to the site's root, `/`-separated. */
  path: string
  content: string
}

export interface SiteParts {
  /**
   * Each entry's rendered body, in the order of `model.entries`, taken one at a time as its page is
   * made (an export hands them over so that each goes once its page is written: `handOver`).
   */
  bodies: Iterable<RenderedBody>
  graph: GraphPart
  /** MiniSearch's browser build, copied as `assets/minisearch.js`. */
  miniSearchSource: string
  /** `YYYY-MM-DD`, for overdue revisits. */
  today: string
  /** Called after each ADR page. */
  onPage?: (done: number, total: number) => void
}

/** The site's search index file (its size is reported beside the rest of the site's). */
export const SEARCH_INDEX_FILE = 'search-index.js'

/**
 * Every file of the site, from the model, one at a time: pure (the adapters write what it yields), and
 * lazy, so thousands of pages are written as they are made instead of all held in memory.
 */
export function* siteFiles(site: SiteInfo, model: SiteModel, parts: SiteParts): Generator<SiteFile> {
  const page = (
    path: string,
    title: string,
    section: Parameters<typeof renderPage>[1]['section'],
    body: ReturnType<typeof renderIndex>,
    scripts?: string[],
  ): SiteFile => ({path, content: renderPage(site, {path, title, section, body, scripts})})
  const docs: SearchDoc[] = []
  const bodies = parts.bodies[Symbol.iterator]()
  for (const [i, entry] of model.entries.entries()) {
    const body = bodies.next().value as RenderedBody
    const debate = entry.debate ? renderDebate(entry.debate, parts.today) : renderTradeOffs(entry.adr, parts.today)
    const previous = model.entries[i - 1]
    const next = model.entries[i + 1]
    yield page(entry.page, entry.label, 'adr', renderAdrPage(site, entry, {bodyHtml: body.html, debate, previous, next}))
    const adr = entry.adr
    docs.push({
      page: entry.page,
      label: entry.label,
      status: entry.status,
      title: adr.title,
      text: [adr.number ?? '', body.text, ...adr.tags, ...adr.deciders, ...adr.consulted, ...adr.informed].join(' '),
    })
    parts.onPage?.(i + 1, model.entries.length)
  }
  yield page('index.html', site.title, 'index', renderIndex(model))
  yield page('timeline.html', 'Timeline', 'timeline', renderTimeline(site, model))
  yield page('graph.html', 'Relation graph', 'graph', renderGraphPage(model, parts.graph))
  yield page('search.html', 'Search', 'search', renderSearchPage(), ['assets/minisearch.js', SEARCH_INDEX_FILE, 'assets/search.js'])
  yield {path: 'assets/site.css', content: SITE_CSS}
  yield {path: 'assets/site.js', content: SITE_JS}
  yield {path: 'assets/icon.svg', content: ICON_SVG}
  yield {path: 'assets/search.js', content: SEARCH_JS}
  yield {path: 'assets/minisearch.js', content: parts.miniSearchSource}
  yield {path: 'feed.xml', content: renderFeed(site, model)}
  yield {path: 'badge.svg', content: renderBadge(model)}
  yield {path: 'adrs.json', content: renderAdrsJson(site, model)}
  yield {path: SEARCH_INDEX_FILE, content: buildSearchIndex(docs).script}
}
