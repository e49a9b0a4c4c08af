import {describeEvent} from '../history/history-text.js'
import {escapeXml} from './html.js'
import type {SiteInfo} from './layout.js'
import {entryKey, pageHref, type SiteModel} from './site-model.js'

const FEED_KINDS = new Set(['created', 'status-changed', 'superseded', 'superseding'])

/**
 * `feed.xml` (Atom 1.0): the newest decisions and status changes. Links are absolute under
 * `--base-url`, relative to the feed otherwise (readers resolve them against the feed's address).
 */
export function renderFeed(site: SiteInfo, model: SiteModel, limit = 50): string {
  const base = site.baseUrl ?? ''
  const id = (suffix: string) => (site.baseUrl ? `${site.baseUrl}${suffix}` : `urn:adrgate:${suffix}`)
  const events = model.events.filter((e) => FEED_KINDS.has(e.kind)).slice(0, limit)
  const updated = events[0]?.date ?? `${site.generated}T00:00:00Z`
  const entries = events.map((e) => {
    const entry = model.byFile.get(entryKey(e.dir, e.adr))
    const who = `${e.dir === undefined ? '' : `${e.dir}/`}${e.number === undefined ? e.title : `${e.number}. ${e.title}`}`
    const href = entry ? `${base}${pageHref(entry.page)}` : undefined
    return [
      '  <entry>',
      `    <title>${escapeXml(`${who}: ${describeEvent(e)}`)}</title>`,
      `    <id>${escapeXml(id(`event/${e.commit}/${e.dir === undefined ? '' : `${encodeURIComponent(e.dir)}/`}${encodeURIComponent(e.adr)}/${e.kind}`))}</id>`,
      `    <updated>${escapeXml(e.date)}</updated>`,
      `    <author><name>${escapeXml(e.author)}</name></author>`,
      href ? `    <link rel="alternate" type="text/html" href="${escapeXml(href)}"/>` : '',
      `    <summary>${escapeXml(`${describeEvent(e)} (commit ${e.commit.slice(0, 7)}: ${e.subject})`)}</summary>`,
      '  </entry>',
    ]
      .filter(Boolean)
      .join('\n')
  })
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <title>${escapeXml(site.title)}</title>`,
    `  <subtitle>New architecture decisions and status changes</subtitle>`,
    `  <id>${escapeXml(id('feed.xml'))}</id>`,
    `  <updated>${escapeXml(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(`${base}feed.xml`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(`${base}index.html`)}"/>`,
    '  <generator>adrgate</generator>',
    ...entries,
    '</feed>',
    '',
  ].join('\n')
}
