/**
 * The debate record's shape, written once: a JSON Schema (2020-12) built with TypeBox, from which
 * `record.ts` derives every TypeScript type of the record (ADR 0014). Each part is defined in
 * `schema/`, one module per gate (`schema/g1-frame.ts` … `schema/g8-consent.ts`), beside the shared
 * parts (`schema/common.ts`), the gate log (`schema/progress.ts`) and the stages (`schema/stages.ts`);
 * this module assembles them. It is the source of `schemas/debate.schema.json` (a test fails when the
 * two differ; regenerate the file with `UPDATE_DEBATE_SCHEMA=1 npx vitest run
 * test/core/debate-schema.test.ts`), and the debate commands validate every record they load against
 * it. Kept in TypeScript so the pure core compiles it without reading a file.
 */
import {Type} from '@sinclair/typebox'
import {DEBATE_SCHEMA_VERSION} from './record.js'
import {type Json, obj, ref} from './schema/builders.js'
import * as common from './schema/common.js'
import * as g1 from './schema/g1-frame.js'
import * as g2 from './schema/g2-door.js'
import * as g3 from './schema/g3-drivers.js'
import * as g4 from './schema/g4-options.js'
import * as g5 from './schema/g5-score.js'
import * as g6 from './schema/g6-crux.js'
import * as g7 from './schema/g7-premortem.js'
import * as g8 from './schema/g8-consent.js'
import * as progress from './schema/progress.js'
import {SCHEMA_STAGES} from './schema/stages.js'

export {SCHEMA_STAGES, type SchemaStage} from './schema/stages.js'

/** The definitions, by name (`#/$defs/<name>`); `record.ts` derives its types from them. */
export const $defs = {
  date: common.date,
  person: common.person,
  driverId: common.driverId,
  optionId: common.optionId,
  cruxId: common.cruxId,
  riskId: common.riskId,
  objectionId: common.objectionId,
  checkId: common.checkId,
  triggerId: common.triggerId,
  gate: common.gate,
  doorClass: common.doorClass,
  level: common.level,
  weightSet: common.weightSet,
  cell: common.cell,
  participant: g1.participant,
  nomination: g2.nomination,
  driver: g3.driver,
  steelman: g4.steelman,
  option: g4.option,
  scoreEntry: g5.scoreEntry,
  crux: g6.crux,
  risk: g7.risk,
  check: g7.check,
  trigger: g7.trigger,
  review: g7.review,
  objection: g8.objection,
  commitment: g8.commitment,
  gatePass: progress.gatePass,
  cellResult: g5.cellResult,
  results: g5.results,
}

// ── The record: its top-level keys, in the order a record is written ────────────────────────────────

const properties = {
  $schema: Type.String({description: 'Optional pointer to this schema, for editors.'}),
  schema_version: Type.Literal(DEBATE_SCHEMA_VERSION, {description: 'The version of this record format.'}),
  adr: Type.String({
    pattern: '^[^/\\\\]+\\.md$',
    description: 'The ADR’s file name in the ADR directory (`0012-primary-datastore.md`).',
  }),
  question: g1.question,
  context: g1.context,
  out_of_scope: g1.outOfScope,
  track: g2.track,
  expected_track: g2.expectedTrack,
  timebox: g1.timebox,
  roles: g1.roles,
  reversibility: g2.reversibility,
  drivers: g3.drivers,
  weights: g3.weights,
  drivers_lock: g3.driversLock,
  null_option: g4.nullOption,
  options: g4.options,
  scoring: g5.scoring,
  results: ref('results', g5.results),
  cruxes: g6.cruxes,
  premortem: g7.premortem,
  objections: g8.objections,
  decision: g8.decision,
  commitments: g8.commitments,
  consequences: g7.consequences,
  confirmation: g7.confirmation,
  revisit: g7.revisit,
  in_progress: progress.inProgress,
  gate_log: progress.gateLog,
}

const DESCRIPTION =
  'The full record of one Logic Gates debate (docs/adr/debates/NNNN-slug.yaml). An unfinished debate holds the gates passed so far (gate_log) and the answers of the gate in progress; each gate’s keys are required once it has passed. Code rules (adr lint, rule ids debate/…) check what JSON Schema cannot.'

/** The record itself: its type is `DebateRecord` (record.ts). */
export const RECORD = obj(DESCRIPTION, properties, ['schema_version', 'adr', 'timebox', 'roles', 'gate_log'])

/**
 * The schema with every key a subschema requires also declared in its `properties` (as `true`, which
 * changes nothing it accepts), as ajv's strict mode asks: a stage's `then` requires keys the record's
 * own `properties` define, and strict mode looks for them beside the `required`.
 */
function declareRequired(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(declareRequired)
  if (!schema || typeof schema !== 'object') return schema
  const out: Json = {}
  for (const [key, value] of Object.entries(schema)) {
    out[key] = key === 'properties' || key === '$defs' ? mapValues(value, declareRequired) : declareRequired(value)
  }
  if (Array.isArray(out.required) && out.additionalProperties === undefined) {
    const properties: Json = {...((out.properties as Json | undefined) ?? {})}
    for (const key of out.required) if (typeof key === 'string' && !(key in properties)) properties[key] = true
    out.properties = properties
  }
  return out
}

function mapValues(value: unknown, f: (v: unknown) => unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, f(v)]))
}

/** The record's JSON Schema as written to `schemas/debate.schema.json`: the record, its stages and its definitions (plain JSON, without TypeBox's symbols). */
export const DEBATE_SCHEMA = declareRequired(
  JSON.parse(
    JSON.stringify({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://raw.githubusercontent.com/adrgate/adrgate/main/schemas/debate.schema.json',
      title: 'adrgate debate record',
      description: DESCRIPTION,
      type: 'object',
      properties: RECORD.properties,
      required: RECORD.required,
      additionalProperties: false,
      allOf: SCHEMA_STAGES.map((s) => s.schema),
      $defs,
    }),
  ),
) as Json
