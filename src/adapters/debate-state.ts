import {promises as fs} from 'node:fs'
import path from 'node:path'
import {writeFileAtomic} from './files/atomic-write.js'
import {stateDirectory} from './files/directory-lock.js'

/**
 * The last text a debate wrote to its ADR, kept between sessions under `.git/adrgate/debates/` at the
 * ADR's path in the repository (before, at its file name alone, which two ADR directories' ADRs of
 * one name shared: still read), so the next render can tell a hand edit of the debate's own parts
 * from its own earlier render. Only a memory: outside git, or when it cannot be read or written,
 * there is none.
 */
function lastRenderFiles(gitRoot: string | undefined, adrFile: string): {file: string; legacy: string} | undefined {
  const state = stateDirectory(gitRoot)
  if (!state || !gitRoot) return undefined
  const legacy = path.join(state, 'debates', path.basename(adrFile))
  const key = pathInRepository(gitRoot, adrFile)
  return {file: key === undefined ? legacy : path.join(state, 'debates', key), legacy}
}

/** A file's path from the repository's root, the key of what this clone keeps about it under `.git/adrgate/debates/`; undefined outside it. */
export function pathInRepository(gitRoot: string, file: string): string | undefined {
  const relative = path.relative(gitRoot, file)
  // `..` or `../…` is outside; a folder named `..x` is inside
  const outside = relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)
  return outside ? undefined : relative
}

export async function readLastRender(gitRoot: string | undefined, adrFile: string): Promise<string | undefined> {
  const files = lastRenderFiles(gitRoot, adrFile)
  if (!files) return undefined
  const read = (file: string) => fs.readFile(file, 'utf8').catch(() => undefined)
  return (await read(files.file)) ?? (await read(files.legacy))
}

export async function writeLastRender(gitRoot: string | undefined, adrFile: string, text: string): Promise<void> {
  const file = lastRenderFiles(gitRoot, adrFile)?.file
  if (!file) return
  await fs
    .mkdir(path.dirname(file), {recursive: true})
    .then(() => writeFileAtomic(file, text))
    .catch(() => undefined)
}
