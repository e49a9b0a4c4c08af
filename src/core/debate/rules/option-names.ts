import type {Option} from '../record.js'
import {type DebateRule, type DebateRuleFinding, namesOf} from './debate-rule.js'

function mentions(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').test(text)
}

/** The first option name (title or alias) `text` mentions as a whole word. */
export function mentionedOption(text: string, options: readonly Option[]): string | undefined {
  for (const option of options) for (const name of namesOf(option)) if (mentions(text, name)) return name
  return undefined
}

const DRIVER_TEXT = ['name', 'description', 'scenario', 'measure'] as const

/** The question and the drivers name no option (title or alias), so they stay about the product. */
export const optionNames: DebateRule = {
  id: 'debate/option-names',
  description: 'The question and the drivers name no option or alias',
  check({record}) {
    const out: DebateRuleFinding[] = []
    const options = record.options ?? []
    if (options.length === 0) return out
    const name = record.question ? mentionedOption(record.question, options) : undefined
    if (name)
      out.push({
        path: ['question'],
        message: `Unexpected option name \`${name}\` in the question, expected a product question that names no technology`,
      })
    record.drivers?.forEach((d, i) => {
      for (const key of DRIVER_TEXT) {
        const text = d[key]
        const found = text ? mentionedOption(text, options) : undefined
        if (found) {
          out.push({
            path: ['drivers', i, key],
            message: `Unexpected option name \`${found}\` in driver \`${d.id}\`, expected what the product needs, not which option provides it`,
          })
          break
        }
      }
    })
    return out
  },
  examples: {
    ok: [
      {
        description: 'a word that merely contains an alias (“PGA”)',
        apply: (r) => (r.drivers![2].description = 'Reports for the PGA tour stay fast.'),
      },
    ],
    notOk: [
      {
        description: 'the question names an alias',
        apply: (r) => (r.question = 'Should Tally store invoices in Postgres or in documents?'),
        message: 'option name `Postgres` in the question',
      },
      {
        description: 'a driver names an option',
        apply: (r) => (r.drivers![1].name = 'MongoDB-style schema freedom'),
        message: 'option name `MongoDB` in driver `D2`',
      },
    ],
  },
}
