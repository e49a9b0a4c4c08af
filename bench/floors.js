// The floors the bench compares adrgate with, measured on the same machine in the same run: what the
// least any CLI must pay for a task, so the figures are ratios and not wall times of a busy machine.
//   oclif     a minimal oclif CLI built here: the same @oclif/core, a manifest, one command that prints a line
//   readdir   Node listing the ADR directory
//   read-one  Node reading one ADR (the `show N` floor)
//   read-all  Node reading and decoding every file of the ADR directory (the cold `lint` floor)
//   write-one Node listing the directory and writing one file (the `adr new` floor)
import {execFileSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const HERE = path.dirname(fileURLToPath(import.meta.url))
/** The script behind the file-system floors (`node bench/floor-task.js readdir docs/adr`). */
export const FLOOR_TASK = path.join(HERE, 'floor-task.js')

const COMMAND = `import {Command} from '@oclif/core'

export default class Hello extends Command {
  static summary = 'Print a line.'

  async run() {
    this.log('hello')
  }
}
`
const BIN = `#!/usr/bin/env node
const {execute} = await import('@oclif/core')
await execute({dir: import.meta.url})
`

/**
 * Builds the minimal oclif CLI in a temp directory, using adrgate's own node_modules (so the very
 * same @oclif/core), with a generated manifest. Returns its bin and a `remove`.
 */
export function makeOclifFloor(root) {
  const dir = mkdtempSync(path.join(tmpdir(), 'adrgate-bench-floor-'))
  mkdirSync(path.join(dir, 'bin'))
  mkdirSync(path.join(dir, 'commands'))
  writeFileSync(
    path.join(dir, 'package.json'),
    `${JSON.stringify({name: 'floor', version: '1.0.0', type: 'module', files: ['bin', 'commands'], oclif: {bin: 'floor', dirname: 'floor', commands: './commands'}}, null, 2)}\n`,
  )
  writeFileSync(path.join(dir, 'commands', 'hello.js'), COMMAND)
  writeFileSync(path.join(dir, 'bin', 'run.js'), BIN)
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'oclif', 'bin', 'run.js'), 'manifest'], {
    cwd: dir,
    env: {...process.env, OCLIF_SKIP_UPDATE_CHECK: '1', NODE_OPTIONS: ''},
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  return {dir, bin: path.join(dir, 'bin', 'run.js'), remove: () => rmSync(dir, {recursive: true, force: true})}
}
