import {spawnSync} from 'node:child_process'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {format} from 'node:util'
import type {Command} from '@oclif/core'

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const BIN = path.join(PROJECT_ROOT, 'bin/run.js')

export interface CommandResult {
  stdout: string
  stderr: string
  exitCode: number
  /** What `run()` returned (the `--json` contract). */
  result: unknown
}

type CommandClass = {run(argv?: string[], opts?: string): Promise<unknown>} & typeof Command

/**
 * Runs a command class in-process (from the TypeScript sources) in `cwd`, capturing stdout, stderr
 * and the exit code the way the binary would set them. Tests run in forked workers, so `chdir` is safe.
 */
export async function runCommand(
  command: CommandClass,
  argv: string[],
  cwd: string,
  env: Record<string, string | undefined> = {},
): Promise<CommandResult> {
  const out: string[] = []
  const err: string[] = []
  const writeOut = process.stdout.write.bind(process.stdout)
  const writeErr = process.stderr.write.bind(process.stderr)
  const previousCwd = process.cwd()
  const previousEnv: Record<string, string | undefined> = {}
  for (const [k, v] of Object.entries(env)) {
    previousEnv[k] = process.env[k]
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
  const consoleMethods = {log: console.log, info: console.info, warn: console.warn, error: console.error}
  console.log = (...args: unknown[]) => void out.push(`${format(...args)}\n`)
  console.info = console.log
  console.warn = (...args: unknown[]) => void err.push(`${format(...args)}\n`)
  console.error = console.warn
  process.exitCode = undefined
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out.push(String(chunk))
    return true
  }) as typeof process.stdout.write
  process.stderr.write = ((chunk: string | Uint8Array) => {
    err.push(String(chunk))
    return true
  }) as typeof process.stderr.write
  let result: unknown
  let exitCode = 0
  try {
    process.chdir(cwd)
    result = await command.run(argv, PROJECT_ROOT)
    exitCode = Number(process.exitCode ?? 0)
  } catch (error) {
    const e = error as {oclif?: {exit?: number}; exitCode?: number; message?: string}
    exitCode = e.oclif?.exit ?? e.exitCode ?? 2
    err.push(String(e.message ?? error))
  } finally {
    process.chdir(previousCwd)
    process.stdout.write = writeOut
    process.stderr.write = writeErr
    process.exitCode = undefined
    Object.assign(console, consoleMethods)
    for (const [k, v] of Object.entries(previousEnv)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  }
  return {stdout: out.join(''), stderr: err.join(''), exitCode, result}
}

/** Spawns the built binary (`bin/run.js`, needs `dist/`) with no stdin, as a user or CI would. */
export function runBin(argv: string[], cwd: string, env: Record<string, string | undefined> = {}): Omit<CommandResult, 'result'> {
  const merged: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1', ...env}
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete merged[k]
  const r = spawnSync(process.execPath, [BIN, ...argv], {cwd, env: merged, encoding: 'utf8', input: '', timeout: 60_000})
  return {stdout: r.stdout, stderr: r.stderr, exitCode: r.status ?? 2}
}
