// biome-ignore-all lint/suspicious/noThenProperty: `then` is a JSON Schema keyword here, not a thenable
/** G7 Pre-mortem, in the debate record's schema: the stories, the consequences, the confirmation checks and the revisit. */
import {type Static, Type} from '@sinclair/typebox'
import {arr, en, obj, ref, s} from './builders.js'
import {checkId, date, level, optionId, person, riskId, triggerId} from './common.js'

export const risk = obj(
  'G7: one participant’s blind pre-mortem story about the leading option.',
  {
    id: ref('riskId', riskId),
    participant: ref('person', person),
    option: ref('optionId', optionId, 'The option the story is about (the leading option).'),
    story: s('It is the revisit date and the option hurt the product: what happened?'),
    likelihood: ref('level', level),
    impact: ref('level', level),
    response: en(['mitigate', 'monitor', 'accept', 'avoid'], 'high × high ⇒ mitigate or avoid.'),
    action: s('What will be done (mitigate) or watched (monitor).'),
    check: ref('checkId', checkId, 'The confirmation check watching this risk.'),
  },
  ['id', 'participant', 'option', 'story', 'likelihood', 'impact', 'response'],
  {
    if: {type: 'object', properties: {likelihood: {const: 'high'}, impact: {const: 'high'}}, required: ['likelihood', 'impact']},
    then: {type: 'object', properties: {response: en(['mitigate', 'avoid'])}},
  },
)
export type Risk = Static<typeof risk>
export const check = obj(
  'How the implementation will be confirmed.',
  {
    id: ref('checkId', checkId),
    name: s('A short name.'),
    kind: en(['automated', 'manual'], 'Prefer automated; at least one on the full track.'),
    check: s('How: a command, a test, a dashboard, a review.'),
  },
  ['id', 'name', 'kind', 'check'],
)
export type ConfirmationCheck = Static<typeof check>
export const trigger = obj(
  'An observable condition that reopens the decision before the revisit date.',
  {
    id: ref('triggerId', triggerId),
    condition: s('The condition.'),
    source: Type.String({pattern: '^[CR][1-9][0-9]*$', description: 'The crux (C…) or risk (R…) it comes from.'}),
  },
  ['id', 'condition'],
)
export type RevisitTrigger = Static<typeof trigger>
export const review = obj(
  'A revisit review held on an accepted decision.',
  {
    date: ref('date', date),
    by: ref('person', person),
    outcome: en(['keep', 'amend', 'supersede'], 'What the review concluded.'),
    note: s('Anything worth keeping.'),
  },
  ['date', 'by', 'outcome'],
)
export type RevisitReview = Static<typeof review>

export const premortem = arr('G7: the pre-mortem stories.', ref('risk', risk))
export const consequences = obj(
  'G7: what gets better and worse.',
  {
    good: arr('What gets better.', Type.String({minLength: 1})),
    bad: arr('What gets worse (at least one).', Type.String({minLength: 1}), {minItems: 1}),
    tradeoffs: arr('Trade-offs accepted.', Type.String({minLength: 1})),
  },
  ['good', 'bad'],
)
export type Consequences = Static<typeof consequences>
export const confirmation = arr('G7: how the implementation will be confirmed (at least one).', ref('check', check), {minItems: 1})
export const revisit = obj(
  'G7: when and on what the decision is reopened.',
  {
    date: ref('date', date, '≤ 3 months after the decision for a two-way door, ≤ 12 otherwise.'),
    triggers: arr('Conditions that reopen it earlier.', ref('trigger', trigger)),
    reviews: arr('Reviews held.', ref('review', review)),
  },
  ['date', 'triggers'],
)
export type Revisit = Static<typeof revisit>
