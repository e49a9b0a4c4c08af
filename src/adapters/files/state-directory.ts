import {readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import type {Workspace} from '../workspace.js'
import {pathKey} from './path-key.js'

// Where adrgate keeps its own files for an ADR directory: the lock beside it, the intent journal and
// the caches under the git directory. Apart from directory-lock.ts, so that a command that only reads
// can find them (is there a journal to complete?) without loading the lock and recovery code.

/** The lock every writer of an ADR directory takes (ignored as an ADR: it starts with a dot). */
export function directoryLockFile(ws: Workspace): string {
  return path.join(ws.adrDir, '.adrgate.lock')
}

/** adrgate's own state under the git directory (`.git/adrgate/`; worktrees included), or undefined outside git. */
export function stateDirectory(gitRoot: string | undefined): string | undefined {
  if (!gitRoot) return undefined
  const dotGit = path.join(gitRoot, '.git')
  try {
    if (statSync(dotGit).isDirectory()) return path.join(dotGit, 'adrgate')
    const pointer = /^gitdir:\s*(.+?)\s*$/m.exec(readFileSync(dotGit, 'utf8'))
    if (pointer) return path.join(path.resolve(gitRoot, pointer[1]), 'adrgate')
  } catch {
    return undefined
  }
  return undefined
}

/** The intent journal of the directory's multi-file writes: under `.git/adrgate/`, or beside the lock outside git. */
export function journalFileOf(ws: Workspace): string {
  const state = stateDirectory(ws.gitRoot)
  if (!state) return path.join(ws.adrDir, '.adrgate.intent.json')
  const key = pathKey(directoryLockFile(ws))
  return path.join(state, `intent-${key}.json`)
}
