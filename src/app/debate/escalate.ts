import {holdLock} from '../../adapters/files.js'
import type {Workspace} from '../../adapters/workspace.js'
import {escalateRecord} from '../../core/debate/gates/escalate.js'
import type {DoorClass} from '../../core/debate/record.js'
import {findDebate, readRecord, writeRecord} from './debate-store.js'
import {type DebateSession, describeSession, writeAdr} from './session.js'

/**
 * `adr debate escalate REF --by alice`: fast track → full track. The participant re-nominates the
 * door; the debate continues from Gate 3 in full on the next `resume` or `answer`.
 */
export async function escalateDebate(
  ws: Workspace,
  ref: string,
  request: {by: string; class: Exclude<DoorClass, 'two-way'>; today: string},
): Promise<DebateSession> {
  const files = await findDebate(ws, ref)
  const release = await holdLock(files.lockFile, `The debate of ${files.adr.file}`)
  try {
    const record = escalateRecord(await readRecord(ws, files.recordFile), request.by, request.class)
    await writeRecord(files.recordFile, record)
    await writeAdr(files, record, request.today)
    return describeSession(ws, files, record)
  } finally {
    await release()
  }
}
