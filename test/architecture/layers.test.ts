import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import {describe, expect, it} from 'vitest'

/**
 * The dependency rule of CONTRIBUTING.md, checked on every import of src/ (static, dynamic, require() and
 * type-only): commands → app → core, adapters at the edge, core pure.
 */

type Layer = 'commands' | 'cli' | 'app' | 'core' | 'adapters'

/** Which layers a layer may import (relative imports inside src/). */
const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  core: ['core'],
  adapters: ['adapters', 'core'],
  app: ['app', 'adapters', 'core'],
  cli: ['cli', 'app', 'adapters', 'core'],
  commands: ['cli', 'app', 'adapters', 'core'], // never another command
}

/** The packages core may use: parsing and hashing, nothing that touches the world. */
const CORE_PACKAGES = [
  'node:path',
  'node:crypto',
  // createRequire loads the YAML and front-matter parsers lazily (start-up time); it reads nothing itself.
  'node:module',
  'yaml',
  'gray-matter',
  'ajv',
  'ajv-formats',
  // builds the debate record's JSON Schema, from which its types are derived (ADR: one source of truth)
  '@sinclair/typebox',
  'mdast',
  /^mdast-util-/,
  /^micromark-/,
  // the site's rendering (issue 14): syntax trees to HTML, and the search index, all in memory
  'hast',
  /^hast-util-/,
  'minisearch',
]

/** Packages only adapters (and, for oclif, commands and cli) may use. */
const WORLD_PACKAGES: {pattern: RegExp; allowed: readonly Layer[]}[] = [
  {pattern: /^(node:)?fs(\/promises)?$/, allowed: ['adapters']},
  {pattern: /^(node:)?child_process$/, allowed: ['adapters']},
  {pattern: /^simple-git$/, allowed: ['adapters']},
  {pattern: /^@inquirer\//, allowed: ['adapters']},
  {pattern: /^@oclif\//, allowed: ['commands', 'cli']},
]

/** Libraries behind one module each: the YAML boundary (core/yaml) and the front-matter split. */
const ONE_MODULE_PACKAGES: {name: string; owner: RegExp; rule: string}[] = [
  {name: 'yaml', owner: /^core\/yaml\//, rule: 'YAML is read and written only through core/yaml/yaml.ts'},
  {name: 'gray-matter', owner: /^core\/adr\/front-matter\.ts$/, rule: 'gray-matter splits front matter only in core/adr/front-matter.ts'},
]

/**
 * What of `process` only `cli/` touches: the environment, the working directory, the arguments, the
 * standard streams and the exit code are the command's context (`BaseCommand.context`), which cli
 * builds from the process (or a test gives) and passes down. Commands read it from `this.context`;
 * app reads no process global at all; adapters may still ask for their own pid, kill a process and
 * such, which are not the command's to give.
 */
const PROCESS_GLOBALS_OF_THE_CONTEXT = new Set(['env', 'cwd', 'chdir', 'argv', 'stdin', 'stdout', 'stderr', 'exitCode', 'exit'])

/** Reads of the context's globals that are allowed, and why. */
const ALLOWED_PROCESS_READS: Record<string, readonly string[]> = {
  // the sink notices go to before a command installs its own (its stderr)
  'adapters/notices.ts': ['stderr'],
}

interface Violation {
  file: string
  line: number
  what: string
  rule: string
}

function layerOf(srcRelative: string): Layer | undefined {
  const first = srcRelative.split('/')[0]
  return (['commands', 'cli', 'app', 'core', 'adapters'] as const).find((l) => l === first)
}

/** `ajv/dist/2020.js` → `ajv`, `@oclif/core/help` → `@oclif/core`, `node:path` → `node:path`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/')
  return parts.slice(0, specifier.startsWith('@') ? 2 : 1).join('/')
}

/** Every module specifier of a source file (imports, re-exports, `import()`, `import type`), with its line. */
function importsOf(source: ts.SourceFile): {specifier: string; line: number}[] {
  const found: {specifier: string; line: number}[] = []
  const at = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push({specifier: node.moduleSpecifier.text, line: at(node)})
    } else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))
    ) {
      const [arg] = node.arguments
      if (arg && ts.isStringLiteralLike(arg)) found.push({specifier: arg.text, line: at(node)})
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push({specifier: node.argument.literal.text, line: at(node)})
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/** Every `process.<name>` read in a source file, with its line. */
function processReadsOf(source: ts.SourceFile): {name: string; line: number}[] {
  const found: {name: string; line: number}[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'process') {
      found.push({name: node.name.text, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1})
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/** The violations of one file, given its path relative to src/ and its text. */
function checkFile(srcRelative: string, text: string): Violation[] {
  const layer = layerOf(srcRelative)
  if (!layer) return [{file: srcRelative, line: 1, what: srcRelative, rule: 'every file of src/ belongs to a layer'}]
  const source = ts.createSourceFile(srcRelative, text, ts.ScriptTarget.Latest, true)
  const violations: Violation[] = []
  const report = (line: number, what: string, rule: string) => violations.push({file: srcRelative, line, what, rule})
  for (const {specifier, line} of importsOf(source)) {
    if (specifier.startsWith('.')) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(srcRelative), specifier))
      const targetLayer = layerOf(target)
      if (target.startsWith('..') || !targetLayer) report(line, specifier, `${layer} imports only from src/`)
      else if (!MAY_IMPORT[layer].includes(targetLayer))
        report(line, specifier, `${layer} may import ${MAY_IMPORT[layer].join(', ')}, not ${targetLayer}`)
      continue
    }
    const owned = ONE_MODULE_PACKAGES.find((p) => p.name === packageOf(specifier))
    if (owned && !owned.owner.test(srcRelative)) {
      report(line, specifier, owned.rule)
      continue
    }
    if (layer === 'core') {
      const name = packageOf(specifier)
      if (!CORE_PACKAGES.some((p) => (typeof p === 'string' ? p === name : p.test(name))))
        report(line, specifier, 'core is pure: it imports only core and the parsing libraries')
      continue
    }
    const world = WORLD_PACKAGES.find((w) => w.pattern.test(specifier))
    if (world && !world.allowed.includes(layer)) report(line, specifier, `only ${world.allowed.join(' and ')} may import ${specifier}`)
  }
  for (const {name, line} of processReadsOf(source)) {
    if (layer === 'core') report(line, `process.${name}`, 'core is pure: no process')
    else if (layer === 'app') report(line, `process.${name}`, 'app reads no process global: the command passes down what it needs')
    else if (layer === 'cli' || !PROCESS_GLOBALS_OF_THE_CONTEXT.has(name) || ALLOWED_PROCESS_READS[srcRelative]?.includes(name)) continue
    else if (layer === 'adapters')
      report(line, `process.${name}`, 'adapters take the environment, the working directory and the streams from the command')
    else
      report(
        line,
        `process.${name}`,
        'commands read the environment, the working directory, the streams and the exit code from this.context',
      )
  }
  return violations
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true, recursive: true})
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
}

const SRC = path.resolve(import.meta.dirname, '../../src')

describe('the dependency rule', () => {
  it('holds for every file of src/', () => {
    const files = sourceFiles(SRC)
    expect(files.length).toBeGreaterThan(100)
    const violations = files.flatMap((file) => checkFile(path.relative(SRC, file).split(path.sep).join('/'), readFileSync(file, 'utf8')))
    expect(violations.map((v) => `src/${v.file}:${v.line} ${v.what}: ${v.rule}`)).toEqual([])
  })

  describe('reports', () => {
    const cases: [string, string, string, RegExp][] = [
      [
        'core importing an adapter (type only)',
        'core/debate/gates/context.ts',
        "import type {Prompter} from '../../../adapters/prompter/prompter.js'",
        /core may import core, not adapters/,
      ],
      ['core importing app dynamically', 'core/lint/run.ts', "const m = await import('../../app/lint/lint.js')", /not app/],
      ['core importing fs', 'core/adr/read.ts', "import {readFileSync} from 'node:fs'", /core is pure/],
      ['core importing simple-git', 'core/history/x.ts', "import {simpleGit} from 'simple-git'", /core is pure/],
      [
        'core importing a deep path of a package it may not use',
        'core/x.ts',
        "import x from 'simple-git/dist/esm/index.js'",
        /core is pure/,
      ],
      ['a require() of simple-git in app', 'app/x.ts', "const git = require('simple-git')", /only adapters/],
      ['yaml imported outside core/yaml', 'app/debate/x.ts', "import {parse} from 'yaml'", /only through core\/yaml/],
      [
        'gray-matter imported outside front-matter.ts',
        'core/adr/parse-adr.ts',
        "import matter from 'gray-matter'",
        /only in core\/adr\/front-matter.ts/,
      ],
      ['core importing oclif', 'core/x.ts', "import {Command} from '@oclif/core'", /core is pure/],
      ['core reading process', 'core/adr/x.ts', 'export const cwd = () => process.cwd()', /no process/],
      ['core re-exporting from commands', 'core/x.ts', "export {default} from '../commands/list.js'", /not commands/],
      ['app importing a command', 'app/adr/x.ts', "import List from '../../commands/list.js'", /not commands/],
      ['app importing the base command', 'app/adr/x.ts', "import {BaseCommand} from '../../cli/base-command.js'", /not cli/],
      ['app calling fs', 'app/adr/x.ts', "import {promises as fs} from 'node:fs'", /only adapters may import node:fs/],
      ['app calling fs/promises', 'app/adr/x.ts', "import {mkdir} from 'fs/promises'", /only adapters/],
      ['app spawning a process', 'app/lint/x.ts', "import {spawn} from 'node:child_process'", /only adapters/],
      ['app reading the environment', 'app/adr/x.ts', 'export const editor = process.env.EDITOR', /app reads no process global/],
      ['app asking for its pid', 'app/adr/x.ts', 'export const pid = process.pid', /app reads no process global/],
      ['an adapter writing to stdout', 'adapters/x.ts', "process.stdout.write('x')", /streams from the command/],
      ['an adapter reading whether stdin is a terminal', 'adapters/prompter/x.ts', 'const tty = process.stdin.isTTY', /from the command/],
      ['an adapter setting the exit code', 'adapters/x.ts', 'process.exitCode = 2', /from the command/],
      ['a command reading the environment', 'commands/new.ts', 'const editor = process.env.EDITOR', /from this.context/],
      ['a command writing to stderr', 'commands/log.ts', "process.stderr.write('x')", /from this.context/],
      ['a command reading the working directory', 'commands/lint.ts', 'const here = process.cwd()', /from this.context/],
      ['a command setting the exit code', 'commands/lint.ts', 'process.exitCode = 1', /from this.context/],
      [
        'an adapter importing app',
        'adapters/git/x.ts',
        "import {lintAdrs} from '../../app/lint/lint.js'",
        /adapters may import adapters, core, not app/,
      ],
      ['an adapter reading the working directory', 'adapters/x.ts', 'export const here = process.cwd()', /from the command/],
      ['an adapter importing oclif', 'adapters/x.ts', "import {ux} from '@oclif/core'", /only commands and cli/],
      [
        'a command importing another',
        'commands/generate/toc.ts',
        "import List from '../list.js'",
        /commands may import cli, app, adapters, core, not commands/,
      ],
      ['an import that leaves src/', 'app/x.ts', "import {x} from '../../test/helpers/git-repo.js'", /imports only from src/],
    ]
    for (const [what, file, text, rule] of cases) {
      it(what, () => {
        const violations = checkFile(file, text)
        expect(violations).toHaveLength(1)
        expect(violations[0].rule).toMatch(rule)
      })
    }

    it('nothing for what the rule allows', () => {
      expect(checkFile('core/yaml/yaml.ts', "import {parse} from 'yaml'")).toEqual([])
      expect(checkFile('core/adr/front-matter.ts', "import matter from 'gray-matter'")).toEqual([])
      expect(
        checkFile('app/adr/x.ts', "import {loadAdrs} from '../../adapters/adr-store.js'\nimport type {Adr} from '../../core/adr/model.js'"),
      ).toEqual([])
      expect(checkFile('adapters/x.ts', "import {promises} from 'node:fs'\nconst pid = process.pid")).toEqual([])
      expect(checkFile('adapters/notices.ts', 'let sink = (line) => process.stderr.write(line)')).toEqual([])
      expect(checkFile('cli/base-command.ts', 'const context = {cwd: process.cwd(), env: process.env, stdout: process.stdout}')).toEqual([])
      expect(checkFile('commands/version.ts', 'const at = [process.platform, process.arch, process.version]')).toEqual([])
      expect(
        checkFile('commands/list.ts', "import {Flags} from '@oclif/core'\nimport {BaseCommand} from '../cli/base-command.js'"),
      ).toEqual([])
      expect(
        checkFile('core/adr/x.ts', "import {fromMarkdown} from 'mdast-util-from-markdown'\nimport Ajv2020 from 'ajv/dist/2020.js'"),
      ).toEqual([])
    })
  })
})
