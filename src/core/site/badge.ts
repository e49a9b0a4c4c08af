import {escapeXml} from './html.js'
import type {SiteModel} from './site-model.js'

/** Roughly the width of Verdana 11px text, as badge services measure it. */
function textWidth(text: string): number {
  let w = 0
  for (const c of text) w += /[ilj.,:;|'!]/.test(c) ? 3.5 : /[mwMW]/.test(c) ? 10 : /[A-Z0-9]/.test(c) ? 7.5 : 6.5
  return Math.ceil(w)
}

/** `badge.svg`: "ADRs | 12 · 9 accepted", for a README. */
export function renderBadge(model: SiteModel): string {
  const accepted = model.counts.find((c) => c.status === 'accepted')?.count ?? 0
  const proposed = model.counts.find((c) => c.status === 'proposed')?.count ?? 0
  const label = 'ADRs'
  const value = [`${model.entries.length}`, `${accepted} accepted`, ...(proposed ? [`${proposed} proposed`] : [])].join(' · ')
  const lw = textWidth(label) + 12
  const vw = textWidth(value) + 12
  const w = lw + vw
  const text = `${label}: ${value}`
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="20" role="img" aria-label="${escapeXml(text)}">
<title>${escapeXml(text)}</title>
<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>
<clipPath id="r"><rect width="${w}" height="20" rx="3" fill="#fff"/></clipPath>
<g clip-path="url(#r)"><rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${vw}" height="20" fill="#2f855a"/><rect width="${w}" height="20" fill="url(#s)"/></g>
<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">
<text x="${lw / 2}" y="14">${escapeXml(label)}</text>
<text x="${lw + vw / 2}" y="14">${escapeXml(value)}</text>
</g>
</svg>
`
}
