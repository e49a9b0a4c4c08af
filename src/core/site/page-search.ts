import {type Html, html} from './html.js'

/** The search page: the index is loaded by script (search-index.js); without JavaScript it says so. */
export function renderSearchPage(): Html {
  return html`<div class="page-head"><h1>Search</h1>
<p class="lede">Full-text search over titles, bodies, tags and deciders.</p></div>
<form class="search-form" role="search" action="search.html" method="get">
<label for="q">Search for</label>
<input id="q" name="q" type="search" autocomplete="off" placeholder="a word, a name, a technology…" data-search-input>
<button type="submit">Search</button>
</form>
<p class="search-status" aria-live="polite" data-search-status>Type a word to search.</p>
<noscript><p>Search needs JavaScript. Every decision is listed on the <a href="index.html">index</a>.</p></noscript>
<ol class="results" data-search-results></ol>`
}
