import {describe, expect, it} from 'vitest'
import {parseAdr} from '../../src/core/adr/parse-adr.js'
import type {DebateRecord} from '../../src/core/debate/record.js'
import type {HistoryEvent} from '../../src/core/history/history.js'
import {renderBadge} from '../../src/core/site/badge.js'
import {isRevisitOverdue} from '../../src/core/site/debate-section.js'
import {renderFeed} from '../../src/core/site/feed.js'
import {siteGraphDot} from '../../src/core/site/graph-dot.js'
import {escapeHtml, html, trusted} from '../../src/core/site/html.js'
import {type BodyOptions, renderBody, resolveHref} from '../../src/core/site/markdown.js'
import {renderIndex} from '../../src/core/site/page-index.js'
import {monthName} from '../../src/core/site/page-timeline.js'
import {repoLinks} from '../../src/core/site/repo-links.js'
import {buildSiteModel, entryKey, pageHref} from '../../src/core/site/site-model.js'
import {renderTradeOffs} from '../../src/core/site/trade-offs-section.js'

const OPTIONS: BodyOptions = {files: new Set(['0002-use-b.md', '0003-café.md']), depth: 1, dir: 'docs/adr'}
const body = (markdown: string, options: Partial<BodyOptions> = {}) =>
  renderBody({text: `# Title\n\n${markdown}\n`}, {...OPTIONS, ...options}).html

describe('html', () => {
  it('escapes every interpolated value and keeps nested html and trusted markup', () => {
    const title = `<script>alert("x")</script> & 'y'`
    expect(html`<p title="${title}">${title}</p>`.text).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>',
    )
    expect(html`<ul>${['a<', 'b'].map((x) => html`<li>${x}</li>`)}</ul>`.text).toBe('<ul><li>a&lt;</li><li>b</li></ul>')
    expect(html`${trusted('<b>ok</b>')}${null}${undefined}${false}${0}`.text).toBe('<b>ok</b>0')
    expect(escapeHtml('&amp;')).toBe('&amp;amp;')
  })
})

describe('renderBody', () => {
  it.each([
    ['a script element', '<script>alert(1)</script>', /<script/i],
    ['an event handler', '<img src=x onerror=alert(1)>', /onerror|<img/i],
    ['a javascript: link', '[x](javascript:alert(1))', /javascript:/i],
    ['a javascript: link with entities', '[x](jav&#x09;ascript:alert(1))', /ascript:/i],
    ['a data: link', '[x](data:text/html;base64,PHNjcmlwdD4=)', /href="data:/i],
    ['a vbscript: link', '[x](vbscript:msgbox)', /vbscript/i],
    ['an iframe', '<iframe src="https://example.com"></iframe>', /<iframe/i],
    ['a style element', '<style>body{display:none}</style>', /<style/i],
    ['an autolink', '<javascript:alert(1)>', /href="javascript/i],
    ['a reference link', '[x][r]\n\n[r]: javascript:alert(1)', /javascript:/i],
    ['an svg with a handler', '<svg onload=alert(1)></svg>', /onload|<svg/i],
  ])('drops %s', (_name, markdown, unsafe) => {
    expect(body(markdown)).not.toMatch(unsafe)
  })

  it('renders GFM: tables, task lists, strikethrough, autolinks and fenced code with its language', () => {
    const out = body(
      '| a | b |\n|---|--:|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n\n~~old~~ https://example.com\n\n```ts\nconst x = 1 < 2\n```',
    )
    expect(out).toContain('<td align="right">2</td>')
    expect(out).toContain('<input type="checkbox" checked disabled> done')
    expect(out).toContain('<del>old</del>')
    expect(out).toContain('<a href="https://example.com">https://example.com</a>')
    expect(out).toContain('<code class="language-ts">const x = 1 &#x3C; 2\n</code>')
  })

  it('leaves the title heading out (the page shows it) and gathers the words for search', () => {
    const r = renderBody({text: '---\nstatus: accepted\n---\n# Use B\n\nWe chose `pg` because **joins**.\n', frontMatterEnd: 3}, OPTIONS)
    expect(r.html).toBe('<p>We chose <code>pg</code> because <strong>joins</strong>.</p>')
    expect(r.text).toBe('We chose  pg  because  joins .')
  })

  it('turns images into links: the site loads nothing', () => {
    expect(body('![diagram](https://example.com/d.png)')).toBe('<p><a href="https://example.com/d.png">[image: diagram]</a></p>')
    expect(body('![local](img/d.png)')).toBe('<p><a href="img/d.png">[image: local]</a></p>')
  })

  it('records the ADR files its links name, found or not', () => {
    const r = renderBody({text: '[b](0002-use-b.md) [z](./0009-gone.md) [doc](../README.md)'}, OPTIONS)
    expect(r.refs).toEqual([
      ['0002-use-b.md', true],
      ['0009-gone.md', false],
      ['README.md', false],
    ])
  })
})

describe('resolveHref', () => {
  it('points links between ADRs at their pages, keeping the fragment', () => {
    expect(resolveHref('0002-use-b.md', OPTIONS)).toBe('0002-use-b.html')
    expect(resolveHref('./0002-use-b.md#decision', OPTIONS)).toBe('0002-use-b.html#decision')
    expect(resolveHref('0003-caf%C3%A9.md', OPTIONS)).toBe('0003-caf%C3%A9.html')
    expect(resolveHref('0002-use-b.md', {...OPTIONS, depth: 0})).toBe('adr/0002-use-b.html')
  })

  it('sends other repository files to the repository with --repo-url, and keeps the rest as written', () => {
    const withRepo = {...OPTIONS, repoUrl: 'https://github.com/acme/tally'}
    expect(resolveHref('../../src/db.ts', withRepo)).toBe('https://github.com/acme/tally/blob/HEAD/src/db.ts')
    expect(resolveHref('../../../outside.md', withRepo)).toBe('../../../outside.md')
    expect(resolveHref('#section', withRepo)).toBe('#section')
    expect(resolveHref('https://example.com/x.md', withRepo)).toBe('https://example.com/x.md')
    expect(resolveHref('../../src/db.ts', OPTIONS)).toBe('../../src/db.ts')
  })
})

describe('repoLinks', () => {
  it('follows GitHub and GitLab path forms', () => {
    expect(repoLinks('https://github.com/acme/tally.git').edit('docs/adr/0001 x.md')).toBe(
      'https://github.com/acme/tally/edit/HEAD/docs/adr/0001%20x.md',
    )
    const gitlab = repoLinks('https://gitlab.com/acme/tally/')
    expect(gitlab.view('a.md')).toBe('https://gitlab.com/acme/tally/-/blob/HEAD/a.md')
    expect(gitlab.commit('abc')).toBe('https://gitlab.com/acme/tally/-/commit/abc')
    expect(gitlab.host).toBe('GitLab')
  })
})

const adr = (file: string, text: string) => parseAdr(text, file)
const ADRS = [
  adr('0001-use-a.md', '---\nstatus: superseded\n---\n# Use A\n'),
  adr('0002-use-b.md', '---\nstatus: accepted\nlinks:\n  - {rel: supersedes, target: 1}\n  - {rel: relates to, target: 3}\n---\n# Use B\n'),
  adr(
    '0003-use-c.md',
    '---\nstatus: accepted\nlinks:\n  - {rel: relates to, target: 2}\n  - {rel: amends, target: 9}\n---\n# Use "C" \\ D\n',
  ),
]

describe('buildSiteModel', () => {
  it('shows every typed link from both sides, once, and finds the successor', () => {
    const model = buildSiteModel({adrs: ADRS, events: [], records: [], debates: new Map(), dir: 'docs/adr'})
    const links = (i: number) => model.entries[i].links.map((l) => `${l.rel} ${l.target?.adr.number ?? l.text} ${l.origin}`)
    expect(links(0)).toEqual(['superseded by 2 reverse'])
    expect(links(1)).toEqual(['supersedes 1 written', 'relates to 3 written'])
    expect(links(2)).toEqual(['relates to 2 written', 'amends 9 written'])
    expect(model.entries[0].successor?.adr.number).toBe(2)
    expect(model.counts).toEqual([
      {status: 'accepted', count: 2},
      {status: 'superseded', count: 1},
    ])
    expect(pageHref(model.entries[0].page)).toBe('adr/0001-use-a.html')
  })

  it('gives each ADR its own events, newest first', () => {
    const event = (adr: string, date: string): HistoryEvent => ({
      kind: 'created',
      date,
      commit: 'c',
      author: 'a',
      email: 'e',
      subject: 's',
      adr,
      title: adr,
      file: adr,
    })
    const model = buildSiteModel({
      adrs: ADRS,
      events: [event('0001-use-a.md', '2026-01-01'), event('0002-use-b.md', '2026-02-01'), event('0001-use-a.md', '2026-03-01')],
      records: [],
      debates: new Map(),
      dir: '',
    })
    expect(model.events.map((e) => e.date)).toEqual(['2026-03-01', '2026-02-01', '2026-01-01'])
    expect(model.entries[0].events.map((e) => e.date)).toEqual(['2026-03-01', '2026-01-01'])
    expect(model.entries[0].sourcePath).toBe('0001-use-a.md')
  })
})

describe('siteGraphDot', () => {
  it('draws only linked ADRs, one edge for a relation written on both sides, with DOT strings escaped', () => {
    const graph = siteGraphDot(ADRS)
    expect(graph.drawn).toBe(3)
    expect(graph.edges.map((e) => `${e.from} ${e.rel} ${e.to}`)).toEqual([
      'adr/0002-use-b.html supersedes adr/0001-use-a.html',
      'adr/0002-use-b.html relates to adr/0003-use-c.html',
    ])
    expect(graph.dot).toContain('label="3. Use \\"C\\" \\\\ D"')
    expect(siteGraphDot([ADRS[0]])).toEqual({drawn: 0, edges: []})
  })
})

describe('the rest', () => {
  it('flags a revisit overdue only when its date has passed with no review since', () => {
    const record = {revisit: {date: '2027-03-18', triggers: []}} as unknown as DebateRecord
    expect(isRevisitOverdue(record, '2027-03-18')).toBe(false)
    expect(isRevisitOverdue(record, '2027-03-19')).toBe(true)
    const reviewed = {revisit: {date: '2027-03-18', triggers: [], reviews: [{date: '2027-03-20', by: 'dana', outcome: 'keep'}]}}
    expect(isRevisitOverdue(reviewed as unknown as DebateRecord, '2027-04-01')).toBe(false)
  })

  it('escapes the feed and the badge', () => {
    const model = buildSiteModel({adrs: ADRS, events: [], records: [], debates: new Map(), dir: ''})
    expect(renderFeed({title: 'A & <B>', generated: '2026-12-01'}, model)).toContain('<title>A &amp; &lt;B&gt;</title>')
    expect(renderBadge(model)).toContain('aria-label="ADRs: 3 · 2 accepted"')
    expect(monthName('2026-04')).toBe('April 2026')
  })
})

describe('renderTradeOffs', () => {
  const traded = parseAdr(
    [
      '---',
      'status: accepted',
      'drivers:',
      '  - {id: D1, title: Totals are never wrong, weight: 60, knockout: true}',
      '  - {id: D2, title: "Tenants add <fields>", weight: 40}',
      'options:',
      '  - {id: pg, title: PostgreSQL, score: 4.2}',
      '  - {id: mongo, title: MongoDB, score: 3.6}',
      'decision: {chosen: pg, rationale: Transactions}',
      'consequences: {good: [Totals hold], bad: [A migration]}',
      'revisit: 2027-01-01',
      '---',
      '# Datastore',
      '',
    ].join('\n'),
    '0007-datastore.md',
  )

  it('shows the drivers, the scores with the chosen option, the consequences and an overdue revisit', () => {
    const out = renderTradeOffs(traded, '2027-02-01')?.text ?? ''
    expect(out).toContain('<span class="driver-id">D2</span> Tenants add &lt;fields&gt;</th><td class="num">40</td>')
    expect(out).toContain(
      '<tr class="winner"><th scope="row">PostgreSQL <span class="badge-win">chosen</span></th><td class="num total">4.2</td>',
    )
    expect(out).toContain('<li>Bad: A migration</li>')
    expect(out).toContain('<strong class="overdue-flag">Overdue:</strong> Revisit on')
    expect(renderTradeOffs(traded, '2026-12-01')?.text).not.toContain('overdue-flag')
  })

  it('is absent for an ADR that records no trade-offs', () => {
    expect(renderTradeOffs(ADRS[0], '2027-02-01')).toBeUndefined()
  })
})

describe('buildSiteModel over several ADR directories', () => {
  const nygard = (n: number, title: string, status: string) => `# ${n}. ${title}\n\nDate: 2026-01-01\n\n## Status\n\n${status}\n`
  const web = {name: 'web', path: 'packages/web/adr'}
  const api = {name: 'api', path: 'services/api/adr'}
  const adrs = [
    {...parseAdr(nygard(1, 'Render on the server', 'Accepted'), '0001-render.md'), dir: web},
    {...parseAdr(nygard(2, 'Bundle', 'Accepted\n\nAmends [1. Render](0001-render.md)'), '0002-bundle.md'), dir: web},
    {...parseAdr(nygard(1, 'Offer REST', 'Accepted'), '0001-rest.md'), dir: api},
  ]
  const event = (dir: string, adr: string): HistoryEvent => ({
    kind: 'created',
    date: '2026-01-01T10:00:00Z',
    commit: 'a'.repeat(40),
    author: 'Ada',
    email: 'ada@example.com',
    subject: 's',
    adr,
    number: 1,
    title: 't',
    file: adr,
    dir,
  })

  it('gives each ADR a page under its directory, a label naming it, its own events and links inside its directory', () => {
    const model = buildSiteModel({
      adrs,
      events: [event('api', '0001-rest.md')],
      records: [
        {
          adr: '0001-rest.md',
          dir: 'api',
          title: 'Offer REST',
          created: '2026-01-01T10:00:00Z',
          lastChanged: '2026-01-01',
          deleted: false,
          partial: false,
        },
      ],
      debates: new Map(),
      dir: 'packages/web/adr',
    })
    expect(model.entries.map((e) => [e.page, e.label, e.sourcePath])).toEqual([
      ['adr/web/0001-render.html', 'web/1. Render on the server', 'packages/web/adr/0001-render.md'],
      ['adr/web/0002-bundle.html', 'web/2. Bundle', 'packages/web/adr/0002-bundle.md'],
      ['adr/api/0001-rest.html', 'api/1. Offer REST', 'services/api/adr/0001-rest.md'],
    ])
    // web's ADR 2 amends web's ADR 1, not the API's
    expect(model.entries[1].links[0].target?.page).toBe('adr/web/0001-render.html')
    expect(model.byFile.get(entryKey('api', '0001-rest.md'))?.events).toHaveLength(1)
    expect(model.byFile.get(entryKey('web', '0001-render.md'))?.events).toEqual([])
    expect(model.entries[2].created).toBe('2026-01-01T10:00:00Z')
    expect(pageHref('adr/api/0001-rest.html', 2)).toBe('../../adr/api/0001-rest.html')
  })
  it('names each package in the index as references do (web, api), with its path as the cell’s title', () => {
    const model = buildSiteModel({adrs, events: [], records: [], debates: new Map(), dir: 'packages/web/adr'})
    const index = renderIndex(model).toString()
    expect(index).toContain('<option value="api">api</option><option value="web">web</option>')
    expect(index).toContain('<td title="services/api/adr">api</td>')
    expect(index).toMatch(/data-dir="web"[^>]*data-number="2"/)
    expect(index).not.toContain('>packages/web/adr<')
  })
})
