import {parseFileName} from '../../adr/file-name.js'
import {indexAdrs, isExternal} from '../link-index.js'
import {type FileFinding, repositoryRule} from '../lint-rule.js'
import {MINIMAL, madr, nygard} from './examples.js'

export const linkTarget = repositoryRule({
  id: 'link-target',
  description:
    'Every link between ADRs (front matter `links:`, adr-tools status links) points at an ADR that exists: a link that names a path must name an existing file (when its number names another file, the message says which).',
  severity: 'error',
  check({adrs, elsewhere, unreadable = []}) {
    const index = indexAdrs(adrs, elsewhere)
    // a link to a file that exists but could not be read is not broken: `parse/read` says what is wrong
    const unread = new Set(unreadable.flatMap((file) => [file, String(parseFileName(file).number)]))
    const findings: FileFinding[] = []
    for (const adr of adrs) {
      for (const link of adr.links) {
        if (isExternal(link)) continue
        const found = index.resolution(link)
        if (found?.by === 'path' || (found && !link.targetFile)) continue
        if (unread.has(link.targetFile ?? '') || unread.has(String(link.targetNumber ?? ''))) continue
        if (link.targetFile) {
          // a path that does not exist; when its number names another file, say which (in this directory: not for a link into another)
          const leaves = index.leaves(link)
          const byNumber = link.targetNumber === undefined || leaves ? undefined : index.byNumber(link.targetNumber)
          // a path into another directory is shown as written: its bare file name would read as one of this directory
          const shown = leaves ? link.target : link.targetFile
          findings.push({
            file: adr.file,
            line: link.line,
            column: 1,
            message: byNumber
              ? `Unexpected link \`${link.rel}\` to \`${shown}\`: ${shown} does not exist; ADR ${link.targetNumber} is ${byNumber.file}`
              : `Unexpected link \`${link.rel}\` to \`${shown}\`: ${shown} does not exist, expected the file of an existing ADR`,
          })
          continue
        }
        findings.push({
          file: adr.file,
          line: link.line,
          column: 1,
          message: `Unexpected link \`${link.rel}\` to \`${link.target}\`, expected an existing ADR (a number or a file name in this directory)`,
        })
      }
    }
    return findings
  },
  examples: {
    ok: [
      {
        input: {
          '0001-first.md': madr(`${MINIMAL}\nlinks:\n  - {rel: relates to, target: 2}`, 'First'),
          '0002-second.md': madr(`${MINIMAL}\nlinks:\n  - {rel: relates to, target: 0001-first.md}`, 'Second'),
        },
      },
    ],
    notOk: [
      {
        input: {'0001-first.md': madr(`${MINIMAL}\nlinks:\n  - {rel: amends, target: 9}`, 'First'), '0002-second.md': nygard(2, 'Second')},
        messages: [
          '0001-first.md:6:1 Unexpected link `amends` to `9`, expected an existing ADR (a number or a file name in this directory)',
        ],
      },
      {
        input: {
          '0001-first.md': nygard(1, 'First'),
          '0002-second.md': nygard(2, 'Second', 'Accepted\n\nAmends [1. Frist](0001-frist.md)'),
        },
        messages: ['0002-second.md:9:1 Unexpected link `Amends` to `0001-frist.md`: 0001-frist.md does not exist; ADR 1 is 0001-first.md'],
      },
    ],
  },
})
