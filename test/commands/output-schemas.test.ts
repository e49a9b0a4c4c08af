/**
 * Every command's `--json` output, validated against its schema in `schemas/output/`. To cover a
 * command, add a row to CASES: the repository it runs in, the argv, and the schema file. (`adr demo`'s
 * is checked in demo.test.ts, on the demos it runs anyway: one more demo here was most of this file's time.)
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import {afterEach, describe, expect, it} from 'vitest'
import DebateStart from '../../src/commands/debate/start.js'
import GenerateGraph from '../../src/commands/generate/graph.js'
import GenerateToc from '../../src/commands/generate/toc.js'
import List from '../../src/commands/list.js'
import Show from '../../src/commands/show.js'
import Version from '../../src/commands/version.js'
import {ERROR_CODES} from '../../src/core/errors.js'
import {type FileTree, makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {PROJECT_ROOT, runCommand} from '../helpers/run-command.js'

const SCHEMAS = path.join(PROJECT_ROOT, 'schemas/output')

/** A small repository in each format, with links, tags and a superseded ADR. */
const MIXED: FileTree = {
  'doc/adr/0001-record-architecture-decisions.md':
    '# 1. Record architecture decisions\n\nDate: 2026-01-01\n\n## Status\n\nSuperceded by [2. Use MADR](0002-use-madr.md)\n\n## Context\n\nWhy.\n',
  'doc/adr/0002-use-madr.md':
    '---\nstatus: accepted\ndate: 2026-02-01\ndecision-makers: [dana]\ntags: [process]\nlinks:\n  - {rel: supersedes, target: 1}\n  - {rel: relates to, target: 9}\n---\n# Use MADR\n\n## Context and Problem Statement\n\nWhy.\n',
  'doc/adr/20260301-use-log4brains.md': '# Use log4brains\n\n- Status: proposed\n- Date: 2026-03-01\n',
  'intro.md': 'Intro.\n',
}

interface SchemaCase {
  name: string
  /** File name in schemas/output. */
  schema: string
  command: Parameters<typeof runCommand>[0]
  argv: string[]
  tree?: FileTree
  exitCode?: number
}

const CASES: SchemaCase[] = [
  {name: 'list', schema: 'list.schema.json', command: List, argv: ['--json'], tree: MIXED},
  {name: 'list filtered', schema: 'list.schema.json', command: List, argv: ['--json', '--long', '--tag', 'process'], tree: MIXED},
  {name: 'show', schema: 'show.schema.json', command: Show, argv: ['2', '--json'], tree: MIXED},
  {name: 'show nygard', schema: 'show.schema.json', command: Show, argv: ['record', '--json'], tree: MIXED},
  {name: 'generate toc', schema: 'generate-toc.schema.json', command: GenerateToc, argv: ['--json', '-i', 'intro.md'], tree: MIXED},
  {name: 'generate graph', schema: 'generate-graph.schema.json', command: GenerateGraph, argv: ['--json'], tree: MIXED},
  {
    name: 'generate graph mermaid',
    schema: 'generate-graph.schema.json',
    command: GenerateGraph,
    argv: ['--json', '--format', 'mermaid'],
    tree: MIXED,
  },
  {name: 'version', schema: 'version.schema.json', command: Version, argv: ['--json']},
]

const ajv = new Ajv2020({allErrors: true, strict: false})
// ajv-formats is CommonJS: under NodeNext its function sits on `default`
const addFormats = ((addFormatsModule as unknown as {default?: unknown}).default ?? addFormatsModule) as (ajv: Ajv2020) => void

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

describe('--json output matches schemas/output', () => {
  it.each(CASES)('$name', async (c) => {
    repo = makeRepo(c.tree ?? {})
    const r = await runCommand(c.command, c.argv, repo.dir)
    expect(r.exitCode).toBe(c.exitCode ?? 0)
    const output = JSON.parse(r.stdout)
    const validate = ajv.getSchema(c.schema) ?? ajv.compile({...readSchema(c.schema), $id: c.schema})
    const ok = validate(output)
    expect(validate.errors ?? []).toEqual([])
    expect(ok).toBe(true)
  })

  it('every schema in schemas/output compiles under ajv strict mode', () => {
    const strict = new Ajv2020({strict: true, allErrors: true})
    addFormats(strict)
    for (const file of readdirSync(SCHEMAS).filter((f) => f.endsWith('.schema.json'))) {
      expect(() => strict.compile(readSchema(file)), file).not.toThrow()
    }
  })

  it.each([
    'adr.schema.json',
    'debate.schema.json',
    'config.schema.json',
    'debate-answers.schema.json',
  ])('the core schema %s compiles under ajv strict mode', (file) => {
    const strict = new Ajv2020({strict: true, allErrors: true})
    addFormats(strict)
    const schema = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'schemas', file), 'utf8'))
    expect(() => strict.compile(schema), file).not.toThrow()
  })

  it.each([
    {name: 'an unknown ADR', command: Show, argv: ['42', '--json'], tree: MIXED, code: 'ADR_NOT_FOUND'},
    {name: 'a mistyped flag', command: List, argv: ['--lnog', '--json'], tree: MIXED, code: 'INVALID_ARGUMENT'},
    {
      name: 'a missing debate answer',
      command: DebateStart,
      argv: ['Datastore', '--json', '--no-input'],
      tree: {'docs/adr/.keep': ''},
      code: 'MISSING_ANSWER',
    },
  ])('a failure under --json is the error object: $name', async (c) => {
    repo = makeRepo(c.tree)
    const r = await runCommand(c.command, c.argv, repo.dir)
    expect(r.exitCode).toBe(2)
    const output = JSON.parse(r.stdout)
    const validate = ajv.getSchema('error.schema.json') ?? ajv.compile({...readSchema('error.schema.json'), $id: 'error.schema.json'})
    expect(validate(output), JSON.stringify(validate.errors)).toBe(true)
    expect(output.error.code).toBe(c.code)
  })

  it('a failing debate start --json still says which ADR it created', async () => {
    repo = makeRepo({'docs/adr/.keep': ''})
    const r = await runCommand(DebateStart, ['Datastore', '-p', 'alice', '-p', 'bob', '-a', 'dana', '--json', '--no-input'], repo.dir)
    expect(JSON.parse(r.stdout).error).toMatchObject({code: 'MISSING_ANSWER', ref: 1, adr: '0001-datastore.md'})
  })

  it('the error schema lists every error code there is', () => {
    const codes = (readSchema('error.schema.json') as {properties: {error: {properties: {code: {enum: string[]}}}}}).properties.error
      .properties.code.enum
    expect([...codes].sort()).toEqual([...ERROR_CODES].sort())
  })

  it('every schema in schemas/output is valid JSON Schema 2020-12', () => {
    for (const file of readdirSync(SCHEMAS).filter((f) => f.endsWith('.schema.json'))) {
      expect(ajv.validateSchema(readSchema(file)), `${file}: ${ajv.errorsText()}`).toBe(true)
    }
  })
})

function readSchema(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(SCHEMAS, file), 'utf8'))
}
