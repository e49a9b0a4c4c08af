import path from 'node:path'
import {ownedPrompter} from '../../../adapters/prompter/prompter-owned.js'
import type {Workspace} from '../../../adapters/workspace.js'
import {foldAnswerFiles, type RoundState} from '../../../core/debate/async/fold.js'
import {isAdrError} from '../../../core/errors.js'
import {type DebateFiles, findDebate, readRecord} from '../debate-store.js'
import {type DebateSession, describeSession, runSession} from '../session.js'
import {answerFilePath, readAnswerFiles} from './answer-files.js'

export interface MergeResult extends DebateSession {
  /** The answer the debate waits on next, or null once decided. */
  waiting: {key: string; who: string | null; file: string | null} | null
  rounds: RoundState[]
}

/**
 * `adr debate merge REF` (ADR 17): folds the participants' own files into the record and runs the
 * gates on them — the same engine, the same checks and the same saves as the one-terminal flow, with
 * a prompter that reads each question's answer from its person's file only. It goes as far as the
 * answers given allow, then says whose answer it waits on.
 */
export async function mergeDebate(ws: Workspace, ref: string, options: {today: string}): Promise<MergeResult> {
  const files = await findDebate(ws, ref)
  const record = await readRecord(ws, files.recordFile)
  const loaded = await readAnswerFiles(ws, files)
  const folded = foldAnswerFiles(
    record,
    loaded.map((l) => l.data),
  )
  const sourceOf = (person: string) => path.relative(ws.cwd, answerFilePath(files, person))
  const prompter = ownedPrompter({byPerson: folded.byPerson, roles: folded.roles, sourceOf})
  let waiting: MergeResult['waiting'] = null
  let session: DebateSession
  try {
    session = await runSession(ws, files, {prompter, today: options.today})
  } catch (error) {
    if (!isAdrError(error) || error.code !== 'MISSING_ANSWER') throw error
    const who = typeof error.data?.who === 'string' ? error.data.who : null
    waiting = {key: String(error.data?.key ?? ''), who, file: who ? sourceOf(who) : null}
    session = await describeNow(ws, files)
  }
  const after = await readRecord(ws, files.recordFile)
  return {
    ...session,
    waiting,
    rounds: foldAnswerFiles(
      after,
      loaded.map((l) => l.data),
    ).rounds,
  }
}

async function describeNow(ws: Workspace, files: DebateFiles): Promise<DebateSession> {
  return describeSession(ws, files, await readRecord(ws, files.recordFile))
}
