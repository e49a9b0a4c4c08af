import {findConflictMarkers} from '../../adr/conflict-markers.js'
import {fileRule} from '../lint-rule.js'
import {nygard} from './examples.js'

export const conflictMarkers = fileRule({
  id: 'conflict-markers',
  description:
    'The ADR holds no merge-conflict markers (`<<<<<<<`, `=======`, `>>>>>>>`, `|||||||`) anywhere: front matter, status or body. A merge left it half resolved.',
  severity: 'error',
  check({adr}) {
    return findConflictMarkers(adr.text).map((m) => ({
      line: m.line,
      column: 1,
      message: `Unexpected merge-conflict marker \`${m.marker}\`, expected the conflict resolved (keep the right text, remove the markers)`,
    }))
  },
  examples: {
    ok: [{input: {'0001-record-decisions.md': `${nygard(1, 'Record decisions')}\nA heading\n=======\n`}}],
    notOk: [
      {
        input: {
          '0001-record-decisions.md': nygard(1, 'Record decisions').replace(
            'We will',
            '<<<<<<< HEAD\nWe will use PostgreSQL.\n=======\nWe will use MySQL.\n>>>>>>> feature\n\nWe will',
          ),
        },
        messages: [
          '0001-record-decisions.md:15:1 Unexpected merge-conflict marker `<<<<<<<`, expected the conflict resolved (keep the right text, remove the markers)',
          '0001-record-decisions.md:17:1 Unexpected merge-conflict marker `=======`, expected the conflict resolved (keep the right text, remove the markers)',
          '0001-record-decisions.md:19:1 Unexpected merge-conflict marker `>>>>>>>`, expected the conflict resolved (keep the right text, remove the markers)',
        ],
      },
      {
        input: {'0001-record-decisions.md': `---\nstatus: accepted\n<<<<<<< ours\n---\n# Use X\n\n## Context\n\nC.\n`},
        messages: [
          '0001-record-decisions.md:3:1 Unexpected merge-conflict marker `<<<<<<<`, expected the conflict resolved (keep the right text, remove the markers)',
        ],
      },
    ],
  },
})
