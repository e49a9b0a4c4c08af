// biome-ignore-all lint/suspicious/noThenProperty: `then` is a JSON Schema keyword here, not a thenable
/**
 * The debate record's shape, written once: a JSON Schema (2020-12) built with TypeBox, from which
 * `record.ts` derives every TypeScript type of the record (ADR 0014). It is the source of
 * `schemas/debate.schema.json` (a test fails when the two differ; regenerate the file with
 * `UPDATE_DEBATE_SCHEMA=1 npx vitest run test/core/debate-schema.test.ts`), and the debate commands
 * validate every record they load against it. Kept in TypeScript so the pure core compiles it
 * without reading a file.
 *
 * Stages: `gate_log` says which gates passed; each `allOf` entry requires a gate's keys once it has
 * (and while it is not being redone).
 */
import {type Static, type TObject, type TOptional, type TSchema, type TUnsafe, Type} from '@sinclair/typebox'
import {DEBATE_SCHEMA_VERSION, DOOR_CLASSES, DRIVER_CATEGORIES, EVIDENCE_TYPES, GATES} from './record.js'

type Json = Record<string, unknown>

const LEVELS = ['low', 'medium', 'high'] as const

/** A non-empty string. */
const s = (description: string, extra: Json = {}) => Type.String({description, minLength: 1, ...extra})
/** `{$ref: '#/$defs/<name>'}`, typed as the definition it points at. */
const ref = <T extends TSchema>(name: string, _schema: T, description?: string): TUnsafe<Static<T>> =>
  Type.Unsafe<Static<T>>({$ref: `#/$defs/${name}`, ...(description ? {description} : {})})
const arr = <T extends TSchema>(description: string, items: T, extra: Json = {}) => Type.Array(items, {description, ...extra})
/** One of `values` (`{enum: […]}`), typed as their union. */
const en = <const V extends readonly string[]>(values: V, description?: string): TUnsafe<V[number]> =>
  Type.Unsafe<V[number]>({enum: [...values], ...(description ? {description} : {})})
/** A mapping by name or id (`{type: object, additionalProperties: …}`), typed as a record of `V`. */
const map = <V>(schema: Json): TUnsafe<Record<string, V>> => Type.Unsafe<Record<string, V>>({type: 'object', ...schema})

type Shape<P extends Record<string, TSchema>, R extends string> = {[K in keyof P]: K extends R ? P[K] : TOptional<P[K]>}

/** An object with exactly these keys: the `required` ones required, the others optional. */
function obj<P extends Record<string, TSchema>, const R extends readonly (keyof P & string)[] = []>(
  description: string,
  properties: P,
  required?: R,
  extra: Json = {},
): TObject<Shape<P, R[number]>> {
  const shaped: Record<string, TSchema> = {}
  for (const [key, schema] of Object.entries(properties))
    shaped[key] = (required as readonly string[] | undefined)?.includes(key) ? schema : Type.Optional(schema)
  return Type.Object(shaped, {description, additionalProperties: false, ...extra}) as unknown as TObject<Shape<P, R[number]>>
}

const id = (letter: string, what: string) =>
  Type.String({pattern: `^${letter}[1-9][0-9]*$`, description: `${what} id: ${letter}1, ${letter}2…`})
const passed = (gate: string): Json => ({
  type: 'object',
  properties: {gate_log: {type: 'array', contains: {type: 'object', properties: {gate: {const: gate}}, required: ['gate']}}},
  required: ['gate_log'],
})
const full = {type: 'object', properties: {track: {const: 'full'}}, required: ['track']}

// ── Definitions ($defs), each a reusable part of the record ─────────────────────────────────────────

const date = Type.String({pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', description: 'A date, YYYY-MM-DD.'})
const person = s('A person, by the name used in `roles` (e.g. `alice`).', {maxLength: 100})
const driverId = id('D', 'Driver')
const optionId = Type.String({
  pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
  maxLength: 64,
  description: 'An option slug: lowercase letters, digits and single hyphens (`postgresql`, `do-nothing`).',
})
const cruxId = id('C', 'Crux')
const riskId = id('R', 'Pre-mortem risk')
const objectionId = id('O', 'Objection')
const checkId = id('F', 'Confirmation check')
const triggerId = id('T', 'Revisit trigger')
const gate = en(GATES, 'A Logic Gate, G1 Frame … G8 Consent & commit.')
const doorClass = en(DOOR_CLASSES, 'How hard the decision is to reverse, from the least to the most cautious.')
const level = en(LEVELS, 'low, medium or high.')
const weightSet = map<number>({
  description: 'Points per driver id, 0–100 each; a set covers exactly the drivers and sums to 100 (checked by the code rules).',
  propertyNames: {pattern: '^D[1-9][0-9]*$'},
  additionalProperties: Type.Number({minimum: 0, maximum: 100}),
})
const cell = obj(
  'One cell of the matrix: an option scored against a driver.',
  {option: ref('optionId', optionId), driver: ref('driverId', driverId)},
  ['option', 'driver'],
)
const participant = obj(
  'A participant: one of the people who disagree.',
  {
    name: ref('person', person, 'The participant’s name.'),
    initial_position: s('G1: the option this participant favours now, as they name it.'),
    success_picture: s('G1: what success looks like for users, in this participant’s words.'),
  },
  ['name'],
)
const nomination = obj(
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
const driver = obj(
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
  {
    allOf: [
      {
        if: {type: 'object', properties: {knockout: {const: true}}, required: ['knockout']},
        then: {type: 'object', required: ['measure']},
      },
    ],
  },
)
const steelman = obj(
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
const option = obj(
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
const scoreEntry = obj(
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
const crux = obj(
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
)
const risk = obj(
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
const check = obj(
  'How the implementation will be confirmed.',
  {
    id: ref('checkId', checkId),
    name: s('A short name.'),
    kind: en(['automated', 'manual'], 'Prefer automated; at least one on the full track.'),
    check: s('How: a command, a test, a dashboard, a review.'),
  },
  ['id', 'name', 'kind', 'check'],
)
const trigger = obj(
  'An observable condition that reopens the decision before the revisit date.',
  {
    id: ref('triggerId', triggerId),
    condition: s('The condition.'),
    source: Type.String({pattern: '^[CR][1-9][0-9]*$', description: 'The crux (C…) or risk (R…) it comes from.'}),
  },
  ['id', 'condition'],
)
const review = obj(
  'A revisit review held on an accepted decision.',
  {
    date: ref('date', date),
    by: ref('person', person),
    outcome: en(['keep', 'amend', 'supersede'], 'What the review concluded.'),
    note: s('Anything worth keeping.'),
  },
  ['date', 'by', 'outcome'],
)
const objection = obj(
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
      {if: {type: 'object', properties: {kind: {const: 'objection'}}, required: ['kind']}, then: {type: 'object', required: ['harms']}},
      {if: {type: 'object', required: ['resolution']}, then: {type: 'object', required: ['rationale', 'by']}},
    ],
  },
)
const commitment = obj(
  'G8: a participant’s stance on the decision.',
  {
    participant: ref('person', person),
    stance: en(['agree', 'disagree-and-commit', 'stand-aside'], 'agree, disagree-and-commit or stand aside.'),
    dissent: s('Dissent in the participant’s own words.'),
  },
  ['participant', 'stance'],
)
const gatePass = obj(
  'One pass of a gate.',
  {
    gate: ref('gate', gate),
    date: ref('date', date),
    attempts: Type.Integer({minimum: 1, description: 'How many times the exit rule was checked (1 = passed at once).'}),
    timeboxed: Type.Boolean({description: 'Closed because the gate’s timebox ran out.'}),
    from: ref('gate', gate, 'Set when this pass was reached by a loop-back or escalation from that gate.'),
    note: s('Why, for a loop-back or an escalation.'),
  },
  ['gate', 'date', 'attempts', 'timeboxed'],
)
const cellResult = obj(
  'A computed cell.',
  {
    option: ref('optionId', optionId),
    driver: ref('driverId', driverId),
    aggregate: Type.Number({description: 'Mean or median of the current scores.'}),
    spread: Type.Number({minimum: 0, description: 'Highest minus lowest current score.'}),
  },
  ['option', 'driver', 'aggregate', 'spread'],
)
const results = obj(
  'G5, computed: must equal a recomputation from the entries (adr lint checks).',
  {
    aggregate: en(['mean', 'median'], 'How cells were aggregated.'),
    cells: arr('Aggregates per option × driver, record order.', ref('cellResult', cellResult)),
    divergent: arr(
      'Cells whose revealed scores differ by 2 or more.',
      obj(
        'A divergent cell.',
        {
          option: ref('optionId', optionId),
          driver: ref('driverId', driverId),
          spread: Type.Number({minimum: 2, description: 'Highest minus lowest revealed score.'}),
        },
        ['option', 'driver', 'spread'],
      ),
    ),
    knocked_out: arr(
      'Options below 3 on a knockout driver.',
      obj(
        'A knockout.',
        {
          option: ref('optionId', optionId),
          driver: ref('driverId', driverId),
          aggregate: Type.Number({description: 'The aggregate, below 3.'}),
        },
        ['option', 'driver', 'aggregate'],
      ),
    ),
    totals: arr(
      'Every option in rank order under the agreed weights.',
      obj(
        'A total.',
        {
          option: ref('optionId', optionId),
          total: Type.Number({description: 'Σ weight/100 × aggregate, 3 decimals.'}),
          rank: Type.Integer({minimum: 1, description: '1 = winner; knocked-out options rank last.'}),
          knocked_out: Type.Boolean({description: 'Out on a knockout driver.'}),
        },
        ['option', 'total', 'rank', 'knocked_out'],
      ),
    ),
    winner: Type.Union([ref('optionId', optionId), Type.Null()], {description: 'The winner under the agreed weights.'}),
    winners_by_participant: map<string | null>({
      additionalProperties: {anyOf: [ref('optionId', optionId), Type.Null()]},
      description: 'The winner under each participant’s own blind weights.',
    }),
    stable: Type.Boolean({description: 'Every weight set names the same winner.'}),
    flip_points: arr(
      'Per driver, the nearest weights at which the winner changes.',
      obj(
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
      ),
    ),
  },
  ['aggregate', 'cells', 'divergent', 'knocked_out', 'totals', 'winner', 'winners_by_participant', 'stable', 'flip_points'],
)

/** The definitions, by name (`#/$defs/<name>`); `record.ts` derives its types from them. */
export const $defs = {
  date,
  person,
  driverId,
  optionId,
  cruxId,
  riskId,
  objectionId,
  checkId,
  triggerId,
  gate,
  doorClass,
  level,
  weightSet,
  cell,
  participant,
  nomination,
  driver,
  steelman,
  option,
  scoreEntry,
  crux,
  risk,
  check,
  trigger,
  review,
  objection,
  commitment,
  gatePass,
  cellResult,
  results,
}

// ── The record ──────────────────────────────────────────────────────────────────────────────────────

const properties = {
  $schema: Type.String({description: 'Optional pointer to this schema, for editors.'}),
  schema_version: Type.Literal(DEBATE_SCHEMA_VERSION, {description: 'The version of this record format.'}),
  adr: Type.String({
    pattern: '^[^/\\\\]+\\.md$',
    description: 'The ADR’s file name in the ADR directory (`0012-primary-datastore.md`).',
  }),
  question: s('G1: the product question at stake; ends in `?`, 15–240 characters, names no option.', {
    minLength: 15,
    maxLength: 240,
    pattern: '\\?$',
  }),
  context: s('G1: the situation that makes the question matter.'),
  out_of_scope: arr('G1: what this decision does not settle.', Type.String({minLength: 1})),
  track: en(['fast', 'full'], 'Set at G2: fast ⇔ the door is two-way.'),
  expected_track: Type.Literal('fast', {
    description: '`adr debate start --fast`: the starter expects a two-way door, so Gates 1 and 2 take compact answers.',
  }),
  timebox: obj(
    'G1: the debate’s dates.',
    {started: ref('date', date, 'When the debate started.'), decide_by: ref('date', date, 'The deadline; after `started`.')},
    ['started'],
  ),
  roles: obj(
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
  ),
  reversibility: obj(
    'G2: the door.',
    {
      nominations: arr('One blind nomination per participant.', ref('nomination', nomination)),
      class: ref('doorClass', doorClass, 'The most cautious nomination, unless the approver downgraded it with a rationale.'),
      downgrade_rationale: s('Why the approver chose a less cautious class than the most cautious nomination.'),
    },
    ['nominations'],
  ),
  drivers: arr('G3: 1–7 drivers (at least 2 on the full track).', ref('driver', driver), {minItems: 1, maxItems: 7}),
  weights: obj(
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
  ),
  drivers_lock: Type.String({
    pattern: '^[0-9a-f]{64}$',
    description: 'sha256 (hex) of the canonical JSON of `drivers` (keys sorted recursively, no whitespace).',
  }),
  null_option: obj(
    'G4: the do-nothing option.',
    {
      option: ref('optionId', optionId, 'The do-nothing option among `options`.'),
      considered: s('Fast track: why doing nothing was considered and not listed.'),
    },
    [],
    {minProperties: 1},
  ),
  options: arr('G4: 2–6 options.', ref('option', option), {minItems: 1, maxItems: 6}),
  scoring: obj(
    'G5: the blind scores.',
    {
      aggregate: en(['mean', 'median'], 'How a cell’s scores are aggregated (default mean).'),
      drivers_lock: Type.String({pattern: '^[0-9a-f]{64}$', description: '`drivers_lock` when the scores were given.'}),
      revealed: Type.Boolean({description: 'True once every participant scored and the scores were revealed together.'}),
      entries: arr('One entry per participant × option × driver.', ref('scoreEntry', scoreEntry)),
    },
    ['entries'],
  ),
  results: ref('results', results),
  cruxes: arr('G6: one crux per divergent cell (or group of cells).', ref('crux', crux)),
  premortem: arr('G7: the pre-mortem stories.', ref('risk', risk)),
  objections: arr('G8: every consent, concern and objection.', ref('objection', objection)),
  decision: obj(
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
  ),
  commitments: arr('G8: one commitment per participant.', ref('commitment', commitment)),
  consequences: obj(
    'G7: what gets better and worse.',
    {
      good: arr('What gets better.', Type.String({minLength: 1})),
      bad: arr('What gets worse (at least one).', Type.String({minLength: 1}), {minItems: 1}),
      tradeoffs: arr('Trade-offs accepted.', Type.String({minLength: 1})),
    },
    ['good', 'bad'],
  ),
  confirmation: arr('G7: how the implementation will be confirmed (at least one).', ref('check', check), {minItems: 1}),
  revisit: obj(
    'G7: when and on what the decision is reopened.',
    {
      date: ref('date', date, '≤ 3 months after the decision for a two-way door, ≤ 12 otherwise.'),
      triggers: arr('Conditions that reopen it earlier.', ref('trigger', trigger)),
      reviews: arr('Reviews held.', ref('review', review)),
    },
    ['date', 'triggers'],
  ),
  in_progress: obj(
    'The gate being answered now and its answers so far (the resume point); absent between gates.',
    {
      gate: ref('gate', gate),
      from: ref('gate', gate, 'The gate that looped back or escalated here, if any.'),
      reason: s('Why it looped back or escalated.'),
      failed: Type.Integer({minimum: 0, description: 'How many times the gate’s exit rule failed so far.'}),
      answers: map<string | number | boolean | string[]>({
        description: 'Answers by answers-file key; blind answers are shown only once all are in.',
        additionalProperties: {anyOf: [Type.String(), Type.Number(), Type.Boolean(), Type.Array(Type.String())]},
      }),
    },
    ['gate', 'failed', 'answers'],
  ),
  gate_log: arr('Each gate pass, in order; a gate has passed when it appears here.', ref('gatePass', gatePass)),
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

const DESCRIPTION =
  'The full record of one Logic Gates debate (docs/adr/debates/NNNN-slug.yaml). An unfinished debate holds the gates passed so far (gate_log) and the answers of the gate in progress; each gate’s keys are required once it has passed. Code rules (adr lint, rule ids debate/…) check what JSON Schema cannot.'

/** The record itself: its type is `DebateRecord` (record.ts). */
export const RECORD = obj(DESCRIPTION, properties, ['schema_version', 'adr', 'timebox', 'roles', 'gate_log'])

/** The record's JSON Schema as written to `schemas/debate.schema.json`: the record, its stages and its definitions (plain JSON, without TypeBox's symbols). */
export const DEBATE_SCHEMA: Json = JSON.parse(
  JSON.stringify({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://raw.githubusercontent.com/adrgate/adrgate/main/schemas/debate.schema.json',
    title: 'adrgate debate record',
    description: DESCRIPTION,
    type: 'object',
    properties: RECORD.properties,
    required: RECORD.required,
    additionalProperties: false,
    allOf: SCHEMA_STAGES.map((s) => s.schema),
    $defs,
  }),
)
