import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, afterEach, describe, expect, it} from 'vitest'
import ExportSite from '../../src/commands/export/site.js'
import {outputSchemaValidator} from '../helpers/fixtures.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {type CommandResult, runCommand} from '../helpers/run-command.js'
import {makeSiteRepo} from '../helpers/site-repo.js'

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

const readOf = (site: TempRepo | undefined) => (file: string) => readFileSync(path.join(site?.dir ?? '', 'adr-site', file), 'utf8')
const read = (file: string) => readOf(repo)(file)

/** `adr export site` with no flags on the site repository, run once for the tests that only read what it wrote. */
let shared: Promise<{site: TempRepo; r: CommandResult}> | undefined
function sharedExport(): Promise<{site: TempRepo; r: CommandResult; read: (file: string) => string}> {
  shared ??= (async () => {
    const site = makeSiteRepo()
    return {site, r: await runCommand(ExportSite, [], site.dir, {ADR_DATE: '2026-12-01'})}
  })()
  return shared.then((s) => ({...s, read: readOf(s.site)}))
}
afterAll(async () => (await shared)?.site.cleanup())
const PAGES = {
  mongo: 'adr/0002-store-invoices-in-mongodb.html',
  postgres: 'adr/0003-store-invoices-in-postgresql.html',
  hostile: 'adr/0004-render-what-users-write.html',
  debated: 'adr/0012-primary-datastore.html',
}

describe('adr export site', () => {
  it('writes the index, timeline, graph, search, one page per ADR, the feed, the badge and adrs.json', async () => {
    const {site, r} = await sharedExport()
    expect(r.exitCode).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout).toContain(`Open ${path.join('adr-site', 'index.html')}`)
    const files = readdirSync(path.join(site.dir, 'adr-site'), {recursive: true}).map(String).sort()
    expect(files).toEqual(
      expect.arrayContaining([
        'index.html',
        'timeline.html',
        'graph.html',
        'search.html',
        'search-index.js',
        'feed.xml',
        'badge.svg',
        'adrs.json',
        'assets/site.css',
        'assets/site.js',
        'assets/search.js',
        'assets/minisearch.js',
        'adr/0001-record-architecture-decisions.html',
        ...Object.values(PAGES),
      ]),
    )
    // nothing staged or moved aside is left next to it
    expect(readdirSync(site.dir).filter((f) => f.includes('adr-site'))).toEqual(['adr-site'])
  })

  it('writes the same site without its fast paths (every ADR parsed whole)', async () => {
    const {site} = await sharedExport()
    repo = makeSiteRepo()
    const r = await runCommand(ExportSite, [], repo.dir, {ADR_DATE: '2026-12-01', ADRGATE_NO_FAST_PATHS: '1'})
    expect(r.exitCode).toBe(0)
    const files = (dir: string) => readdirSync(path.join(dir, 'adr-site'), {recursive: true}).map(String).sort()
    expect(files(repo.dir)).toEqual(files(site.dir))
    for (const file of files(site.dir)) {
      if (file.includes('.') && !file.startsWith('.')) expect(read(file), file).toEqual(readOf(site)(file))
    }
  })

  it('puts a Content Security Policy on every page and no inline script anywhere', async () => {
    const {read} = await sharedExport()
    for (const page of ['index.html', 'timeline.html', 'graph.html', 'search.html', ...Object.values(PAGES)]) {
      const html = read(page)
      expect(html, page).toContain(
        `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;self&#39;`,
      )
      expect(html.match(/<script(?![^>]*\ssrc=)[^>]*>/g), page).toBeNull()
      expect(html, page).not.toMatch(/\son[a-z]+\s*=/i)
      expect(html, page).not.toMatch(/(?:https?:)?\/\/[^"']*\.(?:js|css)["']/)
    }
  })

  it('drops scripts, handlers and javascript: links from ADR content and escapes titles', async () => {
    const {read} = await sharedExport()
    const html = read(PAGES.hostile)
    const body = html.slice(html.indexOf('<main'))
    expect(body).not.toContain('<script')
    expect(body).not.toMatch(/onerror|onclick/i)
    expect(body).not.toMatch(/href="(?:javascript|data):/i)
    expect(body).not.toContain('<img')
    expect(body).toContain('Render &lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; what users write')
    // the remote image is a link, not a request
    expect(body).toContain('<a href="https://example.com/pixel.png">[image: a remote image]</a>')
    expect(read('index.html')).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;')
    expect(read('search-index.js')).not.toContain('</script>')
  })

  it('renders GFM, rewrites links between ADRs to their pages, and shows typed links both ways', async () => {
    const {read} = await sharedExport()
    const postgres = read(PAGES.postgres)
    expect(postgres).toContain('<a href="0002-store-invoices-in-mongodb.html">ADR 2</a>')
    expect(postgres).toMatch(/<table>[\s\S]*<th align="center">Transactions<\/th>/)
    expect(postgres).toContain('<input type="checkbox" checked disabled>')
    expect(postgres).toContain('<code class="language-sql">')
    expect(postgres).toMatch(
      /<span class="rel">supersedes<\/span> <a href="0002-store-invoices-in-mongodb.html">2\. Store invoices in MongoDB<\/a>/,
    )
    const mongo = read(PAGES.mongo)
    expect(mongo).toMatch(/<span class="rel">superseded by<\/span> <a href="0003-store-invoices-in-postgresql.html">/)
    expect(mongo).toContain('<a data-successor href="0003-store-invoices-in-postgresql.html">3. Store invoices in PostgreSQL</a>')
    expect(mongo).toContain('accepted → superseded, superseded by 3')
  })

  it('lists every ADR on the index with status chips, counts and filters', async () => {
    const {read} = await sharedExport()
    const index = read('index.html')
    expect(index.match(/<tr data-status=/g)).toHaveLength(5)
    expect(index).toContain(
      '<span class="chip chip-superseded"><s>superseded</s></span> <a class="successor" href="adr/0003-store-invoices-in-postgresql.html"',
    )
    expect(index).toMatch(
      /data-status="accepted" aria-pressed="false"><span class="chip chip-accepted">accepted<\/span> <span class="n">3<\/span>/,
    )
    for (const filter of ['status', 'tag', 'decider']) expect(index).toContain(`data-filter="${filter}"`)
    expect(index).toContain('<option value="billing">billing</option>')
  })

  it('shows the debate: matrix, winners, flip points, cruxes, dissent and an overdue revisit', async () => {
    repo = makeSiteRepo()
    await runCommand(ExportSite, [], repo.dir, {ADR_DATE: '2027-04-01'})
    const page = read(PAGES.debated)
    expect(page).toContain('data-matrix')
    expect(page).toContain('MongoDB wins only if D2 is worth more than 73.1%')
    expect(page).toMatch(/<strong>Agreed weights:<\/strong> PostgreSQL/)
    expect(page).toContain('<svg class="chart"')
    expect(page).toContain('disagree and commit')
    expect(page).toContain('<strong class="overdue-flag">Overdue:</strong> Revisit on <time datetime="2027-03-18">')
    await runCommand(ExportSite, [], repo.dir, {ADR_DATE: '2027-01-01'})
    expect(read(PAGES.debated)).not.toContain('overdue-flag')
  })

  it('draws the relation graph as SVG whose nodes link to the pages', async () => {
    const {read} = await sharedExport()
    const graph = read('graph.html')
    expect(graph).toContain('<svg')
    expect(graph).not.toContain('<?xml')
    expect(graph).toMatch(/<a xlink:href="adr\/0003-store-invoices-in-postgresql.html"/)
    expect(graph).toContain('class="node status&#45;superseded"')
  })

  it('links to the source, the editor and the commits with --repo-url', async () => {
    repo = makeSiteRepo()
    await runCommand(ExportSite, ['--repo-url', 'https://github.com/acme/tally/'], repo.dir)
    const page = read(PAGES.postgres)
    expect(page).toContain(
      'href="https://github.com/acme/tally/blob/HEAD/doc/adr/0003-store-invoices-in-postgresql.md">View source on GitHub',
    )
    expect(page).toContain('href="https://github.com/acme/tally/edit/HEAD/doc/adr/0003-store-invoices-in-postgresql.md">Edit on GitHub')
    expect(page).toMatch(/href="https:\/\/github.com\/acme\/tally\/commit\/[0-9a-f]{40}"/)
  })

  it('writes an Atom feed, a badge and adrs.json with the history', async () => {
    repo = makeSiteRepo()
    await runCommand(ExportSite, ['--base-url', 'https://acme.github.io/tally/decisions', '--title', 'Tally <decisions>'], repo.dir)
    const feed = read('feed.xml')
    expect(feed).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/)
    expect(feed).toContain('<title>Tally &lt;decisions&gt;</title>')
    expect(feed).toContain(
      '<link rel="alternate" type="text/html" href="https://acme.github.io/tally/decisions/adr/0003-store-invoices-in-postgresql.html"/>',
    )
    expect(feed.indexOf('12. Primary datastore')).toBeLessThan(feed.indexOf('3. Store invoices in PostgreSQL'))
    expect(read('badge.svg')).toContain('aria-label="ADRs: 5 · 3 accepted · 1 proposed"')
    const data = JSON.parse(read('adrs.json'))
    const mongo = data.adrs.find((a: {number: number}) => a.number === 2)
    expect(mongo).toMatchObject({
      status: 'superseded',
      file: '0002-store-invoices-in-mongodb.md',
      path: 'doc/adr/0002-store-invoices-in-mongodb.md',
    })
    expect(mongo.history.map((e: {kind: string}) => e.kind)).toEqual(['superseded', 'created'])
    expect(JSON.stringify(data)).not.toContain('@example.com')
  })

  it('returns what it wrote under --json, as schemas/output/export-site.schema.json describes', async () => {
    repo = makeSiteRepo()
    const r = await runCommand(ExportSite, ['--json', '--out', 'public/site'], repo.dir)
    expect(r.exitCode).toBe(0)
    const out = JSON.parse(r.stdout)
    const validate = outputSchemaValidator('export-site')
    expect(validate(out), JSON.stringify(validate.errors)).toBe(true)
    expect(out.out).toBe(path.join('public', 'site'))
    expect(out.counts).toMatchObject({adrs: 5, pages: 9, debates: 1, statuses: {accepted: 3, proposed: 1, superseded: 1}})
    expect(out.bytes).toBe(out.files.reduce((n: number, f: {bytes: number}) => n + f.bytes, 0))
    expect(out.graph).toEqual({nodes: 2, edges: 1})
  })

  it('never replaces the repository, the ADR directory or the working directory, even with --force', async () => {
    repo = makeSiteRepo()
    const adrs = readdirSync(path.join(repo.dir, 'doc', 'adr')).sort()
    for (const out of ['.', 'doc', path.join('doc', 'adr'), '..']) {
      const r = await runCommand(ExportSite, ['--out', out, '--force', '--json'], repo.dir)
      expect(r.exitCode, out).toBe(2)
      expect(JSON.parse(r.stdout).error.code, out).toBe('UNSAFE_PATH')
    }
    const fromSub = await runCommand(ExportSite, ['--out', '.', '--force'], path.join(repo.dir, 'doc'))
    expect(fromSub.exitCode).toBe(2)
    expect(fromSub.stderr).toMatch(/does not write there, even with --force/)
    expect(existsSync(path.join(repo.dir, '.git', 'HEAD'))).toBe(true)
    expect(readdirSync(path.join(repo.dir, 'doc', 'adr')).sort()).toEqual(adrs)
  })

  it('takes a directory for an earlier export only when its marker is the one it writes', async () => {
    repo = makeSiteRepo()
    mkdirSync(path.join(repo.dir, 'public'))
    writeFileSync(path.join(repo.dir, 'public', 'notes.txt'), 'mine')
    writeFileSync(path.join(repo.dir, 'public', '.adrgate-site'), 'a file that happens to have the name\n')
    const refused = await runCommand(ExportSite, ['--out', 'public', '--json'], repo.dir)
    expect(refused.exitCode).toBe(2)
    expect(JSON.parse(refused.stdout).error.code).toBe('FILE_EXISTS')
    expect(readFileSync(path.join(repo.dir, 'public', 'notes.txt'), 'utf8')).toBe('mine')
    expect((await runCommand(ExportSite, ['--out', 'public'], path.join(repo.dir))).exitCode).toBe(2)
    rmSync(path.join(repo.dir, 'public'), {recursive: true})
    expect((await runCommand(ExportSite, ['--out', 'public'], repo.dir)).exitCode).toBe(0)
    expect((await runCommand(ExportSite, ['--out', 'public'], repo.dir)).exitCode).toBe(0)
  })

  it('refuses a directory it did not write, unless --force, and replaces its own earlier export', async () => {
    repo = makeSiteRepo()
    mkdirSync(path.join(repo.dir, 'adr-site'))
    writeFileSync(path.join(repo.dir, 'adr-site', 'notes.txt'), 'mine')
    const refused = await runCommand(ExportSite, ['--json'], repo.dir)
    expect(refused.exitCode).toBe(2)
    expect(JSON.parse(refused.stdout).error.code).toBe('FILE_EXISTS')
    expect(readFileSync(path.join(repo.dir, 'adr-site', 'notes.txt'), 'utf8')).toBe('mine')
    const forced = await runCommand(ExportSite, ['--force'], repo.dir)
    expect(forced.exitCode).toBe(0)
    expect(existsSync(path.join(repo.dir, 'adr-site', 'notes.txt'))).toBe(false)
    repo.write({'doc/adr/0013-a-new-one.md': '---\nstatus: proposed\n---\n# A new one\n'})
    const again = await runCommand(ExportSite, [], repo.dir)
    expect(again.exitCode).toBe(0)
    expect(existsSync(path.join(repo.dir, 'adr-site', 'adr', '0013-a-new-one.html'))).toBe(true)
    expect(readdirSync(repo.dir).filter((f) => f.includes('adr-site'))).toEqual(['adr-site'])
  })

  it('reuses the bodies it rendered before, but not once a link target comes into being', async () => {
    repo = makeSiteRepo()
    const third = 'doc/adr/0003-store-invoices-in-postgresql.md'
    repo.write({[third]: `${readFileSync(path.join(repo.dir, third), 'utf8')}\nSee also [the archive](0013-archive-old-invoices.md).\n`})
    await runCommand(ExportSite, [], repo.dir)
    expect(read(PAGES.postgres)).toContain('<a href="0013-archive-old-invoices.md">the archive</a>')
    // a body read back from the cache, not rendered again: mark one entry and see the mark on its page
    const cacheFile = path.join(repo.dir, '.git', 'adrgate', 'site-bodies.json')
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as {value: Record<string, {html: string}>}
    const entry = Object.values(cache.value).find((b) => b.html.includes('0013-archive-old-invoices.md'))
    expect(entry).toBeDefined()
    if (entry) entry.html = entry.html.replace('</a>', '</a><span>from the cache</span>')
    writeFileSync(cacheFile, JSON.stringify(cache))
    await runCommand(ExportSite, [], repo.dir)
    expect(read(PAGES.postgres)).toContain('<span>from the cache</span>')
    repo.write({'doc/adr/0013-archive-old-invoices.md': '---\nstatus: proposed\n---\n# Archive old invoices\n'})
    await runCommand(ExportSite, [], repo.dir)
    expect(read(PAGES.postgres)).toContain('<a href="0013-archive-old-invoices.html">the archive</a>')
    repo.write({[third]: '---\nstatus: accepted\n---\n# Store invoices in PostgreSQL\n\nShorter now.\n'})
    await runCommand(ExportSite, [], repo.dir)
    expect(read(PAGES.postgres)).toContain('<p>Shorter now.</p>')
  })

  it('writes into an empty directory', async () => {
    repo = makeSiteRepo()
    mkdirSync(path.join(repo.dir, 'empty'))
    expect((await runCommand(ExportSite, ['--out', 'empty'], repo.dir)).exitCode).toBe(0)
    expect(existsSync(path.join(repo.dir, 'empty', 'index.html'))).toBe(true)
  })

  it('refuses a --repo-url or --base-url that is not http(s)', async () => {
    repo = makeSiteRepo()
    const r = await runCommand(ExportSite, ['--json', '--repo-url', 'javascript:alert(1)'], repo.dir)
    expect(r.exitCode).toBe(2)
    expect(JSON.parse(r.stdout).error.code).toBe('INVALID_ARGUMENT')
    expect(existsSync(path.join(repo.dir, 'adr-site'))).toBe(false)
  })

  it('exports ADRs outside git with a warning and no history', async () => {
    repo = makeRepo({'doc/adr/0001-use-x.md': '---\nstatus: accepted\n---\n# Use X\n'}, {git: false})
    const r = await runCommand(ExportSite, [], repo.dir)
    expect(r.exitCode).toBe(0)
    expect(r.stderr).toContain('Warning: Not a git repository')
    expect(read('timeline.html')).toContain('No history')
  })
})
