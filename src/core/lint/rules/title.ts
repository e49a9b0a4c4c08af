import {formatOf} from '../../formats/index.js'
import {fileRule, type LintFinding} from '../lint-rule.js'
import {fileLines, titlePosition} from '../locate.js'
import {MADR_BODY, MINIMAL, madr, nygard} from './examples.js'

const NUMBERED_TITLE = /^#\s+(?:ADR[-_ ]?)?0*(\d+)[.:]?\s/i
const PLACEHOLDER = /^\{.*\}$|^\[.*\]$|^(?:title|todo|tbd|untitled)$/i

export const title = fileRule({
  id: 'title',
  description:
    'The ADR has a title (`# Title`) that is not a template placeholder; in the adr-tools format the title carries the number of the file name (`# 7. Use PostgreSQL` in `0007-use-postgresql.md`).',
  severity: 'error',
  check({adr}): LintFinding[] {
    if (!adr.title) {
      const parsed = adr.problems.find((p) => p.rule === 'parse/title')
      return [{...(parsed ?? {...titlePosition(adr)}), message: 'Missing title, expected a `# Title` heading at the top of the body'}]
    }
    if (PLACEHOLDER.test(adr.title.trim())) {
      return [{...titlePosition(adr), message: `Unexpected template title \`${adr.title}\`, expected the decision's own title`}]
    }
    if (!formatOf(adr.format).numberedTitle || adr.number === undefined || !adr.titleLine) return []
    const heading = fileLines(adr)[adr.titleLine - 1] ?? ''
    const match = NUMBERED_TITLE.exec(heading)
    if (!match) {
      return [{line: adr.titleLine, column: 1, message: `Unexpected title without its number, expected \`# ${adr.number}. ${adr.title}\``}]
    }
    if (Number(match[1]) !== adr.number) {
      return [
        {
          line: adr.titleLine,
          column: heading.indexOf(match[1]) + 1,
          message: `Unexpected number ${Number(match[1])} in the title, expected ${adr.number} as in the file name`,
        },
      ]
    }
    return []
  },
  examples: {
    ok: [{input: {'0001-use-postgresql.md': madr(MINIMAL)}}, {input: {'0002-record-decisions.md': nygard(2, 'Record decisions')}}],
    notOk: [
      {
        input: {'0002-record-decisions.md': nygard(3, 'Record decisions')},
        messages: ['0002-record-decisions.md:1:3 Unexpected number 3 in the title, expected 2 as in the file name'],
      },
      {
        input: {'0001-use-postgresql.md': `---\n${MINIMAL}\n---\n${MADR_BODY}`},
        messages: ['0001-use-postgresql.md:6:1 Missing title, expected a `# Title` heading at the top of the body'],
      },
      {
        input: {'0001-use-postgresql.md': madr(MINIMAL, '{short title, representative of solved problem and found solution}')},
        messages: [
          "0001-use-postgresql.md:6:1 Unexpected template title `{short title, representative of solved problem and found solution}`, expected the decision's own title",
        ],
      },
    ],
  },
})
