import path from 'node:path'
import {newSalt, readSecrets, writeSecrets} from '../../../adapters/debate-salts.js'
import {openGitAt} from '../../../adapters/git/git.js'
import type {Workspace} from '../../../adapters/workspace.js'
import {label} from '../../../core/debate/async/answer-rules.js'
import {describeRound, leafPaths, mergeAnswers, splitAnswers} from '../../../core/debate/async/blind-rounds.js'
import {commitmentHash, sameAnswers} from '../../../core/debate/async/commitment.js'
import {foldAnswerFiles, type RoundState} from '../../../core/debate/async/fold.js'
import {foreignKeys, rolesOf} from '../../../core/debate/async/owner.js'
import {AdrError} from '../../../core/errors.js'
import {findDebate, readRecord} from '../debate-store.js'
import {answerFilePath, emptyAnswerFile, readAnswerFiles, writeAnswerFile} from './answer-files.js'
import {resolvePerson} from './identity.js'

export interface AnswerAsResult {
  person: string
  /** The person's own file, relative to the working directory. */
  file: string
  /** Open answers written (answers-file keys). */
  written: string[]
  /** Blind rounds committed as a hash by this call. */
  committed: string[]
  /** Blind rounds already committed with the same answers (nothing changed). */
  unchanged: string[]
  rounds: RoundState[]
}

/**
 * `adr debate answer REF --as NAME --file F` (ADR 17): writes one person's answers into their own
 * file, `debates/NNNN-slug/<name>.yaml`. Open answers go in as they are; each blind round is
 * committed as a hash only, its answers and salt kept under `.git/adrgate/` until `adr debate reveal`.
 * Answers that are somebody else's, or that change a round already revealed, are refused.
 */
export async function answerAs(
  ws: Workspace,
  ref: string,
  request: {as?: string; answers: Record<string, unknown>; source: string; today: string},
): Promise<AnswerAsResult> {
  const files = await findDebate(ws, ref)
  const record = await readRecord(ws, files.recordFile)
  const roles = rolesOf(record)
  const loaded = await readAnswerFiles(ws, files)
  const identity = await openGitAt(ws.adrDir, ws.env).userIdentity()
  const person = resolvePerson({as: request.as, identity, roles, files: loaded.map((l) => l.data)})
  const {title: _t, today: _d, roles: _r, ...answers} = request.answers
  const foreign = foreignKeys(leafPaths(answers), person, roles)
  if (foreign.length) {
    const lines = foreign
      .slice(0, 8)
      .map((f) => `  ${f.key}: ${f.owners.length ? `${f.owners.join(' or ')}'s to answer` : 'not an answer'}`)
    throw new AdrError('NOT_YOURS', `${request.source} holds answers that are not ${person}'s:\n${lines.join('\n')}`, {
      suggestions: [`Keep only ${person}'s own answers in the file; each person answers on their own clone with --as.`],
    })
  }
  const own = path.relative(ws.cwd, answerFilePath(files, person))
  const file = loaded.find((l) => l.data.participant === person)?.data ?? emptyAnswerFile(person)
  const secrets = await readSecrets(ws.gitRoot, files.recordFile, person)
  const split = splitAnswers(answers, roles.participants)
  const committed: string[] = []
  const unchanged: string[] = []
  for (const [round, given] of split.rounds) {
    if (!describeRound(round)) continue
    if (!roles.participants.includes(person)) continue
    const revealed = file.reveals?.[round]
    if (revealed) {
      if (sameAnswers(mergeAnswers(structuredClone(revealed.answers), given), revealed.answers)) {
        unchanged.push(round)
        continue
      }
      throw new AdrError(
        'ANSWER_REVEALED',
        `${person}'s ${label(round)} answers were revealed on ${revealed.date}: they cannot change now (${own})`,
        {
          suggestions: [
            'Leave the revealed answers as they are; a change of mind after the reveal goes through the gates (a rescore at G6, a loop-back).',
          ],
        },
      )
    }
    const kept = secrets[round]
    if (kept && file.commitments?.[round] && sameAnswers(kept.answers, given)) {
      unchanged.push(round)
      continue
    }
    const salt = newSalt()
    secrets[round] = {salt, answers: given}
    file.commitments = {
      ...file.commitments,
      [round]: {sha256: commitmentHash({round, participant: person, answers: given, salt}), date: request.today},
    }
    committed.push(round)
  }
  file.answers = mergeAnswers(file.answers ?? {}, split.open)
  if (identity.email && !file.email) file.email = identity.email
  // the secrets first: a hash whose salt was lost could never be revealed
  if (committed.length) await writeSecrets(ws.gitRoot, files.recordFile, person, secrets)
  await writeAnswerFile(ws, answerFilePath(files, person), file)
  const all = [...loaded.filter((l) => l.data.participant !== person).map((l) => l.data), file]
  return {
    person,
    file: own,
    written: leafPaths(split.open).map((p) => p.join('.')),
    committed,
    unchanged,
    rounds: foldAnswerFiles(record, all).rounds,
  }
}

export {label}
