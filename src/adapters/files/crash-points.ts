import {copyFileSync, linkSync, lstatSync, mkdirSync, readdirSync, readlinkSync, symlinkSync, utimesSync} from 'node:fs'
import path from 'node:path'

/**
 * Test-only hooks at every step of a write that changes what is on disk (each rename, link and
 * unlink of a multi-file write, the journal's). They let the tests stop a real process exactly
 * there, as a crash, a `kill -9` or a Ctrl-Z would. The command passes its environment and working
 * directory in (`configureCrashPoints`, from BaseCommand):
 *
 * - `ADRGATE_TEST_CRASH_AT=N` kills the process (SIGKILL) just before its Nth step;
 * - `ADRGATE_TEST_STOP_AT=N` stops it (SIGSTOP, as Ctrl-Z does) just before its Nth step;
 * - `ADRGATE_TEST_SNAPSHOT_TO=DIR` copies the working directory to `DIR/N` just before each step N
 *   and goes on: what a kill there would leave on disk (nothing is in flight at a step: each one
 *   comes after the previous operation is awaited), for every step from one run, instead of one
 *   process killed per step. The journal names files by their absolute paths, so a snapshot is read
 *   after copying it back to where it was taken (`copyTree`, which keeps hard links and times).
 *
 * Unset (always, outside the tests), a step costs one comparison.
 */
let crashAt = 0
let stopAt = 0
let snapshotTo: string | undefined
let root = ''
let steps = 0

export function configureCrashPoints(env: Record<string, string | undefined>, cwd: string): void {
  crashAt = Number(env.ADRGATE_TEST_CRASH_AT ?? 0) || 0
  stopAt = Number(env.ADRGATE_TEST_STOP_AT ?? 0) || 0
  snapshotTo = env.ADRGATE_TEST_SNAPSHOT_TO ? path.resolve(cwd, env.ADRGATE_TEST_SNAPSHOT_TO) : undefined
  root = cwd
  // a copy inside what it copies would copy itself at every step
  const inside = snapshotTo !== undefined && !path.relative(root, snapshotTo).startsWith('..')
  if (inside) throw new Error(`ADRGATE_TEST_SNAPSHOT_TO must be outside the working directory ${root}`)
  steps = 0
}

export function crashPoint(): void {
  if (crashAt === 0 && stopAt === 0 && snapshotTo === undefined) return
  steps++
  if (snapshotTo !== undefined) copyTree(root, path.join(snapshotTo, String(steps)))
  if (steps === crashAt) process.kill(process.pid, 'SIGKILL')
  if (steps === stopAt) process.kill(process.pid, 'SIGSTOP')
}

/**
 * Copies a directory tree as a kill would leave it for the next reader: hard links inside the tree
 * stay one file (a new ADR is linked into place from its staged copy, and recovery tells the two
 * apart by inode), symbolic links stay links, and files keep their times (locks age by them).
 */
export function copyTree(from: string, to: string): void {
  const linked = new Map<string, string>()
  const copy = (src: string, dst: string) => {
    const st = lstatSync(src)
    if (st.isDirectory()) {
      mkdirSync(dst, {recursive: true})
      for (const name of readdirSync(src)) copy(path.join(src, name), path.join(dst, name))
    } else if (st.isSymbolicLink()) return symlinkSync(readlinkSync(src), dst)
    else {
      const key = `${st.dev}:${st.ino}`
      const first = st.nlink > 1 ? linked.get(key) : undefined
      if (first !== undefined) return linkSync(first, dst)
      copyFileSync(src, dst)
      if (st.nlink > 1) linked.set(key, dst)
    }
    utimesSync(dst, st.atime, st.mtime)
  }
  copy(from, to)
}
