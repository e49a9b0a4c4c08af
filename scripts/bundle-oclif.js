// Bundles @oclif/core, with the packages it requires, into one CommonJS file, dist/bundled/oclif-core.cjs,
// which bin/run.js and every command bundle load instead of the package (ADR 46 says why: resolving,
// reading and compiling its 160 files was most of what a small command cost). Three things keep the
// bundle what the package was:
// - `__dirname` in one of oclif's modules is the folder that module has in the installed package
//   (oclif reads its own package.json from there), found when first asked for; in a package oclif
//   requires, the folder it has beside oclif's (none of them asks today).
// - oclif's `import()` of a path it computes (a plugin's ES modules, a config file) goes through
//   dist/bundled/oclif-import.cjs, a file Node compiles itself: the compile cache compiles the bundle
//   as a plain script, which cannot import(). A bare name is resolved from the importing module's
//   folder (with require()'s export conditions, not import()'s: every import() of oclif's is given a
//   file URL today), looked up only then, so a URL loads even where @oclif/core cannot be resolved
//   (a pruned install). An `import('wsl-utils')` (a package named in the code, an
//   ES module oclif imports on every run to name the platform) is inlined and run when first
//   imported, as a command's bundle inlines the ES-module packages it imports.
// - `typescript`, which oclif requires only for a plugin in development, stays a package, loaded
//   where it was (so does `ts-node`, which oclif finds with require.resolve).
// Two things are changed, for start-up:
// - oclif's engine check takes the range of the package.json the bundle is built from, and compares a
//   plain `>=x.y.z` without semver (scripts/oclif-engine-check.js).
// - what LAZY_REQUIRES names, which oclif requires at the top of a module but uses only in a function a
//   plain run never calls, is required where it is used (`withLazyRequires`): the built-ins perf_hooks
//   (its debug timings) and readline (arguments read from stdin), and the packages tinyglobby (command
//   files found without a manifest) and minimatch (plugins named by a pattern). Loading them cost every
//   run about 9 M instructions. A module is still run once: a later require() is a lookup in a cache
//   (Node's for a built-in, the bundle's own for a package).
import {mkdirSync, writeFileSync} from 'node:fs'
import {createRequire, isBuiltin} from 'node:module'
import path from 'node:path'
import {rolldown} from 'rolldown'
import {parseAst} from 'rolldown/parseAst'
import {compilesAsScript} from '../dist/adapters/compile-cache.js'
import {withBundledEngineCheck} from './oclif-engine-check.js'

/** The bundle's file name in dist/bundled. */
export const OCLIF_BUNDLE = 'oclif-core.cjs'
const IMPORT_HELPER = 'oclif-import.cjs'
const LEFT_AS_PACKAGES = new Set(['typescript'])
const LAZY_REQUIRES = new Set(['node:perf_hooks', 'node:readline', 'tinyglobby', 'minimatch'])

const BANNER = `const __oclifLibrary = (() => { let lib; return (folder) => require("node:path").join(lib ??= require("node:path").join(require("node:path").dirname(require.resolve("@oclif/core/package.json")), "lib"), folder) })();
const __oclifImport = (specifier, folder) => require("./${IMPORT_HELPER}")(specifier, () => __oclifLibrary(folder));`

const IMPORT_HELPER_SOURCE = `// oclif's import() calls, made from a file Node compiles itself (scripts/bundle-oclif.js says why);
// \`folderOf\` names the importing module's folder, asked only for a bare name (a URL or a path needs none)
const path = require('node:path')
const {pathToFileURL} = require('node:url')
module.exports = async (specifier, folderOf) =>
  import(/^[a-z][a-z0-9+.-]*:/i.test(specifier) || path.isAbsolute(specifier) ? specifier : pathToFileURL(require.resolve(specifier, {paths: [folderOf()]})).href)
`

/** Every node of an ESTree AST that `keep` picks. */
function nodesOf(ast, keep) {
  const found = []
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit)
    if (!node || typeof node !== 'object') return
    if (typeof node.type === 'string' && keep(node)) found.push(node)
    for (const value of Object.values(node)) if (value && typeof value === 'object') visit(value)
  }
  visit(ast)
  return found
}

/** `text` with each range of `edits` ({start, end, text}, none overlapping another) replaced by its text. */
function edited(text, edits) {
  let out = ''
  let at = 0
  for (const edit of edits.sort((a, b) => a.start - b.start)) {
    out += text.slice(at, edit.start) + edit.text
    at = edit.end
  }
  return out + text.slice(at)
}

/**
 * One of the bundle's modules with `__dirname` and `import(x)` rewritten (see the top of this file),
 * or null when it has neither; the AST says which tokens are code, not strings or comments.
 */
function rewriteModule(code, file, libraryDir) {
  const folder = JSON.stringify(path.relative(libraryDir, path.dirname(file)).split(path.sep).join('/'))
  const dirname = `__oclifLibrary(${folder})`
  const edits = []
  for (const node of nodesOf(parseAst(code, {lang: 'js'}), (n) => n.type === 'ImportExpression' || (n.type === 'Identifier' && n.name === '__dirname'))) {
    if (node.type === 'Identifier') edits.push({start: node.start, end: node.end, text: dirname})
    else if (node.source.type === 'Literal') continue // a package named in the code (`wsl-utils`): inlined, as a command's bundle inlines one
    else {
      if (node.options) throw new Error(`${file}: an import() with options, which __oclifImport does not pass on`)
      // `import(` → `__oclifImport(`, and `)` → `, "<folder>")`: the argument stays as it was (rewritten
      // itself); the folder is looked up only for a bare name, so a file URL (a plugin's or adrgate's own
      // ES module, all oclif imports today) loads even where @oclif/core itself cannot be resolved
      edits.push({start: node.start, end: node.source.start, text: '__oclifImport('}, {start: node.source.end, end: node.end, text: `, ${folder})`})
    }
  }
  return edits.length === 0 ? null : {code: edited(code, edits)}
}

/** Every node of an ESTree AST with its parent, in the order `nodesOf` visits them. */
function nodesWithParents(ast) {
  const found = []
  const visit = (node, parent) => {
    if (Array.isArray(node)) return node.forEach((n) => visit(n, parent))
    if (!node || typeof node !== 'object') return
    const isNode = typeof node.type === 'string'
    if (isNode) found.push({node, parent})
    for (const value of Object.values(node)) if (value && typeof value === 'object') visit(value, isNode ? node : parent)
  }
  visit(ast, undefined)
  return found
}

/**
 * A module's top-level `const x = require("<one of LAZY_REQUIRES>")` removed and every `x.name` made
 * `(require("…")).name`, when `x` is used in no other way; null when the module has none.
 */
function withLazyRequires(code) {
  if (![...LAZY_REQUIRES].some((id) => code.includes(`require("${id}")`) || code.includes(`require('${id}')`))) return null
  const ast = parseAst(code, {lang: 'js'})
  const nodes = nodesWithParents(ast)
  const edits = []
  for (const statement of ast.body) {
    if (statement.type !== 'VariableDeclaration' || statement.declarations.length !== 1) continue
    const [{id, init}] = statement.declarations
    const required = init?.type === 'CallExpression' && init.callee.type === 'Identifier' && init.callee.name === 'require' ? init.arguments[0] : undefined
    if (id.type !== 'Identifier' || required?.type !== 'Literal' || !LAZY_REQUIRES.has(required.value)) continue
    const uses = nodes.filter(({node}) => node.type === 'Identifier' && node.name === id.name && node !== id)
    if (uses.length === 0 || !uses.every(({node, parent}) => parent.type === 'MemberExpression' && parent.object === node && !parent.computed)) continue
    edits.push({start: statement.start, end: statement.end, text: `/* ${id.name}: required where it is used (scripts/bundle-oclif.js) */`})
    // in parentheses: `new x.Observer()` must stay `new (require("…")).Observer()`, not construct require
    for (const {node} of uses) edits.push({start: node.start, end: node.end, text: `(require(${JSON.stringify(required.value)}))`})
  }
  return edits.length === 0 ? null : edited(code, edits)
}

/**
 * The bundle with `import(` in a string written `import\x28` (the same string): the compile cache
 * leaves to Node any source in which `import(` appears (`compilesAsScript`, a pattern, not a parser),
 * and oclif's message for a module it cannot load names `import()`.
 */
function escapeImportInStrings(text) {
  const strings = nodesOf(parseAst(text, {lang: 'js'}), (n) => (n.type === 'Literal' && typeof n.value === 'string') || n.type === 'TemplateElement')
  const edits = strings
    .map((node) => ({start: node.start, end: node.end, raw: text.slice(node.start, node.end)}))
    .filter(({raw}) => /\bimport\s*\(/.test(raw))
    .map(({start, end, raw}) => ({start, end, text: raw.replace(/\b(import\s*)\(/g, '$1\\x28')}))
  return edited(text, edits)
}

/** Writes dist/bundled/oclif-core.cjs and its import helper into `outDir`; returns the bundle's path. */
export async function bundleOclif(outDir, root) {
  const require = createRequire(path.join(root, 'package.json'))
  const libraryDir = path.join(path.dirname(require.resolve('@oclif/core/package.json')), 'lib')
  const engines = require('@oclif/core/package.json').engines.node
  const outFile = path.join(outDir, OCLIF_BUNDLE)
  const build = await rolldown({
    input: require.resolve('@oclif/core'),
    platform: 'node',
    logLevel: 'warn',
    plugins: [
      {
        name: 'adrgate-oclif',
        resolveId(id) {
          return isBuiltin(id) || LEFT_AS_PACKAGES.has(id) ? {id, external: true} : null
        },
        transform(code, id) {
          const checked = id === path.join(libraryDir, 'index.js') ? withBundledEngineCheck(code, engines) : code
          const source = withLazyRequires(checked) ?? checked
          const rewritten = /\.[cm]?js$/.test(id) && /\b(__dirname|import\s*\()/.test(source) ? rewriteModule(source, id, libraryDir) : null
          return rewritten ?? (source === code ? null : {code: source})
        },
      },
    ],
  })
  let text
  try {
    const {output} = await build.generate({format: 'cjs', codeSplitting: false, dynamicImportInCjs: false, charset: 'ascii', comments: {legal: true, annotation: false, jsdoc: false}, banner: BANNER})
    text = escapeImportInStrings(output[0].code)
  } finally {
    await build.close()
  }
  if (!compilesAsScript(text)) throw new Error(`${outFile} would still hold import(): the compile cache could not load it (scripts/bundle-oclif.js)`)
  mkdirSync(outDir, {recursive: true})
  writeFileSync(outFile, text)
  writeFileSync(path.join(outDir, IMPORT_HELPER), IMPORT_HELPER_SOURCE)
  return outFile
}
