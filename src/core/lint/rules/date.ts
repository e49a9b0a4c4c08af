import {formatOf} from '../../formats/index.js'
import {fileRule} from '../lint-rule.js'
import {columnOf, fileLines, keyPosition, titlePosition} from '../locate.js'
import {madr, nygard} from './examples.js'

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Whether `text` is a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text)
  if (!m) return false
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return date.getUTCFullYear() === Number(m[1]) && date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3])
}

export const date = fileRule({
  id: 'date',
  readsFrontMatter: true,
  description:
    'The ADR has a date (front matter `date:`, adr-tools `Date:` line, MADR 2 `* Date:`, a `## Changelog` entry) that is a real calendar date written as YYYY-MM-DD. Formats whose specification makes the date optional (MADR, log4brains) may leave it out, except under `strict`. Front-matter dates are checked by the schema rule. Off under `adr-tools` (structure only: adr-tools itself wrote other date forms).',
  severity: ['off', 'error', 'error'],
  check({adr, profile}) {
    const fm = adr.frontMatter
    if (fm && Object.hasOwn(fm.data, 'date')) return []
    if (adr.date === undefined) {
      // MADR and log4brains make the date optional (git knows when the file was added); `strict` asks for it
      if (formatOf(adr.format).optional.date && profile !== 'strict') return []
      const at = fm ? keyPosition(adr, 'status') : titlePosition(adr)
      return [{...at, message: 'Missing date, expected a `date: YYYY-MM-DD` (or `Date: YYYY-MM-DD` line)'}]
    }
    if (isIsoDate(adr.date)) return []
    const lines = fileLines(adr)
    const index = lines.findIndex((l) => /date/i.test(l) && l.includes(adr.date ?? ''))
    const line = index >= 0 ? index + 1 : titlePosition(adr).line
    return [
      {
        line,
        column: columnOf(adr, line, adr.date),
        message: `Unexpected date \`${adr.date}\`, expected a real date as YYYY-MM-DD${/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(adr.date) ? ' (`adr upgrade-repository` rewrites old adr-tools dates)' : ''}`,
      },
    ]
  },
  examples: {
    ok: [
      {input: {'0001-record-decisions.md': nygard(1, 'Record decisions')}},
      {input: {'0001-use-postgresql.md': madr('status: accepted\ndate: 2026-05-01')}},
      {input: {'0001-use-postgresql.md': madr('status: accepted')}},
    ],
    notOk: [
      {
        input: {'0001-record-decisions.md': nygard(1, 'Record decisions', 'Accepted', '21/11/2026')},
        messages: [
          '0001-record-decisions.md:3:7 Unexpected date `21/11/2026`, expected a real date as YYYY-MM-DD (`adr upgrade-repository` rewrites old adr-tools dates)',
        ],
      },
      {
        input: {'0001-use-postgresql.md': madr('status: accepted')},
        settings: {profile: 'strict'},
        messages: ['0001-use-postgresql.md:2:1 Missing date, expected a `date: YYYY-MM-DD` (or `Date: YYYY-MM-DD` line)'],
      },
      {
        input: {'0001-record-decisions.md': nygard(1, 'Record decisions').replace('Date: 2026-01-01\n\n', '')},
        messages: ['0001-record-decisions.md:1:1 Missing date, expected a `date: YYYY-MM-DD` (or `Date: YYYY-MM-DD` line)'],
      },
    ],
  },
})
