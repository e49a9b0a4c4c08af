import {existsSync} from 'node:fs'
import path from 'node:path'
import type {Browser, BrowserContext, Page} from 'playwright-core'

/**
 * Debian's Chromium (`apt-get install chromium`), or `CHROMIUM_PATH`: the browser tests drive it with
 * playwright-core, which downloads nothing. Undefined when there is none (the tests are then skipped
 * and say so, unless `ADRGATE_BROWSER_TESTS=require`, as `.ci/run` sets, makes that a failure).
 */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) candidates.push(path.join(dir, 'chromium'))
  return candidates.find((c): c is string => Boolean(c) && existsSync(c as string))
}

export async function launchChromium(executablePath: string): Promise<Browser> {
  const {chromium} = await import('playwright-core')
  // as root (CI, containers) Chromium needs --no-sandbox
  return chromium.launch({executablePath, args: ['--no-sandbox', '--disable-gpu'], timeout: 60_000})
}

/** What a page did that a static, script-free ADR site must never do. */
export interface Watch {
  dialogs: string[]
  consoleErrors: string[]
  pageErrors: string[]
  /** Requests for anything but `allowed` (file:// pages, or the test's own loopback server). */
  requests: string[]
}

/** A page that records dialogs, console errors, uncaught errors and requests that leave `allowed`. */
export async function watchedPage(context: BrowserContext, allowed = /^file:\/\//): Promise<{page: Page; watch: Watch}> {
  const page = await context.newPage()
  const watch: Watch = {dialogs: [], consoleErrors: [], pageErrors: [], requests: []}
  page.on('dialog', (d) => {
    watch.dialogs.push(`${d.type()}: ${d.message()}`)
    void d.dismiss()
  })
  page.on('console', (m) => {
    if (m.type() === 'error') watch.consoleErrors.push(m.text())
  })
  page.on('pageerror', (e) => watch.pageErrors.push(e.message))
  page.on('request', (r) => {
    if (!allowed.test(r.url())) watch.requests.push(r.url())
  })
  return {page, watch}
}
