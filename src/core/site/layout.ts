import {type Html, html} from './html.js'

/** What every page shares. */
export interface SiteInfo {
  title: string
  /** `YYYY-MM-DD`: the day of the export. */
  generated: string
  /** Absolute URL of the site's root (ends with `/`), for the feed and canonical links. */
  baseUrl?: string
  /** `https://github.com/org/repo`, for source, edit and commit links. */
  repoUrl?: string
}

export type Section = 'index' | 'timeline' | 'graph' | 'search' | 'adr'

export interface PageSpec {
  /** The page's own title (the site's is added). */
  title: string
  /** Site-relative path of the page (`adr/0004-x.html`). */
  path: string
  section: Section
  body: Html
  /** Site-relative script paths, after `assets/site.js`. */
  scripts?: string[]
  description?: string
}

/**
 * Nothing from anywhere but the site itself: no inline script, no inline style, no fetch, no frame,
 * no plugin, no form posting elsewhere; `<base>` cannot move the relative links.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "form-action 'self'",
  "base-uri 'none'",
].join('; ')

const NAV: {section: Section; label: string; path: string}[] = [
  {section: 'index', label: 'Decisions', path: 'index.html'},
  {section: 'timeline', label: 'Timeline', path: 'timeline.html'},
  {section: 'graph', label: 'Graph', path: 'graph.html'},
  {section: 'search', label: 'Search', path: 'search.html'},
]

/** A page: the CSP, the header with navigation and search, the main landmark, the footer. */
export function renderPage(site: SiteInfo, page: PageSpec): string {
  const depth = page.path.split('/').length - 1
  const root = '../'.repeat(depth)
  const canonical = site.baseUrl ? `${site.baseUrl}${page.path.split('/').map(encodeURIComponent).join('/')}` : undefined
  const scripts = ['assets/site.js', ...(page.scripts ?? [])]
  const doc = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="adrgate">
<meta name="color-scheme" content="light dark">
${page.description ? html`<meta name="description" content="${page.description}">` : ''}
<title>${page.title === site.title ? site.title : `${page.title} · ${site.title}`}</title>
${canonical ? html`<link rel="canonical" href="${canonical}">` : ''}
<link rel="icon" type="image/svg+xml" href="${root}assets/icon.svg">
<link rel="stylesheet" href="${root}assets/site.css">
<link rel="alternate" type="application/atom+xml" title="${site.title}: decisions and status changes" href="${root}feed.xml">
${scripts.map((s) => html`<script src="${root}${s}" defer></script>\n`)}
</head>
<body data-root="${root}">
<a class="skip" href="#main">Skip to content</a>
<header class="site-header">
<div class="bar">
<a class="brand" href="${root}index.html"><span class="logo" aria-hidden="true">◆</span> ${site.title}</a>
<nav aria-label="Site">
<ul>
${NAV.map((n) => html`<li><a href="${root}${n.path}"${n.section === page.section ? html` aria-current="page"` : ''}>${n.label}</a></li>`)}
</ul>
</nav>
<form class="quick-search" role="search" action="${root}search.html" method="get">
<label class="visually-hidden" for="q-top">Search the decisions</label>
<input id="q-top" type="search" name="q" placeholder="Search decisions…" autocomplete="off">
</form>
</div>
</header>
<main id="main" tabindex="-1">
${page.body}
</main>
<footer class="site-footer">
<p>Exported with adrgate on <time datetime="${site.generated}">${site.generated}</time> · <a href="${root}feed.xml">Atom feed</a> · <a href="${root}adrs.json">adrs.json</a></p>
</footer>
</body>
</html>
`
  return doc.text
}
