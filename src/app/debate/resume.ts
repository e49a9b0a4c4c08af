import type {Workspace} from '../../adapters/workspace.js'
import {AdrError} from '../../core/errors.js'
import {findDebate, readRecord} from './debate-store.js'
import {type DebateSession, describeSession, runSession, type SessionOptions} from './session.js'

/**
 * `adr debate resume REF` (and `answer`, with a scripted prompter): continues the gates where the
 * record stopped, asking only what is still owed. A decided debate has nothing to resume.
 */
export async function resumeDebate(ws: Workspace, ref: string, options: SessionOptions): Promise<DebateSession> {
  const files = await findDebate(ws, ref)
  const record = await readRecord(ws, files.recordFile)
  if (!record.in_progress && record.gate_log.some((g) => g.gate === 'G8')) {
    const session = describeSession(ws, files, record)
    throw new AdrError(
      'INVALID_ARGUMENT',
      `The debate of ${files.adr.file} is decided (${session.decision?.title}); there is nothing to resume`,
      {
        exit: 1,
        suggestions: [`adr debate status ${ref}`, 'A decision changes by a new ADR that supersedes it.'],
      },
    )
  }
  return runSession(ws, files, options)
}
