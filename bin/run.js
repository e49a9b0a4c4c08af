#!/usr/bin/env node
// `adr --version` (and `-v`) is answered before oclif loads (it prints what oclif would print), so
// scripts that probe the version pay for Node's start-up only. So is `adr complete -- WORDS…`, what
// every TAB of the completion scripts runs, from oclif's manifest (dist/cli/complete-early.js).
// Everything else goes through oclif.
const argv = process.argv.slice(2)
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  // a pipe closed early (`adr --version | true`) ends the output quietly, as oclif's handler does
  process.stdout.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error
  })
  const {readFileSync} = await import('node:fs')
  const {version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
  process.stdout.write(`adrgate/${version} ${process.platform}-${process.arch} node-${process.version}\n`)
} else if (!(argv[0] === 'complete' && (await (await import('../dist/cli/complete-early.js')).completeEarly(argv, process)))) {
  // oclif and the bundled commands are compiled from V8's code cache (ADR 45)
  const {compileCacheDir, startCompileCache} = await import('../dist/adapters/compile-cache.js')
  const {homedir} = await import('node:os')
  const system = {platform: process.platform, homedir: homedir(), version: process.version, arch: process.arch, flags: process.execArgv}
  const cacheDir = compileCacheDir(process.env, system)
  if (cacheDir) {
    const cache = startCompileCache(cacheDir)
    process.once('exit', () => cache.save())
  }
  // oclif is bundled into one file (ADR 46); require(), not import(), which would scan its 580 KB for exports first
  const {createRequire} = await import('node:module')
  const {Config, execute} = createRequire(import.meta.url)('../dist/bundled/oclif-core.cjs')
  const {withPlainIdOrder} = await import('../dist/cli/plain-id-order.js')
  // the config is loaded here, its command ids sorted without building ICU's collator (plain-id-order.ts
  // says why), and handed to oclif, which runs the command as `execute({dir})` would
  const config = await withPlainIdOrder(process.env, () => Config.load(import.meta.url))
  await execute({loadOptions: config})
}
