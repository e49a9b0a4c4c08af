import {randomBytes} from 'node:crypto'
import {promises as fs} from 'node:fs'
import path from 'node:path'
import {AdrError} from '../core/errors.js'
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
 * The salts and blind answers of one person in one debate, under `.git/adrgate/debates/<debate>/`
 * (ADR 17): outside the working tree, so `git add -A` never publishes them before the reveal.
 */
function secretsFile(gitRoot: string | undefined, debate: string, person: string): string {
  const state = stateDirectory(gitRoot)
  if (!state) {
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
  return path.join(state, 'debates', debate, `${encodeURIComponent(person)}.secrets.json`)
}

export async function readSecrets(gitRoot: string | undefined, debate: string, person: string): Promise<Record<string, KeptSecret>> {
  const text = await fs.readFile(secretsFile(gitRoot, debate, person), 'utf8').catch(() => undefined)
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
  debate: string,
  person: string,
  secrets: Record<string, KeptSecret>,
): Promise<void> {
  const file = secretsFile(gitRoot, debate, person)
  await fs.mkdir(path.dirname(file), {recursive: true})
  await writeFileAtomic(file, `${JSON.stringify(secrets, null, 2)}\n`)
}
