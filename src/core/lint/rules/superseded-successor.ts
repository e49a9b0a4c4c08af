import type {Adr} from '../../adr/model.js'
import {indexAdrs, nameFrom, successorLinks} from '../link-index.js'
import {type FileFinding, repositoryRule} from '../lint-rule.js'
import {madr, nygard} from './examples.js'

export const supersededSuccessor = repositoryRule({
  id: 'superseded-successor',
  description:
    'A superseded ADR names its successor (`superseded by`), the successor supersedes it (`supersedes`), and an ADR that another supersedes has the status superseded.',
  severity: 'error',
  check({adrs, elsewhere}) {
    const index = indexAdrs(adrs, elsewhere)
    const findings: FileFinding[] = []
    const at = (adr: Adr, line: number | undefined, message: string) => findings.push({file: adr.file, line: line ?? 1, column: 1, message})
    for (const adr of adrs) {
      const successors = successorLinks(adr)
      if (adr.status === 'superseded' && successors.length === 0) {
        at(
          adr,
          adr.statusLine,
          'Unexpected superseded ADR that names no successor, expected a `superseded by` link to the ADR that replaces it',
        )
      }
      for (const link of successors) {
        const successor = index.resolve(link)
        if (!successor) continue
        if (adr.status !== 'superseded' && adr.status !== undefined) {
          at(adr, adr.statusLine ?? link.line, `Unexpected status ${adr.status} with a \`superseded by\` link, expected superseded`)
        }
        if (!index.hasLink(successor, 'supersedes', adr)) {
          at(
            adr,
            link.line,
            `Unexpected successor ${nameFrom(successor, adr)} that does not supersede this ADR, expected a \`supersedes\` link to ${nameFrom(adr, successor)} in it`,
          )
        }
      }
      for (const link of adr.links.filter((l) => l.relKey === 'supersedes')) {
        const old = index.resolve(link)
        if (!old || old === adr) continue
        if (!successorLinks(old).some((l) => index.resolve(l) === adr)) {
          at(
            adr,
            link.line,
            `Unexpected supersedes link to ${nameFrom(old, adr)}, which does not name this ADR as its successor, expected a \`superseded by\` link to ${nameFrom(adr, old)} in it`,
          )
        } else if (old.status !== 'superseded') {
          at(adr, link.line, `Unexpected superseded ADR ${nameFrom(old, adr)} with status ${old.status ?? 'missing'}, expected superseded`)
        }
      }
    }
    return findings
  },
  examples: {
    ok: [
      {
        input: {
          '0001-first.md': nygard(1, 'First', 'Superceded by [2. Second](0002-second.md)'),
          '0002-second.md': nygard(2, 'Second', 'Accepted\n\nSupercedes [1. First](0001-first.md)'),
        },
      },
      {
        // a team's own word for it: the link in the status line names the successor
        input: {
          '0001-first.md': nygard(1, 'First', 'Replaced by [2. Second](0002-second.md)'),
          '0002-second.md': nygard(2, 'Second', 'Accepted\n\nSupercedes [1. First](0001-first.md)'),
        },
      },
      {
        input: {
          '0001-first.md': madr('status: superseded by ADR-0002\ndate: 2026-05-01', 'First'),
          '0002-second.md': madr('status: accepted\ndate: 2026-06-01\nlinks:\n  - {rel: supersedes, target: 1}', 'Second'),
        },
      },
    ],
    notOk: [
      {
        input: {'0001-first.md': nygard(1, 'First', 'Superseded'), '0002-second.md': nygard(2, 'Second')},
        messages: [
          '0001-first.md:7:1 Unexpected superseded ADR that names no successor, expected a `superseded by` link to the ADR that replaces it',
        ],
      },
      {
        input: {'0001-first.md': nygard(1, 'First', 'Superceded by [2. Second](0002-second.md)'), '0002-second.md': nygard(2, 'Second')},
        messages: [
          '0001-first.md:7:1 Unexpected successor 0002-second.md that does not supersede this ADR, expected a `supersedes` link to 0001-first.md in it',
        ],
      },
    ],
  },
})
