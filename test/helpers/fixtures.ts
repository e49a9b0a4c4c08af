import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import type {FileTree} from './git-repo.js'
import {PROJECT_ROOT} from './run-command.js'

/** The file tree of `test/fixtures/repos/<name>/`, for `makeRepo`. */
export function repoFixture(name: string): FileTree {
  const root = path.join(PROJECT_ROOT, 'test/fixtures/repos', name)
  const entries = readdirSync(root, {recursive: true, withFileTypes: true}).filter((e) => e.isFile())
  return Object.fromEntries(
    entries.map((e) => [path.relative(root, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name), 'utf8')]),
  )
}

/** A validator for a command's `--json` output: `schemas/output/<command-id>.schema.json`. */
export function outputSchemaValidator(commandId: string) {
  const schema = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'schemas/output', `${commandId}.schema.json`), 'utf8'))
  return new Ajv2020({strict: false}).compile(schema)
}
