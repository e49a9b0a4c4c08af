import path from 'node:path'
import {today as clockToday} from '../../adapters/clock.js'
import {readTextFile} from '../../adapters/files/contained-read.js'
import {readAnswersFile} from '../../adapters/prompter/prompter-answers.js'
import {scriptedPrompter} from '../../adapters/prompter/prompter-scripted.js'
import type {Workspace} from '../../adapters/workspace.js'
import type {DebateSession} from './session.js'
import {startDebate} from './start.js'

export interface PlayedDebate {
  session: DebateSession
  /** The ADR as written at the end: accepted, with the trade-offs in its front matter. */
  adrText: string
}

/**
 * Plays a whole debate from an answers file that also names the title and the roles (`title`,
 * `roles.participants`, `roles.approver`): what `adr demo` does with
 * `examples/debates/invoicing-answers.yaml`. The file's `today`, when set, dates the debate, so a
 * demo reads the same every day.
 */
export async function playDebateFromFile(ws: Workspace, file: string, options: {today?: string} = {}): Promise<PlayedDebate> {
  const source = await readAnswersFile(ws.cwd, file)
  const answers = source.answers
  const roles = (answers.roles ?? {}) as {participants?: string[]; approver?: string; facilitator?: string}
  const session = await startDebate(ws, {
    title: typeof answers.title === 'string' ? answers.title : undefined,
    participants: roles.participants ?? [],
    approver: roles.approver,
    facilitator: roles.facilitator,
    today: options.today ?? (typeof answers.today === 'string' ? answers.today : clockToday({})),
    prompter: scriptedPrompter({answers, source: source.source, kept: source.kept}),
  })
  const read = await readTextFile(path.resolve(ws.cwd, session.adr), ws.root)
  return {session, adrText: read.ok ? read.text : ''}
}
