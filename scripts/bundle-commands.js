#!/usr/bin/env node
// Bundles each command of dist/commands (the compiler's output) into one CommonJS file under
// dist/bundled/commands, which is what oclif loads (package.json `oclif.commands`). ADR 45 says why:
// a CommonJS file can be loaded from V8's code cache (dist/cli/compile-cache.js), an ES module cannot
// on Node 20, and one file per command spares resolving and reading the 40–80 modules it imports.
//
// What stays outside a bundle, loaded with require() at run time (and code-cached there too):
// Node's built-ins, every package that require() loads as CommonJS, and @oclif/core, which is bundled
// apart into dist/bundled/oclif-core.cjs (scripts/bundle-oclif.js): the launcher and the commands
// must share one. ES-module-only packages (the unified family) are inlined.
// Each module keeps the URL it has in dist/ (`import.meta.url` is rewritten to it), so the paths it
// builds from its own place (templates, schemas, built validators, worker threads) are what they were.
// The build fails if a bundle still holds a dynamic import() or `import.meta`: neither runs, or can
// be code-cached, in a CommonJS file compiled by the cache.
import {existsSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {createRequire, isBuiltin} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {rolldown} from 'rolldown'
import {compilesAsScript} from '../dist/adapters/compile-cache.js'
import {bundleOclif, OCLIF_BUNDLE} from './bundle-oclif.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const COMMANDS = path.join(ROOT, 'dist', 'commands')
const OUT = path.join(ROOT, 'dist', 'bundled', 'commands')
const LAZY = '\0adrgate-external:'
const DEPENDENCIES = new Set(Object.keys(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).dependencies ?? {}))
/** The bundle's own helper behind every rewritten `import.meta.url`: the URL of a module's dist/ file. */
const BANNER =
  'const __adrgateModuleUrl = (fromBundle) => require("node:url").pathToFileURL(require("node:path").join(__dirname, fromBundle)).href;'

/** `@scope/name/deep/path` → `@scope/name`; `name/deep` → `name`. */
function packageName(id) {
  const parts = id.split('/')
  return id.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

/** Whether the file require() would load for `id` from `importer` is CommonJS (`.cjs`, or `.js` outside a `"type": "module"` package). */
function loadsAsCommonJs(id, importer) {
  let file
  try {
    file = createRequire(importer).resolve(id)
  } catch {
    return false
  }
  if (file.endsWith('.cjs')) return true
  if (file.endsWith('.mjs')) return false
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json')
    if (existsSync(manifest)) {
      const type = JSON.parse(readFileSync(manifest, 'utf8')).type
      // a package.json without a name (`{"type": "commonjs"}` in a dist/ folder) still says the type
      if (type !== undefined || dir.endsWith(`node_modules${path.sep}${packageName(id).replace('/', path.sep)}`)) return type !== 'module'
    }
    if (path.dirname(dir) === dir) return true
  }
}

/**
 * What a bundle leaves to require() at run time (Node's built-ins, and the dependencies adrgate's own
 * modules import that require() loads as CommonJS), loaded where it was imported and not before: a
 * bundler puts the require() of an external module at the top of the file, which would load
 * node:crypto or simple-git at every start, where the ES modules loaded them only on the paths that
 * import them. So each is imported through a small CommonJS module of its own (`module.exports =
 * require(id)`), inlined and run, as any inlined module is, when its importer first runs. @oclif/core
 * alone is a plain external, the bundle of it beside the commands (`oclifBundle`, a path from
 * `outFile`): the launcher has loaded it already.
 */
function lazyExternals(outFile) {
  const oclifBundle = path.relative(path.dirname(outFile), path.join(path.dirname(OUT), OCLIF_BUNDLE)).split(path.sep).join('/')
  return {
    name: 'adrgate-lazy-externals',
    resolveId(id, importer) {
      if (id.startsWith(LAZY)) return id
      if (id === '@oclif/core') return {id: oclifBundle, external: true}
      if (id.startsWith('@oclif/core/')) throw new Error(`${importer} imports ${id}: import @oclif/core itself, which is bundled (scripts/bundle-oclif.js)`)
      if (importer?.startsWith(LAZY)) return {id, external: true}
      if (isBuiltin(id)) return LAZY + id
      // a package is left to require() only when adrgate's own code imports it, and it is one of
      // adrgate's dependencies: require() resolves it from the bundle's folder, where a package an
      // inlined package depends on may not be (a nested or pnpm node_modules): those are inlined too
      const bare = !id.startsWith('.') && !path.isAbsolute(id) && importer !== undefined
      if (!bare || importer.includes(`${path.sep}node_modules${path.sep}`) || !loadsAsCommonJs(id, importer)) return null
      if (!DEPENDENCIES.has(packageName(id))) throw new Error(`${importer} imports ${id}, which is not in package.json's dependencies`)
      return LAZY + id
    },
    load(id) {
      return id.startsWith(LAZY) ? {code: `module.exports = require(${JSON.stringify(id.slice(LAZY.length))})\n`} : null
    },
  }
}

/** Rewrites `import.meta.url` in each module to the URL of its dist/ file, as seen from the bundle. */
function moduleUrls(outFile) {
  return {
    name: 'adrgate-module-urls',
    transform(code, id) {
      if (!code.includes('import.meta.url')) return null
      const fromBundle = path.relative(path.dirname(outFile), id).split(path.sep).join('/')
      return {code: code.replaceAll('import.meta.url', `__adrgateModuleUrl(${JSON.stringify(fromBundle)})`)}
    },
  }
}

function commandFiles(dir) {
  return readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort()
}

async function bundle(input) {
  const outFile = path.join(OUT, path.relative(COMMANDS, input)).replace(/\.js$/, '.cjs')
  const build = await rolldown({input, platform: 'node', plugins: [lazyExternals(outFile), moduleUrls(outFile)], logLevel: 'warn'})
  try {
    await build.write({file: outFile, format: 'cjs', codeSplitting: false, dynamicImportInCjs: false, charset: 'ascii', comments: {legal: true, annotation: false, jsdoc: false}, banner: BANNER})
  } finally {
    await build.close()
  }
  const text = readFileSync(outFile, 'utf8')
  if (!compilesAsScript(text) || /\bimport\.meta\b/.test(text)) {
    throw new Error(`${path.relative(ROOT, outFile)} still holds import() or import.meta: the compile cache cannot load it (scripts/bundle-commands.js)`)
  }
  return outFile
}

rmSync(path.dirname(OUT), {recursive: true, force: true})
const oclif = await bundleOclif(path.dirname(OUT), ROOT)
const inputs = commandFiles(COMMANDS)
for (const input of inputs) await bundle(input)
process.stderr.write(`bundled @oclif/core into ${path.relative(ROOT, oclif)} and ${inputs.length} commands into ${path.relative(ROOT, OUT)}\n`)
