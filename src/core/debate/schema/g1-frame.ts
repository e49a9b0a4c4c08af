/** G1 Frame, in the debate record's schema: the question, its context, the timebox and who takes part. */
import {type Static, Type} from '@sinclair/typebox'
import {arr, obj, ref, s} from './builders.js'
import {date, person} from './common.js'

export const participant = obj(
  'A participant: one of the people who disagree.',
  {
    name: ref('person', person, 'The participant’s name.'),
    initial_position: s('G1: the option this participant favours now, as they name it.'),
    success_picture: s('G1: what success looks like for users, in this participant’s words.'),
  },
  ['name'],
)
export type Participant = Static<typeof participant>

export const question = s('G1: the product question at stake; ends in `?`, 15–240 characters, names no option.', {
  minLength: 15,
  maxLength: 240,
  pattern: '\\?$',
})
export const context = s('G1: the situation that makes the question matter.')
export const outOfScope = arr('G1: what this decision does not settle.', Type.String({minLength: 1}))
export const timebox = obj(
  'G1: the debate’s dates.',
  {started: ref('date', date, 'When the debate started.'), decide_by: ref('date', date, 'The deadline; after `started`.')},
  ['started'],
)
export type Timebox = Static<typeof timebox>
export const roles = obj(
  'Who takes part (DACI).',
  {
    approver: ref('person', person, 'Exactly one; decides when the group cannot converge (MADR decision-makers).'),
    participants: arr('Two or more: the people who disagree.', ref('participant', participant), {minItems: 2}),
    facilitator: ref('person', person, 'Runs the session.'),
    facilitator_scores: Type.Boolean({description: 'True when the facilitator scores too.'}),
    consulted: arr('Consulted people (MADR); their concerns never block.', ref('person', person)),
    informed: arr('Informed people (MADR).', ref('person', person)),
  },
  ['approver', 'participants'],
)
export type Roles = Static<typeof roles>
