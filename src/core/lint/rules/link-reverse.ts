import {reverseRel} from '../../adr/status.js'
import {indexAdrs, isExternal, nameFrom} from '../link-index.js'
import {type FileFinding, repositoryRule} from '../lint-rule.js'
import {MINIMAL, madr} from './examples.js'

/** Supersede pairs are checked, with their status, by `superseded-successor`. */
const SUPERSEDE = new Set(['supersedes', 'superseded by'])

export const linkReverse = repositoryRule({
  id: 'link-reverse',
  description:
    'Every link of a known relation has its reverse in the target (amends / amended by, clarifies / clarified by, relates to / relates to, …, and the pairs of `relations:` in .adrgate.yaml), as `adr link` writes them.',
  severity: 'error',
  check({adrs, elsewhere, relations}) {
    const index = indexAdrs(adrs, elsewhere)
    const findings: FileFinding[] = []
    for (const adr of adrs) {
      for (const link of adr.links) {
        const reverse = reverseRel(link.relKey, relations)
        if (!reverse || SUPERSEDE.has(link.relKey) || isExternal(link)) continue
        const target = index.resolve(link)
        if (!target || target === adr || index.hasLink(target, reverse, adr)) continue
        findings.push({
          file: adr.file,
          line: link.line,
          column: 1,
          message: `Unexpected one-way link \`${link.rel}\` to ${nameFrom(target, adr)}, expected the reverse link \`${reverse}\` back to ${nameFrom(adr, target)} in it`,
        })
      }
    }
    return findings
  },
  examples: {
    ok: [
      {
        input: {
          '0001-first.md': madr(`${MINIMAL}\nlinks:\n  - {rel: amended by, target: 2}`, 'First'),
          '0002-second.md': madr(`${MINIMAL}\nlinks:\n  - {rel: amends, target: 1}`, 'Second'),
        },
      },
    ],
    notOk: [
      {
        input: {
          '0001-first.md': madr(MINIMAL, 'First'),
          '0002-second.md': madr(`${MINIMAL}\nlinks:\n  - {rel: amends, target: 1}`, 'Second'),
        },
        messages: [
          '0002-second.md:6:1 Unexpected one-way link `amends` to 0001-first.md, expected the reverse link `amended by` back to 0002-second.md in it',
        ],
      },
      {
        // a relation the team configured (`relations: {implements: implemented by}`) is checked the same way
        input: {
          '0001-first.md': madr(MINIMAL, 'First'),
          '0002-second.md': madr(`${MINIMAL}\nlinks:\n  - {rel: Implements, target: 1}`, 'Second'),
        },
        settings: {relations: {implements: 'implemented by'}},
        messages: [
          '0002-second.md:6:1 Unexpected one-way link `Implements` to 0001-first.md, expected the reverse link `implemented by` back to 0002-second.md in it',
        ],
      },
    ],
  },
})
