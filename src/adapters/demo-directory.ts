import {existsSync, promises as fs} from 'node:fs'
import {userInfo} from 'node:os'
import path from 'node:path'
import {writeFileAtomic} from './files/atomic-write.js'
import {makeEmptyDirectory, makeTempDirectory, tempRootOf} from './files/temp-dirs.js'

/** The file inside `.git` that marks a repository `adr demo` made, so only such a directory is ever replaced. */
const MARKER = path.join('.git', 'adrgate-demo')

export interface DemoDirectory {
  dir: string
  /** `reused`: the user's demo directory (replaced on the next run); `kept`: a new one no later run touches. */
  kind: 'reused' | 'kept' | 'out'
}

/**
 * Where `adr demo` builds its repository. `--out DIR`: there (new or empty). `--keep`: a new
 * temporary directory, left alone afterwards. Otherwise one directory per user,
 * `<tmp>/adrgate-demo-<user>`, replaced on every run, so trying the demo ten times leaves one
 * repository behind, not ten. A directory there that the demo did not make is never removed: a new
 * temporary one is used instead.
 */
export async function demoDirectory(options: {out?: string; keep?: boolean; env: NodeJS.ProcessEnv}): Promise<DemoDirectory> {
  if (options.out) return {dir: await makeEmptyDirectory(options.out), kind: 'out'}
  const root = tempRootOf(options.env)
  if (options.keep) return {dir: await makeTempDirectory(root, 'adrgate-demo-'), kind: 'kept'}
  const dir = path.join(root, `adrgate-demo-${userName()}`)
  if (existsSync(path.join(dir, MARKER))) await fs.rm(dir, {recursive: true, force: true})
  try {
    return {dir: await makeEmptyDirectory(dir), kind: 'reused'}
  } catch {
    return {dir: await makeTempDirectory(root, 'adrgate-demo-'), kind: 'kept'}
  }
}

/** Marks a repository as the demo's (after `git init`), so the next run may replace it. */
export async function markDemoRepository(dir: string): Promise<void> {
  await writeFileAtomic(path.join(dir, MARKER), 'Made by `adr demo`; the next `adr demo` replaces this repository.\n')
}

function userName(): string {
  let name = 'user'
  try {
    name = userInfo().username || name
  } catch {
    // no entry in the user database (some containers): one shared name
  }
  return name.replace(/[^\w.-]/g, '_')
}
