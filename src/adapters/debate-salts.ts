import {randomBytes} from 'node:crypto'
import {promises as fs} from 'node:fs'
import path from 'node:path'
import {AdrError} from '../core/errors.js'
import {pathInRepository} from './debate-state.js'
import {writeFileAtomic} from './files/atomic-write.js'
import {stateDirectory} from './files/directory-lock.js'

/** What a person committed to for one blind round, kept on their own clone until the reveal. */
export interface KeptSecret {
  salt: string
  answers: Record<string, unknown>
}

/** 32 random bytes, hex: the salt of one commitment. */
export function newSalt(): string {
  return randomBytes(32).toString('hex')
}

/**
 * This clone's folder for one debate under `.git/adrgate/debates/` (ADR 17): the record's path in
 * the repository without `.yaml` (`docs/adr/debates/0001-choose-a-queue/`), so the debates of two ADR
 * directories that have the same name keep their salts apart.
 */
export function debateStateFolder(state: string, gitRoot: string, recordFile: string): string {
  const key = pathInRepository(gitRoot, recordFile)
  if (key === undefined) return legacyDebateStateFolder(state, recordFile)
  return path.join(state, 'debates', key.replace(/\.ya?ml$/i, ''))
}

/**
 * Where adrgate 0.x before this layout kept them, by the record's name alone (`debates/0001-choose-a-queue/`):
 * read when the folder above holds nothing for the person, so a debate answered before an upgrade
 * can still be revealed; `adr renumber` moves it to the new place.
 */
export function legacyDebateStateFolder(state: string, recordFile: string): string {
  return path.join(state, 'debates', path.basename(recordFile).replace(/\.ya?ml$/i, ''))
}

/** The state directory of the clone, or the error that says a debate answered on a clone needs one. */
function requireState(gitRoot: string | undefined): {state: string; gitRoot: string} {
  const state = stateDirectory(gitRoot)
  if (!state || !gitRoot) {
    throw new AdrError(
      'NOT_A_GIT_REPOSITORY',
      'Answering a debate on your own clone needs a git repository: the salts are kept in .git/adrgate/',
      {
        suggestions: [
          'Run the command inside the clone of the repository (`git clone …`), or answer at one terminal with `adr debate resume REF`.',
        ],
      },
    )
  }
  return {state, gitRoot}
}

const secretsName = (person: string) => `${encodeURIComponent(person)}.secrets.json`

/**
 * The salts and blind answers of one person in one debate (`recordFile`, the debate record), kept
 * outside the working tree, so `git add -A` never publishes them before the reveal.
 */
export async function readSecrets(gitRoot: string | undefined, recordFile: string, person: string): Promise<Record<string, KeptSecret>> {
  const {state, gitRoot: root} = requireState(gitRoot)
  const read = (folder: string) => fs.readFile(path.join(folder, secretsName(person)), 'utf8').catch(() => undefined)
  const text = (await read(debateStateFolder(state, root, recordFile))) ?? (await read(legacyDebateStateFolder(state, recordFile)))
  if (text === undefined) return {}
  try {
    const data = JSON.parse(text) as unknown
    return typeof data === 'object' && data !== null ? (data as Record<string, KeptSecret>) : {}
  } catch {
    return {}
  }
}

export async function writeSecrets(
  gitRoot: string | undefined,
  recordFile: string,
  person: string,
  secrets: Record<string, KeptSecret>,
): Promise<void> {
  const {state, gitRoot: root} = requireState(gitRoot)
  const file = path.join(debateStateFolder(state, root, recordFile), secretsName(person))
  await fs.mkdir(path.dirname(file), {recursive: true})
  await writeFileAtomic(file, `${JSON.stringify(secrets, null, 2)}\n`)
}
