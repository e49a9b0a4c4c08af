import {type FileFinding, repositoryRule} from '../lint-rule.js'
import {nygard} from './examples.js'

export const duplicateNumber = repositoryRule({
  id: 'duplicate-number',
  description: 'No two ADRs share a number (parallel branches that both created ADR 7); `adr renumber` fixes it and rewrites the links.',
  severity: 'error',
  check({adrs}) {
    const groups = new Map<number, string[]>()
    for (const adr of adrs) if (adr.number !== undefined) groups.set(adr.number, [...(groups.get(adr.number) ?? []), adr.file])
    const findings: FileFinding[] = []
    for (const [number, files] of groups) {
      if (files.length < 2) continue
      const sorted = [...files].sort()
      for (const file of sorted.slice(1)) {
        findings.push({
          file,
          line: 1,
          column: 1,
          message: `Unexpected duplicate number ${number} (${sorted.join(' and ')}), expected one ADR per number: run \`adr renumber\``,
        })
      }
    }
    return findings
  },
  examples: {
    ok: [{input: {'0001-first.md': nygard(1, 'First'), '0002-second.md': nygard(2, 'Second')}}],
    notOk: [
      {
        input: {'0002-second.md': nygard(2, 'Second'), '0002-other.md': nygard(2, 'Other'), '0001-first.md': nygard(1, 'First')},
        messages: [
          '0002-second.md:1:1 Unexpected duplicate number 2 (0002-other.md and 0002-second.md), expected one ADR per number: run `adr renumber`',
        ],
      },
    ],
  },
})
