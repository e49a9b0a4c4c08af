import {spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import path from 'node:path'
import {Readable, Writable} from 'node:stream'
import {fileURLToPath} from 'node:url'
import {Config} from '@oclif/core'
import type {CommandContext, Output} from '../../src/cli/base-command.js'

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const BIN = path.join(PROJECT_ROOT, 'bin/run.js')

export interface CommandResult {
  stdout: string
  stderr: string
  exitCode: number
  /** What `run()` returned (the `--json` contract). */
  result: unknown
}

type CommandClass = {runIn(argv: string[], context: Partial<CommandContext>, config: Config | string): Promise<unknown>}

/** The oclif configuration of this package, loaded once per test file (every run shares it, as the binary's commands would). */
let config: Promise<Config> | undefined

/** A stream that keeps what is written to it, as text (`isTTY` false: a pipe, as in CI). */
function capture(): {stream: Output; text(): string} {
  const chunks: string[] = []
  const stream = new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, done) {
      chunks.push(String(chunk))
      done()
    },
  }) as Output
  stream.isTTY = false
  return {stream, text: () => chunks.join('')}
}

/**
 * Runs a command class in-process (from the TypeScript sources) in `cwd`, in a context of its own
 * (`BaseCommand.runIn`): stdout and stderr captured, the environment the suite's with `env` over it
 * (`undefined` removes a variable), stdin not a terminal (`options.stdin` its text), the exit code
 * kept as the binary would end with it. No global is patched: no `process.stdout.write`, `console`,
 * `process.env` or `chdir`.
 */
export async function runCommand(
  command: CommandClass,
  argv: string[],
  cwd: string,
  env: Record<string, string | undefined> = {},
  options: {stdin?: string; stdinIsTTY?: boolean} = {},
): Promise<CommandResult> {
  const out = capture()
  const err = capture()
  const merged: NodeJS.ProcessEnv = {...process.env, ...env}
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete merged[k]
  let exitCode: number | undefined
  const context: CommandContext = {
    cwd,
    env: merged,
    stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
    stdout: out.stream,
    stderr: err.stream,
    stdinIsTTY: options.stdinIsTTY ?? false,
    stdoutIsTTY: false,
    setExitCode: (code) => {
      exitCode = code
    },
  }
  config ??= Config.load(PROJECT_ROOT)
  let result: unknown
  let thrown: string | undefined
  try {
    result = await command.runIn(argv, context, await config)
  } catch (error) {
    const e = error as {oclif?: {exit?: number}; exitCode?: number; message?: string}
    exitCode = e.oclif?.exit ?? e.exitCode ?? 2
    thrown = String(e.message ?? error)
  }
  return {stdout: out.text(), stderr: err.text() + (thrown ?? ''), exitCode: exitCode ?? 0, result}
}

/**
 * Runs a command line (what follows `adr`) in-process, as `runCommand` does: the command is the longest
 * prefix of the arguments that names a module of src/commands/ (`generate toc` → generate/toc.ts), as
 * oclif finds it. For tests of what the commands do, where a process of its own is not what is tested.
 */
export async function runArgs(
  args: readonly string[],
  cwd: string,
  env: Record<string, string | undefined> = {},
  options: {stdin?: string; stdinIsTTY?: boolean} = {},
): Promise<CommandResult> {
  const commands = path.join(PROJECT_ROOT, 'src/commands')
  const two = `${path.join(commands, ...args.slice(0, 2))}.ts`
  const [file, argv] = args.length >= 2 && existsSync(two) ? [two, args.slice(2)] : [`${path.join(commands, args[0])}.ts`, args.slice(1)]
  const module = (await import(file)) as {default: CommandClass}
  return runCommand(module.default, [...argv], cwd, env, options)
}

/** Spawns the built binary (`bin/run.js`, needs `dist/`) with no stdin, as a user or CI would. */
export function runBin(
  argv: string[],
  cwd: string,
  env: Record<string, string | undefined> = {},
  bin = BIN,
): Omit<CommandResult, 'result'> {
  const merged: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1', ...env}
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete merged[k]
  const r = spawnSync(process.execPath, [bin, ...argv], {cwd, env: merged, encoding: 'utf8', input: '', timeout: 60_000})
  return {stdout: r.stdout, stderr: r.stderr, exitCode: r.status ?? 2}
}
