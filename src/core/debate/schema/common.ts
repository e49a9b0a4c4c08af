/** The parts of the debate record every gate refers to: dates, people, ids, levels, weight sets and cells. */
import {type Static, Type} from '@sinclair/typebox'
import {DOOR_CLASSES, GATES} from '../record.js'
import {en, id, map, obj, ref, s} from './builders.js'

export const LEVELS = ['low', 'medium', 'high'] as const

export const date = Type.String({pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', description: 'A date, YYYY-MM-DD.'})
export const person = s('A person, by the name used in `roles` (e.g. `alice`).', {maxLength: 100})
export const driverId = id('D', 'Driver')
export const optionId = Type.String({
  pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
  maxLength: 64,
  description: 'An option slug: lowercase letters, digits and single hyphens (`postgresql`, `do-nothing`).',
})
export const cruxId = id('C', 'Crux')
export const riskId = id('R', 'Pre-mortem risk')
export const objectionId = id('O', 'Objection')
export const checkId = id('F', 'Confirmation check')
export const triggerId = id('T', 'Revisit trigger')
export const gate = en(GATES, 'A Logic Gate, G1 Frame … G8 Consent & commit.')
export const doorClass = en(DOOR_CLASSES, 'How hard the decision is to reverse, from the least to the most cautious.')
export const level = en(LEVELS, 'low, medium or high.')
export const weightSet = map<number>({
  description: 'Points per driver id, 0–100 each; a set covers exactly the drivers and sums to 100 (checked by the code rules).',
  propertyNames: {pattern: '^D[1-9][0-9]*$'},
  additionalProperties: Type.Number({minimum: 0, maximum: 100}),
})
/** Points per driver id, summing to 100: `{D1: 40, D2: 35, D3: 25}`. */
export type WeightSet = Static<typeof weightSet>
export const cell = obj(
  'One cell of the matrix: an option scored against a driver.',
  {option: ref('optionId', optionId), driver: ref('driverId', driverId)},
  ['option', 'driver'],
)
export type CellRef = Static<typeof cell>
