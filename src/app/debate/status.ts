import path from 'node:path'
import {ownedPrompter} from '../../adapters/prompter/prompter-owned.js'
import type {Workspace} from '../../adapters/workspace.js'
import {foldAnswerFiles, type RoundState} from '../../core/debate/async/fold.js'
import {GateContext} from '../../core/debate/gates/context.js'
import {runGates} from '../../core/debate/gates/engine.js'
import type {Answer, Prompter, Question} from '../../core/debate/prompter.js'
import {type DebateRecord, type FlipPoint, participantNames, type Results} from '../../core/debate/record.js'
import {renderMatrix} from '../../core/debate/render-matrix.js'
import {computeResults} from '../../core/debate/results.js'
import {isAdrError} from '../../core/errors.js'
import {answerFilePath, readAnswerFiles} from './async/answer-files.js'
import {findDebate, readRecord} from './debate-store.js'
import {type DebateSession, describeSession} from './session.js'

export interface OwedAnswer {
  /** The answers-file key that supplies it. */
  key: string
  /** Who owes it; `null` when the group answers together. */
  who: string | null
  question: string
}

export interface DebateStatus extends DebateSession {
  gate_log: DebateRecord['gate_log']
  /** The next question the debate waits on, or null once decided. */
  next: OwedAnswer | null
  /** Participants who have not answered anything yet in the gate in progress. */
  waiting_for: string[]
  /**
   * The blind rounds answered on people's own clones (ADR 17): per round, who has committed a hash,
   * who has revealed, who is awaited. Empty when nobody answers that way.
   */
  rounds: RoundState[]
  /** The matrix, totals, winners and flip points computed from the revealed scores, once there are any. */
  results: {
    matrix: string
    totals: Results['totals']
    ties: NonNullable<Results['ties']>
    winner: string | null
    winners_by_participant: Results['winners_by_participant']
    stable: boolean
    flip_points: FlipPoint[]
  } | null
}

class Owed extends Error {
  constructor(readonly question: Question) {
    super('owed')
  }
}

/** `adr debate status REF`: gates passed, who owes which answer, and what the revealed scores say so far. */
export async function debateStatus(ws: Workspace, ref: string, today: string): Promise<DebateStatus> {
  const files = await findDebate(ws, ref)
  const record = await readRecord(ws, files.recordFile)
  const loaded = await readAnswerFiles(ws, files)
  const folded = loaded.length
    ? foldAnswerFiles(
        record,
        loaded.map((l) => l.data),
      )
    : undefined
  // with people's own files, what is owed is what the record and the files together still lack
  const answers = folded
    ? ownedPrompter({byPerson: folded.byPerson, roles: folded.roles, sourceOf: (p) => path.relative(ws.cwd, answerFilePath(files, p))})
    : undefined
  const next = await probeNext(record, today, answers)
  const revealed = record.scoring?.revealed && record.scoring.entries.length > 0
  const results = revealed ? computeResults(record) : undefined
  const answered = Object.keys(record.in_progress?.answers ?? {})
  return {
    ...describeSession(ws, files, record),
    gate_log: record.gate_log,
    next,
    rounds: folded?.rounds ?? [],
    waiting_for: record.in_progress ? participantNames(record).filter((p) => !answered.some((k) => `.${k}.`.includes(`.${p}.`))) : [],
    results: results
      ? {
          matrix: renderMatrix(record, results),
          totals: results.totals,
          ties: results.ties ?? [],
          winner: results.winner,
          winners_by_participant: results.winners_by_participant,
          stable: results.stable,
          flip_points: results.flip_points,
        }
      : null,
  }
}

/** Runs the gates on a copy of the record with a prompter that stops at the first question not yet answered. */
async function probeNext(record: DebateRecord, today: string, answers?: Prompter): Promise<OwedAnswer | null> {
  if (!record.in_progress && record.gate_log.some((g) => g.gate === 'G8')) return null
  const probe: Prompter = {
    interactive: false,
    ask: async (question: Question): Promise<Answer> => {
      if (!answers) throw new Owed(question)
      try {
        return await answers.ask(question)
      } catch (error) {
        if (isAdrError(error) && error.code === 'MISSING_ANSWER') throw new Owed(question)
        throw error
      }
    },
    peek: answers?.peek ? (key) => answers.peek?.(key) : undefined,
    note: () => undefined,
  }
  const ctx = new GateContext({record: structuredClone(record), prompter: probe, today, save: async () => undefined})
  try {
    await runGates(ctx)
    return null
  } catch (error) {
    // an answer in the files that breaks a gate's rule: `merge` reports it; here the gate still waits on it
    if (isAdrError(error) && error.code === 'GATE_FAILED') return null
    if (!(error instanceof Owed)) throw error
    return {key: error.question.key, who: error.question.who ?? null, question: error.question.message}
  }
}
