import {execFileSync} from 'node:child_process'
import {existsSync, mkdirSync, readdirSync, rmSync, statSync} from 'node:fs'
import path from 'node:path'
import {TEST_HOME} from './test-env.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
const MANIFEST = path.join(ROOT, 'oclif.manifest.json')
/** What the build reads: when any of it is newer than the manifest (the build's last output), dist/ is stale. */
const INPUTS = ['src', 'schemas', 'scripts', 'package.json', 'tsconfig.json', 'tsconfig.build.json']

function newestInput(): number {
  let newest = 0
  for (const input of INPUTS) {
    const full = path.join(ROOT, input)
    const files = statSync(full).isDirectory()
      ? readdirSync(full, {recursive: true, withFileTypes: true})
          .filter((e) => e.isFile())
          .map((e) => path.join(e.parentPath, e.name))
      : [full]
    for (const file of files) newest = Math.max(newest, statSync(file).mtimeMs)
  }
  return newest
}

/**
 * Runs once before the suite: makes the fixed, empty HOME the tests run with, and builds dist/ (the
 * standalone schema validators included) and the oclif manifest (for the tests that spawn
 * bin/run.js) from a clean dist/ when the sources are newer than the last build, so a targeted run
 * of a pure test does not pay for a build.
 */
export default function setup(): void {
  mkdirSync(TEST_HOME, {recursive: true})
  if (existsSync(MANIFEST) && statSync(MANIFEST).mtimeMs >= newestInput()) return
  process.stderr.write('global setup: building dist/ and the oclif manifest (the sources changed since the last build)\n')
  rmSync(path.join(ROOT, 'dist'), {recursive: true, force: true})
  const run = (script: string, args: string[]) =>
    execFileSync(process.execPath, [path.join(ROOT, script), ...args], {cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit']})
  // the same steps as `npm run build` (scripts/oclif.js: the manifest without oclif's "update available" notice)
  run('node_modules/typescript/bin/tsc', ['-p', 'tsconfig.build.json'])
  run('scripts/compile-schemas.js', [])
  run('scripts/bundle-commands.js', [])
  run('scripts/oclif.js', ['manifest'])
}
