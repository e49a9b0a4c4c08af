/** G5 Blind score, in the debate record's schema: the entries, and the results the CLI computes from them (recomputed by `adr lint`). */
import {type Static, Type} from '@sinclair/typebox'
import {EVIDENCE_TYPES} from '../record.js'
import {arr, en, map, obj, ref, s} from './builders.js'
import {cruxId, driverId, level, optionId, person} from './common.js'

export const scoreEntry = obj(
  'G5: one participant’s blind score of one option against one driver.',
  {
    participant: ref('person', person),
    option: ref('optionId', optionId),
    driver: ref('driverId', driverId),
    score: Type.Integer({minimum: 1, maximum: 5, description: '1–5; 3 = meets the driver’s measure. After a rescore, the new score.'}),
    rationale: s('One sentence; the same rationale may be used at most 3 times.', {maxLength: 400}),
    evidence: en(EVIDENCE_TYPES, 'What the score rests on.'),
    confidence: ref('level', level, 'How sure the participant is.'),
    other_side: s('After reveal, on a divergent cell: the other side’s reason in this participant’s words.'),
    initial_score: Type.Integer({minimum: 1, maximum: 5, description: 'On a rescored entry: the score first revealed.'}),
    crux: ref('cruxId', cruxId, 'On a rescored entry: the crux that changed it.'),
  },
  // A score changed at the reveal names its crux only once G6 has passed (debate/crux-links checks it).
  ['participant', 'option', 'driver', 'score', 'rationale', 'evidence', 'confidence'],
)
export type ScoreEntry = Static<typeof scoreEntry>

export const scoring = obj(
  'G5: the blind scores.',
  {
    aggregate: en(['mean', 'median'], 'How a cell’s scores are aggregated (default mean).'),
    drivers_lock: Type.String({pattern: '^[0-9a-f]{64}$', description: '`drivers_lock` when the scores were given.'}),
    revealed: Type.Boolean({description: 'True once every participant scored and the scores were revealed together.'}),
    entries: arr('One entry per participant × option × driver.', ref('scoreEntry', scoreEntry)),
  },
  ['entries'],
)
export type Scoring = Static<typeof scoring>

export const cellResult = obj(
  'A computed cell.',
  {
    option: ref('optionId', optionId),
    driver: ref('driverId', driverId),
    aggregate: Type.Number({description: 'Mean or median of the current scores.'}),
    spread: Type.Number({minimum: 0, description: 'Highest minus lowest current score.'}),
  },
  ['option', 'driver', 'aggregate', 'spread'],
)
export type CellResult = Static<typeof cellResult>

const divergent = obj(
  'A divergent cell.',
  {
    option: ref('optionId', optionId),
    driver: ref('driverId', driverId),
    spread: Type.Number({minimum: 2, description: 'Highest minus lowest revealed score.'}),
  },
  ['option', 'driver', 'spread'],
)
const knockout = obj(
  'A knockout.',
  {
    option: ref('optionId', optionId),
    driver: ref('driverId', driverId),
    aggregate: Type.Number({description: 'The aggregate, below 3.'}),
  },
  ['option', 'driver', 'aggregate'],
)
export type Knockout = Static<typeof knockout>
const total = obj(
  'A total.',
  {
    option: ref('optionId', optionId),
    total: Type.Number({description: 'Σ weight/100 × aggregate, 3 decimals.'}),
    rank: Type.Integer({minimum: 1, description: '1 = winner; knocked-out options rank last.'}),
    knocked_out: Type.Boolean({description: 'Out on a knockout driver.'}),
  },
  ['option', 'total', 'rank', 'knocked_out'],
)
export type OptionTotal = Static<typeof total>
const tie = obj(
  'Options whose totals are equal under the agreed weights: named as a tie, ordered by the tie-break.',
  {
    options: arr('The tied options, in the order the tie-break ranks them.', ref('optionId', optionId), {minItems: 2}),
    total: Type.Number({description: 'Their total, 3 decimals.'}),
    rank: Type.Integer({minimum: 1, description: 'The rank the first of them takes (1: a tie for the win).'}),
    broken_by: en(['option-order'], 'The tie-break: the option listed first in `options` ranks first.'),
  },
  ['options', 'total', 'rank', 'broken_by'],
)
export type Tie = Static<typeof tie>
const flipPoint = obj(
  'A flip point.',
  {
    driver: ref('driverId', driverId),
    weight: Type.Number({description: 'The driver’s agreed weight.'}),
    option: ref('optionId', optionId, 'The option that wins past the threshold.'),
    direction: en(['above', 'below'], 'The option wins above or below the threshold.'),
    threshold: Type.Number({minimum: 0, maximum: 100, description: 'Percent, 1 decimal.'}),
    sentence: s('"MongoDB wins only if D2 is worth more than 42.3%".'),
  },
  ['driver', 'weight', 'option', 'direction', 'threshold', 'sentence'],
)
export type FlipPoint = Static<typeof flipPoint>

export const results = obj(
  'G5, computed: must equal a recomputation from the entries (adr lint checks).',
  {
    aggregate: en(['mean', 'median'], 'How cells were aggregated.'),
    cells: arr('Aggregates per option × driver, record order.', ref('cellResult', cellResult)),
    divergent: arr('Cells whose revealed scores differ by 2 or more.', divergent),
    knocked_out: arr('Options below 3 on a knockout driver.', knockout),
    totals: arr('Every option in rank order under the agreed weights.', total),
    ties: arr('Equal totals among the options in the running, each tie with its tie-break; absent when there is none.', tie, {minItems: 1}),
    winner: Type.Union([ref('optionId', optionId), Type.Null()], {description: 'The winner under the agreed weights.'}),
    winners_by_participant: map<string | null>({
      additionalProperties: {anyOf: [ref('optionId', optionId), Type.Null()]},
      description: 'The winner under each participant’s own blind weights.',
    }),
    stable: Type.Boolean({description: 'Every weight set names the same winner.'}),
    flip_points: arr(
      'Per driver, the nearest weights at which the winner changes; none while the winner ties (any change of weights decides a tie).',
      flipPoint,
    ),
  },
  ['aggregate', 'cells', 'divergent', 'knocked_out', 'totals', 'winner', 'winners_by_participant', 'stable', 'flip_points'],
)
export type Results = Static<typeof results>
