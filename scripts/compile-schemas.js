#!/usr/bin/env node
// Build step (after tsc, before the oclif manifest): compiles adrgate's own JSON Schemas into
// standalone validators, dist/core/schema/generated/{adr,config,debate,answers}.cjs, with the ajv options
// the code itself uses (ADR 18). Run as part of `npm run build`; the output is the same bytes for
// the same schemas and ajv.
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const DIST = path.join(ROOT, 'dist')
const {standaloneSource} = await import(path.join(DIST, 'core/schema/standalone-source.js'))
const {DEBATE_SCHEMA} = await import(path.join(DIST, 'core/debate/debate-schema.js'))

const readSchema = (file) => JSON.parse(readFileSync(path.join(ROOT, 'schemas', file), 'utf8'))
/** Each validator and its schema: the files in schemas/, and the debate record's TypeBox schema (schemas/debate.schema.json is its copy). */
const SCHEMAS = {
  adr: readSchema('adr.schema.json'),
  config: readSchema('config.schema.json'),
  debate: DEBATE_SCHEMA,
  answers: readSchema('debate-answers.schema.json'),
}

const out = path.join(DIST, 'core/schema/generated')
mkdirSync(out, {recursive: true})
for (const [name, schema] of Object.entries(SCHEMAS)) writeFileSync(path.join(out, `${name}.cjs`), standaloneSource(name, schema))
