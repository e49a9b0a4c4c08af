import {parseFileName} from '../../adr/file-name.js'
import {type FileFinding, repositoryRule} from '../lint-rule.js'
import {nygard} from './examples.js'

export const numberingGap = repositoryRule({
  id: 'numbering-gap',
  description: 'ADR numbers have no gaps (a gap is often a file lost in a merge or a rename).',
  severity: 'warn',
  check({adrs, unreadable = []}) {
    const byNumber = new Map<number, string>()
    const files = [
      ...adrs.map((adr) => ({number: adr.number, file: adr.file})),
      ...unreadable.map((file) => ({number: parseFileName(file).number, file})),
    ]
    for (const {number, file} of files) if (number !== undefined && !byNumber.has(number)) byNumber.set(number, file)
    const numbers = [...byNumber.keys()].sort((a, b) => a - b)
    const findings: FileFinding[] = []
    for (let i = 1; i < numbers.length; i++) {
      const [previous, current] = [numbers[i - 1], numbers[i]]
      if (current - previous <= 1) continue
      const missing = current - previous === 2 ? `${previous + 1} is` : `${previous + 1} to ${current - 1} are`
      findings.push({
        file: byNumber.get(current) ?? '',
        line: 1,
        column: 1,
        message: `Unexpected gap in numbering: ${missing} missing before ${current}, expected consecutive numbers`,
      })
    }
    return findings
  },
  examples: {
    ok: [{input: {'0001-first.md': nygard(1, 'First'), '0002-second.md': nygard(2, 'Second')}}],
    notOk: [
      {
        input: {'0001-first.md': nygard(1, 'First'), '0004-fourth.md': nygard(4, 'Fourth')},
        messages: ['0004-fourth.md:1:1 Unexpected gap in numbering: 2 to 3 are missing before 4, expected consecutive numbers'],
      },
    ],
  },
})
