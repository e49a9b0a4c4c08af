/**
 * Folds the participants' own files into what the gate engine reads (ADR 17): each person's open
 * answers plus the blind rounds they revealed whose reveal matches its hash — nothing else. Also the
 * state of each blind round: who has committed, who has revealed, who is awaited.
 */
import {currentGate} from '../gates/engine.js'
import type {DebateRecord} from '../record.js'
import type {AnswerFile} from './answer-file.js'
import {type Answers, describeRound, mergeAnswers, roundIdOf} from './blind-rounds.js'
import {commitmentHash} from './commitment.js'
import {type Roles, rolesOf} from './owner.js'

export interface RoundState {
  /** `door`, `scores`, `again.G5.0.scores`. */
  round: string
  gate: string
  visit: number
  committed: string[]
  revealed: string[]
  /** Participants whose hash is not in yet; once all are, those who have not revealed. */
  awaited: string[]
  /** Every participant's hash is in: reveals may begin. */
  open_for_reveal: boolean
  /** Reveals that do not match their hash (never folded in). */
  mismatched: string[]
}

export interface Folded {
  byPerson: Map<string, Answers>
  rounds: RoundState[]
  roles: Roles
}

export function revealMatches(file: AnswerFile, round: string): boolean {
  const commitment = file.commitments?.[round]
  const reveal = file.reveals?.[round]
  if (!commitment || !reveal) return false
  return commitmentHash({round, participant: file.participant, answers: reveal.answers, salt: reveal.salt}) === commitment.sha256
}

/** The blind round the record is answering now, if its gate in progress has one. */
export function currentRound(record: DebateRecord): string | undefined {
  const gate = currentGate(record)
  if (!gate) return undefined
  const visits = record.gate_log.filter((g) => g.gate === gate).length
  return roundIdOf(gate, visits + 1)
}

export function foldAnswerFiles(record: DebateRecord, files: readonly AnswerFile[]): Folded {
  const roles = rolesOf(record)
  const byPerson = new Map<string, Answers>()
  // a reveal counts only once every participant's hash for its round is in (an early one is lint's finding)
  const allCommitted = (round: string) => roles.participants.every((p) => files.some((f) => f.participant === p && f.commitments?.[round]))
  for (const file of files) {
    const answers = mergeAnswers(byPerson.get(file.participant) ?? {}, structuredClone(file.answers ?? {}))
    for (const round of Object.keys(file.reveals ?? {}).sort()) {
      if (allCommitted(round) && revealMatches(file, round)) mergeAnswers(answers, structuredClone(file.reveals![round].answers))
    }
    byPerson.set(file.participant, answers)
  }
  const ids = new Set<string>()
  for (const file of files) for (const round of Object.keys(file.commitments ?? {})) ids.add(round)
  const now = currentRound(record)
  if (now) ids.add(now)
  const rounds = [...ids]
    .map((round) => roundState(round, roles, files))
    .filter((r): r is RoundState => r !== undefined)
    .sort((a, b) => a.gate.localeCompare(b.gate) || a.visit - b.visit)
  return {byPerson, rounds, roles}
}

function roundState(round: string, roles: Roles, files: readonly AnswerFile[]): RoundState | undefined {
  const info = describeRound(round)
  if (!info) return undefined
  const of = (p: string) => files.find((f) => f.participant === p)
  const committed = roles.participants.filter((p) => of(p)?.commitments?.[round])
  const revealed = roles.participants.filter((p) => of(p)?.reveals?.[round])
  const open = committed.length === roles.participants.length
  return {
    round,
    gate: info.gate,
    visit: info.visit,
    committed,
    revealed,
    awaited: roles.participants.filter((p) => (open ? !revealed.includes(p) : !committed.includes(p))),
    open_for_reveal: open,
    mismatched: revealed.filter((p) => !revealMatches(of(p)!, round)),
  }
}
