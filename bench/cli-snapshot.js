// A private copy of the built CLI (bin/, dist/, package.json, schemas/, adr-templates/, with a link to
// node_modules) in a temp directory. The bench measures this copy, so a colleague rebuilding dist/
// mid-run changes nothing, and the oclif manifest can be generated here without ever appearing in the
// working tree (where a stale manifest would hide new commands).
import {execFileSync} from 'node:child_process'
import {cpSync, existsSync, mkdtempSync, rmSync, symlinkSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

const COPIED = ['bin', 'dist', 'package.json', 'schemas', 'adr-templates', 'examples']

/** Copies the built CLI; `withManifest` / `withoutManifest` switch the oclif manifest on and off. */
export function makeCliSnapshot(root) {
  if (!existsSync(path.join(root, 'dist', 'commands'))) throw new Error('dist/commands is missing: run `npm run build` first')
  const dir = mkdtempSync(path.join(tmpdir(), 'adrgate-bench-cli-'))
  for (const entry of COPIED) {
    const from = path.join(root, entry)
    if (existsSync(from)) cpSync(from, path.join(dir, entry), {recursive: true})
  }
  rmSync(path.join(dir, 'oclif.manifest.json'), {force: true})
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
  const manifest = path.join(dir, 'oclif.manifest.json')
  return {
    dir,
    bin: path.join(dir, 'bin', 'run.js'),
    /** True when the command file exists in the built CLI, e.g. `generate toc` → dist/commands/generate/toc.js. */
    hasCommand: (id) => existsSync(path.join(dir, 'dist', 'commands', `${id.split(' ').join('/')}.js`)),
    withManifest() {
      if (existsSync(manifest)) return
      execFileSync(process.execPath, [path.join(root, 'node_modules', 'oclif', 'bin', 'run.js'), 'manifest'], {
        cwd: dir,
        env: {...process.env, OCLIF_SKIP_UPDATE_CHECK: '1', NODE_OPTIONS: ''},
        stdio: ['ignore', 'ignore', 'pipe'],
      })
    },
    withoutManifest() {
      rmSync(manifest, {force: true})
    },
    remove() {
      rmSync(dir, {recursive: true, force: true})
    },
  }
}
