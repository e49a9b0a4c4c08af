import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ANSWER_FILE_SCHEMA} from '../../src/core/debate/async/answer-file-schema.js'
import {DEBATE_SCHEMA} from '../../src/core/debate/debate-schema.js'
import {createAjvFor, type SchemaName} from '../../src/core/schema/ajv.js'
import {standaloneSource} from '../../src/core/schema/standalone-source.js'
import {loadDebate} from './debate-fixtures.js'

/**
 * The standalone validators that `npm run build` writes (scripts/compile-schemas.js →
 * dist/core/schema/generated/NAME.cjs, ADR 18) against ajv compiling the same schema at run time:
 * the same verdict and the same errors, field by field, on valid and invalid samples. The global
 * setup builds dist/ when the sources or schemas are newer than the last build.
 */

const ROOT = path.resolve(import.meta.dirname, '../..')
const require = createRequire(import.meta.url)
const readSchema = (file: string) => JSON.parse(readFileSync(path.join(ROOT, 'schemas', file), 'utf8')) as Record<string, unknown>

const SCHEMAS: Record<SchemaName, Record<string, unknown>> = {
  adr: readSchema('adr.schema.json'),
  config: readSchema('config.schema.json'),
  debate: DEBATE_SCHEMA,
  answers: readSchema('debate-answers.schema.json'),
  'answer-file': ANSWER_FILE_SCHEMA as unknown as Record<string, unknown>,
}

const builtFile = (name: SchemaName) => path.join(ROOT, 'dist/core/schema/generated', `${name}.cjs`)

type Validate = ((data: unknown) => boolean) & {errors?: unknown[] | null; schemaDigest?: string}

function verdicts(validate: Validate, samples: readonly unknown[]) {
  return samples.map((sample) => {
    const ok = validate(structuredClone(sample))
    return {ok, errors: ok ? [] : structuredClone(validate.errors)}
  })
}

const fullTrack = loadDebate('valid-full-track.yaml') as unknown as Record<string, unknown>
const fastTrack = loadDebate('valid-fast-track.yaml') as unknown as Record<string, unknown>

/** Samples per schema: valid ones first, then each kind of mistake the schema catches. */
const SAMPLES: Record<SchemaName, unknown[]> = {
  adr: [
    {},
    {status: 'accepted', date: '2026-03-02', 'decision-makers': ['Ada', 'Grace'], tags: ['storage']},
    {
      status: 'Superseded by ADR-0012',
      links: [
        {rel: 'superseded by', target: 12},
        {rel: 'amends', target: '0003-x.md'},
      ],
    },
    {status: 'maybe'},
    {status: 7, date: '2026-02-30', title: ''},
    {date: '02/03/2026', tags: 'storage', links: [{rel: 'supersedes'}, {rel: 'amends', target: 0, extra: true}]},
    {'decision-makers': 'Ada', consulted: [1, null], revisit: {date: 'soon'}},
    [],
    'status: accepted',
  ],
  config: [
    {},
    {dir: 'docs/adr', format: 'madr', profile: 'strict', rules: {'numbering-gap': 'off'}, statuses: {implemented: 'accepted'}},
    {profile: 'strictt', format: 3},
    {rules: {'numbering-gap': 'maybe', title: 1}, statuses: {'': 'accepted', pending: 'waiting'}},
    {dir: '', schema: '', 'default-status': 'superseded'},
    {rules: []},
    null,
  ],
  debate: [
    fullTrack,
    fastTrack,
    {...fullTrack, roles: {...(fullTrack.roles as object), participants: 5}},
    {...fullTrack, gate_log: [{gate: 'G9', passed_at: 'yesterday'}]},
    {...fastTrack, entries: 'str', schema_version: 2},
    {...fullTrack, drivers: [{id: 'd1'}], weights: {sets: 'none'}},
    {},
  ],
  answers: [
    {},
    {title: 'Pick a queue', roles: {participants: ['ada', 'grace']}},
    {title: ''},
    {rationle: 'typo in a key'},
    {roles: {participants: ['ada']}, today: 'yesterday'},
    {roles: {participants: ['ada', 'ada']}},
    [],
  ],
  'answer-file': [
    {schema_version: 1, participant: 'ada'},
    {
      schema_version: 1,
      participant: 'ada',
      email: 'ada@example.com',
      answers: {door: {class: 'two-way'}},
      commitments: {door: {sha256: 'a'.repeat(64), date: '2026-11-20'}},
      reveals: {'again.G5.0.scores': {salt: 'b'.repeat(64), date: '2026-11-21', answers: {}}},
    },
    {schema_version: 2, participant: ''},
    {
      schema_version: 1,
      participant: 'ada',
      commitments: {door: {sha256: 'xyz', date: '2026-11-20'}, frame: {sha256: 'a'.repeat(64), date: 'today'}},
    },
    {schema_version: 1, participant: 'ada', extra: 1, reveals: {door: {salt: 'c'.repeat(64)}}},
    [],
  ],
}

describe.each(Object.keys(SCHEMAS) as SchemaName[])('the %s schema compiled at build time', (name) => {
  it('is the build output of this schema, the same bytes each time it is generated', () => {
    // the build generated it in a process of its own: the same bytes here show it is generated alike each time
    expect(readFileSync(builtFile(name), 'utf8')).toBe(standaloneSource(name, SCHEMAS[name]))
  })

  it('gives the verdicts and errors of a compile at run time, on valid and invalid samples', () => {
    const built = require(builtFile(name)) as Validate
    const runtime = createAjvFor(name).compile(SCHEMAS[name]) as Validate
    const expected = verdicts(runtime, SAMPLES[name])
    // the samples mean something: some pass, and some fail with errors
    expect(expected.some((v) => v.ok)).toBe(true)
    expect(expected.filter((v) => !v.ok).length).toBeGreaterThanOrEqual(3)
    expect(verdicts(built, SAMPLES[name])).toEqual(expected)
  })
})

describe('schemaValidator, as built (dist/)', () => {
  const load = async () =>
    (await import(
      path.join(ROOT, 'dist/core/schema/compiled-validators.js')
    )) as typeof import('../../src/core/schema/compiled-validators.js')

  it.each(Object.keys(SCHEMAS) as SchemaName[])('takes the built %s validator for the schema it was compiled from', async (name) => {
    const {schemaValidator} = await load()
    expect(schemaValidator(name, SCHEMAS[name])).toBe(require(builtFile(name)))
  })

  it('compiles a schema edited since the build instead of checking against the old one', async () => {
    const {schemaValidator} = await load()
    const edited = structuredClone(SCHEMAS.config) as {properties: Record<string, unknown>}
    edited.properties.colour = {type: 'string', enum: ['red']}
    const validate = schemaValidator('config', edited)
    expect(validate).not.toBe(require(builtFile('config')))
    expect(validate({colour: 'red'})).toBe(true)
    expect(validate({colour: 'blue'})).toBe(false)
  })

  it('compiles at run time when the built validators are switched off (ADRGATE_NO_FAST_PATHS=1)', async () => {
    const {schemaValidator, useBuiltValidators} = await load()
    useBuiltValidators(false)
    try {
      expect(schemaValidator('adr', SCHEMAS.adr)).not.toBe(require(builtFile('adr')))
    } finally {
      useBuiltValidators(true)
    }
  })
})
