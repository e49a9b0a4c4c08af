import {existsSync, promises as fs, lstatSync, readlinkSync, realpathSync, statSync} from 'node:fs'
import path from 'node:path'
import {AdrError} from '../../core/errors.js'

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

/**
 * The first symbolic link on the way from `root` down to `target` (`doc` of `doc/adr`), and the real
 * path it leads to; `undefined` when none of the existing parts is a link (or `target` is not under `root`).
 */
export function firstLinkOnTheWay(root: string, target: string): {link: string; to: string} | undefined {
  const relative = path.relative(root, path.resolve(target))
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined
  let at = root
  for (const part of relative.split(path.sep)) {
    at = path.join(at, part)
    try {
      if (!lstatSync(at).isSymbolicLink()) continue
      // a link to nothing yet is judged by where it points
      return {link: at, to: existsSync(at) ? realPathSoFar(at) : realPathSoFar(path.resolve(path.dirname(at), readlinkSync(at)))}
    } catch {
      return undefined
    }
  }
  return undefined
}

/** Whether `target` (existing or not) resolves inside `root`. */
export function resolvesInside(root: string, target: string): boolean {
  return isInside(realPathSoFar(root), realPathSoFar(target))
}

/** Refuses a write that would land outside the repository (a symbolic link, a `../` from a repository file). */
export function assertWritableInside(root: string, file: string): void {
  if (resolvesInside(root, file)) return
  throw new AdrError(
    'UNSAFE_PATH',
    `${file} resolves to ${realPathSoFar(file)}, outside the repository (${root}); adrgate writes only inside it`,
    {
      suggestions: ['Replace the symbolic link with a directory of the repository, or pass --dir with the directory you mean.'],
    },
  )
}

/**
 * The git directory `dir` is in, if any: a bare repository, or the `.git` of a working tree. ADRs
 * are never written there (a bare repository has no working tree to hold them).
 */
export function enclosingGitDirectory(dir: string): string | undefined {
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    if (path.basename(at) === '.git' || isGitDirectory(at)) return at
    if (at === path.dirname(at)) return undefined
  }
}

function isGitDirectory(dir: string): boolean {
  try {
    return (
      statSync(path.join(dir, 'HEAD')).isFile() && statSync(path.join(dir, 'objects')).isDirectory() && existsSync(path.join(dir, 'refs'))
    )
  } catch {
    return false
  }
}
