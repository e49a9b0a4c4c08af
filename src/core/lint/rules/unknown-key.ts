import {fileRule} from '../lint-rule.js'
import {keyPosition} from '../locate.js'
import {MINIMAL, madr} from './examples.js'

/**
 * Keys that static-site generators (Jekyll, Just the Docs, Docusaurus, Backstage, Hugo, MkDocs) add
 * to publish ADRs: not the team's typos, so never reported.
 */
export const SITE_KEYS: ReadonlySet<string> = new Set([
  'parent',
  'grand_parent',
  'nav_order',
  'nav_exclude',
  'has_children',
  'id',
  'title',
  'description',
  'sidebar_position',
  'sidebar_label',
  'slug',
  'layout',
  'permalink',
  'weight',
  'draft',
  'hide',
  'keywords',
  'summary',
])

export const unknownKey = fileRule({
  id: 'unknown-key',
  readsFrontMatter: true,
  description:
    "Every front-matter key is one the schemas describe (adrgate's, or the team's own): a typo such as `stauts` is reported. Keys that static-site generators add (`parent`, `nav_order`, `id`, `description`, `sidebar_position`, `slug`, `layout`, `permalink` …) are not. A warning in `recommended`, an error in `strict`.",
  severity: ['off', 'warn', 'error'],
  check({adr, validator}) {
    const fm = adr.frontMatter
    if (!fm || !validator) return []
    return Object.keys(fm.data)
      .filter((key) => !validator.knownKeys.has(key) && !SITE_KEYS.has(key))
      .map((key) => ({
        ...keyPosition(adr, key),
        message: `Unexpected front-matter key \`${key}\`, expected a key of schemas/adr.schema.json or of your own schema`,
      }))
  },
  examples: {
    ok: [
      {input: {'0001-use-postgresql.md': madr(`${MINIMAL}\ntags: [storage]`)}},
      {input: {'0001-use-postgresql.md': madr(`${MINIMAL}\nparent: Decisions\nnav_order: 1\nid: adr-1\nsidebar_position: 1`)}},
    ],
    notOk: [
      {
        input: {'0001-use-postgresql.md': madr(`${MINIMAL}\nowner: dana`)},
        messages: [
          '0001-use-postgresql.md:5:1 Unexpected front-matter key `owner`, expected a key of schemas/adr.schema.json or of your own schema',
        ],
      },
    ],
  },
})
