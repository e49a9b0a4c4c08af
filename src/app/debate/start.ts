import {loadAdr} from '../../adapters/adr-store.js'
import type {Workspace} from '../../adapters/workspace.js'
import {normaliseAnswer} from '../../core/debate/gates/answer.js'
import type {Prompter} from '../../core/debate/prompter.js'
import {emptyRecord} from '../../core/debate/record.js'
import {AdrError} from '../../core/errors.js'
import {createAdr} from '../adr/create-adr.js'
import {debateFiles, writeRecord} from './debate-store.js'
import {type DebateSession, runSession, writeAdr} from './session.js'

export interface StartRequest {
  title?: string
  participants: readonly string[]
  approver?: string
  facilitator?: string
  decideBy?: string
  today: string
  brief?: boolean
  prompter: Prompter
}

/**
 * `adr debate start`: creates the ADR (MADR, `proposed`) through the normal ADR-writing path, writes
 * its debate record beside it in `debates/`, and runs the gates. The approver and the participants
 * may come later, from G1's questions; the title is asked for when it is not given.
 */
export async function startDebate(ws: Workspace, request: StartRequest): Promise<DebateSession> {
  const title = request.title?.trim() || String(await askTitle(request.prompter))
  const participants = [...new Set(request.participants.map((p) => p.trim()).filter(Boolean))]
  const created = await createAdr(ws, {title: [title], date: request.today, format: 'madr'})
  const files = debateFiles(ws, await loadAdr(ws, created.file))
  const record = emptyRecord({
    adr: created.file,
    approver: request.approver ?? '',
    participants: participants.length >= 2 ? participants : [],
    facilitator: request.facilitator,
    started: request.today,
    decide_by: request.decideBy,
  })
  await writeRecord(files.recordFile, record)
  await writeAdr(files, record, request.today)
  return runSession(
    ws,
    {...files, adr: await loadAdr(ws, created.file)},
    {prompter: request.prompter, today: request.today, brief: request.brief},
  )
}

async function askTitle(prompter: Prompter): Promise<string> {
  const question = {
    key: 'title',
    kind: 'text' as const,
    message: 'The title of the decision (e.g. "Primary datastore for Tally")',
    flag: 'the TITLE argument',
  }
  const result = normaliseAnswer(question, await prompter.ask(question))
  if (!result.ok)
    throw new AdrError('MISSING_ANSWER', `No title: ${result.message}`, {suggestions: ['adr debate start "Primary datastore" …']})
  return String(result.value)
}
