// A start-up fast path for the oclif bundle (scripts/bundle-oclif.js). On every run, when it is
// loaded, @oclif/core checks that Node satisfies its package.json's `engines.node`: it resolves the
// installed package (require.resolve, following the links of node_modules), reads and parses its
// package.json, and loads semver, whose 40-odd patterns are made and compiled then. That was about
// 17 M instructions of a bare `adr list`'s 250 M (7 %), for a range that is `>=18.0.0`. In the bundle
// the check is kept, with its warning, its OCLIF_DISABLE_ENGINE_WARNING and its catch, but:
// - the range is the one of the @oclif/core the bundle is built from (the code is that version's too);
// - a plain `>=MAJOR.MINOR.PATCH` range against a release version (`20.20.2`) is compared by number
//   (`satisfiesAtLeast`); any other range or version (a pre-release, a nightly) goes to semver, as before.
// test/e2e/oclif-bundle.test.ts pins `satisfiesAtLeast` to semver.satisfies.

/**
 * semver.satisfies(version, range) for a range `>=x.y.z` and a release version `a.b.c`; undefined for
 * anything else (then semver decides). Written without closures over this module: its source is
 * copied into the bundle.
 */
export function satisfiesAtLeast(version, range) {
  const part = '(0|[1-9]\\d{0,8})'
  const least = new RegExp(`^>=${part}\\.${part}\\.${part}$`).exec(range)
  const current = new RegExp(`^${part}\\.${part}\\.${part}$`).exec(version)
  if (!least || !current) return undefined
  for (let i = 1; i <= 3; i++) {
    if (Number(current[i]) !== Number(least[i])) return Number(current[i]) > Number(least[i])
  }
  return true
}

// what @oclif/core's lib/index.js does in checkNodeVersion, between its require of node:path and its
// emitWarning (whitespace aside); the build fails if it is no longer there
const CHECK = [
  /const semver = require\(['"]semver['"]\);/,
  /const root = path\.join\(__dirname, ['"]\.\.['"]\);/,
  /const pjson = require\(path\.join\(root, ['"]package\.json['"]\)\);/,
  /if \(!semver\.satisfies\(process\.versions\.node, pjson\.engines\.node\)\) \{/,
]

/**
 * @oclif/core's lib/index.js with its engine check reading the range given (from the package.json the
 * bundle is built from) and comparing it with `satisfiesAtLeast`, semver loaded only when that cannot
 * decide. Throws when oclif's check is not the one this rewrites.
 */
export function withBundledEngineCheck(code, range) {
  const pattern = new RegExp(CHECK.map((part) => part.source).join('\\s*'))
  const found = pattern.exec(code)
  if (!found || pattern.exec(code.slice(found.index + found[0].length))) {
    throw new Error("@oclif/core's checkNodeVersion is not the one scripts/oclif-engine-check.js rewrites: look at lib/index.js")
  }
  const check = [
    `const pjson = {engines: {node: ${JSON.stringify(range)}}}; // the package.json the bundle was built from (scripts/oclif-engine-check.js)`,
    'if (!(__satisfiesAtLeast(process.versions.node, pjson.engines.node) ?? require("semver").satisfies(process.versions.node, pjson.engines.node))) {',
  ].join('\n')
  return `${code.slice(0, found.index)}${check}${code.slice(found.index + found[0].length)}\n${satisfiesAtLeast.toString().replace(/^function satisfiesAtLeast/, 'function __satisfiesAtLeast')}\n`
}
