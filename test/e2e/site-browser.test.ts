/**
 * The exported site in a real browser (headless Chromium): opened from file:// and from a sub-path of
 * a loopback server; filters, search, the supersede banner, the graph, the debate, and hostile ADR
 * content that must run nothing. Skipped, with a notice, when Chromium is not installed.
 */
import {readFileSync} from 'node:fs'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Browser, BrowserContext} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import ExportSite from '../../src/commands/export/site.js'
import {findChromium, launchChromium, type Watch, watchedPage} from '../helpers/browser.js'
import type {TempRepo} from '../helpers/git-repo.js'
import {runCommand} from '../helpers/run-command.js'
import {makeSiteRepo} from '../helpers/site-repo.js'

const CHROMIUM = findChromium()
const REQUIRED = process.env.ADRGATE_BROWSER_TESTS === 'require'
if (!CHROMIUM) {
  const note = 'Browser tests skipped: Chromium not found (apt-get install chromium, or set CHROMIUM_PATH).'
  if (REQUIRED) throw new Error(`${note} ADRGATE_BROWSER_TESTS=require makes this a failure.`)
  process.stderr.write(`\n${note}\n`)
}

let repo: TempRepo
let browser: Browser
let context: BrowserContext
let site: string
const url = (page: string) => pathToFileURL(path.join(site, page)).href

function expectNothingRan(watch: Watch): void {
  expect(watch.dialogs).toEqual([])
  expect(watch.consoleErrors).toEqual([])
  expect(watch.pageErrors).toEqual([])
  expect(watch.requests).toEqual([])
}

describe.skipIf(!CHROMIUM)('the exported site in Chromium', () => {
  beforeAll(async () => {
    repo = makeSiteRepo()
    const r = await runCommand(ExportSite, ['--json'], repo.dir, {ADR_DATE: '2027-04-01'})
    expect(r.exitCode).toBe(0)
    site = path.join(repo.dir, 'adr-site')
    browser = await launchChromium(CHROMIUM as string)
    context = await browser.newContext({viewport: {width: 1280, height: 900}})
  })
  afterAll(async () => {
    await browser?.close()
    repo?.cleanup()
  })

  it('opens the index from file:// with every ADR, and nothing else is loaded', async () => {
    const {page, watch} = await watchedPage(context)
    await page.goto(url('index.html'))
    await expect.poll(() => page.locator('[data-adr-table] tbody tr:visible').count()).toBe(5)
    expect(await page.locator('html.js').count()).toBe(1)
    expect(await page.title()).toBe('Architecture decisions')
    expectNothingRan(watch)
    await page.close()
  })

  it('filters by status, from the select and from a count, and keeps the filter in the URL', async () => {
    const {page, watch} = await watchedPage(context)
    await page.goto(url('index.html'))
    await page.selectOption('#f-status', 'superseded')
    const visible = page.locator('[data-adr-table] tbody tr:visible')
    await expect.poll(() => visible.count()).toBe(1)
    expect(await visible.first().locator('td.title').textContent()).toBe('Store invoices in MongoDB')
    expect(new URL(page.url()).hash).toBe('#status=superseded')
    await page.click('button.count[data-status="accepted"]')
    await expect.poll(() => visible.count()).toBe(3)
    expect(await page.locator('[data-shown]').textContent()).toBe('3')
    await page.reload()
    await expect.poll(() => visible.count()).toBe(3)
    expectNothingRan(watch)
    await page.close()
  })

  it('finds a word that only one ADR body holds and opens its page', async () => {
    const {page, watch} = await watchedPage(context)
    await page.goto(url('timeline.html'))
    await page.fill('#q-top', 'backpressure')
    await page.press('#q-top', 'Enter')
    await page.waitForURL(/search\.html\?q=backpressure/)
    const results = page.locator('[data-search-results] li a')
    await expect.poll(() => results.count()).toBe(1)
    await results.first().click()
    await page.waitForURL(/adr\/0003-store-invoices-in-postgresql\.html$/)
    expect(await page.locator('h1').textContent()).toContain('Store invoices in PostgreSQL')
    expectNothingRan(watch)
    await page.close()
  })

  it('follows the supersede banner to the successor', async () => {
    const {page, watch} = await watchedPage(context)
    await page.goto(url('adr/0002-store-invoices-in-mongodb.html'))
    await page.click('.banner-superseded a[data-successor]')
    await page.waitForURL(/adr\/0003-store-invoices-in-postgresql\.html$/)
    expect(await page.locator('.links').textContent()).toContain('supersedes')
    expectNothingRan(watch)
    await page.close()
  })

  it('follows a node of the relation graph to its page', async () => {
    const {page, watch} = await watchedPage(context)
    await page.goto(url('graph.html'))
    await page.locator('g.node', {hasText: 'MongoDB'}).locator('a').click()
    await page.waitForURL(/adr\/0002-store-invoices-in-mongodb\.html$/)
    expectNothingRan(watch)
    await page.close()
  })

  it('shows the debate: the score matrix, the flip-point sentence and the overdue revisit', async () => {
    const {page, watch} = await watchedPage(context)
    await page.goto(url('adr/0012-primary-datastore.html'))
    const matrix = page.locator('table[data-matrix]')
    expect(await matrix.isVisible()).toBe(true)
    expect(await matrix.locator('tbody tr').count()).toBe(3)
    expect(await matrix.locator('tr.winner th').textContent()).toContain('PostgreSQL')
    expect(await page.locator('[data-flips]').textContent()).toContain('MongoDB wins only if D2 is worth more than 73.1%')
    expect(await page.locator('[data-revisit]').textContent()).toContain('Overdue')
    expectNothingRan(watch)
    await page.close()
  })

  it('runs nothing from an ADR that carries <script>, <img onerror> and javascript: links', async () => {
    const {page, watch} = await watchedPage(context)
    await page.goto(url('adr/0004-render-what-users-write.html'))
    await page.getByText('link that runs script').click()
    await page.getByText('an inline handler').click()
    await page.getByText('data link').click()
    await page.waitForTimeout(300)
    expect(page.url()).toMatch(/0004-render-what-users-write\.html$/)
    expect(await page.locator('main script, main img, main [onerror], main [onclick]').count()).toBe(0)
    expect(await page.locator('h1').textContent()).toContain('<script>alert("title")</script>')
    expectNothingRan(watch)
    await page.close()
  })

  it('reads without JavaScript: every ADR listed, the page readable, the filters hidden', async () => {
    const noScript = await browser.newContext({javaScriptEnabled: false})
    const {page, watch} = await watchedPage(noScript)
    await page.goto(url('index.html'))
    expect(await page.locator('[data-adr-table] tbody tr:visible').count()).toBe(5)
    expect(await page.locator('form.filters').isVisible()).toBe(false)
    await page.goto(url('adr/0012-primary-datastore.html'))
    expect(await page.locator('table[data-matrix]').isVisible()).toBe(true)
    expectNothingRan(watch)
    await noScript.close()
  })

  it('works under a sub-path of a static host', async () => {
    const server = await serve(path.dirname(site))
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      const {page, watch} = await watchedPage(context, new RegExp(`^${base}/`))
      await page.goto(`${base}/adr-site/index.html`)
      await page.click('a:text("Store invoices in PostgreSQL")')
      await page.waitForURL(`${base}/adr-site/adr/0003-store-invoices-in-postgresql.html`)
      await page.fill('#q-top', 'tenant')
      await page.press('#q-top', 'Enter')
      await expect.poll(() => page.locator('[data-search-results] li').count()).toBeGreaterThan(0)
      expectNothingRan(watch)
      await page.close()
    } finally {
      server.close()
    }
  })

  // not a check: `ADRGATE_SCREENSHOTS=/tmp/shots npx vitest run test/e2e/site-browser.test.ts` to look at the site
  it.skipIf(!process.env.ADRGATE_SCREENSHOTS)('takes screenshots into ADRGATE_SCREENSHOTS', async () => {
    const dir = process.env.ADRGATE_SCREENSHOTS as string
    for (const dark of [false, true]) {
      const shots = await browser.newContext({viewport: {width: 1280, height: 900}, colorScheme: dark ? 'dark' : 'light'})
      const page = await shots.newPage()
      for (const [name, file] of [
        ['index', 'index.html'],
        ['adr', 'adr/0003-store-invoices-in-postgresql.html'],
        ['debate', 'adr/0012-primary-datastore.html'],
      ]) {
        await page.goto(url(file))
        await page.screenshot({path: path.join(dir, `${name}${dark ? '-dark' : ''}.png`), fullPage: name === 'debate'})
      }
      await shots.close()
    }
  })
})

/** A static server on the loopback address, serving `root` (the site sits at `/adr-site/`). */
function serve(root: string): Promise<Server> {
  const types: Record<string, string> = {'.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml'}
  const server = createServer((req, res) => {
    const file = path.join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname))
    if (!file.startsWith(root)) return void res.writeHead(403).end()
    try {
      const body = readFileSync(file)
      res.writeHead(200, {'content-type': types[path.extname(file)] ?? 'application/octet-stream'}).end(body)
    } catch {
      res.writeHead(404).end()
    }
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}
