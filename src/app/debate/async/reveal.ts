import path from 'node:path'
import {readSecrets} from '../../../adapters/debate-salts.js'
import {openGitAt} from '../../../adapters/git/git.js'
import type {Workspace} from '../../../adapters/workspace.js'
import {commitmentHash} from '../../../core/debate/async/commitment.js'
import {foldAnswerFiles, type RoundState} from '../../../core/debate/async/fold.js'
import {rolesOf} from '../../../core/debate/async/owner.js'
import {AdrError} from '../../../core/errors.js'
import {findDebate, readRecord} from '../debate-store.js'
import {label} from './answer-as.js'
import {answerFilePath, readAnswerFiles, writeAnswerFile} from './answer-files.js'
import {resolvePerson} from './identity.js'

export interface RevealResult {
  person: string
  file: string
  revealed: string[]
  rounds: RoundState[]
}

/**
 * `adr debate reveal REF` (ADR 17): puts a person's blind answers and salt beside their hash, for
 * every round whose hashes are all in the repository. A round still waiting on someone's hash is
 * refused (`EARLY_REVEAL`, naming who), so nobody's answers are readable while another can still
 * choose theirs.
 */
export async function revealAnswers(
  ws: Workspace,
  ref: string,
  request: {as?: string; round?: string; today: string},
): Promise<RevealResult> {
  const files = await findDebate(ws, ref)
  const record = await readRecord(ws, files.recordFile)
  const roles = rolesOf(record)
  const loaded = await readAnswerFiles(ws, files)
  const person = resolvePerson({
    as: request.as,
    identity: await openGitAt(ws.adrDir, ws.env).userIdentity(),
    roles,
    files: loaded.map((l) => l.data),
  })
  const own = loaded.find((l) => l.data.participant === person)?.data
  const shown = path.relative(ws.cwd, answerFilePath(files, person))
  const rounds = foldAnswerFiles(
    record,
    loaded.map((l) => l.data),
  ).rounds
  const pending = Object.keys(own?.commitments ?? {}).filter((r) => !own?.reveals?.[r] && (!request.round || r === request.round))
  if (!own || pending.length === 0) {
    throw new AdrError(
      'INVALID_ARGUMENT',
      `${person} has ${request.round ? `no hash for ${request.round}` : 'no hash'} waiting to be revealed in ${shown}`,
      {
        exit: 1,
        suggestions: [
          'Commit your blind answers first: `adr debate answer REF --as NAME --file answers.yaml`.',
          `adr debate status ${ref}`,
        ],
      },
    )
  }
  const ready = pending.filter((r) => rounds.find((s) => s.round === r)?.open_for_reveal)
  const early = pending.filter((r) => !ready.includes(r))
  if (ready.length === 0 || (request.round && early.length)) {
    const waits = early.map((r) => `${label(r)}: waiting for the hash of ${rounds.find((s) => s.round === r)?.awaited.join(', ')}`)
    throw new AdrError(
      'EARLY_REVEAL',
      `Too early to reveal ${person}'s answers; every participant's hash must be in the repository first:\n  ${waits.join('\n  ')}`,
      {
        suggestions: ['Pull the others’ branches (`git pull`, or merge their pull requests), then reveal.', `adr debate status ${ref}`],
      },
    )
  }
  const secrets = await readSecrets(ws.gitRoot, files.recordFile, person)
  for (const round of ready) {
    const kept = secrets[round]
    const hash = own.commitments![round].sha256
    if (!kept) {
      throw new AdrError(
        'INVALID_ARGUMENT',
        `The salt of ${person}'s ${label(round)} hash is not on this clone (it is kept in .git/adrgate/ where the hash was made)`,
        {
          suggestions: ['Reveal from the clone where you ran `adr debate answer`.'],
        },
      )
    }
    if (commitmentHash({round, participant: person, answers: kept.answers, salt: kept.salt}) !== hash) {
      throw new AdrError(
        'INVALID_RECORD',
        `${shown}: the hash for ${label(round)} is not the one made on this clone; it was changed by hand`,
        {
          suggestions: [`Restore ${shown} from git (git checkout -- ${shown}), then reveal again.`],
        },
      )
    }
    own.reveals = {...own.reveals, [round]: {salt: kept.salt, date: request.today, answers: kept.answers}}
  }
  await writeAnswerFile(ws, answerFilePath(files, person), own)
  return {
    person,
    file: shown,
    revealed: ready,
    rounds: foldAnswerFiles(record, [...loaded.filter((l) => l.data.participant !== person).map((l) => l.data), own]).rounds,
  }
}
