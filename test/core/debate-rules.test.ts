import {describe, expect, it} from 'vitest'
import {lintDebateRecord} from '../../src/core/debate/lint-record.js'
import {DEBATE_RULES} from '../../src/core/debate/rules/index.js'
import {ACCEPTED, loadDebate, TODAY, toYaml} from './debate-fixtures.js'

const BASES = {full: loadDebate('valid-full-track.yaml'), fast: loadDebate('valid-fast-track.yaml')}

function lintExample(base: 'full' | 'fast' | undefined, apply: (r: typeof BASES.full) => void) {
  const record = structuredClone(BASES[base ?? 'full'])
  apply(record)
  const text = toYaml(record)
  return {text, problems: lintDebateRecord(text, 'example.yaml', {adrs: ACCEPTED, today: TODAY})}
}

describe('debate code rules', () => {
  it('have unique `debate/…` ids, a description and at least one example each way', () => {
    const ids = DEBATE_RULES.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const rule of DEBATE_RULES) {
      expect(rule.id).toMatch(/^debate\/[a-z-]+$/)
      expect(rule.description.length).toBeGreaterThan(10)
      expect(rule.examples.ok.length).toBeGreaterThan(0)
      expect(rule.examples.notOk.length).toBeGreaterThan(0)
    }
  })

  for (const rule of DEBATE_RULES) {
    describe(rule.id, () => {
      for (const example of rule.examples.ok) {
        it(`accepts ${example.description}`, () => {
          const {problems} = lintExample(example.base, example.apply)
          expect(problems.filter((p) => p.rule === rule.id)).toEqual([])
          expect(problems.filter((p) => p.rule === 'debate/schema')).toEqual([])
        })
      }
      for (const example of rule.examples.notOk) {
        it(`reports ${example.description}`, () => {
          const {text, problems} = lintExample(example.base, example.apply)
          expect(problems.filter((p) => p.rule === 'debate/schema')).toEqual([])
          const mine = problems.filter((p) => p.rule === rule.id)
          expect(mine.map((p) => p.message).join('\n')).toContain(example.message ?? '')
          expect(mine[0].severity).toBe(rule.severity ?? 'error')
          expect(mine[0].line).toBeGreaterThanOrEqual(1)
          expect(mine[0].line).toBeLessThanOrEqual(text.split('\n').length)
        })
      }
    })
  }
})
