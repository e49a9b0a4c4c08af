import {chromium} from 'playwright-core'
const b = await chromium.launch({executablePath: '/usr/bin/chromium', args: ['--no-sandbox']})
const p = await b.newPage({viewport: {width: 900, height: 1200}})
await p.goto(process.argv[2]); await p.emulateMedia({media: 'print'})
await p.screenshot({path: process.argv[3]})
// keyboard: tab through the first few focusable elements
await p.emulateMedia({media: 'screen'})
const seen = []
for (let i = 0; i < 6; i++) { await p.keyboard.press('Tab'); seen.push(await p.evaluate(() => document.activeElement?.outerHTML.slice(0, 60))) }
console.log(seen.join('\n'))
await b.close()
