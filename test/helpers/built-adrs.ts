import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {templateLines} from '../../src/core/lint/template-text.js'
import {PROJECT_ROOT} from './run-command.js'

// ADRs built from the pieces real ones are made of (front matter, titles, headings, lines of written
// text, template text, placeholders, code, odd line breaks), and the fixtures: the inputs on which
// lint's fast paths are pinned to its general paths (test/app/lint-fast-paths.test.ts) and its worker
// threads to one thread (test/e2e/lint-threads.test.ts).

const fixtures = path.resolve(PROJECT_ROOT, 'test/fixtures')
// not the one whose YAML nests past the stack: where the parser gives up (the column of its problem)
// depends on how deep the stack is at the time, which differs from call to call
export const FIXTURES = readdirSync(fixtures, {recursive: true, encoding: 'utf8'})
  .filter((f) => f.endsWith('.md') && !f.includes('deep-nesting'))
  .map((f) => readFileSync(path.join(fixtures, f), 'utf8'))

const templatesDir = path.join(PROJECT_ROOT, 'adr-templates')
export const TEMPLATES = readdirSync(templatesDir).map((f) => readFileSync(path.join(templatesDir, f), 'utf8'))
export const TEMPLATE_LINES = templateLines(TEMPLATES)

/** Lines a section's body is made of: own text, template text, placeholders, code, odd line breaks. */
export const LINES = [
  'We chose PostgreSQL because invoices are relational.',
  'Most of the team knows it.',
  '* We measured the candidates for two weeks.',
  '- Another one',
  '1. First option',
  '12) Second option',
  '* **Good**, because it is simpler',
  '',
  '   ',
  '\t',
  '\u00a0',
  'TODO',
  'todo.',
  'a todolist is fine',
  'TBD',
  'xxx',
  '...',
  '  …  ',
  'wait...',
  '{Describe the context and problem statement}',
  'a {nospace} brace',
  'x < y',
  '<the feature or component>',
  '<!-- a comment -->',
  '`{code span}`',
  '```',
  '~~~',
  '## Decision',
  '   ### three spaces',
  '    ## four spaces',
  '#no space',
  '#',
  'The issue motivating this decision, and any context that influences or constrains the decision.',
  "The change that we're proposing or have agreed to implement.",
  'what becomes easier or more difficult',
  'a lone \r carriage return',
  '## a\rfoo',
  'foo\r## bar',
  '\r',
  '...\r',
  'text \u2028 separator',
  '## x\u2029',
  '| a | b |',
  '|---|---|',
  'Setext',
  '===',
  ...TEMPLATE_LINES.slice(0, 12),
  'Describe the situation and the question to answer in two or three sentences, or as a question.',
  'Describe the situation and the question to answer',
  'in two or three sentences, or as a question.',
  'Chosen option: "First option", because it is the only one that satisfies the most important driver, or because it comes out best overall (see below).',
  '* Good, because it makes something easier or safer',
  '* Good, because  it makes something easier or safer',
  'Good, because it makes',
  'something easier or safer',
]

const HEADINGS = [
  '## Context and Problem Statement',
  '## Considered Options',
  '## Decision Outcome',
  '### Consequences',
  '## Consequences',
  '## Context',
  '## **Context**',
  '## Context:',
  '## `Decision`',
  '## decision outcome ##',
  '## Status',
  '### Status',
  '## Decision Drivers',
  '## Changelog',
  '## History',
  '#### Decision Outcome',
  '# A second title',
]

const FRONT_MATTER = [
  '',
  '---\nstatus: accepted\ndate: 2026-01-02\n---\n',
  '---\nstatus: implemented\ndate: 2026-02-30\nunknown: 1\n---\n',
  '---\nstatus: [unclosed\n---\n',
  '---\nstatus: accepted\n',
  '---js\n{}\n---\n',
  '---\nstatus: accepted\ndate: 2026-01-02\ndrivers:\n  - {id: D1, title: Speed, weight: high}\ndecision: {chosen: x}\n---\n',
  '---\nstatus: superseded by 3\n---\n',
]

const TITLES = ['# Use PostgreSQL\n', '# 3. Use Redis\n', '', '# TODO pick a title\n', 'Title without a hash\n']
const PREAMBLES = [
  '',
  'Date: 2026-01-01\n\n## Status\n\nAccepted\n\n',
  '## Status\n\nImplemented\n\n',
  '* Status: Draft\n* Date: 2026-03-04\n\n',
]
/** Written text, and template text (which is found without parsing). */
const PROSE = [
  'We chose PostgreSQL because invoices are relational.',
  'Most of the team knows it, which shortens the learning curve.',
  '* We measured the candidates for two weeks.',
  '- The current approach no longer scales.',
  '1. PostgreSQL',
  '',
  ...TEMPLATE_LINES.slice(0, 4),
]
const CHANGELOG = ['* 2021-03-04: first draft', 'No date here', '']

/** A small deterministic generator: the same ADRs on every run. */
export function* builtAdrs(count: number, seed = 11): Generator<{file: string; text: string}> {
  let state = seed
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    // the high bits: an LCG's low bits repeat with a short period
    return Math.floor((state / 2 ** 31) * n)
  }
  const pick = <T>(items: readonly T[]) => items[next(items.length)]
  for (let i = 0; i < count; i++) {
    let text = pick(FRONT_MATTER) + pick(TITLES) + pick(PREAMBLES)
    const sections = 1 + next(6)
    for (let s = 0; s < sections; s++) {
      const heading = pick(HEADINGS)
      // mostly written text, as in real ADRs (a section with anything else is parsed, on both paths alike)
      const line = () => (heading === '## Changelog' ? pick(CHANGELOG) : next(4) === 0 ? pick(LINES) : pick(PROSE))
      const body = Array.from({length: next(5)}, line)
      text += `\n${heading}\n\n${body.join('\n')}\n`
    }
    if (next(10) === 0) text = text.replaceAll('\n', '\r\n')
    if (next(20) === 0) text = `\ufeff${text}`
    yield {file: `${String(i + 1).padStart(4, '0')}-${pick(['use-postgresql', 'use-redis', 'other'])}.md`, text}
  }
}
