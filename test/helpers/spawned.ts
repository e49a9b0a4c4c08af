import {type ChildProcess, spawn} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {BIN} from './run-command.js'

/** A spawned `adr` process (the built binary) whose output can be awaited as it comes. */
export interface Spawned {
  child: ChildProcess
  pid: number
  stdout(): string
  stderr(): string
  /** Resolves when stderr contains `text`, or when the process exits (whichever comes first). */
  stderrContains(text: string): Promise<boolean>
  /** Resolves when the process is stopped (SIGSTOP), as `/proc/PID/stat` shows it. */
  stopped(): Promise<void>
  exit: Promise<{code: number | null; signal: NodeJS.Signals | null}>
}

export function spawnAdr(argv: string[], cwd: string, env: Record<string, string> = {}): Spawned {
  const child = spawn(process.execPath, [BIN, ...argv], {
    cwd,
    env: {...process.env, NO_COLOR: '1', ADR_DATE: '2026-11-22', VISUAL: '', EDITOR: '', ...env},
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  const listeners: (() => void)[] = []
  child.stdout?.on('data', (d) => {
    out += d
  })
  child.stderr?.on('data', (d) => {
    err += d
    for (const l of listeners) l()
  })
  const exit = new Promise<{code: number | null; signal: NodeJS.Signals | null}>((resolve) =>
    child.on('close', (code, signal) => resolve({code, signal})),
  )
  return {
    child,
    pid: child.pid as number,
    stdout: () => out,
    stderr: () => err,
    exit,
    stderrContains: (text) =>
      new Promise((resolve) => {
        if (err.includes(text)) return resolve(true)
        listeners.push(() => err.includes(text) && resolve(true))
        void exit.then(() => resolve(err.includes(text)))
      }),
    stopped: async () => {
      for (;;) {
        const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8')
        if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('T')) return
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    },
  }
}
