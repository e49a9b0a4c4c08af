import {parseFileName} from '../../adr/file-name.js'
import {slugify} from '../../adr/slug.js'
import {fileRule} from '../lint-rule.js'
import {titlePosition} from '../locate.js'
import {MINIMAL, madr, nygard} from './examples.js'

/** adr-tools' slug: ASCII letters and digits only, so `Café` → `caf`. Its files are accepted as they are. */
function adrToolsSlug(title: string): string {
  return title
    .replace(/[^a-zA-Z0-9]+/g, '-')
    .toLowerCase()
    .replace(/^-+|-+$/g, '')
}

/** Whether most of the slug's words are words of the title: `use-plain-junit5-for-testing` for "Use Plain JUnit5 for advanced test assertions". */
function isShortened(slug: string, ...titleSlugs: string[]): boolean {
  const words = slug.split(/[-_]+/).filter(Boolean)
  const title = new Set(titleSlugs.flatMap((t) => t.split('-')))
  const shared = words.filter(
    (w) => title.has(w) || [...title].some((t) => (t.startsWith(w) && w.length >= 3) || (w.startsWith(t) && t.length >= 4)),
  ).length
  return words.length > 0 && shared * 2 > words.length
}

export const fileName = fileRule({
  id: 'file-name',
  description:
    "The file name's slug is the title's slug (`0007-use-postgresql.md` for `Use PostgreSQL`), so files are found by their titles. A slug shortened by hand (most of its words are the title's) is reported only under `strict`. Off under `adr-tools` (structure only).",
  severity: ['off', 'warn', 'warn'],
  check({adr, profile}) {
    if (!adr.title) return []
    const {slug, number, dated} = parseFileName(adr.file)
    if (number === undefined && !dated) return []
    const expected = slugify(adr.title)
    if (!expected || slug.toLowerCase() === expected || slug.toLowerCase() === adrToolsSlug(adr.title)) return []
    // a slug shortened by hand (most of its words are the title's) is the team's choice, except under `strict`
    if (profile !== 'strict' && isShortened(slug.toLowerCase(), expected, adrToolsSlug(adr.title))) return []
    return [{...titlePosition(adr), message: `Unexpected file name slug \`${slug}\`, expected \`${expected}\` from the title`}]
  },
  examples: {
    ok: [
      {input: {'0001-use-postgresql.md': madr(MINIMAL, 'Use PostgreSQL')}},
      {input: {'0002-serve-café-menus.md': nygard(2, 'Serve Café menus')}},
      {input: {'0002-serve-caf-menus.md': nygard(2, 'Serve Café menus')}},
      {input: {'0003-plain-junit5-for-tests.md': nygard(3, 'Use plain JUnit5 for advanced test assertions')}},
    ],
    notOk: [
      {
        input: {'0001-use-mysql.md': madr(MINIMAL, 'Use PostgreSQL')},
        messages: ['0001-use-mysql.md:6:1 Unexpected file name slug `use-mysql`, expected `use-postgresql` from the title'],
      },
      {
        input: {'0003-plain-junit5-for-tests.md': nygard(3, 'Use plain JUnit5 for advanced test assertions')},
        settings: {profile: 'strict'},
        messages: [
          '0003-plain-junit5-for-tests.md:1:1 Unexpected file name slug `plain-junit5-for-tests`, expected `use-plain-junit5-for-advanced-test-assertions` from the title',
        ],
      },
    ],
  },
})
