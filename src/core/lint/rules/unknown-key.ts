import type {FileRule} from '../lint-rule.js'
import {keyPosition} from '../locate.js'
import {MINIMAL, madr} from './examples.js'

export const unknownKey: FileRule = {
  id: 'unknown-key',
  scope: 'file',
  readsFrontMatter: true,
  description:
    "Every front-matter key is one the schemas describe (adrgate's, or the team's own): a typo such as `stauts` is reported. A warning in `recommended`, an error in `strict`.",
  severity: {'adr-tools': 'off', recommended: 'warn', strict: 'error'},
  check({adr, validator}) {
    const fm = adr.frontMatter
    if (!fm || !validator) return []
    return Object.keys(fm.data)
      .filter((key) => !validator.knownKeys.has(key))
      .map((key) => ({
        ...keyPosition(adr, key),
        message: `Unexpected front-matter key \`${key}\`, expected a key of schemas/adr.schema.json or of your own schema`,
      }))
  },
  examples: {
    ok: [{input: {'0001-use-postgresql.md': madr(`${MINIMAL}\ntags: [storage]`)}}],
    notOk: [
      {
        input: {'0001-use-postgresql.md': madr(`${MINIMAL}\nowner: dana`)},
        messages: [
          '0001-use-postgresql.md:5:1 Unexpected front-matter key `owner`, expected a key of schemas/adr.schema.json or of your own schema',
        ],
      },
    ],
  },
}
