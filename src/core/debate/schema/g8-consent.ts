// biome-ignore-all lint/suspicious/noThenProperty: `then` is a JSON Schema keyword here, not a thenable
/** G8 Consent & commit, in the debate record's schema: objections, the decision and the commitments. */
import {type Static, Type} from '@sinclair/typebox'
import {arr, en, obj, ref, requiredWhen, s} from './builders.js'
import {date, objectionId, optionId, person} from './common.js'

export const objection = obj(
  'G8: one answer to "can you live with this until the revisit?".',
  {
    id: ref('objectionId', objectionId),
    raiser: ref('person', person),
    kind: en(
      ['consent', 'concern', 'objection'],
      'An objection blocks (participants only) and must be "worse than acceptable"; a concern never blocks.',
    ),
    option: ref('optionId', optionId, 'The option objected to.'),
    harms: arr('Driver (D…) or risk (R…) ids harmed.', Type.String({pattern: '^[DR][1-9][0-9]*$'}), {minItems: 1}),
    statement: s('The product harm, in the raiser’s own words.'),
    summary: s('The facilitator’s summary.'),
    confirmed_by_raiser: Type.Boolean({description: 'The raiser confirmed the summary.'}),
    resolution: en(['integrated', 'overruled'], 'How the objection was closed; an open objection blocks G8.'),
    rationale: s('Why it was integrated or overruled.'),
    by: ref('person', person, 'Who integrated or overruled it; only the approver overrules.'),
  },
  ['id', 'raiser', 'kind'],
  {
    allOf: [
      ...requiredWhen([['kind', 'objection', ['harms']]]),
      {if: {type: 'object', required: ['resolution']}, then: {type: 'object', required: ['rationale', 'by']}},
    ],
  },
)
export type Objection = Static<typeof objection>
export const commitment = obj(
  'G8: a participant’s stance on the decision.',
  {
    participant: ref('person', person),
    stance: en(['agree', 'disagree-and-commit', 'stand-aside'], 'agree, disagree-and-commit or stand aside.'),
    dissent: s('Dissent in the participant’s own words.'),
  },
  ['participant', 'stance'],
)
export type Commitment = Static<typeof commitment>

export const objections = arr('G8: every consent, concern and objection.', ref('objection', objection))
export const decision = obj(
  'G8: the decision.',
  {
    chosen: ref('optionId', optionId, 'The chosen option; not knocked out.'),
    method: en(
      ['consent', 'approver', 'champion'],
      'consent (full track), the approver decided, or the champion decided (delegated fast track).',
    ),
    decided_by: ref('person', person),
    date: ref('date', date, 'The decision date.'),
    rationale: s('Why.'),
    override_rationale: s('Required when the chosen option is not the top-scored one.'),
    y_statement: s('In the context of …, facing …, we decided for … and neglected …, to achieve …, accepting ….'),
  },
  ['chosen', 'method', 'date', 'rationale', 'y_statement'],
)
export type Decision = Static<typeof decision>
export const commitments = arr('G8: one commitment per participant.', ref('commitment', commitment))
