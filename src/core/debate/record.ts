/**
 * The debate record: the full data of one Logic Gates debate (docs/logic-gates.md), stored as YAML in
 * `docs/adr/debates/NNNN-slug.yaml` and validated by `schemas/debate.schema.json` plus the code rules in
 * `src/core/debate/rules/`.
 *
 * Conventions
 * - Keys are snake_case exactly as they are written in YAML; these types are the parsed YAML.
 * - Dates are `YYYY-MM-DD` strings (never `Date`).
 * - People are referred to by the names in `roles` (`alice`); ids are `D1…` (drivers), option slugs
 *   (`postgresql`), `C1…` (cruxes), `R1…` (pre-mortem risks), `O1…` (objections), `F1…` (confirmation
 *   checks), `T1…` (revisit triggers).
 * - An unfinished debate is a record with the gates passed so far (`gate_log`) plus the answers of the
 *   gate in progress: so every top-level key but `schema_version`, `adr`, `roles`, `timebox` and
 *   `gate_log` is optional, and per-participant answers are optional until that participant has given
 *   them. The schema requires the keys of each gate once `gate_log` says that gate passed; the gate
 *   being answered (and, after a loop-back, every later one) is `in_progress` (see `passStands`).
 */

import type {Static} from '@sinclair/typebox'
import type {RECORD} from './debate-schema.js'
import type {Roles, Timebox} from './schema/g1-frame.js'

export const DEBATE_SCHEMA_VERSION = 1

/** `YYYY-MM-DD`. */
export type IsoDate = string
/** A person, as named in `roles` (`alice`). */
export type Person = string
/** `D1`, `D2`… */
export type DriverId = string
/** An option slug: lowercase letters, digits and `-` (`postgresql`, `do-nothing`). */
export type OptionId = string

export const GATES = ['G1', 'G2', 'G3', 'G4', 'G5', 'G6', 'G7', 'G8'] as const
export type GateId = (typeof GATES)[number]
/** The gates of the fast track (G3, G4 and G8 are run "lite"). */
export const FAST_TRACK_GATES: readonly GateId[] = ['G1', 'G2', 'G3', 'G4', 'G8']

export type Track = 'fast' | 'full'
/** Ordered from the least to the most cautious. */
export const DOOR_CLASSES = ['two-way', 'costly', 'one-way'] as const
export type DoorClass = (typeof DOOR_CLASSES)[number]

export const DRIVER_CATEGORIES = [
  // ISO/IEC 25010 (2011 and 2023 names both accepted)
  'functional-suitability',
  'performance-efficiency',
  'compatibility',
  'usability',
  'interaction-capability',
  'reliability',
  'security',
  'maintainability',
  'flexibility',
  'portability',
  'safety',
  // beyond the product's qualities
  'business',
  'constraint',
  'team',
] as const
export type DriverCategory = (typeof DRIVER_CATEGORIES)[number]

export const EVIDENCE_TYPES = ['measured', 'benchmark', 'documentation', 'experience', 'opinion'] as const
export type EvidenceType = (typeof EVIDENCE_TYPES)[number]
export type Level = 'low' | 'medium' | 'high'
export type Aggregation = 'mean' | 'median'

// ── The record's types, derived from its schema (debate-schema.ts, ADR 0014) ──────────────────────
// Each part's type is derived beside its schema, in the gate's module of `schema/`; each field's
// meaning is the `description` of its schema, which `schemas/debate.schema.json` shows.

/** The whole record (see THE CONTRACT below). */
export type DebateRecord = Static<typeof RECORD>

export type {CellRef, WeightSet} from './schema/common.js'
export type {Participant, Roles, Timebox} from './schema/g1-frame.js'
export type {Nomination, Reversibility} from './schema/g2-door.js'
export type {Driver, Weights} from './schema/g3-drivers.js'
export type {NullOption, Option, Steelman} from './schema/g4-options.js'
export type {CellResult, FlipPoint, Knockout, OptionTotal, Results, ScoreEntry, Scoring, Tie} from './schema/g5-score.js'
export type {Crux} from './schema/g6-crux.js'
export type {ConfirmationCheck, Consequences, Revisit, RevisitReview, RevisitTrigger, Risk} from './schema/g7-premortem.js'
export type {Commitment, Decision, Objection} from './schema/g8-consent.js'
export type {GatePass} from './schema/progress.js'

/*
 * THE CONTRACT between the gates (which write records) and `adr lint` (which checks them): every
 * record saved — after every answer — passes `lintDebateRecord` for its stage. Hence:
 * - a gate's work is a draft until its exit rule passes (GateContext saves the record as it stood
 *   before the gate plus `in_progress.answers`); an item written to a list (a crux, a risk, the
 *   decision) has all its required fields and no empty strings;
 * - whenever `scoring.entries` change while G5's pass stands (a rescore in G6), `results` is
 *   recomputed (`computeResults`) in the same save.
 */

/**
 * The gate in progress, saved after every answer so an interrupted session resumes at the same
 * question. Blind answers wait here until every participant has given theirs.
 */
export type GateProgress = NonNullable<DebateRecord['in_progress']>
/** An answer as stored while its gate is in progress: text, a number, yes/no or a list. */
export type StoredAnswer = GateProgress['answers'][string]

export interface NewDebate {
  adr: string
  approver: Person
  participants: Person[]
  facilitator?: Person
  started: IsoDate
  decide_by?: IsoDate
}

/** The record `adr debate start` writes before G1: roles and the timebox, no gate passed. */
export function emptyRecord(debate: NewDebate): DebateRecord {
  const roles: Roles = {approver: debate.approver, participants: debate.participants.map((name) => ({name}))}
  if (debate.facilitator) roles.facilitator = debate.facilitator
  const timebox: Timebox = {started: debate.started}
  if (debate.decide_by) timebox.decide_by = debate.decide_by
  return {schema_version: DEBATE_SCHEMA_VERSION, adr: debate.adr, timebox, roles, gate_log: []}
}

/** True when `gate_log` records a pass of `gate`. */
export function hasPassed(record: Pick<DebateRecord, 'gate_log'>, gate: GateId): boolean {
  return (record.gate_log ?? []).some((pass) => pass.gate === gate)
}

/**
 * True when a pass of `gate` still stands: it is in `gate_log` and the debate is not redoing it. While
 * a gate is in progress (`in_progress.gate`, e.g. after a loop-back from G6 to G3), that gate and every
 * later one are being redone, so their earlier passes do not stand. The code rules check a gate's exit
 * rule only where its pass stands.
 */
export function passStands(record: Pick<DebateRecord, 'gate_log' | 'in_progress'>, gate: GateId): boolean {
  if (!hasPassed(record, gate)) return false
  const redoing = record.in_progress?.gate
  return redoing === undefined || GATES.indexOf(gate) < GATES.indexOf(redoing)
}

/** The participants' names, in order. */
export function participantNames(record: Pick<DebateRecord, 'roles'>): Person[] {
  return (record.roles?.participants ?? []).map((p) => p.name)
}
