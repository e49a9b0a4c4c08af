/** G3 Drivers, in the debate record's schema: the drivers, their lock and (full track) their weights. */
import {type Static, Type} from '@sinclair/typebox'
import {DRIVER_CATEGORIES} from '../record.js'
import {arr, en, map, obj, ref, requiredWhen, s} from './builders.js'
import {driverId, person, weightSet} from './common.js'

export const driver = obj(
  'G3: what the product must achieve for the decision to be good.',
  {
    id: ref('driverId', driverId),
    name: s('A short name; names no option.', {maxLength: 120}),
    description: s('What the product must achieve.'),
    hurt: s('Who is hurt if it is missed.'),
    category: en(DRIVER_CATEGORIES, 'An ISO/IEC 25010 characteristic, or business / constraint / team.'),
    scenario: s('A testable quality-attribute scenario.'),
    measure: s('The measure that says whether the scenario is met; required for a knockout.'),
    qualitative_reason: s('Why the driver can only be judged qualitatively; on the full track a driver has a measure or this.'),
    knockout: Type.Boolean({description: 'An option whose aggregate on a knockout driver is below 3 is out, whatever its total.'}),
  },
  ['id', 'name', 'category', 'knockout'],
  {allOf: requiredWhen([['knockout', true, ['measure']]])},
)
export type Driver = Static<typeof driver>

export const drivers = arr('G3: 1–7 drivers (at least 2 on the full track).', ref('driver', driver), {minItems: 1, maxItems: 7})
export const weights = obj(
  'G3 (full track): the weights of the drivers.',
  {
    proposed: map<Static<typeof weightSet>>({
      additionalProperties: ref('weightSet', weightSet),
      description: 'Each participant’s blind split of 100 points, by name.',
    }),
    agreed: ref('weightSet', weightSet, 'The agreed split of 100 points.'),
    agreed_by: arr('Who agreed to the agreed weights.', ref('person', person), {minItems: 1}),
    agreed_from: en(
      ['rounded-mean'],
      'Set when nobody stated the agreed weights: the protocol computed them as the rounded mean of the splits (and `agreed_by` is absent).',
    ),
    spread_explanations: map<string>({
      propertyNames: {pattern: '^D[1-9][0-9]*$'},
      additionalProperties: Type.String({minLength: 1}),
      description: 'Product evidence for each driver whose proposed weights spread by 15 points or more.',
    }),
  },
  ['proposed'],
)
export type Weights = Static<typeof weights>
export const driversLock = Type.String({
  pattern: '^[0-9a-f]{64}$',
  description: 'sha256 (hex) of the canonical JSON of `drivers` (keys sorted recursively, no whitespace).',
})
