import {acquireSessionLock} from '../../adapters/files/directory-lock.js'
import type {Workspace} from '../../adapters/workspace.js'
import {normaliseAnswer} from '../../core/debate/gates/answer.js'
import {escalateRecord} from '../../core/debate/gates/escalate.js'
import {checkPersonName} from '../../core/debate/person-name.js'
import type {Prompter} from '../../core/debate/prompter.js'
import {type DebateRecord, type DoorClass, participantNames} from '../../core/debate/record.js'
import {AdrError} from '../../core/errors.js'
import {findDebate, readRecord, saveRecordAndAdr} from './debate-store.js'
import {type DebateSession, describeSession} from './session.js'

export interface EscalateRequest {
  /** The participant who re-nominates the door; asked when not given. */
  by?: string
  class: Exclude<DoorClass, 'two-way'>
  today: string
  prompter: Prompter
}

/**
 * `adr debate escalate REF --by alice`: fast track → full track. The participant re-nominates the
 * door; the debate continues from Gate 3 in full on the next `resume` or `answer`.
 */
export async function escalateDebate(ws: Workspace, ref: string, request: EscalateRequest): Promise<DebateSession> {
  const files = await findDebate(ws, ref)
  const session = await acquireSessionLock(files.lockFile, `the debate of ${files.adr.file}`)
  try {
    const record = await readRecord(ws, files.recordFile)
    const by = request.by !== undefined ? checkPersonName(request.by, '--by') : await askWho(record, request.prompter)
    escalateRecord(record, by, request.class)
    await saveRecordAndAdr(ws, files, record, request.today)
    return describeSession(ws, files, record)
  } finally {
    await session.release()
  }
}

async function askWho(record: DebateRecord, prompter: Prompter): Promise<string> {
  const question = {
    key: 'escalate.by',
    kind: 'select' as const,
    message: 'Who escalates (re-nominates the door)?',
    choices: participantNames(record).map((value) => ({value})),
    flag: '--by',
  }
  const answer = normaliseAnswer(question, await prompter.ask(question))
  if (!answer.ok) throw new AdrError('INVALID_ARGUMENT', answer.message, {suggestions: ['Pass --by with a participant.']})
  return String(answer.value)
}
