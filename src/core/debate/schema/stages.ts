// biome-ignore-all lint/suspicious/noThenProperty: `then` is a JSON Schema keyword here, not a thenable
/**
 * The record's stages: `gate_log` says which gates passed; each entry of the schema's top-level
 * `allOf` requires a gate's keys once it has (and while it is not being redone).
 */
import {GATES} from '../record.js'
import type {Json} from './builders.js'

export interface SchemaStage {
  gate: string
  fullTrackOnly: boolean
  schema: Json
}

const passed = (gate: string): Json => ({
  type: 'object',
  properties: {gate_log: {type: 'array', contains: {type: 'object', properties: {gate: {const: gate}}, required: ['gate']}}},
  required: ['gate_log'],
})
const full = {type: 'object', properties: {track: {const: 'full'}}, required: ['track']}

/** Not being redone: `in_progress` is absent or at a later gate (a loop-back or an escalation to `gate` or before redoes it; see `passStands`). */
const stands = (gate: string): Json => ({
  not: {
    type: 'object',
    properties: {
      in_progress: {type: 'object', properties: {gate: {enum: GATES.slice(0, GATES.indexOf(gate as never) + 1)}}, required: ['gate']},
    },
    required: ['in_progress'],
  },
})

const stage = (gate: string, then: Json, extra?: Json): SchemaStage => ({
  gate,
  fullTrackOnly: extra !== undefined,
  schema: {if: {type: 'object', allOf: [passed(gate), stands(gate), ...(extra ? [extra] : [])]}, then},
})

/** The keys each gate requires once it has passed, in the order of the schema's top-level `allOf`. */
export const SCHEMA_STAGES: readonly SchemaStage[] = [
  stage('G1', {
    type: 'object',
    required: ['question'],
    properties: {
      timebox: {type: 'object', required: ['decide_by']},
      roles: {
        type: 'object',
        properties: {participants: {type: 'array', items: {type: 'object', required: ['initial_position', 'success_picture']}}},
      },
    },
  }),
  stage('G2', {type: 'object', required: ['reversibility', 'track'], properties: {reversibility: {type: 'object', required: ['class']}}}),
  stage('G3', {type: 'object', required: ['drivers', 'drivers_lock']}),
  stage(
    'G3',
    {
      type: 'object',
      required: ['weights'],
      properties: {
        // the full track's drivers are testable: a measure, or why only qualitative (G3-lite may skip both)
        drivers: {
          type: 'array',
          minItems: 2,
          items: {
            anyOf: [
              {type: 'object', required: ['measure']},
              {type: 'object', required: ['qualitative_reason']},
            ],
          },
        },
        weights: {type: 'object', required: ['agreed'], anyOf: [{required: ['agreed_by']}, {required: ['agreed_from']}]},
      },
    },
    full,
  ),
  stage('G4', {type: 'object', required: ['options', 'null_option'], properties: {options: {type: 'array', minItems: 2}}}),
  stage('G4', {type: 'object', properties: {null_option: {type: 'object', required: ['option']}}}, full),
  stage('G5', {type: 'object', required: ['scoring', 'results'], properties: {scoring: {type: 'object', required: ['drivers_lock']}}}),
  stage('G6', {type: 'object', required: ['cruxes']}),
  stage('G7', {type: 'object', required: ['premortem', 'consequences', 'confirmation', 'revisit']}),
  stage('G8', {type: 'object', required: ['decision', 'commitments', 'confirmation', 'revisit']}),
  stage('G8', {type: 'object', required: ['objections']}, full),
]
