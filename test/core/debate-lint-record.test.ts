import {describe, expect, it} from 'vitest'
import {checkDebateRecord} from '../../src/core/debate/check-record.js'
import {lintDebateRecord} from '../../src/core/debate/lint-record.js'
import {progress} from '../../src/core/debate/rules/progress.js'
import {ACCEPTED, adrFile, loadDebate, PROPOSED, readDebate, TODAY, toYaml} from './debate-fixtures.js'

const lint = (text: string, adrs = ACCEPTED, today = TODAY) =>
  lintDebateRecord(text, 'docs/adr/debates/0012-primary-datastore.yaml', {adrs, today})
const lineOf = (text: string, fragment: string) => text.split('\n').findIndex((line) => line.includes(fragment)) + 1

describe('lintDebateRecord', () => {
  it('passes the valid full-track and fast-track records', () => {
    expect(lint(readDebate('valid-full-track.yaml'))).toEqual([])
    expect(lint(readDebate('valid-fast-track.yaml'))).toEqual([])
  })

  const tampered: [string, string, string][] = [
    ['tampered-driver-changed.yaml', 'debate/drivers-lock', 'drivers_lock: '],
    ['tampered-totals-edited.yaml', 'debate/results', 'total: 4.55'],
    ['tampered-override-no-rationale.yaml', 'debate/decision', 'chosen: mongodb'],
    ['tampered-fast-track-one-way.yaml', 'debate/fast-track', 'track: fast'],
    ['tampered-missing-commitment.yaml', 'debate/missing-commitment', 'commitments:'],
  ]
  for (const [file, rule, at] of tampered) {
    it(`fails ${file} with ${rule}, located at the tampered node`, () => {
      const text = readDebate(file)
      const problems = lint(text).filter((p) => p.rule === rule)
      expect(problems).toHaveLength(1)
      expect(problems[0]).toMatchObject({severity: 'error', line: lineOf(text, at)})
      expect(problems[0].message).toMatch(/^Unexpected /)
    })
  }

  it('reports invalid YAML as debate/yaml, located', () => {
    const problems = lint('schema_version: 1\nadr: [unclosed\nroles: {}\n')
    expect(problems[0]).toMatchObject({rule: 'debate/yaml', severity: 'error'})
    expect(problems[0].line).toBeGreaterThanOrEqual(2)
  })

  it('reports a duplicate key as debate/yaml', () => {
    expect(lint('schema_version: 1\nschema_version: 1\n').map((p) => p.rule)).toEqual(['debate/yaml'])
  })

  it('reports a schema violation as debate/schema at the YAML node', () => {
    const text = readDebate('valid-full-track.yaml').replace(
      'participant: alice, option: postgresql, driver: D1, score: 5',
      'participant: alice, option: postgresql, driver: D1, score: 9',
    )
    const problems = lint(text)
    expect(problems).toMatchObject([{rule: 'debate/schema', line: lineOf(text, 'score: 9')}])
  })

  it('reports an unknown key at the key', () => {
    const text = readDebate('valid-fast-track.yaml').replace('track: fast\n', 'track: fast\nwinner: postmark\n')
    expect(lint(text)).toMatchObject([
      {rule: 'debate/schema', line: lineOf(text, 'winner: postmark'), column: 1, message: expect.stringContaining('`winner`')},
    ])
  })

  it('says which gate requires a missing key', () => {
    const text = readDebate('valid-fast-track.yaml').replace(/^question: .*\n/m, '')
    expect(lint(text)).toMatchObject([{rule: 'debate/schema', message: expect.stringContaining('once G1 has passed')}])
  })

  it('names the gate only for a key a gate requires', () => {
    const full = readDebate('valid-full-track.yaml')
    const noAgreed = full.replace(/ {2}agreed:\n( {4}D\d: \d+\n)+/, '')
    expect(lint(noAgreed)).toMatchObject([
      {rule: 'debate/schema', message: 'Missing `agreed` in `weights`, expected it once G3 has passed on the full track'},
    ])
    const noMeasure = full.replace('    measure: p95 under 2 seconds.\n', '')
    expect(lint(noMeasure)).toMatchObject([
      {
        rule: 'debate/schema',
        message: 'Missing `measure` or `qualitative_reason` in `drivers[2]`, expected one of them once G3 has passed on the full track',
      },
    ])
    const noOwner = full.replace('    owner_of_experiment: bob\n', '')
    expect(lint(noOwner)).toMatchObject([{rule: 'debate/schema', message: 'Missing `owner_of_experiment` in `cruxes[0]`, expected it'}])
  })

  it('reports a record whose ADR does not exist', () => {
    const problems = lint(readDebate('valid-full-track.yaml'), [adrFile('0001-record-architecture-decisions.md', 'accepted')])
    expect(problems).toMatchObject([{rule: 'debate/adr', line: 5}])
  })

  it('reports an accepted record whose ADR is still proposed, and a proposed ADR only after G8', () => {
    expect(lint(readDebate('valid-full-track.yaml'), PROPOSED).map((p) => p.rule)).toEqual(['debate/adr'])
    const unfinished = readDebate('valid-fast-track.yaml').replace(/ {2}- \{gate: G8.*\n/, '')
    expect(lint(unfinished, PROPOSED)).toEqual([])
    expect(lint(unfinished, ACCEPTED).map((p) => p.rule)).toEqual(['debate/adr'])
  })

  it('warns about an overdue revisit', () => {
    const problems = lint(readDebate('valid-fast-track.yaml'), ACCEPTED, '2026-09-01')
    expect(problems).toMatchObject([{rule: 'debate/revisit-overdue', severity: 'warning'}])
  })

  it('reports a change to an accepted record, but not a new revisit review', () => {
    const before = readDebate('valid-full-track.yaml')
    const withReview = before.replace(
      '      source: R2\n',
      '      source: R2\n  reviews:\n    - {date: 2026-06-01, by: dana, outcome: keep}\n',
    )
    expect(lintDebateRecord(withReview, 'x.yaml', {adrs: ACCEPTED, today: TODAY, previous: before})).toEqual([])
    const edited = before.replace('measure: p95 under 2 seconds.', 'measure: p95 under 5 seconds.')
    const problems = lintDebateRecord(edited, 'x.yaml', {adrs: ACCEPTED, today: TODAY, previous: before})
    expect(problems.filter((p) => p.rule === 'debate/accepted-frozen')).toMatchObject([{line: lineOf(edited, 'p95 under 5 seconds')}])
  })

  it('lints a debate half-way through a loop-back clean: the redone gates wait for their new pass', () => {
    const record = structuredClone(loadDebate('valid-full-track.yaml'))
    progress.examples.ok[0].apply(record)
    expect(lintDebateRecord(toYaml(record), 'x.yaml', {adrs: PROPOSED, today: TODAY})).toEqual([])
    record.in_progress = undefined
    const rules = new Set(lintDebateRecord(toYaml(record), 'x.yaml', {adrs: PROPOSED, today: TODAY}).map((p) => p.rule))
    expect([...rules].sort()).toEqual(['debate/drivers-lock', 'debate/results', 'debate/score-completeness'])
  })

  it('never crashes a rule, whatever optional part of the record is missing', () => {
    for (const base of [loadDebate('valid-full-track.yaml'), loadDebate('valid-fast-track.yaml')]) {
      for (const key of Object.keys(base)) {
        for (const gates of [base.gate_log.length, 0]) {
          const record = structuredClone(base) as unknown as Record<string, unknown>
          delete record[key]
          if (key !== 'gate_log') record.gate_log = base.gate_log.slice(0, gates)
          const problems = lintDebateRecord(toYaml(record as never), 'x.yaml', {adrs: ACCEPTED, today: TODAY})
          expect(
            problems.filter((p) => p.message.startsWith('Unexpected failure')),
            `${key} after ${gates} gates`,
          ).toEqual([])
        }
      }
    }
  })
})

describe('checkDebateRecord', () => {
  it('checks an in-memory record by data path, with no ADR list', () => {
    const record = loadDebate('valid-full-track.yaml')
    expect(checkDebateRecord(record, {today: TODAY})).toEqual([])
    record.decision!.chosen = 'mongodb'
    expect(checkDebateRecord(record, {today: TODAY})).toMatchObject([
      {rule: 'debate/decision', path: ['decision', 'chosen'], severity: 'error'},
    ])
  })
})
