import {promises as fs, realpathSync} from 'node:fs'
import path from 'node:path'

/**
 * The one containment rule: a path that comes from the repository's own files (`.adr-dir`,
 * `.adrgate.yaml`, templates, `debate:` and `adr:` pointers, link targets), and every symbolic link,
 * must resolve inside the repository. Reads and writes both ask here, so they always agree.
 */
export function isInside(root: string, real: string): boolean {
  return real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep)
}

/** The real path of the repository root (the root itself when it cannot be resolved). */
export async function realRoot(root: string): Promise<string> {
  return fs.realpath(root).catch(() => root)
}

/**
 * The real path of `target` as far as it exists: the longest existing ancestor is resolved (its
 * symbolic links followed) and the rest appended, so a file about to be created is judged by the
 * directory it would land in.
 */
export function realPathSoFar(target: string): string {
  const rest: string[] = []
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    try {
      return path.join(realpathSync(dir), ...rest.reverse())
    } catch {
      if (dir === path.dirname(dir)) return path.resolve(target)
      rest.push(path.basename(dir))
    }
  }
}

/** Whether `target` (existing or not) resolves inside `root`. */
export function resolvesInside(root: string, target: string): boolean {
  return isInside(realPathSoFar(root), realPathSoFar(target))
}
