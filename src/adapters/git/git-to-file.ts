import {closeSync, fstatSync, mkdtempSync, openSync, readSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {runGitChild} from './git-child.js'

/** How a git process that ran with its output in a file ended: its exit code, its stdout and stderr. */
export interface GitToFile {
  code: number | null
  stdout: Buffer
  stderr: string
}

/**
 * FAST PATH for reading a git command's whole output at once (`readTexts`): git writes its stdout to
 * a temporary file, read back in one call when it exits, instead of to a pipe. Through a pipe Node is
 * woken for every few kilobytes git writes: the 6,845 versions of the bench's history came in some
 * 2,500 reads, about 120 ms of Node's CPU, where the file costs one read (20 ms). It skips nothing
 * of the output; it is only for a caller that does not look at the output before git ends.
 * `undefined` when no temporary file can be made (a read-only temporary directory), or when git did
 * not end well writing to it (a full disk, a file-size limit, or a failure of git's own): the caller
 * runs git again through a pipe, which needs no space and reports git's own failure as it did. The file's name is removed as soon as it is open (git and Node keep writing and reading the
 * open file), so a killed run leaves at most an empty directory on a system that cannot remove an open
 * file's name (Windows), removed at the end there.
 */
export async function runGitToFile(
  cwd: string,
  env: NodeJS.ProcessEnv,
  args: readonly string[],
  input: string,
): Promise<GitToFile | undefined> {
  let dir: string
  let fd: number
  try {
    dir = mkdtempSync(path.join(tmpdir(), 'adrgate-git-'))
    fd = openSync(path.join(dir, 'stdout'), 'w+', 0o600)
  } catch {
    return undefined
  }
  try {
    removeDir(dir)
    const {code, stderr} = await runGitChild(cwd, env, args, input, fd)
    // git cannot say that its stdout was full (it says "unable to stream", or dies of SIGXFSZ)
    if (code !== 0) return undefined
    return {code, stdout: readWhole(fd), stderr}
  } finally {
    closeSync(fd)
    removeDir(dir)
  }
}

/** The whole of the file open as `fd`, from its start. */
function readWhole(fd: number): Buffer {
  const out = Buffer.allocUnsafe(fstatSync(fd).size)
  let at = 0
  while (at < out.length) {
    const read = readSync(fd, out, at, out.length - at, at)
    if (read === 0) break
    at += read
  }
  return at === out.length ? out : out.subarray(0, at)
}

function removeDir(dir: string): void {
  try {
    rmSync(dir, {recursive: true, force: true})
  } catch {
    // an open file's name cannot be removed here (Windows): it is removed once the file is closed
  }
}
