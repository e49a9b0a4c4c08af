import {statusSynonym} from '../../adr/status.js'
import {fileRule} from '../lint-rule.js'
import {columnOf} from '../locate.js'
import {madr, nygard} from './examples.js'

export const statusSynonymRule = fileRule({
  id: 'status-synonym',
  description:
    "A status written with a common synonym (`Implemented`, `Approved`, `Pending`, `Draft`, `On hold` …) is read as its lifecycle status and reported, with the `.adrgate.yaml` `statuses:` line that makes the word the team's own (after which it is not reported).",
  severity: ['off', 'warn', 'warn'],
  check({adr, statuses}) {
    if (adr.statusText === undefined || adr.statusLine === undefined) return []
    const synonym = statusSynonym(adr.statusText, statuses)
    if (!synonym) return []
    const key = /\s/.test(synonym.word) ? `'${synonym.word}'` : synonym.word
    return [
      {
        line: adr.statusLine,
        column: columnOf(adr, adr.statusLine, adr.statusText.trim().slice(0, 10)),
        message: `Unexpected status \`${adr.statusText.trim()}\`, read as ${synonym.status}: add \`statuses: {${key}: ${synonym.status}}\` to .adrgate.yaml to make it yours`,
      },
    ]
  },
  examples: {
    ok: [
      {input: {'0001-record-decisions.md': nygard(1, 'Record decisions', 'Accepted')}},
      {
        input: {'0001-use-postgresql.md': madr('status: implemented\ndate: 2026-05-01')},
        settings: {statuses: {implemented: 'accepted'}},
      },
    ],
    notOk: [
      {
        input: {'0001-record-decisions.md': nygard(1, 'Record decisions', 'Implemented')},
        messages: [
          '0001-record-decisions.md:7:1 Unexpected status `Implemented`, read as accepted: add `statuses: {implemented: accepted}` to .adrgate.yaml to make it yours',
        ],
      },
      {
        input: {'0001-use-postgresql.md': madr('status: on hold\ndate: 2026-05-01')},
        messages: [
          "0001-use-postgresql.md:2:9 Unexpected status `on hold`, read as proposed: add `statuses: {'on hold': proposed}` to .adrgate.yaml to make it yours",
        ],
      },
    ],
  },
})
