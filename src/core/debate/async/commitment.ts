import {createHash} from 'node:crypto'
import {canonicalJson} from '../drivers-lock.js'
import type {Answers} from './blind-rounds.js'

export interface CommitmentInput {
  round: string
  participant: string
  answers: Answers
  /** 32 random bytes, hex; kept outside the working tree until the reveal. */
  salt: string
}

/**
 * The hash committed for a blind round (ADR 17): sha256, lowercase hex, of the canonical JSON of
 * `{answers, participant, round, salt}`. The participant and the round are inside the hash, so a
 * hash copied from someone else's file or from another round never matches a reveal; the salt makes
 * a few possible answers (a door class, a score from 1 to 5) impossible to guess from the hash.
 */
export function commitmentHash(input: CommitmentInput): string {
  const payload = {answers: input.answers, participant: input.participant, round: input.round, salt: input.salt}
  return createHash('sha256').update(canonicalJson(payload), 'utf8').digest('hex')
}

/** Whether two answers objects are the same answers, however their YAML was laid out. */
export function sameAnswers(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b)
}
