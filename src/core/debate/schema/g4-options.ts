/** G4 Options & steelman, in the debate record's schema. */
import {type Static, Type} from '@sinclair/typebox'
import {arr, obj, ref, s} from './builders.js'
import {driverId, optionId, person} from './common.js'

export const steelman = obj(
  'G4: the strongest case for an option, by a participant who does not champion it.',
  {
    author: ref('person', person, 'A non-champion participant.'),
    argument: s('The case, citing at least two drivers.'),
    drivers: arr('The drivers the argument cites (at least two).', ref('driverId', driverId), {minItems: 2, uniqueItems: true}),
    acknowledged: Type.Boolean({description: 'The champion said "yes, that is my argument".'}),
    attempts: Type.Integer({minimum: 1, description: 'Attempts so far (1 = first).'}),
    missing_points: s('After 3 rejected attempts: what the champion says is missing.'),
  },
  ['author', 'argument', 'drivers', 'acknowledged', 'attempts'],
)
export type Steelman = Static<typeof steelman>
export const option = obj(
  'G4: one option (2–6 on the full track, do-nothing and hybrids included).',
  {
    id: ref('optionId', optionId),
    title: s('The option’s name as people say it (`PostgreSQL`).', {maxLength: 120}),
    aliases: arr('Other names (`Postgres`, `PG`), for the naming lints.', Type.String({minLength: 1}), {uniqueItems: true}),
    champion: ref('person', person, 'The participant who favours it, if any.'),
    description: s('What choosing it means.'),
    is_null: Type.Boolean({description: 'The do-nothing option.'}),
    is_hybrid: Type.Boolean({description: 'Combines other options.'}),
    steelman: arr('Steelmen of this option.', ref('steelman', steelman)),
  },
  ['id', 'title', 'aliases'],
)
export type Option = Static<typeof option>

export const nullOption = obj(
  'G4: the do-nothing option.',
  {
    option: ref('optionId', optionId, 'The do-nothing option among `options`.'),
    considered: s('Fast track: why doing nothing was considered and not listed.'),
  },
  [],
  {minProperties: 1},
)
export type NullOption = Static<typeof nullOption>
export const options = arr('G4: 2–6 options.', ref('option', option), {minItems: 1, maxItems: 6})
