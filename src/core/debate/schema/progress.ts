/** The debate's progress, in the record's schema: the gate log and the gate in progress (the resume point). */
import {type Static, Type} from '@sinclair/typebox'
import {arr, map, obj, ref, s} from './builders.js'
import {date, gate} from './common.js'

export const gatePass = obj(
  'One pass of a gate.',
  {
    gate: ref('gate', gate),
    date: ref('date', date),
    attempts: Type.Integer({minimum: 1, description: 'How many times the exit rule was checked (1 = passed at once).'}),
    timeboxed: Type.Boolean({description: 'Closed because the gate’s timebox ran out.'}),
    from: ref('gate', gate, 'Set when this pass was reached by a loop-back or escalation from that gate.'),
    note: s('Why, for a loop-back or an escalation.'),
  },
  ['gate', 'date', 'attempts', 'timeboxed'],
)

export const inProgress = obj(
  'The gate being answered now and its answers so far (the resume point); absent between gates.',
  {
    gate: ref('gate', gate),
    from: ref('gate', gate, 'The gate that looped back or escalated here, if any.'),
    reason: s('Why it looped back or escalated.'),
    failed: Type.Integer({minimum: 0, description: 'How many times the gate’s exit rule failed so far.'}),
    answers: map<string | number | boolean | string[]>({
      description: 'Answers by answers-file key; blind answers are shown only once all are in.',
      additionalProperties: {anyOf: [Type.String(), Type.Number(), Type.Boolean(), Type.Array(Type.String())]},
    }),
  },
  ['gate', 'failed', 'answers'],
)
export const gateLog = arr('Each gate pass, in order; a gate has passed when it appears here.', ref('gatePass', gatePass))

export type GatePass = Static<typeof gatePass>
