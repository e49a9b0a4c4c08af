/** G6 Crux, in the debate record's schema: the fact that would move a divergent score, and how it is settled. */

import {type Static, Type} from '@sinclair/typebox'
import {arr, en, obj, ref, requiredWhen, s} from './builders.js'
import {cell, cruxId, date, person, triggerId} from './common.js'

export const crux = obj(
  'G6: the one observable fact that would move a score by 2 or more.',
  {
    id: ref('cruxId', cruxId),
    cells: arr(
      'The divergent cells this crux explains; empty for a crux on the weights (no cell diverges, but the winner depends on the weight set).',
      ref('cell', cell),
    ),
    owner: ref('person', person, 'The participant whose mind the fact would change.'),
    fact: s('Phrased so a document, a test or a measurement settles it.'),
    genuine: Type.Boolean({description: 'Would the owner genuinely change their mind?'}),
    deeper_belief: s('When not genuine: the deeper belief that would.'),
    settle: en(['lookup', 'experiment', 'defer'], 'lookup, an experiment owned by the sceptic, or defer as a revisit trigger.'),
    owner_of_experiment: ref('person', person, 'The sceptic who runs the experiment.'),
    due: ref('date', date, 'When the lookup or experiment is due (by timebox.decide_by).'),
    resolution: en(['evidence', 'uncertainty'], 'Settled with evidence, or accepted as uncertainty watched by a trigger.'),
    finding: s('What the lookup or experiment found.'),
    resolved_on: ref('date', date),
    trigger: ref('triggerId', triggerId, 'The revisit trigger watching an accepted uncertainty.'),
  },
  ['id', 'cells', 'owner', 'fact', 'genuine', 'settle'],
  {
    allOf: requiredWhen([
      ['settle', 'experiment', ['owner_of_experiment', 'due']],
      ['genuine', false, ['deeper_belief']],
      ['resolution', 'evidence', ['finding']],
      ['resolution', 'uncertainty', ['trigger']],
    ]),
  },
)
export type Crux = Static<typeof crux>

export const cruxes = arr('G6: one crux per divergent cell (or group of cells).', ref('crux', crux))
