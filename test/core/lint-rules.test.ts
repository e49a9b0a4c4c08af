import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parseAdr} from '../../src/core/adr/parse-adr.js'
import type {FileFinding, LintFinding, LintSettings, Rule, RuleExample} from '../../src/core/lint/lint-rule.js'
import {parseMarkdown} from '../../src/core/lint/markdown-body.js'
import {RULES} from '../../src/core/lint/rules/index.js'
import {compileAdrSchemas} from '../../src/core/lint/schema-validate.js'
import {PROJECT_ROOT} from '../helpers/run-command.js'

const validator = compileAdrSchemas(JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'schemas/adr.schema.json'), 'utf8')))

/** Runs one rule on an example's files and returns `file:line:col message` strings. */
function run(rule: Rule, example: RuleExample): string[] {
  const settings: LintSettings = {profile: 'recommended', today: '2026-06-01', validator, ...example.settings}
  const adrs = Object.entries(example.input).map(([file, text]) => parseAdr(text, file, {statuses: example.settings?.statuses}))
  const findings: FileFinding[] =
    rule.scope === 'repository'
      ? rule.check({...settings, adrs})
      : adrs.flatMap((adr) => {
          const found: LintFinding[] = rule.check({...settings, adr, markdown: parseMarkdown})
          return found.map((f) => ({...f, file: adr.file}))
        })
  return findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`)
}

describe.each(RULES.map((rule) => [rule.id, rule] as const))('rule %s', (_id, rule) => {
  it('has a description, a severity in every profile and examples both ways', () => {
    expect(rule.description.length).toBeGreaterThan(20)
    expect(Object.keys(rule.severity).sort()).toEqual(['adr-tools', 'recommended', 'strict'])
    expect(rule.examples.ok.length).toBeGreaterThan(0)
    expect(rule.examples.notOk.length).toBeGreaterThan(0)
  })

  it.each(rule.examples.ok.map((example, i) => [i, example] as const))('accepts example %i', (_i, example) => {
    expect(run(rule, example)).toEqual([])
  })

  it.each(rule.examples.notOk.map((example, i) => [i, example] as const))('reports example %i', (_i, example) => {
    expect(run(rule, example)).toEqual(example.messages)
  })
})

it('rule ids are unique', () => {
  expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length)
})
