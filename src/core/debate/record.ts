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

// ── G1 Frame ────────────────────────────────────────────────────────────────────────────────────────

export interface Participant {
  name: Person
  /** G1: the option this participant favours now, as they name it (resolved against option ids, titles and aliases once options exist). */
  initial_position?: string
  /** G1: what success looks like for users. */
  success_picture?: string
}

export interface Roles {
  /** Exactly one; decides when the group cannot converge. MADR `decision-makers`. */
  approver: Person
  /** Two or more: the people who disagree. */
  participants: Participant[]
  facilitator?: Person
  /** True when the facilitator scores too. */
  facilitator_scores?: boolean
  consulted?: Person[]
  informed?: Person[]
}

export interface Timebox {
  started: IsoDate
  /** After `started`. Experiments are due by this date. */
  decide_by?: IsoDate
}

// ── G2 Door ─────────────────────────────────────────────────────────────────────────────────────────

export interface Nomination {
  participant: Person
  /** Person-weeks to reverse the decision after 3 months. */
  weeks_to_reverse_3m: number
  /** Person-weeks to reverse the decision after 12 months. */
  weeks_to_reverse_12m: number
  /** Does reversing need anyone outside the team? */
  needs_outside_team: boolean
  class: DoorClass
}

export interface Reversibility {
  nominations: Nomination[]
  /** The most cautious nomination, unless the approver downgraded it with `downgrade_rationale`. */
  class?: DoorClass
  /** Why the approver chose a less cautious class than the most cautious nomination. */
  downgrade_rationale?: string
}

// ── G3 Drivers ──────────────────────────────────────────────────────────────────────────────────────

export interface Driver {
  id: DriverId
  /** Short name (`Audit trail integrity`). Names no option. */
  name: string
  /** What the product must achieve for the decision to be good. */
  description?: string
  /** Who is hurt if it is missed. */
  hurt?: string
  category: DriverCategory
  /** A testable quality-attribute scenario. */
  scenario?: string
  /** The measure that says whether the scenario is met (required for a knockout). */
  measure?: string
  /** Why this driver can only be judged qualitatively (when there is no measure). */
  qualitative_reason?: string
  /** An option whose aggregate score on a knockout driver is below 3 is out, whatever its total. */
  knockout: boolean
}

/** Points per driver id, summing to 100: `{D1: 40, D2: 35, D3: 25}`. */
export type WeightSet = Record<DriverId, number>

export interface Weights {
  /** Each participant's blind split of 100 points. */
  proposed: Record<Person, WeightSet>
  agreed?: WeightSet
  /** Who agreed to `agreed` (the participants, and the approver when they settled it). */
  agreed_by?: Person[]
  /** Set when nobody stated the agreed weights: the protocol computed them (the rounded mean), and `agreed_by` is absent. */
  agreed_from?: 'rounded-mean'
  /** Product evidence explaining each driver whose proposed weights spread by 15 points or more. */
  spread_explanations?: Record<DriverId, string>
}

// ── G4 Options & steelman ───────────────────────────────────────────────────────────────────────────

export interface Steelman {
  /** A non-champion participant. */
  author: Person
  /** The strongest case for the option, citing at least two drivers. */
  argument: string
  drivers: DriverId[]
  /** The champion said "yes, that is my argument". */
  acknowledged: boolean
  /** How many attempts so far (1 on the first). */
  attempts: number
  /** After 3 rejected attempts: what the champion says is missing. */
  missing_points?: string
}

export interface Option {
  id: OptionId
  title: string
  /** Other names of the option (`Postgres`, `PG`), for the naming lints. */
  aliases: string[]
  /** The participant who favours it, if any. */
  champion?: Person
  description?: string
  /** Do-nothing / keep the status quo. */
  is_null?: boolean
  /** Combines other options. */
  is_hybrid?: boolean
  steelman?: Steelman[]
}

export interface NullOption {
  /** The do-nothing option among `options` (required on the full track). */
  option?: OptionId
  /** Fast track: why doing nothing was considered and not listed. */
  considered?: string
}

// ── G5 Blind score ──────────────────────────────────────────────────────────────────────────────────

export interface ScoreEntry {
  participant: Person
  option: OptionId
  driver: DriverId
  /** 1–5; 3 = meets the driver's measure. After a rescore, the new score. */
  score: number
  /** One sentence. The same rationale may be used at most 3 times in a record. */
  rationale: string
  evidence: EvidenceType
  confidence: Level
  /** After reveal, on a divergent cell: the other side's reason, in this participant's words. */
  other_side?: string
  /** Set when the score was changed after the reveal or after evidence: the score first revealed. */
  initial_score?: number
  /** The crux (`C1`) a rescored entry was changed by. Required with `initial_score`. */
  crux?: string
}

export interface Scoring {
  /** How a cell's scores are aggregated (default `mean`). */
  aggregate?: Aggregation
  /** `drivers_lock` at the time of scoring: a driver changed after scoring no longer matches it. */
  drivers_lock?: string
  /** True once every participant has scored and the scores were revealed together. */
  revealed?: boolean
  entries: ScoreEntry[]
}

// ── Computed (G5): stored in `results`, recomputed by `adr lint` ───────────────────────────────────

export interface CellRef {
  option: OptionId
  driver: DriverId
}

export interface CellResult extends CellRef {
  /** Mean or median of the participants' current scores, rounded to 3 decimals. */
  aggregate: number
  /** Highest minus lowest current score. */
  spread: number
}

export interface Knockout extends CellRef {
  /** The aggregate (< 3) on the knockout driver. */
  aggregate: number
}

export interface OptionTotal {
  option: OptionId
  /** Σ weight/100 × aggregate under the agreed weights, rounded to 3 decimals (0 when no agreed weights). */
  total: number
  /** 1 = winner. Knocked-out options rank after every other, in the same order. */
  rank: number
  knocked_out: boolean
}

export interface FlipPoint {
  driver: DriverId
  /** The agreed weight of the driver now. */
  weight: number
  /** The option that would win past the threshold. */
  option: OptionId
  /** `above`: `option` wins once the driver is worth more than `threshold`; `below`: less than. */
  direction: 'above' | 'below'
  /** In points out of 100 (= percent), rounded to 1 decimal. */
  threshold: number
  /** "MongoDB wins only if D2 is worth more than 42.3%". */
  sentence: string
}

export interface Results {
  aggregate: Aggregation
  cells: CellResult[]
  /** Cells whose revealed scores (`initial_score` when rescored, else `score`) differ by 2 or more. */
  divergent: (CellRef & {spread: number})[]
  knocked_out: Knockout[]
  /** Every option, in rank order. */
  totals: OptionTotal[]
  /** The winner under the agreed weights (null when every option is knocked out or nothing is weighted). */
  winner: OptionId | null
  /** The winner under each participant's own blind weights. */
  winners_by_participant: Record<Person, OptionId | null>
  /** True when the agreed set and every participant's set name the same winner. */
  stable: boolean
  /** Per driver: the nearest weights above and below the agreed one at which the winner changes. */
  flip_points: FlipPoint[]
}

// ── G6 Crux ─────────────────────────────────────────────────────────────────────────────────────────

export interface Crux {
  id: string
  /** The divergent cells this crux explains; empty for a crux on the weights (no cell diverges, but the winner depends on the weight set). */
  cells: CellRef[]
  owner: Person
  /** The one observable fact that would move the owner's score by 2 or more, settleable by a document, test or measurement. */
  fact: string
  /** Would the owner genuinely change their mind? */
  genuine: boolean
  /** When not genuine: what deeper belief would change it. */
  deeper_belief?: string
  settle: 'lookup' | 'experiment' | 'defer'
  /** For an experiment: the sceptic who runs it. */
  owner_of_experiment?: Person
  /** For a lookup or an experiment: by `timebox.decide_by`. */
  due?: IsoDate
  /** `evidence`: settled (see `finding`); `uncertainty`: accepted, watched by `trigger`. */
  resolution?: 'evidence' | 'uncertainty'
  /** What the lookup or experiment found. */
  finding?: string
  resolved_on?: IsoDate
  /** The revisit trigger (`T1`) that watches an accepted uncertainty. */
  trigger?: string
}

// ── G7 Pre-mortem ───────────────────────────────────────────────────────────────────────────────────

export interface Risk {
  id: string
  participant: Person
  /** The option the story is about (the leading option). */
  option: OptionId
  /** "It is the revisit date and the option hurt the product: what happened?" */
  story: string
  likelihood: Level
  impact: Level
  /** high × high ⇒ mitigate or avoid. `avoid` loops back to G5 with the next option leading. */
  response: 'mitigate' | 'monitor' | 'accept' | 'avoid'
  /** What will be done (mitigate) or watched (monitor). */
  action?: string
  /** The confirmation check (`F1`) that watches this risk. */
  check?: string
}

export interface Consequences {
  good: string[]
  /** At least one thing that gets worse. */
  bad: string[]
  tradeoffs?: string[]
}

export interface ConfirmationCheck {
  id: string
  name: string
  /** At least one automated check on the full track. */
  kind: 'automated' | 'manual'
  /** How: a command, a test, a dashboard, a review. */
  check: string
}

export interface RevisitTrigger {
  id: string
  /** The observable condition that reopens the decision. */
  condition: string
  /** Where it came from: a crux (`C1`) or a risk (`R1`). */
  source?: string
}

export interface RevisitReview {
  date: IsoDate
  by: Person
  outcome: 'keep' | 'amend' | 'supersede'
  note?: string
}

export interface Revisit {
  /** ≤ 3 months after the decision for a two-way door, ≤ 12 otherwise. */
  date: IsoDate
  triggers: RevisitTrigger[]
  /** Reviews held on or after the revisit date (the only change an accepted record takes besides status and links). */
  reviews?: RevisitReview[]
}

// ── G8 Consent & commit ─────────────────────────────────────────────────────────────────────────────

export interface Objection {
  id: string
  raiser: Person
  /** `objection` blocks (participants only) and must be "worse than acceptable"; `concern` never blocks. */
  kind: 'consent' | 'concern' | 'objection'
  /** The option objected to (the proposed decision). */
  option?: OptionId
  /** Driver (`D1`) or risk (`R1`) ids the objection harms. */
  harms?: string[]
  /** The product harm, in the raiser's own words. */
  statement?: string
  /** The facilitator's summary. */
  summary?: string
  confirmed_by_raiser?: boolean
  /** Required for an objection before G8 passes: no open objection. */
  resolution?: 'integrated' | 'overruled'
  rationale?: string
  /** Who integrated or overruled it (only the approver overrules). */
  by?: Person
}

export interface Decision {
  chosen: OptionId
  /** `consent` (full track), `approver` (the approver decided), `champion` (fast track, delegated). */
  method: 'consent' | 'approver' | 'champion'
  /** Who decided (the approver, or the champion on a delegated fast track). */
  decided_by?: Person
  date: IsoDate
  rationale: string
  /** Required when `chosen` is not the top-scored option. */
  override_rationale?: string
  /** "In the context of …, facing …, we decided for … and neglected …, to achieve …, accepting …." */
  y_statement: string
}

export interface Commitment {
  participant: Person
  stance: 'agree' | 'disagree-and-commit' | 'stand-aside'
  /** Dissent in the participant's own words. */
  dissent?: string
}

// ── The log ─────────────────────────────────────────────────────────────────────────────────────────

export interface GatePass {
  gate: GateId
  date: IsoDate
  /** How many times the exit rule was checked before it passed (1 = first try). */
  attempts: number
  /** True when the gate was closed because its timebox ran out. */
  timeboxed: boolean
  /** Set when this pass was reached by a loop-back or escalation from another gate. */
  from?: GateId
  note?: string
}

/**
 * THE CONTRACT between the gates (which write records) and `adr lint` (which checks them): every
 * record saved — after every answer — passes `lintDebateRecord` for its stage. Hence:
 * - a gate's drafts live in `in_progress.answers` until they are complete; an item written to a list
 *   (a crux, a risk, the decision) has all its required fields and no empty strings;
 * - whenever `scoring.entries` change while G5's pass stands (a rescore in G6), `results` is
 *   recomputed (`computeResults`) in the same save.
 */
export interface DebateRecord {
  schema_version: typeof DEBATE_SCHEMA_VERSION
  /** The ADR's file name in the ADR directory (`0012-primary-datastore.md`). */
  adr: string
  /** G1: the product question; ends in `?`, 15–240 characters, names no option. */
  question?: string
  context?: string
  out_of_scope?: string[]
  /** Set at G2: `fast` ⇔ the door is two-way. */
  track?: Track
  /** `start --fast`: the starter expects a two-way door, so Gates 1 and 2 take compact answers (kept so `answer` and `resume` do the same). */
  expected_track?: 'fast'
  timebox: Timebox
  roles: Roles
  reversibility?: Reversibility
  drivers?: Driver[]
  weights?: Weights
  /** sha256 (hex) of the canonical JSON of `drivers` (see drivers-lock.ts). */
  drivers_lock?: string
  null_option?: NullOption
  options?: Option[]
  scoring?: Scoring
  results?: Results
  cruxes?: Crux[]
  premortem?: Risk[]
  objections?: Objection[]
  decision?: Decision
  commitments?: Commitment[]
  consequences?: Consequences
  confirmation?: ConfirmationCheck[]
  revisit?: Revisit
  /** Each gate pass, in order. A gate has passed when it appears here. */
  gate_log: GatePass[]
  /** The gate being answered now and the answers given in it so far (absent once G8 has passed). */
  in_progress?: GateProgress
}

/** An answer as stored while its gate is in progress: text, a number, yes/no or a list. */
export type StoredAnswer = string | number | boolean | string[]

/**
 * The gate in progress, saved after every answer so an interrupted session resumes at the same
 * question. Blind answers wait here until every participant has given theirs.
 */
export interface GateProgress {
  gate: GateId
  /** The gate that looped back or escalated here, if any. */
  from?: GateId
  /** Why it looped back (`C1 exposed a missing driver`). */
  reason?: string
  /** How many times the exit rule failed in this visit. */
  failed: number
  /** Answers by answers-file key (`drivers.0.name`, `scores.alice.postgres.D1.score`). */
  answers: Record<string, StoredAnswer>
}

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
