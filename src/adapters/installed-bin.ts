import {accessSync, constants, realpathSync} from 'node:fs'
import path from 'node:path'

/**
 * How a user can run this very adrgate from any directory: `adr` when the `adr` first on `PATH` is
 * this installation (`npm link`, `npm install --global`), else `node <root>/bin/run.js` (in a clone
 * where it is not linked, `adr` is not on PATH, and outside the clone `npx adr` would fetch an
 * unrelated package of that name).
 */
export function adrCommandLine(root: string, env: NodeJS.ProcessEnv): string {
  const ours = realPath(path.join(root, 'bin', 'run.js'))
  const names = process.platform === 'win32' ? ['adr.cmd', 'adr.exe', 'adr'] : ['adr']
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of names) {
      const candidate = path.join(dir, name)
      if (!isExecutable(candidate)) continue
      // the first `adr` on PATH is the one a shell runs: ours, or somebody else's
      return realPath(candidate) === ours ? 'adr' : nodeCommand(root)
    }
  }
  return nodeCommand(root)
}

function nodeCommand(root: string): string {
  const script = path.join(root, 'bin', 'run.js')
  return `node ${/^[\w@%+=:,./-]+$/.test(script) ? script : `'${script.replace(/'/g, `'\\''`)}'`}`
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

function realPath(file: string): string {
  try {
    return realpathSync(file)
  } catch {
    return file
  }
}
