import {type ChildProcess, spawn} from 'node:child_process'

/**
 * One git process run to its end, as the readers of whole outputs run it (the log stream, cat-file
 * through a pipe or a temporary file): `input` written to its stdin, its stdout to `stdout` (an open
 * file's descriptor, or a function given each chunk), its stderr kept for the message. `started` is
 * handed the process, to stop it early. Rejects only when git cannot be started; a failure of git's
 * own is its exit code (null when a signal ended it) and its stderr.
 */
export function runGitChild(
  cwd: string,
  env: NodeJS.ProcessEnv,
  args: readonly string[],
  input: string,
  stdout: number | ((chunk: Buffer) => void),
  started?: (child: ChildProcess) => void,
): Promise<{code: number | null; stderr: string}> {
  const child = spawn('git', args, {cwd, env, stdio: ['pipe', typeof stdout === 'number' ? stdout : 'pipe', 'pipe'], windowsHide: true})
  started?.(child)
  if (typeof stdout === 'function') child.stdout?.on('data', stdout)
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8')
  })
  child.stdin?.on('error', () => undefined) // reported by the exit code
  child.stdin?.end(input)
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => resolve({code, stderr}))
  })
}
