/**
 * The V8 code cache bin/run.js installs before oclif loads (src/adapters/compile-cache.ts, ADR 45).
 * The loader patch is tried in spawned Node processes (never in the test's own), on small CommonJS
 * modules of the test's making, then through the built CLI. A cache must never change what a module
 * does: stale, damaged or unwritable caches are the cases that matter.
 */
import {spawn, spawnSync} from 'node:child_process'
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {compileCacheDir, compilesAsScript} from '../../src/adapters/compile-cache.js'
import {makeRepo} from '../helpers/git-repo.js'
import {BIN, PROJECT_ROOT, runBin} from '../helpers/run-command.js'

const CACHE_MODULE = pathToFileURL(path.join(PROJECT_ROOT, 'dist/adapters/compile-cache.js')).href

const SYSTEM = {platform: 'linux', homedir: '/home/ana', version: 'v20.20.2', arch: 'x64', flags: []}

describe('compileCacheDir', () => {
  it('is the user cache folder, one per Node version and architecture', () => {
    expect(compileCacheDir({}, SYSTEM)).toBe('/home/ana/.cache/adrgate/compile-cache/node-v20.20.2-x64')
    expect(compileCacheDir({XDG_CACHE_HOME: '/var/cache/ana'}, SYSTEM)).toBe('/var/cache/ana/adrgate/compile-cache/node-v20.20.2-x64')
    // an empty XDG_CACHE_HOME is unset, as the XDG specification says
    expect(compileCacheDir({XDG_CACHE_HOME: ''}, SYSTEM)).toBe('/home/ana/.cache/adrgate/compile-cache/node-v20.20.2-x64')
    expect(compileCacheDir({LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local'}, {...SYSTEM, platform: 'win32'})).toContain(
      path.join('adrgate', 'compile-cache', 'node-v20.20.2-x64'),
    )
  })

  it('is another folder for other Node options, on the command line or in NODE_OPTIONS (V8 refuses data made under other flags)', () => {
    const plain = compileCacheDir({}, SYSTEM)
    const jitless = compileCacheDir({}, {...SYSTEM, flags: ['--jitless']})
    const options = compileCacheDir({NODE_OPTIONS: '--max-old-space-size=4096'}, SYSTEM)
    expect(new Set([plain, jitless, options]).size).toBe(3)
    expect(jitless).toMatch(/node-v20\.20\.2-x64-[0-9a-f]{8}$/)
    expect(compileCacheDir({NODE_OPTIONS: '--jitless'}, SYSTEM)).toBe(jitless)
  })

  it('is the folder ADRGATE_COMPILE_CACHE names, and none when it is 0', () => {
    expect(compileCacheDir({ADRGATE_COMPILE_CACHE: '/tmp/cc'}, SYSTEM)).toBe('/tmp/cc/node-v20.20.2-x64')
    expect(compileCacheDir({ADRGATE_COMPILE_CACHE: '0', XDG_CACHE_HOME: '/x'}, SYSTEM)).toBeUndefined()
    for (const off of ['false', 'off']) expect(compileCacheDir({ADRGATE_COMPILE_CACHE: off}, SYSTEM)).toBeUndefined()
  })

  it('is never a relative folder, which would be made in the repository adr runs in', () => {
    expect(compileCacheDir({ADRGATE_COMPILE_CACHE: 'cache'}, SYSTEM)).toBeUndefined()
    // the XDG specification: a relative $XDG_CACHE_HOME is ignored
    expect(compileCacheDir({XDG_CACHE_HOME: '.cache'}, SYSTEM)).toBe('/home/ana/.cache/adrgate/compile-cache/node-v20.20.2-x64')
  })
})

describe('compilesAsScript', () => {
  it('refuses a #! line and any import( (a vm.Script cannot run one), in a comment too', () => {
    expect(compilesAsScript('module.exports = 1')).toBe(true)
    expect(compilesAsScript('#!/usr/bin/env node\nmodule.exports = 1')).toBe(false)
    expect(compilesAsScript('exports.load = () => import("./x.mjs")')).toBe(false)
    expect(compilesAsScript('if (a) {import ("./x.mjs")}')).toBe(false)
    expect(compilesAsScript('/** @type {import("unist").Node} */ module.exports = 1')).toBe(false)
    // `import.meta` is a syntax error in a script either way; `reimport(` is another name
    expect(compilesAsScript('exports.reimport = reimport(1)')).toBe(true)
  })
})

/** A script that installs the cache in `cache`, requires `main.cjs` from `dir`, prints its value and the counts, and saves at exit. */
function runner(dir: string, cache: string): string {
  const file = path.join(dir, 'run.mjs')
  writeFileSync(
    file,
    `import {createRequire} from 'node:module'
const {startCompileCache} = await import(${JSON.stringify(CACHE_MODULE)})
const cache = startCompileCache(${JSON.stringify(cache)})
process.once('exit', () => cache.save())
const require = createRequire(import.meta.url)
let value
try { value = await require('./main.cjs').value() } catch (error) { value = error.name + ': ' + error.message.split('\\n')[0] }
console.log(JSON.stringify({value, counts: cache.counts()}))
`,
  )
  return file
}

function run(file: string): {value: unknown; counts: {cached: number; compiled: number; passed: number}} {
  const r = spawnSync(process.execPath, [file], {encoding: 'utf8'})
  expect(r.status, r.stderr).toBe(0)
  expect(r.stderr).toBe('')
  return JSON.parse(r.stdout)
}

describe('startCompileCache', () => {
  let dir: string
  let cache: string
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'adrgate-compile-cache-'))
    cache = path.join(dir, 'cache')
    writeFileSync(path.join(dir, 'dep.cjs'), "exports.where = (f) => require('node:path').basename(f)\nexports.twice = (n) => n * 2\n")
  })
  afterEach(() => rmSync(dir, {recursive: true, force: true}))

  const main = (n: number) =>
    `const dep = require('./dep.cjs')\nexports.value = () => [dep.twice(${n}), dep.where(__filename), require.resolve('./dep.cjs') === __dirname + '/dep.cjs', typeof require.cache, module.exports === exports]\n`

  it('compiles from the cache on the second run, and the modules do what they did', () => {
    writeFileSync(path.join(dir, 'main.cjs'), main(21))
    const file = runner(dir, cache)
    const first = run(file)
    expect(first).toEqual({value: [42, 'main.cjs', true, 'object', true], counts: {cached: 0, compiled: 2, passed: 0}})
    expect(readdirSync(cache).sort()).toEqual([
      expect.stringMatching(/^dep\.cjs-[0-9a-f]{8}\.v8$/),
      expect.stringMatching(/^main\.cjs-[0-9a-f]{8}\.v8$/),
    ])
    const second = run(file)
    expect(second).toEqual({value: first.value, counts: {cached: 2, compiled: 0, passed: 0}})
  })

  it('saves a module once more on the next run that uses its data, with what that run compiled, and then no more', () => {
    // the first run only loads main.cjs (as oclif without a manifest requires a command to read its flags)
    writeFileSync(path.join(dir, 'main.cjs'), `exports.value = () => { const twice = (n) => n * 2; return [twice(21), 'ran'] }\n`)
    const loadOnly = path.join(dir, 'load.mjs')
    writeFileSync(
      loadOnly,
      `import {createRequire} from 'node:module'
const {startCompileCache} = await import(${JSON.stringify(CACHE_MODULE)})
const cache = startCompileCache(${JSON.stringify(cache)})
process.once('exit', () => cache.save())
createRequire(import.meta.url)('./main.cjs')
console.log(JSON.stringify({value: null, counts: cache.counts()}))
`,
    )
    expect(run(loadOnly).counts).toEqual({cached: 0, compiled: 1, passed: 0})
    const [mainCache] = readdirSync(cache)
    const cacheFile = path.join(cache, mainCache)
    const first = readFileSync(cacheFile)
    const file = runner(dir, cache)
    expect(run(file)).toEqual({value: [42, 'ran'], counts: {cached: 1, compiled: 0, passed: 0}})
    const second = readFileSync(cacheFile)
    // saved again: the functions value() compiled are in the data now
    expect(second.length).toBeGreaterThan(first.length)
    expect(run(file)).toEqual({value: [42, 'ran'], counts: {cached: 1, compiled: 0, passed: 0}})
    expect(run(loadOnly).counts).toEqual({cached: 1, compiled: 0, passed: 0})
    expect(readFileSync(cacheFile).equals(second)).toBe(true)
  })

  it('does not use a cache made from another source, even one of the same length', () => {
    writeFileSync(path.join(dir, 'main.cjs'), main(21))
    const file = runner(dir, cache)
    run(file)
    // the same length, another number: V8's own check (the source's length) would take the old code
    writeFileSync(path.join(dir, 'main.cjs'), main(32))
    expect(run(file)).toEqual({value: [64, 'main.cjs', true, 'object', true], counts: {cached: 1, compiled: 1, passed: 0}})
    expect(run(file).counts).toEqual({cached: 2, compiled: 0, passed: 0})
  })

  it('does not use a damaged or foreign cache file, and writes it anew', () => {
    writeFileSync(path.join(dir, 'main.cjs'), main(21))
    const file = runner(dir, cache)
    run(file)
    const [mainCache] = readdirSync(cache).filter((f) => f.startsWith('main.cjs-'))
    const bytes = readFileSync(path.join(cache, mainCache))
    bytes[bytes.length - 10] ^= 0xff
    writeFileSync(path.join(cache, mainCache), bytes)
    expect(run(file)).toEqual({value: [42, 'main.cjs', true, 'object', true], counts: {cached: 1, compiled: 1, passed: 0}})
    writeFileSync(path.join(cache, mainCache), 'not a cache')
    expect(run(file).counts).toEqual({cached: 1, compiled: 1, passed: 0})
    expect(run(file).counts).toEqual({cached: 2, compiled: 0, passed: 0})
    expect(readdirSync(cache).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('gives Node what a script cannot run: a dynamic import(), a syntax error (Node says it)', () => {
    writeFileSync(path.join(dir, 'esm.mjs'), 'export const n = 7\n')
    writeFileSync(path.join(dir, 'main.cjs'), "exports.value = async () => (await import('./esm.mjs')).n * require('./dep.cjs').twice(3)\n")
    const file = runner(dir, cache)
    expect(run(file)).toEqual({value: 42, counts: {cached: 0, compiled: 1, passed: 1}})
    expect(run(file)).toEqual({value: 42, counts: {cached: 1, compiled: 0, passed: 1}})
    writeFileSync(path.join(dir, 'main.cjs'), 'exports.value = () => 1 +\n')
    expect(run(file).value).toMatch(/^SyntaxError: /)
  })

  it('gives Node a source edited to hold an import(), though its last version was cached (a cached source is not scanned again)', () => {
    writeFileSync(path.join(dir, 'esm.mjs'), 'export const n = 7\n')
    writeFileSync(path.join(dir, 'main.cjs'), main(21))
    const file = runner(dir, cache)
    run(file)
    expect(run(file).counts).toEqual({cached: 2, compiled: 0, passed: 0})
    writeFileSync(path.join(dir, 'main.cjs'), "exports.value = async () => (await import('./esm.mjs')).n * require('./dep.cjs').twice(3)\n")
    expect(run(file)).toEqual({value: 42, counts: {cached: 1, compiled: 0, passed: 1}})
  })

  it('does not read or write a folder others may write to: cached data is code', () => {
    writeFileSync(path.join(dir, 'main.cjs'), main(21))
    const file = runner(dir, cache)
    run(file)
    expect(run(file).counts).toEqual({cached: 2, compiled: 0, passed: 0})
    chmodSync(cache, 0o777)
    expect(run(file)).toEqual({value: [42, 'main.cjs', true, 'object', true], counts: {cached: 0, compiled: 0, passed: 2}})
    chmodSync(cache, 0o700)
    expect(run(file).counts).toEqual({cached: 2, compiled: 0, passed: 0})
  })

  it('runs uncached, saying nothing, when the cache folder cannot be made or written', () => {
    writeFileSync(path.join(dir, 'main.cjs'), main(21))
    writeFileSync(cache, 'a file where the folder would be')
    const file = runner(dir, cache)
    expect(run(file)).toEqual({value: [42, 'main.cjs', true, 'object', true], counts: {cached: 0, compiled: 0, passed: 2}})
    rmSync(cache)
    mkdirSync(cache)
    chmodSync(cache, 0o500)
    try {
      // root writes anyway; anyone else is refused: both must run
      expect(run(file).value).toEqual([42, 'main.cjs', true, 'object', true])
    } finally {
      chmodSync(cache, 0o700)
    }
  })
})

describe('the bundles', () => {
  it("leave to require() only built-ins and adrgate's own dependencies (a package an inlined one needs may not resolve from dist/)", () => {
    const {dependencies} = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8'))
    const folder = path.join(PROJECT_ROOT, 'dist/bundled/commands')
    const bundles = readdirSync(folder, {recursive: true, encoding: 'utf8'}).filter((f) => f.endsWith('.cjs'))
    expect(bundles.length).toBeGreaterThan(20)
    const required = new Set<string>()
    for (const bundle of bundles) {
      for (const [, id] of readFileSync(path.join(folder, bundle), 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)) {
        if (!id.startsWith('node:')) required.add(id.startsWith('@') ? id.split('/').slice(0, 2).join('/') : id.split('/')[0])
      }
    }
    // @oclif/core is the bundle of it beside the commands (scripts/bundle-oclif.js), the same file for every command
    expect(required.has('@oclif/core')).toBe(false)
    expect([...required].filter((id) => !id.startsWith('.') && !(id in dependencies))).toEqual([])
    for (const bundle of bundles) {
      const oclif = [...readFileSync(path.join(folder, bundle), 'utf8').matchAll(/\brequire\("(\.[^"]*oclif[^"]*)"\)/g)].map(([, id]) => id)
      expect(
        oclif.map((id) => path.resolve(path.dirname(path.join(folder, bundle)), id)),
        bundle,
      ).toEqual([path.join(PROJECT_ROOT, 'dist/bundled/oclif-core.cjs')])
    }
  })
})

describe('the built CLI with its compile cache', () => {
  it('prints the same with the cache cold, warm and off, and caches the bundles of oclif and of the command', async () => {
    const repo = makeRepo(
      {
        'docs/adr/0001-use-a-queue.md':
          '# 1. Use a queue\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nC.\n\n## Decision\n\nD.\n\n## Consequences\n\nE.\n',
      },
      {commit: true},
    )
    const cache = mkdtempSync(path.join(tmpdir(), 'adrgate-cli-cache-'))
    try {
      const off = runBin(['list', '--json'], repo.dir, {ADRGATE_COMPILE_CACHE: '0'})
      expect(off.exitCode, off.stderr).toBe(0)
      // four cold processes at once: each writes whole files or none
      const together = await Promise.all(
        [1, 2, 3, 4].map(
          () =>
            new Promise<string>((resolve, reject) => {
              const child = spawn(process.execPath, [BIN, 'list', '--json'], {
                cwd: repo.dir,
                env: {...process.env, ADRGATE_COMPILE_CACHE: cache},
              })
              let out = ''
              child.stdout.on('data', (chunk) => {
                out += chunk
              })
              child.on('error', reject)
              child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))))
            }),
        ),
      )
      expect(new Set(together)).toEqual(new Set([off.stdout]))
      const warm = runBin(['list', '--json'], repo.dir, {ADRGATE_COMPILE_CACHE: cache})
      expect(warm).toEqual(off)
      const [folder] = readdirSync(cache)
      const files = readdirSync(path.join(cache, folder))
      expect(files.some((f) => f.startsWith('list.cjs-'))).toBe(true)
      expect(files.some((f) => f.startsWith('oclif-core.cjs-'))).toBe(true)
      expect(files.filter((f) => !f.endsWith('.v8'))).toEqual([])
      expect(existsSync(path.join(cache, folder, 'list.cjs'))).toBe(false)
    } finally {
      repo.cleanup()
      rmSync(cache, {recursive: true, force: true})
    }
  }, 60_000)
})
