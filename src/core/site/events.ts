import type {HistoryEvent} from '../history/history.js'
import {describeEvent} from '../history/history-text.js'
import {type Html, html} from './html.js'
import type {SiteInfo} from './layout.js'
import {repoLinks} from './repo-links.js'

/** An event's commit: its short sha, linked to the commit page when the repository URL is known. */
export function commitLink(site: SiteInfo, sha: string): Html {
  const short = sha.slice(0, 7)
  if (!site.repoUrl) return html`<code class="sha">${short}</code>`
  return html`<a class="sha" href="${repoLinks(site.repoUrl).commit(sha)}"><code>${short}</code></a>`
}

/** One event of an ADR's history: when, what, who, which commit. */
export function eventItem(site: SiteInfo, e: HistoryEvent): Html {
  const day = e.date.slice(0, 10)
  return html`<li class="event event-${e.kind}"><time datetime="${e.date}">${day}</time> <span class="what">${describeEvent(e)}</span> <span class="who">${e.author}</span> ${commitLink(site, e.commit)}</li>`
}
