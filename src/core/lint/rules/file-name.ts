import {parseFileName} from '../../adr/file-name.js'
import {slugify} from '../../adr/slug.js'
import type {FileRule} from '../lint-rule.js'
import {everywhere} from '../lint-rule.js'
import {titlePosition} from '../locate.js'
import {MINIMAL, madr, nygard} from './examples.js'

/** adr-tools' slug: ASCII letters and digits only, so `Café` → `caf`. Its files are accepted as they are. */
function adrToolsSlug(title: string): string {
  return title
    .replace(/[^a-zA-Z0-9]+/g, '-')
    .toLowerCase()
    .replace(/^-+|-+$/g, '')
}

export const fileName: FileRule = {
  id: 'file-name',
  scope: 'file',
  description:
    "The file name's slug is the title's slug (`0007-use-postgresql.md` for `Use PostgreSQL`), so files are found by their titles.",
  severity: everywhere('warn'),
  check({adr}) {
    if (!adr.title) return []
    const {slug, number, dated} = parseFileName(adr.file)
    if (number === undefined && !dated) return []
    const expected = slugify(adr.title)
    if (!expected || slug.toLowerCase() === expected || slug.toLowerCase() === adrToolsSlug(adr.title)) return []
    return [{...titlePosition(adr), message: `Unexpected file name slug \`${slug}\`, expected \`${expected}\` from the title`}]
  },
  examples: {
    ok: [
      {input: {'0001-use-postgresql.md': madr(MINIMAL, 'Use PostgreSQL')}},
      {input: {'0002-serve-café-menus.md': nygard(2, 'Serve Café menus')}},
      {input: {'0002-serve-caf-menus.md': nygard(2, 'Serve Café menus')}},
    ],
    notOk: [
      {
        input: {'0001-use-mysql.md': madr(MINIMAL, 'Use PostgreSQL')},
        messages: ['0001-use-mysql.md:6:1 Unexpected file name slug `use-mysql`, expected `use-postgresql` from the title'],
      },
    ],
  },
}
