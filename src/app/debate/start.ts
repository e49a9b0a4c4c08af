import path from 'node:path'
import {loadAdr} from '../../adapters/adr-store.js'
import type {PlannedWrite} from '../../adapters/files/multi-write.js'
import type {Workspace} from '../../adapters/workspace.js'
import {normaliseAnswer} from '../../core/debate/gates/answer.js'
import {checkPersonName} from '../../core/debate/person-name.js'
import type {Answer, Prompter, Question} from '../../core/debate/prompter.js'
import {type DebateRecord, emptyRecord} from '../../core/debate/record.js'
import {AdrError} from '../../core/errors.js'
import {createAdr} from '../adr/create-adr.js'
import {answersDirectoryReadme} from './async/answer-files.js'
import {assertDebatesInside, type DebateFiles, debateFiles, rememberRender, renderRecordAdr, serialiseRecord} from './debate-store.js'
import {type DebateSession, describeSession, runSession} from './session.js'

export interface StartRequest {
  title?: string
  participants: readonly string[]
  approver?: string
  facilitator?: string
  decideBy?: string
  today: string
  brief?: boolean
  /** People answer on their own clones (ADR 17): write the ADR and the record, run no gate. */
  async?: boolean
  prompter: Prompter
  /** Where the "Started …" line goes (stderr). */
  note?: (text: string) => void
  /** What adr new says of its choices (a directory made, numbers skipped): a warning, said even under --json. */
  warn?: (text: string) => void
}

/**
 * `adr debate start`: creates the ADR (MADR, `proposed`) through the normal ADR-writing path, writes
 * its debate record beside it in `debates/`, and runs the gates. The title, the approver and the
 * participants are asked for when they are not given — all before anything is written, so a debate
 * without an approver or with one participant leaves no file behind.
 */
export async function startDebate(ws: Workspace, request: StartRequest): Promise<DebateSession> {
  const title = request.title?.trim() || String(await ask(request.prompter, TITLE))
  const approver = request.approver?.trim() || String(await ask(request.prompter, APPROVER))
  let participants = unique(request.participants)
  if (participants.length < 2) {
    if (participants.length === 1 && !request.prompter.interactive) throw tooFew(participants)
    participants = unique(await ask(request.prompter, PARTICIPANTS))
  }
  for (const p of participants) checkPersonName(p, '--participant')
  checkPersonName(approver, '--approver')
  if (request.facilitator) checkPersonName(request.facilitator, '--facilitator')
  assertDebatesInside(ws)
  // the ADR, its record and (async) the answers directory are written together under the directory's
  // lock, all or nothing: an interrupted start leaves no ADR without its record
  let started: {files: DebateFiles; record: DebateRecord; text: string} | undefined
  const created = await createAdr(ws, {
    title: [title],
    date: request.today,
    format: 'madr',
    status: 'proposed',
    with: (adr) => {
      const files = debateFiles(ws, adr)
      const record = emptyRecord({
        adr: adr.file,
        approver,
        participants,
        facilitator: request.facilitator,
        started: request.today,
        decide_by: request.decideBy,
      })
      if (request.brief) record.expected_track = 'fast'
      const text = renderRecordAdr(files, record, request.today)
      started = {files, record, text}
      const writes: PlannedWrite[] = [{file: files.recordFile, text: serialiseRecord(record), create: true}]
      if (request.async) writes.push(answersDirectoryReadme(ws, files, adr.number))
      return {text, writes}
    },
  })
  if (!started) throw new Error('adr new wrote the debate ADR without its record')
  // what adr new says of its choices (a directory made, numbers other branches hold) is said here too
  for (const notice of created.notices ?? []) (request.warn ?? request.note)?.(notice)
  const {files, record} = started
  await rememberRender(ws, files, started.text)
  request.note?.(
    `Started ADR ${created.number}: ${path.relative(ws.cwd, files.adrFile)}, record ${path.relative(ws.cwd, files.recordFile)}`,
  )
  if (request.async) return describeSession(ws, {...files, adr: await loadAdr(ws, created.file)}, record)
  return runSession(
    ws,
    {...files, adr: await loadAdr(ws, created.file)},
    {prompter: request.prompter, today: request.today, brief: request.brief},
  )
}

const TITLE: Question = {
  key: 'title',
  kind: 'text',
  message: 'The title of the decision (e.g. "Primary datastore for Tally")',
  flag: 'the TITLE argument',
}
const APPROVER: Question = {
  key: 'roles.approver',
  kind: 'text',
  message: 'Who is the approver, the one person who decides when the group cannot converge?',
  flag: '--approver',
}
const PARTICIPANTS: Question = {
  key: 'roles.participants',
  kind: 'list',
  message: 'Who are the participants, the people who disagree (two or more, comma-separated)?',
  flag: '--participant (twice or more)',
  validate: (v) => (Array.isArray(v) && unique(v).length >= 2 ? undefined : 'name at least two different participants'),
}

function unique(names: Answer | readonly string[]): string[] {
  const list = Array.isArray(names) ? names : [String(names)]
  return [...new Set(list.map((p) => String(p).trim()).filter(Boolean))]
}

function tooFew(participants: readonly string[]): AdrError {
  return new AdrError(
    'INVALID_ARGUMENT',
    `A debate needs two or more participants, the people who disagree; got ${participants.join(', ')}`,
    {
      suggestions: ['Pass --participant once per person: --participant alice --participant bob.'],
    },
  )
}

/** Asks one of start's questions until it has a valid answer (a person), or fails naming the flag (a script). */
async function ask(prompter: Prompter, question: Question): Promise<Answer> {
  for (;;) {
    const result = normaliseAnswer(question, await prompter.ask(question))
    if (result.ok) return result.value
    if (!prompter.interactive) {
      throw new AdrError('MISSING_ANSWER', `No valid answer for \`${question.key}\`: ${result.message}`, {
        suggestions: [`Pass ${question.flag}.`],
      })
    }
    prompter.note(`  ✗ ${result.message}`)
  }
}
