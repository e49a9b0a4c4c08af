import {STATUSES} from '../../adr/model.js'
import {isStatus} from '../../adr/status.js'
import {formatOf} from '../../formats/index.js'
import {fileRule} from '../lint-rule.js'
import {columnOf, keyPosition, titlePosition} from '../locate.js'
import {madr, nygard} from './examples.js'

const EXPECTED = `expected one of ${STATUSES.join(', ')}`

export const status = fileRule({
  id: 'status',
  readsFrontMatter: true,
  description: `The ADR has a status and it is one of the lifecycle's: ${STATUSES.join(', ')} (any case, decoration such as \`> **✅ Accepted**\` ignored; adr-tools' "Superceded by" is read as superseded; \`.adrgate.yaml\` \`statuses:\` adds the team's own words). MADR makes the status optional: a MADR ADR without one is reported only under \`strict\`.`,
  severity: 'error',
  check({adr, profile}) {
    if (adr.status === undefined) {
      // MADR makes the status optional; `strict` asks for it
      if (formatOf(adr.format).optional.status && profile !== 'strict') return []
      const at = adr.statusLine ? {line: adr.statusLine, column: 1} : adr.frontMatter ? keyPosition(adr, 'status') : titlePosition(adr)
      return [{...at, message: `Missing status, ${EXPECTED}`}]
    }
    if (isStatus(adr.status)) return []
    const line = adr.statusLine ?? titlePosition(adr).line
    return [
      {
        line,
        column: columnOf(adr, line, adr.statusText ?? ''),
        message: `Unexpected status \`${adr.statusText ?? adr.status}\`, ${EXPECTED}`,
      },
    ]
  },
  examples: {
    ok: [
      {input: {'0001-use-postgresql.md': madr('status: accepted\ndate: 2026-05-01')}},
      {input: {'0001-record-decisions.md': nygard(1, 'Record decisions', 'Accepted')}},
      {input: {'0001-use-postgresql.md': madr('date: 2026-05-01')}},
    ],
    notOk: [
      {
        input: {'0001-use-postgresql.md': madr('status: acepted\ndate: 2026-05-01')},
        messages: [
          '0001-use-postgresql.md:2:9 Unexpected status `acepted`, expected one of proposed, accepted, rejected, deprecated, superseded',
        ],
      },
      {
        input: {'0001-use-postgresql.md': madr('date: 2026-05-01')},
        settings: {profile: 'strict'},
        messages: ['0001-use-postgresql.md:1:1 Missing status, expected one of proposed, accepted, rejected, deprecated, superseded'],
      },
      {
        input: {'0001-record-decisions.md': nygard(1, 'Record decisions', 'Maybe')},
        messages: [
          '0001-record-decisions.md:7:1 Unexpected status `Maybe`, expected one of proposed, accepted, rejected, deprecated, superseded',
        ],
      },
    ],
  },
})
