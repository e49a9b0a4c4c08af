/** G2 Door, in the debate record's schema: the blind reversibility nominations and the class and track they give. */
import {type Static, Type} from '@sinclair/typebox'
import {arr, en, obj, ref, s} from './builders.js'
import {doorClass, person} from './common.js'

export const nomination = obj(
  'G2: one participant’s blind reversibility estimate.',
  {
    participant: ref('person', person),
    weeks_to_reverse_3m: Type.Number({minimum: 0, description: 'Person-weeks to reverse the decision after 3 months.'}),
    weeks_to_reverse_12m: Type.Number({minimum: 0, description: 'Person-weeks to reverse the decision after 12 months.'}),
    needs_outside_team: Type.Boolean({description: 'Does reversing need anyone outside the team?'}),
    class: ref('doorClass', doorClass, 'The door class this participant nominates.'),
  },
  ['participant', 'weeks_to_reverse_3m', 'weeks_to_reverse_12m', 'needs_outside_team', 'class'],
)
export type Nomination = Static<typeof nomination>

export const track = en(['fast', 'full'], 'Set at G2: fast ⇔ the door is two-way.')
export const expectedTrack = Type.Literal('fast', {
  description: '`adr debate start --fast`: the starter expects a two-way door, so Gates 1 and 2 take compact answers.',
})
export const reversibility = obj(
  'G2: the door.',
  {
    nominations: arr('One blind nomination per participant.', ref('nomination', nomination)),
    class: ref('doorClass', doorClass, 'The most cautious nomination, unless the approver downgraded it with a rationale.'),
    downgrade_rationale: s('Why the approver chose a less cautious class than the most cautious nomination.'),
  },
  ['nominations'],
)
export type Reversibility = Static<typeof reversibility>
