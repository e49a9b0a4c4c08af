import {describe, expect, it} from 'vitest'
import {escapeData, escapeProperty, formatGithub} from '../../src/core/lint/formatters/github.js'
import {formatJson} from '../../src/core/lint/formatters/json.js'
import {fingerprint, formatSarif} from '../../src/core/lint/formatters/sarif.js'
import {formatText} from '../../src/core/lint/formatters/text.js'
import type {LintProblem} from '../../src/core/lint/lint-rule.js'
import {buildReport} from '../../src/core/lint/report.js'

const PROBLEMS: LintProblem[] = [
  {
    file: 'docs/adr/0001-use-postgresql.md',
    line: 2,
    column: 9,
    severity: 'error',
    rule: 'status',
    message: 'Unexpected status `acepted`, expected one of proposed, accepted, rejected, deprecated, superseded',
  },
  {
    file: 'docs/adr/0003-use-redis.md',
    line: 1,
    column: 1,
    severity: 'warning',
    rule: 'numbering-gap',
    message: 'Unexpected gap in numbering: 2 is missing before 3, expected consecutive numbers',
  },
]
const FILES = ['docs/adr/0001-use-postgresql.md', 'docs/adr/0003-use-redis.md']
const report = buildReport(FILES, PROBLEMS)

describe('text', () => {
  it('prints `path:line:col  severity  message  rule-id` and a summary', () => {
    expect(formatText(report)).toBe(
      'docs/adr/0001-use-postgresql.md:2:9  error  Unexpected status `acepted`, expected one of proposed, accepted, rejected, deprecated, superseded  status\n' +
        'docs/adr/0003-use-redis.md:1:1  warning  Unexpected gap in numbering: 2 is missing before 3, expected consecutive numbers  numbering-gap\n' +
        '\n' +
        '2 problems (1 error, 1 warning) in 2 files checked\n',
    )
  })

  it('says so when clean, when warnings are hidden and when there are too many', () => {
    expect(formatText(buildReport(FILES, []))).toBe('2 files checked: no problems\n')
    expect(formatText(buildReport(FILES, [PROBLEMS[1]], {quiet: true}))).toBe('2 files checked: no problems (1 warning hidden)\n')
    expect(formatText(buildReport(FILES, [PROBLEMS[1]], {maxWarnings: 0}))).toBe(
      'docs/adr/0003-use-redis.md:1:1  warning  Unexpected gap in numbering: 2 is missing before 3, expected consecutive numbers  numbering-gap\n' +
        '\n' +
        '1 problem (0 errors, 1 warning) in 2 files checked\n' +
        'Too many warnings: 1, expected at most 0 (--max-warnings)\n',
    )
  })
})

describe('json', () => {
  it('is the report object', () => {
    expect(formatJson(buildReport(FILES.slice(0, 1), PROBLEMS.slice(0, 1)))).toBe(`{
  "files": [
    "docs/adr/0001-use-postgresql.md"
  ],
  "problems": [
    {
      "file": "docs/adr/0001-use-postgresql.md",
      "line": 2,
      "column": 9,
      "severity": "error",
      "rule": "status",
      "message": "Unexpected status \`acepted\`, expected one of proposed, accepted, rejected, deprecated, superseded"
    }
  ],
  "summary": {
    "files": 1,
    "errors": 1,
    "warnings": 0,
    "ok": false
  }
}
`)
  })
})

describe('github', () => {
  it('escapes data and properties as the Actions runner reads them', () => {
    expect(escapeData('50% done\r\nnext line')).toBe('50%25 done%0D%0Anext line')
    expect(escapeProperty('a,b:c%\n')).toBe('a%2Cb%3Ac%25%0A')
  })

  it('prints one annotation per problem, then the full text report', () => {
    const tricky = buildReport(
      ['docs/adr/0001-a,b.md'],
      [{...PROBLEMS[0], file: 'docs/adr/0001-a,b.md', message: 'line one\nline two: 100%'}],
    )
    expect(formatGithub(tricky)).toBe(
      '::error file=docs/adr/0001-a%2Cb.md,line=2,col=9,title=adrgate status::line one%0Aline two: 100%25\n' +
        'docs/adr/0001-a,b.md:2:9  error  line one line two: 100%  status\n' +
        '\n' +
        '1 problem (1 error, 0 warnings) in 1 file checked\n',
    )
    expect(formatGithub(report).split('\n').slice(0, 2)).toEqual([
      '::error file=docs/adr/0001-use-postgresql.md,line=2,col=9,title=adrgate status::Unexpected status `acepted`, expected one of proposed, accepted, rejected, deprecated, superseded',
      '::warning file=docs/adr/0003-use-redis.md,line=1,col=1,title=adrgate numbering-gap::Unexpected gap in numbering: 2 is missing before 3, expected consecutive numbers',
    ])
  })
})

describe('sarif', () => {
  const sarif = JSON.parse(formatSarif(report, '1.2.3'))

  it('is SARIF 2.1.0 with the tool, its rules and one result per problem', () => {
    expect(sarif).toMatchObject({version: '2.1.0', $schema: 'https://json.schemastore.org/sarif-2.1.0.json'})
    const driver = sarif.runs[0].tool.driver
    expect(driver).toMatchObject({name: 'adrgate', version: '1.2.3'})
    expect(driver.rules[sarif.runs[0].results[0].ruleIndex].id).toBe('status')
    expect(sarif.runs[0].results[0]).toEqual({
      ruleId: 'status',
      ruleIndex: driver.rules.findIndex((r: {id: string}) => r.id === 'status'),
      level: 'error',
      message: {text: PROBLEMS[0].message},
      locations: [
        {
          physicalLocation: {
            artifactLocation: {uri: 'docs/adr/0001-use-postgresql.md', uriBaseId: '%SRCROOT%'},
            region: {startLine: 2, startColumn: 9},
          },
        },
      ],
      partialFingerprints: {'adrgate/v1': fingerprint(PROBLEMS[0])},
    })
  })

  it('keeps fingerprints when a problem moves to another line, and adds unknown rule ids (debate/…)', () => {
    expect(fingerprint({...PROBLEMS[0]})).toBe(fingerprint({...PROBLEMS[0], line: 40} as LintProblem))
    expect(fingerprint(PROBLEMS[0])).not.toBe(fingerprint(PROBLEMS[1]))
    const debate = JSON.parse(formatSarif(buildReport([], [{...PROBLEMS[0], rule: 'debate/weights'}]), '1.2.3'))
    const {rules} = debate.runs[0].tool.driver
    expect(rules[debate.runs[0].results[0].ruleIndex].id).toBe('debate/weights')
  })
})
