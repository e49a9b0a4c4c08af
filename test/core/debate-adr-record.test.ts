import {describe, expect, it} from 'vitest'
import {parseAdr} from '../../src/core/adr/parse-adr.js'
import {ADR_RECORD_RULE, checkAdrAgainstRecord} from '../../src/core/debate/adr-record.js'
import type {DebateRecord} from '../../src/core/debate/record.js'
import {renderDebateAdr} from '../../src/core/debate/render-adr.js'
import {EXTERNAL_RULES} from '../../src/core/lint/profiles.js'
import {invoicingAnswers, play} from './debate-gates-helpers.js'

const KEY = 'debates/0001-primary-datastore.yaml'

async function decided(): Promise<DebateRecord> {
  const {record, error} = await play(invoicingAnswers(), [], {interactive: false})
  expect(error).toBeUndefined()
  return record
}

function adrOf(record: DebateRecord): string {
  return renderDebateAdr(record, {title: 'Primary datastore', status: 'accepted', date: '2026-11-20', debate: KEY})
}

describe(`${ADR_RECORD_RULE.id}: the ADR is held to its record`, async () => {
  const record = await decided()
  for (const example of ADR_RECORD_RULE.examples.ok) {
    it(`passes: ${example.description}`, () => {
      const text = (example.editAdr ?? ((t) => t))(adrOf(record))
      expect(checkAdrAgainstRecord(parseAdr(text, '0001-primary-datastore.md'), record, KEY)).toEqual([])
    })
  }
  for (const example of ADR_RECORD_RULE.examples.notOk) {
    it(`fails: ${example.description}`, () => {
      const original = adrOf(record)
      const text = (example.editAdr ?? ((t) => t))(original)
      expect(text).not.toBe(original)
      const findings = checkAdrAgainstRecord(parseAdr(text, '0001-primary-datastore.md'), record, KEY)
      expect(findings.map((f) => f.message)).toEqual(example.messages)
    })
  }

  it('locates the finding where the ADR was edited', () => {
    const text = adrOf(record).replace('chosen: postgresql', 'chosen: mongodb')
    const line = text.split('\n').findIndex((l) => l.includes('chosen: mongodb')) + 1
    const [finding] = checkAdrAgainstRecord(parseAdr(text, '0001-primary-datastore.md'), record, KEY)
    expect(finding).toMatchObject({line, column: text.split('\n')[line - 1].indexOf('mongodb') + 1})
  })

  it('skips an ADR that does not point at this record', () => {
    const text = adrOf(record).replace(`debate: ${KEY}`, 'debate: debates/other.yaml').replace('chosen: postgresql', 'chosen: mongodb')
    expect(checkAdrAgainstRecord(parseAdr(text, '0001-primary-datastore.md'), record, KEY)).toEqual([])
  })

  it('is listed with the lint rules (docs/rules.md)', () => {
    expect(EXTERNAL_RULES.map((r) => r.id)).toContain(ADR_RECORD_RULE.id)
  })
})
