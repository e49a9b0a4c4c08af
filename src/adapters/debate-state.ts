import {promises as fs} from 'node:fs'
import path from 'node:path'
import {writeFileAtomic} from './files/atomic-write.js'
import {stateDirectory} from './files/directory-lock.js'

/**
 * The last text a debate wrote to its ADR, kept between sessions under `.git/adrgate/debates/`, so
 * the next render can tell a hand edit of the debate's own parts from its own earlier render. Only a
 * memory: outside git, or when it cannot be read or written, there is none.
 */
function lastRenderFile(gitRoot: string | undefined, adrFile: string): string | undefined {
  const state = stateDirectory(gitRoot)
  return state && path.join(state, 'debates', path.basename(adrFile))
}

export async function readLastRender(gitRoot: string | undefined, adrFile: string): Promise<string | undefined> {
  const file = lastRenderFile(gitRoot, adrFile)
  return file ? fs.readFile(file, 'utf8').catch(() => undefined) : undefined
}

export async function writeLastRender(gitRoot: string | undefined, adrFile: string, text: string): Promise<void> {
  const file = lastRenderFile(gitRoot, adrFile)
  if (!file) return
  await fs
    .mkdir(path.dirname(file), {recursive: true})
    .then(() => writeFileAtomic(file, text))
    .catch(() => undefined)
}
