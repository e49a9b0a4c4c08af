import type {AnswersSource} from '../../adapters/prompter/prompter-answers.js'
import {scriptedPrompter} from '../../adapters/prompter/prompter-scripted.js'
import type {Workspace} from '../../adapters/workspace.js'
import type {Prompter} from '../../core/debate/prompter.js'
import {resumeDebate} from './resume.js'
import type {DebateSession} from './session.js'

/**
 * `adr debate answer REF --file answers.yaml`: the same gates, fed from a file, non-interactive. A
 * missing answer names its key; an answer that fails a gate names the gate, the rule and what to
 * change; the answers that passed are kept in the record.
 */
export async function answerDebate(
  ws: Workspace,
  ref: string,
  source: AnswersSource,
  options: {today: string; note?: (text: string) => void; fallback?: Prompter; brief?: boolean},
): Promise<DebateSession> {
  const prompter = scriptedPrompter({...source, note: options.note, fallback: options.fallback})
  return resumeDebate(ws, ref, {prompter, today: options.today, brief: options.brief})
}
