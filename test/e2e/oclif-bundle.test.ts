/**
 * @oclif/core bundled into one file, dist/bundled/oclif-core.cjs (scripts/bundle-oclif.js, ADR 46). What
 * the bundle must keep of the package: a file the compile cache can take (no `import(` outside strings),
 * `__dirname` as the installed package's folders (oclif reads its package.json from there), and its
 * import() calls resolving as they did. Tried on the built bundle in spawned Node processes; the
 * commands' runs through it are every other test that spawns the CLI.
 */
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {createRequire, isBuiltin} from 'node:module'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {satisfiesAtLeast} from '../../scripts/oclif-engine-check.js'
import {compilesAsScript} from '../../src/adapters/compile-cache.js'
import {PROJECT_ROOT} from '../helpers/run-command.js'

const BUNDLE = path.join(PROJECT_ROOT, 'dist/bundled/oclif-core.cjs')
const IMPORT_HELPER = path.join(PROJECT_ROOT, 'dist/bundled/oclif-import.cjs')
const OCLIF_LIB = path.join(path.dirname(createRequire(import.meta.url).resolve('@oclif/core/package.json')), 'lib')

/** Runs `script` in a Node process of its own; its stdout and stderr. */
function node(script: string, cwd = PROJECT_ROOT): {status: number | null; stdout: string; stderr: string} {
  const r = spawnSync(process.execPath, ['-e', script], {cwd, encoding: 'utf8', env: {...process.env, OCLIF_DISABLE_ENGINE_WARNING: ''}})
  return {status: r.status, stdout: r.stdout, stderr: r.stderr}
}

/** Temporary folders the running test made, removed after it. */
const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, {recursive: true, force: true})
})
function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  made.push(dir)
  return dir
}

describe('the bundle of @oclif/core', () => {
  const text = readFileSync(BUNDLE, 'utf8')

  it('is a file the compile cache compiles: no import( outside a string, no __dirname of its own', () => {
    expect(compilesAsScript(text)).toBe(true)
    expect(text).not.toMatch(/\b__dirname\b/)
    // oclif's message for a module it cannot load still names import(), escaped
    expect(text).toContain('import\\x28)')
  })

  it("leaves to require() only Node's built-ins, its import helper, and what oclif loads only in development", () => {
    const required = new Set([...text.matchAll(/\brequire\("([^"]+)"\)/g)].map(([, id]) => id).filter((id) => !isBuiltin(id)))
    expect([...required].sort()).toEqual(['./oclif-import.cjs', 'typescript'])
  })

  it("keeps oclif's engine check, with the range of the package.json it was built from: it warns under an older Node", () => {
    const {engines} = createRequire(import.meta.url)('@oclif/core/package.json')
    const under = (version: string) =>
      node(`Object.defineProperty(process.versions, 'node', {value: '${version}'}); require(${JSON.stringify(BUNDLE)})`)
    const old = under('16.0.0')
    expect(old.status, old.stderr).toBe(0)
    expect(old.stderr).toContain(`Node version must be ${engines.node} to use this CLI. Current node version: 16.0.0`)
    // semver decides what the fast comparison cannot: a pre-release is not >=18.0.0
    expect(under('22.0.0-pre').stderr).toContain('Current node version: 22.0.0-pre')
    expect(under(process.versions.node).stderr).toBe('')
  })

  it('compares a plain >=x.y.z range as semver does (satisfiesAtLeast, the engine check fast path)', () => {
    const semver = createRequire(import.meta.url)('semver') as {satisfies(version: string, range: string): boolean}
    const versions = [
      '0.0.0',
      '17.9.9',
      '18.0.0',
      '18.0.1',
      '18.1.0',
      '20.20.2',
      '100.0.0',
      '9.99.99',
      '18.0.0-pre',
      '018.0.0',
      'v20.0.0',
      '20.0',
      '1.2.3.4',
      '',
    ]
    const ranges = [
      '>=18.0.0',
      '>=0.0.0',
      '>=20.20.2',
      '>=18.0',
      '>=18',
      '>= 18.0.0',
      '>=18.0.0 <25',
      '^18.0.0',
      '>=018.0.0',
      '>=v18.0.0',
      '18.x',
    ]
    for (const version of versions) {
      for (const range of ranges) {
        const fast = satisfiesAtLeast(version, range)
        if (fast !== undefined) expect(fast, `${version} ${range}`).toBe(semver.satisfies(version, range))
      }
    }
    // what the fast path itself decides: the plain range against release versions (the first eight)
    expect(versions.filter((v) => satisfiesAtLeast(v, '>=18.0.0') !== undefined)).toEqual(versions.slice(0, 8))
    expect(ranges.filter((r) => satisfiesAtLeast('20.0.0', r) !== undefined)).toEqual(['>=18.0.0', '>=0.0.0', '>=20.20.2'])
  })

  it("reads no package.json of oclif's when it loads: the engine check's range is in the bundle", () => {
    const r = node(
      `const fs = require('node:fs'); const read = fs.readFileSync; const seen = []; fs.readFileSync = function (file, ...rest) { seen.push(String(file)); return read.call(this, file, ...rest) }; require(${JSON.stringify(BUNDLE)}); console.log(seen.filter((f) => f.includes('@oclif')).join(','))`,
    )
    expect(r.stderr).toBe('')
    expect(r.stdout.trim()).toBe('')
  })

  it('loads perf_hooks and readline only where oclif uses them (its debug timings, arguments read from stdin)', () => {
    const loaded = node(
      `require(${JSON.stringify(BUNDLE)}); console.log(process.moduleLoadList.filter((m) => /^NativeModule (perf_hooks|readline)$/.test(m)).join(','))`,
    )
    expect(loaded.stderr).toBe('')
    expect(loaded.stdout.trim()).toBe('')
    // the timings still work when asked for: a mark, a measure, the observer that collects them
    const timed = node(
      `globalThis.oclif = {performanceEnabled: true}; const {Performance} = require(${JSON.stringify(BUNDLE)}); Performance.mark('@oclif/core', 'config.runCommand#x', {plugin: 'p', command: 'c'}).stop(); Performance.collect().then(() => console.log(typeof Performance.oclifPerf['oclif.runMs'], process.moduleLoadList.includes('NativeModule perf_hooks')))`,
    )
    expect(timed.stderr).toBe('')
    expect(timed.stdout.trim()).toBe('number true')
  })

  it('names the platform as the package does, with wsl-utils inlined and not imported', () => {
    // the region comment names the module's path from the project, wherever node_modules is (a worktree's may be a link)
    expect(text).toMatch(/^\/\/ [^\n]*\bnode_modules\/wsl-utils\/index\.js$/m)
    const platformOf = (oclif: string) =>
      node(`require(${JSON.stringify(oclif)}).Config.load(${JSON.stringify(PROJECT_ROOT)}).then((c) => console.log(c.platform, c.shell))`)
    const bundled = platformOf(BUNDLE)
    expect(bundled.stderr).toBe('')
    expect(bundled.stdout).toBe(platformOf(path.join(OCLIF_LIB, 'index.js')).stdout)
    expect(bundled.stdout).toMatch(/^(linux|wsl|darwin|win32) /)
  })

  it('exports what the launcher and the commands use', () => {
    const r = node(
      `const oclif = require(${JSON.stringify(BUNDLE)}); console.log(['Command', 'Config', 'execute', 'Flags', 'Args', 'Errors', 'ux'].map((k) => k + ':' + typeof oclif[k]).join(' '))`,
    )
    expect(r.stdout.trim()).toBe('Command:function Config:function execute:function Flags:object Args:object Errors:object ux:object')
  })
})

describe('the bundle without a manifest', () => {
  it('finds command files by their names, and plugins by a pattern, with tinyglobby and minimatch loaded when used', () => {
    const dir = tempDir('adrgate-oclif-glob-')
    mkdirSync(path.join(dir, 'commands', 'topic'), {recursive: true})
    writeFileSync(
      path.join(dir, 'package.json'),
      // a dependency the pattern does not match: minimatch runs, no plugin is loaded
      JSON.stringify({
        name: 'globbed',
        version: '1.0.0',
        dependencies: {other: '1.0.0'},
        oclif: {commands: './commands', plugins: ['nosuch-*']},
      }),
    )
    const command = `module.exports = class extends require(${JSON.stringify(BUNDLE)}).Command { async run() {} }\n`
    for (const file of ['hello.cjs', 'topic/sub.cjs']) writeFileSync(path.join(dir, 'commands', file), command)
    const r = node(
      `require(${JSON.stringify(BUNDLE)}).Config.load(${JSON.stringify(dir)}).then((c) => console.log(c.commandIDs.sort().join(','), c.plugins.size))`,
    )
    expect(r.stderr).toBe('')
    expect(r.stdout.trim()).toBe('hello,topic:sub 1')
  })
})

describe('the bundle where @oclif/core cannot be resolved', () => {
  it("still imports a plugin's ES module by its file URL: only a bare name needs oclif's folder", () => {
    // the bundle and its helper copied where no node_modules holds @oclif/core (a pruned install)
    const dir = tempDir('adrgate-oclif-alone-')
    for (const file of [BUNDLE, IMPORT_HELPER]) writeFileSync(path.join(dir, path.basename(file)), readFileSync(file))
    mkdirSync(path.join(dir, 'plugin'))
    writeFileSync(
      path.join(dir, 'plugin', 'package.json'),
      JSON.stringify({name: 'plugin', version: '1.0.0', oclif: {hooks: {init: './hook.mjs'}}}),
    )
    writeFileSync(path.join(dir, 'plugin', 'hook.mjs'), "export default async () => { process.stdout.write('hook ran\\n') }\n")
    const r = node(
      `require('./oclif-core.cjs').Config.load(${JSON.stringify(path.join(dir, 'plugin'))}).then((c) => c.runHook('init', {id: 'x', argv: []})).then((r) => console.log(r.successes.length, r.failures.map((f) => f.error.message)))`,
      dir,
    )
    expect(r.stderr).toBe('')
    expect(r.stdout).toBe('hook ran\n1 []\n')
  })
})

describe("oclif's import() helper", () => {
  it("resolves a bare name from the importing module's folder, not from dist/bundled", () => {
    // an ES module package that only the "importer" (a folder outside the project) can see
    const dir = tempDir('adrgate-oclif-import-')
    mkdirSync(path.join(dir, 'node_modules', 'only-here'), {recursive: true})
    writeFileSync(
      path.join(dir, 'node_modules', 'only-here', 'package.json'),
      JSON.stringify({name: 'only-here', type: 'module', exports: {default: './index.js'}}),
    )
    writeFileSync(path.join(dir, 'node_modules', 'only-here', 'index.js'), "export const seen = 'only here'\n")
    mkdirSync(path.join(dir, 'lib'))
    const r = node(
      `require(${JSON.stringify(IMPORT_HELPER)})('only-here', () => ${JSON.stringify(path.join(dir, 'lib'))}).then((m) => console.log(m.seen))`,
    )
    expect(r.stderr).toBe('')
    expect(r.stdout.trim()).toBe('only here')
    // from dist/bundled it does not resolve: the folder given is what found it
    expect(
      node(
        `require(${JSON.stringify(IMPORT_HELPER)})('only-here', () => ${JSON.stringify(path.dirname(BUNDLE))}).catch((e) => console.log(e.code))`,
      ).stdout.trim(),
    ).toBe('MODULE_NOT_FOUND')
  })

  it('imports a file URL or an absolute path as it is', () => {
    const dir = tempDir('adrgate-oclif-import-')
    const file = path.join(dir, 'plugin.mjs')
    writeFileSync(file, 'export default 42\n')
    const r = node(
      `const load = require(${JSON.stringify(IMPORT_HELPER)}); const folderOf = () => { throw new Error('a URL or a path asked for a folder') }; Promise.all([load(require('node:url').pathToFileURL(${JSON.stringify(file)}).href, folderOf), load(${JSON.stringify(file)}, folderOf)]).then(([a, b]) => console.log(a.default, b.default))`,
    )
    expect(r.stderr).toBe('')
    expect(r.stdout.trim()).toBe('42 42')
  })
})
