// biome-ignore-all lint/suspicious/noThenProperty: `then` is a JSON Schema keyword here, not a thenable
/**
 * The JSON Schema (2020-12) of the debate record, as data: the source of `schemas/debate.schema.json`
 * (a test fails when the two differ; regenerate the file with
 * `UPDATE_DEBATE_SCHEMA=1 npx vitest run test/core/debate-schema.test.ts`). Kept in TypeScript so the
 * pure core can compile it without reading a file.
 *
 * Stages: `gate_log` says which gates passed; each `allOf` entry requires a gate's keys once it has.
 */
import {DEBATE_SCHEMA_VERSION, DOOR_CLASSES, DRIVER_CATEGORIES, EVIDENCE_TYPES, GATES} from './record.js'

type Json = Record<string, unknown>

const s = (description: string, extra: Json = {}): Json => ({description, type: 'string', minLength: 1, ...extra})
const ref = (name: string, description?: string): Json => ({$ref: `#/$defs/${name}`, ...(description ? {description} : {})})
const arr = (description: string, items: Json, extra: Json = {}): Json => ({description, type: 'array', items, ...extra})
const obj = (description: string, properties: Record<string, Json>, required: string[] = [], extra: Json = {}): Json => ({
  description,
  type: 'object',
  properties,
  required,
  additionalProperties: false,
  ...extra,
})
const id = (letter: string, what: string): Json => ({
  type: 'string',
  pattern: `^${letter}[1-9][0-9]*$`,
  description: `${what} id: ${letter}1, ${letter}2…`,
})
const passed = (gate: string): Json => ({
  type: 'object',
  properties: {gate_log: {type: 'array', contains: {type: 'object', properties: {gate: {const: gate}}, required: ['gate']}}},
  required: ['gate_log'],
})
const full = {type: 'object', properties: {track: {const: 'full'}}, required: ['track']}
const level = {enum: ['low', 'medium', 'high']}

const $defs: Record<string, Json> = {
  date: {type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', description: 'A date, YYYY-MM-DD.'},
  person: s('A person, by the name used in `roles` (e.g. `alice`).', {maxLength: 100}),
  driverId: id('D', 'Driver'),
  optionId: {
    type: 'string',
    pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
    maxLength: 64,
    description: 'An option slug: lowercase letters, digits and single hyphens (`postgresql`, `do-nothing`).',
  },
  cruxId: id('C', 'Crux'),
  riskId: id('R', 'Pre-mortem risk'),
  objectionId: id('O', 'Objection'),
  checkId: id('F', 'Confirmation check'),
  triggerId: id('T', 'Revisit trigger'),
  gate: {enum: [...GATES], description: 'A Logic Gate, G1 Frame … G8 Consent & commit.'},
  doorClass: {
    enum: [...DOOR_CLASSES],
    description: 'How hard the decision is to reverse, from the least to the most cautious.',
  },
  level: {...level, description: 'low, medium or high.'},
  weightSet: {
    type: 'object',
    description: 'Points per driver id, 0–100 each; a set covers exactly the drivers and sums to 100 (checked by the code rules).',
    propertyNames: {pattern: '^D[1-9][0-9]*$'},
    additionalProperties: {type: 'number', minimum: 0, maximum: 100},
  },
  cell: obj('One cell of the matrix: an option scored against a driver.', {option: ref('optionId'), driver: ref('driverId')}, [
    'option',
    'driver',
  ]),
  participant: obj(
    'A participant: one of the people who disagree.',
    {
      name: ref('person', 'The participant’s name.'),
      initial_position: s('G1: the option this participant favours now, as they name it.'),
      success_picture: s('G1: what success looks like for users, in this participant’s words.'),
    },
    ['name'],
  ),
  nomination: obj(
    'G2: one participant’s blind reversibility estimate.',
    {
      participant: ref('person'),
      weeks_to_reverse_3m: {type: 'number', minimum: 0, description: 'Person-weeks to reverse the decision after 3 months.'},
      weeks_to_reverse_12m: {type: 'number', minimum: 0, description: 'Person-weeks to reverse the decision after 12 months.'},
      needs_outside_team: {type: 'boolean', description: 'Does reversing need anyone outside the team?'},
      class: ref('doorClass', 'The door class this participant nominates.'),
    },
    ['participant', 'weeks_to_reverse_3m', 'weeks_to_reverse_12m', 'needs_outside_team', 'class'],
  ),
  driver: obj(
    'G3: what the product must achieve for the decision to be good.',
    {
      id: ref('driverId'),
      name: s('A short name; names no option.', {maxLength: 120}),
      description: s('What the product must achieve.'),
      hurt: s('Who is hurt if it is missed.'),
      category: {
        enum: [...DRIVER_CATEGORIES],
        description: 'An ISO/IEC 25010 characteristic, or business / constraint / team.',
      },
      scenario: s('A testable quality-attribute scenario.'),
      measure: s('The measure that says whether the scenario is met; required for a knockout.'),
      qualitative_reason: s('Why the driver can only be judged qualitatively; on the full track a driver has a measure or this.'),
      knockout: {type: 'boolean', description: 'An option whose aggregate on a knockout driver is below 3 is out, whatever its total.'},
    },
    ['id', 'name', 'category', 'knockout'],
    {
      allOf: [
        {
          if: {type: 'object', properties: {knockout: {const: true}}, required: ['knockout']},
          then: {type: 'object', required: ['measure']},
        },
      ],
    },
  ),
  steelman: obj(
    'G4: the strongest case for an option, by a participant who does not champion it.',
    {
      author: ref('person', 'A non-champion participant.'),
      argument: s('The case, citing at least two drivers.'),
      drivers: arr('The drivers the argument cites (at least two).', ref('driverId'), {minItems: 2, uniqueItems: true}),
      acknowledged: {type: 'boolean', description: 'The champion said "yes, that is my argument".'},
      attempts: {type: 'integer', minimum: 1, description: 'Attempts so far (1 = first).'},
      missing_points: s('After 3 rejected attempts: what the champion says is missing.'),
    },
    ['author', 'argument', 'drivers', 'acknowledged', 'attempts'],
  ),
  option: obj(
    'G4: one option (2–6 on the full track, do-nothing and hybrids included).',
    {
      id: ref('optionId'),
      title: s('The option’s name as people say it (`PostgreSQL`).', {maxLength: 120}),
      aliases: arr('Other names (`Postgres`, `PG`), for the naming lints.', {type: 'string', minLength: 1}, {uniqueItems: true}),
      champion: ref('person', 'The participant who favours it, if any.'),
      description: s('What choosing it means.'),
      is_null: {type: 'boolean', description: 'The do-nothing option.'},
      is_hybrid: {type: 'boolean', description: 'Combines other options.'},
      steelman: arr('Steelmen of this option.', ref('steelman')),
    },
    ['id', 'title', 'aliases'],
  ),
  scoreEntry: obj(
    'G5: one participant’s blind score of one option against one driver.',
    {
      participant: ref('person'),
      option: ref('optionId'),
      driver: ref('driverId'),
      score: {type: 'integer', minimum: 1, maximum: 5, description: '1–5; 3 = meets the driver’s measure. After a rescore, the new score.'},
      rationale: s('One sentence; the same rationale may be used at most 3 times.', {maxLength: 400}),
      evidence: {enum: [...EVIDENCE_TYPES], description: 'What the score rests on.'},
      confidence: ref('level', 'How sure the participant is.'),
      other_side: s('After reveal, on a divergent cell: the other side’s reason in this participant’s words.'),
      initial_score: {type: 'integer', minimum: 1, maximum: 5, description: 'On a rescored entry: the score first revealed.'},
      crux: ref('cruxId', 'On a rescored entry: the crux that changed it.'),
    },
    // A score changed at the reveal names its crux only once G6 has passed (debate/crux-links checks it).
    ['participant', 'option', 'driver', 'score', 'rationale', 'evidence', 'confidence'],
  ),
  crux: obj(
    'G6: the one observable fact that would move a score by 2 or more.',
    {
      id: ref('cruxId'),
      cells: arr(
        'The divergent cells this crux explains; empty for a crux on the weights (no cell diverges, but the winner depends on the weight set).',
        ref('cell'),
      ),
      owner: ref('person', 'The participant whose mind the fact would change.'),
      fact: s('Phrased so a document, a test or a measurement settles it.'),
      genuine: {type: 'boolean', description: 'Would the owner genuinely change their mind?'},
      deeper_belief: s('When not genuine: the deeper belief that would.'),
      settle: {
        enum: ['lookup', 'experiment', 'defer'],
        description: 'lookup, an experiment owned by the sceptic, or defer as a revisit trigger.',
      },
      owner_of_experiment: ref('person', 'The sceptic who runs the experiment.'),
      due: ref('date', 'When the lookup or experiment is due (by timebox.decide_by).'),
      resolution: {
        enum: ['evidence', 'uncertainty'],
        description: 'Settled with evidence, or accepted as uncertainty watched by a trigger.',
      },
      finding: s('What the lookup or experiment found.'),
      resolved_on: ref('date'),
      trigger: ref('triggerId', 'The revisit trigger watching an accepted uncertainty.'),
    },
    ['id', 'cells', 'owner', 'fact', 'genuine', 'settle'],
    {
      allOf: [
        {
          if: {type: 'object', properties: {settle: {const: 'experiment'}}, required: ['settle']},
          then: {type: 'object', required: ['owner_of_experiment', 'due']},
        },
        {
          if: {type: 'object', properties: {genuine: {const: false}}, required: ['genuine']},
          then: {type: 'object', required: ['deeper_belief']},
        },
        {
          if: {type: 'object', properties: {resolution: {const: 'evidence'}}, required: ['resolution']},
          then: {type: 'object', required: ['finding']},
        },
        {
          if: {type: 'object', properties: {resolution: {const: 'uncertainty'}}, required: ['resolution']},
          then: {type: 'object', required: ['trigger']},
        },
      ],
    },
  ),
  risk: obj(
    'G7: one participant’s blind pre-mortem story about the leading option.',
    {
      id: ref('riskId'),
      participant: ref('person'),
      option: ref('optionId', 'The option the story is about (the leading option).'),
      story: s('It is the revisit date and the option hurt the product: what happened?'),
      likelihood: ref('level'),
      impact: ref('level'),
      response: {enum: ['mitigate', 'monitor', 'accept', 'avoid'], description: 'high × high ⇒ mitigate or avoid.'},
      action: s('What will be done (mitigate) or watched (monitor).'),
      check: ref('checkId', 'The confirmation check watching this risk.'),
    },
    ['id', 'participant', 'option', 'story', 'likelihood', 'impact', 'response'],
    {
      if: {type: 'object', properties: {likelihood: {const: 'high'}, impact: {const: 'high'}}, required: ['likelihood', 'impact']},
      then: {type: 'object', properties: {response: {enum: ['mitigate', 'avoid']}}},
    },
  ),
  check: obj(
    'How the implementation will be confirmed.',
    {
      id: ref('checkId'),
      name: s('A short name.'),
      kind: {enum: ['automated', 'manual'], description: 'Prefer automated; at least one on the full track.'},
      check: s('How: a command, a test, a dashboard, a review.'),
    },
    ['id', 'name', 'kind', 'check'],
  ),
  trigger: obj(
    'An observable condition that reopens the decision before the revisit date.',
    {
      id: ref('triggerId'),
      condition: s('The condition.'),
      source: {type: 'string', pattern: '^[CR][1-9][0-9]*$', description: 'The crux (C…) or risk (R…) it comes from.'},
    },
    ['id', 'condition'],
  ),
  review: obj(
    'A revisit review held on an accepted decision.',
    {
      date: ref('date'),
      by: ref('person'),
      outcome: {enum: ['keep', 'amend', 'supersede'], description: 'What the review concluded.'},
      note: s('Anything worth keeping.'),
    },
    ['date', 'by', 'outcome'],
  ),
  objection: obj(
    'G8: one answer to "can you live with this until the revisit?".',
    {
      id: ref('objectionId'),
      raiser: ref('person'),
      kind: {
        enum: ['consent', 'concern', 'objection'],
        description: 'An objection blocks (participants only) and must be "worse than acceptable"; a concern never blocks.',
      },
      option: ref('optionId', 'The option objected to.'),
      harms: arr('Driver (D…) or risk (R…) ids harmed.', {type: 'string', pattern: '^[DR][1-9][0-9]*$'}, {minItems: 1}),
      statement: s('The product harm, in the raiser’s own words.'),
      summary: s('The facilitator’s summary.'),
      confirmed_by_raiser: {type: 'boolean', description: 'The raiser confirmed the summary.'},
      resolution: {enum: ['integrated', 'overruled'], description: 'How the objection was closed; an open objection blocks G8.'},
      rationale: s('Why it was integrated or overruled.'),
      by: ref('person', 'Who integrated or overruled it; only the approver overrules.'),
    },
    ['id', 'raiser', 'kind'],
    {
      allOf: [
        {if: {type: 'object', properties: {kind: {const: 'objection'}}, required: ['kind']}, then: {type: 'object', required: ['harms']}},
        {if: {type: 'object', required: ['resolution']}, then: {type: 'object', required: ['rationale', 'by']}},
      ],
    },
  ),
  commitment: obj(
    'G8: a participant’s stance on the decision.',
    {
      participant: ref('person'),
      stance: {enum: ['agree', 'disagree-and-commit', 'stand-aside'], description: 'agree, disagree-and-commit or stand aside.'},
      dissent: s('Dissent in the participant’s own words.'),
    },
    ['participant', 'stance'],
  ),
  gatePass: obj(
    'One pass of a gate.',
    {
      gate: ref('gate'),
      date: ref('date'),
      attempts: {type: 'integer', minimum: 1, description: 'How many times the exit rule was checked (1 = passed at once).'},
      timeboxed: {type: 'boolean', description: 'Closed because the gate’s timebox ran out.'},
      from: ref('gate', 'Set when this pass was reached by a loop-back or escalation from that gate.'),
      note: s('Why, for a loop-back or an escalation.'),
    },
    ['gate', 'date', 'attempts', 'timeboxed'],
  ),
  cellResult: obj(
    'A computed cell.',
    {
      option: ref('optionId'),
      driver: ref('driverId'),
      aggregate: {type: 'number', description: 'Mean or median of the current scores.'},
      spread: {type: 'number', minimum: 0, description: 'Highest minus lowest current score.'},
    },
    ['option', 'driver', 'aggregate', 'spread'],
  ),
  results: obj(
    'G5, computed: must equal a recomputation from the entries (adr lint checks).',
    {
      aggregate: {enum: ['mean', 'median'], description: 'How cells were aggregated.'},
      cells: arr('Aggregates per option × driver, record order.', ref('cellResult')),
      divergent: arr(
        'Cells whose revealed scores differ by 2 or more.',
        obj(
          'A divergent cell.',
          {
            option: ref('optionId'),
            driver: ref('driverId'),
            spread: {type: 'number', minimum: 2, description: 'Highest minus lowest revealed score.'},
          },
          ['option', 'driver', 'spread'],
        ),
      ),
      knocked_out: arr(
        'Options below 3 on a knockout driver.',
        obj(
          'A knockout.',
          {option: ref('optionId'), driver: ref('driverId'), aggregate: {type: 'number', description: 'The aggregate, below 3.'}},
          ['option', 'driver', 'aggregate'],
        ),
      ),
      totals: arr(
        'Every option in rank order under the agreed weights.',
        obj(
          'A total.',
          {
            option: ref('optionId'),
            total: {type: 'number', description: 'Σ weight/100 × aggregate, 3 decimals.'},
            rank: {type: 'integer', minimum: 1, description: '1 = winner; knocked-out options rank last.'},
            knocked_out: {type: 'boolean', description: 'Out on a knockout driver.'},
          },
          ['option', 'total', 'rank', 'knocked_out'],
        ),
      ),
      winner: {anyOf: [ref('optionId'), {type: 'null'}], description: 'The winner under the agreed weights.'},
      winners_by_participant: {
        type: 'object',
        additionalProperties: {anyOf: [ref('optionId'), {type: 'null'}]},
        description: 'The winner under each participant’s own blind weights.',
      },
      stable: {type: 'boolean', description: 'Every weight set names the same winner.'},
      flip_points: arr(
        'Per driver, the nearest weights at which the winner changes.',
        obj(
          'A flip point.',
          {
            driver: ref('driverId'),
            weight: {type: 'number', description: 'The driver’s agreed weight.'},
            option: ref('optionId', 'The option that wins past the threshold.'),
            direction: {enum: ['above', 'below'], description: 'The option wins above or below the threshold.'},
            threshold: {type: 'number', minimum: 0, maximum: 100, description: 'Percent, 1 decimal.'},
            sentence: s('"MongoDB wins only if D2 is worth more than 42.3%".'),
          },
          ['driver', 'weight', 'option', 'direction', 'threshold', 'sentence'],
        ),
      ),
    },
    ['aggregate', 'cells', 'divergent', 'knocked_out', 'totals', 'winner', 'winners_by_participant', 'stable', 'flip_points'],
  ),
}

const properties: Record<string, Json> = {
  $schema: {type: 'string', description: 'Optional pointer to this schema, for editors.'},
  schema_version: {const: DEBATE_SCHEMA_VERSION, description: 'The version of this record format.'},
  adr: {
    type: 'string',
    pattern: '^[^/\\\\]+\\.md$',
    description: 'The ADR’s file name in the ADR directory (`0012-primary-datastore.md`).',
  },
  question: s('G1: the product question at stake; ends in `?`, 15–240 characters, names no option.', {
    minLength: 15,
    maxLength: 240,
    pattern: '\\?$',
  }),
  context: s('G1: the situation that makes the question matter.'),
  out_of_scope: arr('G1: what this decision does not settle.', {type: 'string', minLength: 1}),
  track: {enum: ['fast', 'full'], description: 'Set at G2: fast ⇔ the door is two-way.'},
  expected_track: {
    const: 'fast',
    description: '`adr debate start --fast`: the starter expects a two-way door, so Gates 1 and 2 take compact answers.',
  },
  timebox: obj(
    'G1: the debate’s dates.',
    {started: ref('date', 'When the debate started.'), decide_by: ref('date', 'The deadline; after `started`.')},
    ['started'],
  ),
  roles: obj(
    'Who takes part (DACI).',
    {
      approver: ref('person', 'Exactly one; decides when the group cannot converge (MADR decision-makers).'),
      participants: arr('Two or more: the people who disagree.', ref('participant'), {minItems: 2}),
      facilitator: ref('person', 'Runs the session.'),
      facilitator_scores: {type: 'boolean', description: 'True when the facilitator scores too.'},
      consulted: arr('Consulted people (MADR); their concerns never block.', ref('person')),
      informed: arr('Informed people (MADR).', ref('person')),
    },
    ['approver', 'participants'],
  ),
  reversibility: obj(
    'G2: the door.',
    {
      nominations: arr('One blind nomination per participant.', ref('nomination')),
      class: ref('doorClass', 'The most cautious nomination, unless the approver downgraded it with a rationale.'),
      downgrade_rationale: s('Why the approver chose a less cautious class than the most cautious nomination.'),
    },
    ['nominations'],
  ),
  drivers: arr('G3: 1–7 drivers (at least 2 on the full track).', ref('driver'), {minItems: 1, maxItems: 7}),
  weights: obj(
    'G3 (full track): the weights of the drivers.',
    {
      proposed: {
        type: 'object',
        additionalProperties: ref('weightSet'),
        description: 'Each participant’s blind split of 100 points, by name.',
      },
      agreed: ref('weightSet', 'The agreed split of 100 points.'),
      agreed_by: arr('Who agreed to the agreed weights.', ref('person'), {minItems: 1}),
      agreed_from: {
        enum: ['rounded-mean'],
        description:
          'Set when nobody stated the agreed weights: the protocol computed them as the rounded mean of the splits (and `agreed_by` is absent).',
      },
      spread_explanations: {
        type: 'object',
        propertyNames: {pattern: '^D[1-9][0-9]*$'},
        additionalProperties: {type: 'string', minLength: 1},
        description: 'Product evidence for each driver whose proposed weights spread by 15 points or more.',
      },
    },
    ['proposed'],
  ),
  drivers_lock: {
    type: 'string',
    pattern: '^[0-9a-f]{64}$',
    description: 'sha256 (hex) of the canonical JSON of `drivers` (keys sorted recursively, no whitespace).',
  },
  null_option: obj(
    'G4: the do-nothing option.',
    {
      option: ref('optionId', 'The do-nothing option among `options`.'),
      considered: s('Fast track: why doing nothing was considered and not listed.'),
    },
    [],
    {minProperties: 1},
  ),
  options: arr('G4: 2–6 options.', ref('option'), {minItems: 1, maxItems: 6}),
  scoring: obj(
    'G5: the blind scores.',
    {
      aggregate: {enum: ['mean', 'median'], description: 'How a cell’s scores are aggregated (default mean).'},
      drivers_lock: {type: 'string', pattern: '^[0-9a-f]{64}$', description: '`drivers_lock` when the scores were given.'},
      revealed: {type: 'boolean', description: 'True once every participant scored and the scores were revealed together.'},
      entries: arr('One entry per participant × option × driver.', ref('scoreEntry')),
    },
    ['entries'],
  ),
  results: ref('results'),
  cruxes: arr('G6: one crux per divergent cell (or group of cells).', ref('crux')),
  premortem: arr('G7: the pre-mortem stories.', ref('risk')),
  objections: arr('G8: every consent, concern and objection.', ref('objection')),
  decision: obj(
    'G8: the decision.',
    {
      chosen: ref('optionId', 'The chosen option; not knocked out.'),
      method: {
        enum: ['consent', 'approver', 'champion'],
        description: 'consent (full track), the approver decided, or the champion decided (delegated fast track).',
      },
      decided_by: ref('person'),
      date: ref('date', 'The decision date.'),
      rationale: s('Why.'),
      override_rationale: s('Required when the chosen option is not the top-scored one.'),
      y_statement: s('In the context of …, facing …, we decided for … and neglected …, to achieve …, accepting ….'),
    },
    ['chosen', 'method', 'date', 'rationale', 'y_statement'],
  ),
  commitments: arr('G8: one commitment per participant.', ref('commitment')),
  consequences: obj(
    'G7: what gets better and worse.',
    {
      good: arr('What gets better.', {type: 'string', minLength: 1}),
      bad: arr('What gets worse (at least one).', {type: 'string', minLength: 1}, {minItems: 1}),
      tradeoffs: arr('Trade-offs accepted.', {type: 'string', minLength: 1}),
    },
    ['good', 'bad'],
  ),
  confirmation: arr('G7: how the implementation will be confirmed (at least one).', ref('check'), {minItems: 1}),
  revisit: obj(
    'G7: when and on what the decision is reopened.',
    {
      date: ref('date', '≤ 3 months after the decision for a two-way door, ≤ 12 otherwise.'),
      triggers: arr('Conditions that reopen it earlier.', ref('trigger')),
      reviews: arr('Reviews held.', ref('review')),
    },
    ['date', 'triggers'],
  ),
  in_progress: obj(
    'The gate being answered now and its answers so far (the resume point); absent between gates.',
    {
      gate: ref('gate'),
      from: ref('gate', 'The gate that looped back or escalated here, if any.'),
      reason: s('Why it looped back or escalated.'),
      failed: {type: 'integer', minimum: 0, description: 'How many times the gate’s exit rule failed so far.'},
      answers: {
        type: 'object',
        description: 'Answers by answers-file key; blind answers are shown only once all are in.',
        additionalProperties: {anyOf: [{type: 'string'}, {type: 'number'}, {type: 'boolean'}, {type: 'array', items: {type: 'string'}}]},
      },
    },
    ['gate', 'failed', 'answers'],
  ),
  gate_log: arr('Each gate pass, in order; a gate has passed when it appears here.', ref('gatePass')),
}

export interface SchemaStage {
  gate: string
  fullTrackOnly: boolean
  schema: Json
}

/** Not being redone: `in_progress` is absent or at a later gate (a loop-back or an escalation to `gate` or before redoes it; see `passStands`). */
const stands = (gate: string): Json => ({
  not: {
    type: 'object',
    properties: {
      in_progress: {type: 'object', properties: {gate: {enum: GATES.slice(0, GATES.indexOf(gate as never) + 1)}}, required: ['gate']},
    },
    required: ['in_progress'],
  },
})

const stage = (gate: string, then: Json, extra?: Json): SchemaStage => ({
  gate,
  fullTrackOnly: extra !== undefined,
  schema: {if: {type: 'object', allOf: [passed(gate), stands(gate), ...(extra ? [extra] : [])]}, then},
})

/** The keys each gate requires once it has passed, in the order of the schema's top-level `allOf`. */
export const SCHEMA_STAGES: readonly SchemaStage[] = [
  stage('G1', {
    type: 'object',
    required: ['question'],
    properties: {
      timebox: {type: 'object', required: ['decide_by']},
      roles: {
        type: 'object',
        properties: {participants: {type: 'array', items: {type: 'object', required: ['initial_position', 'success_picture']}}},
      },
    },
  }),
  stage('G2', {type: 'object', required: ['reversibility', 'track'], properties: {reversibility: {type: 'object', required: ['class']}}}),
  stage('G3', {type: 'object', required: ['drivers', 'drivers_lock']}),
  stage(
    'G3',
    {
      type: 'object',
      required: ['weights'],
      properties: {
        // the full track's drivers are testable: a measure, or why only qualitative (G3-lite may skip both)
        drivers: {
          type: 'array',
          minItems: 2,
          items: {
            anyOf: [
              {type: 'object', required: ['measure']},
              {type: 'object', required: ['qualitative_reason']},
            ],
          },
        },
        weights: {type: 'object', required: ['agreed'], anyOf: [{required: ['agreed_by']}, {required: ['agreed_from']}]},
      },
    },
    full,
  ),
  stage('G4', {type: 'object', required: ['options', 'null_option'], properties: {options: {type: 'array', minItems: 2}}}),
  stage('G4', {type: 'object', properties: {null_option: {type: 'object', required: ['option']}}}, full),
  stage('G5', {type: 'object', required: ['scoring', 'results'], properties: {scoring: {type: 'object', required: ['drivers_lock']}}}),
  stage('G6', {type: 'object', required: ['cruxes']}),
  stage('G7', {type: 'object', required: ['premortem', 'consequences', 'confirmation', 'revisit']}),
  stage('G8', {type: 'object', required: ['decision', 'commitments', 'confirmation', 'revisit']}),
  stage('G8', {type: 'object', required: ['objections']}, full),
]

export const DEBATE_SCHEMA: Json = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://raw.githubusercontent.com/adrgate/adrgate/main/schemas/debate.schema.json',
  title: 'adrgate debate record',
  description:
    'The full record of one Logic Gates debate (docs/adr/debates/NNNN-slug.yaml). An unfinished debate holds the gates passed so far (gate_log) and the answers of the gate in progress; each gate’s keys are required once it has passed. Code rules (adr lint, rule ids debate/…) check what JSON Schema cannot.',
  type: 'object',
  properties,
  required: ['schema_version', 'adr', 'timebox', 'roles', 'gate_log'],
  additionalProperties: false,
  allOf: SCHEMA_STAGES.map((s) => s.schema),
  $defs,
}
