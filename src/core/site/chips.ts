import {type Html, html} from './html.js'
import {pageHref, type SiteEntry} from './site-model.js'

const KNOWN = new Set(['proposed', 'accepted', 'rejected', 'deprecated', 'superseded'])

/** The status as a chip; a superseded one struck through, followed by a link to its successor. */
export function statusChip(entry: SiteEntry, depth: number): Html {
  const status = entry.status
  const kind = KNOWN.has(status) ? status : 'other'
  const chip =
    status === 'superseded'
      ? html`<span class="chip chip-${kind}"><s>${status}</s></span>`
      : html`<span class="chip chip-${kind}">${status}</span>`
  if (!entry.successor) return chip
  return html`${chip} <a class="successor" href="${pageHref(entry.successor.page, depth)}" title="Superseded by ${entry.successor.label}">→ ${entry.successor.adr.number ?? entry.successor.label}</a>`
}

/** A plain chip for a status name (counts, legends). */
export function statusName(status: string): Html {
  return html`<span class="chip chip-${KNOWN.has(status) ? status : 'other'}">${status}</span>`
}

export function tagList(tags: readonly string[]): Html {
  return html`${tags.map((t) => html`<span class="tag">${t}</span> `)}`
}

export function people(names: readonly string[]): string {
  return names.join(', ')
}
