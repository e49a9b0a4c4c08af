import {TOC_TABLE_HEADER} from '../../adr/render-toc.js'
import {findTocBlock, TOC_END, TOC_START, tocEntriesFor, tocIsCurrent, tocLines} from '../../adr/toc-block.js'
import {type FileFinding, repositoryRule, type TocDocument} from '../lint-rule.js'
import {nygard} from './examples.js'

const PAIR = `a line \`${TOC_START}\` and, below it, a line \`${TOC_END}\``

const ADRS = {
  '0001-record-decisions.md': nygard(1, 'Record decisions'),
  '0002-use-postgresql.md': nygard(2, 'Use PostgreSQL'),
}

/** The ADR directory's README, with the team's own text around the markers. */
const current = `# Decisions

How we decide, in our own words.

<!-- adrgate:toc -->

* [1. Record decisions](0001-record-decisions.md)
* [2. Use PostgreSQL](0002-use-postgresql.md)

<!-- /adrgate:toc -->

Ask in #architecture.
`

function document(text: string): TocDocument {
  return {file: 'README.md', text, place: {prefix: ''}, command: 'README.md'}
}

export const tocCurrent = repositoryRule({
  id: 'toc-current',
  description: `A table of contents kept between ${PAIR} (written by \`adr generate toc --write FILE\`) lists every ADR as that command would write it now. Lint checks the files named by \`toc:\` in .adrgate.yaml (which must hold the markers), else the README.md or index.md of each ADR directory and the repository's README.md when they hold them; the fix is to run the command.`,
  severity: ['warn', 'error', 'error'],
  check({adrs, tocDocuments = []}) {
    const findings: FileFinding[] = []
    for (const document of tocDocuments) {
      const found = (line: number, message: string) => findings.push({file: document.file, line, column: 1, message})
      const block = findTocBlock(document.text)
      if (!block.ok) {
        if (block.reason === 'none') {
          if (document.configured)
            found(1, `Missing table-of-contents markers, expected ${PAIR} (\`toc:\` in .adrgate.yaml names this file)`)
        } else
          found(
            block.line,
            `Unexpected ${block.reason === 'several' ? 'second' : 'unpaired'} table-of-contents marker, expected one pair: ${PAIR}`,
          )
        continue
      }
      for (const word of block.unknownWords) {
        found(block.line, `Unexpected \`${word}\` in the table-of-contents marker, expected \`long\`, \`prefix=…\` or \`package=…\``)
      }
      const expected = tocEntriesFor(adrs, block.options, document.place)
      if (!expected.ok) {
        const names = expected.names.length ? `one of ${expected.names.join(', ')}` : 'no package= in a repository of one ADR directory'
        found(block.line, `Unexpected \`package=${expected.unknownPackage}\` in the table-of-contents marker, expected ${names}`)
        continue
      }
      if (tocIsCurrent(block.body, expected.entries)) continue
      const lines = tocLines(block.body)
      const leading = block.body.split(/\r?\n/).findIndex((l) => l.trim() !== '')
      const at = expected.entries.findIndex((entry, i) => lines[i] !== entry.trimEnd())
      const index = at === -1 ? Math.min(lines.length, expected.entries.length) : at
      const line = block.line + 1 + Math.max(0, leading) + index
      const [listed, given] = [countEntries(lines), countEntries(expected.entries)]
      const why = listed === given ? 'this line differs from what the ADRs give' : `it lists ${entries(listed)}, the ADRs give ${given}`
      found(line, `Unexpected stale table of contents (${why}), expected what \`adr generate toc --write ${document.command}\` writes`)
    }
    return findings
  },
  examples: {
    ok: [
      {input: ADRS, settings: {tocDocuments: [document(current)]}},
      // lint reads only documents that hold the markers, unless `toc:` names them
      {input: ADRS, settings: {tocDocuments: [document('# Decisions\n\nNo table of contents here.\n')]}},
      {input: ADRS, settings: {tocDocuments: [document(current.replace(/\n\n<!-- \//, '\n<!-- /').replace('-->\n\n*', '-->\n*'))]}},
    ],
    notOk: [
      {
        input: {...ADRS, '0003-queue-pdfs.md': nygard(3, 'Queue PDFs')},
        settings: {tocDocuments: [document(current)]},
        messages: [
          'README.md:9:1 Unexpected stale table of contents (it lists 2 entries, the ADRs give 3), expected what `adr generate toc --write README.md` writes',
        ],
      },
      {
        input: {...ADRS, '0002-use-postgresql.md': nygard(2, 'Use PostgreSQL 16')},
        settings: {tocDocuments: [document(current)]},
        messages: [
          'README.md:8:1 Unexpected stale table of contents (this line differs from what the ADRs give), expected what `adr generate toc --write README.md` writes',
        ],
      },
      {
        input: ADRS,
        settings: {tocDocuments: [document(current.replace('<!-- /adrgate:toc -->\n', ''))]},
        messages: [
          'README.md:5:1 Unexpected unpaired table-of-contents marker, expected one pair: a line `<!-- adrgate:toc -->` and, below it, a line `<!-- /adrgate:toc -->`',
        ],
      },
      {
        input: ADRS,
        settings: {tocDocuments: [{...document('# Decisions\n'), configured: true}]},
        messages: [
          'README.md:1:1 Missing table-of-contents markers, expected a line `<!-- adrgate:toc -->` and, below it, a line `<!-- /adrgate:toc -->` (`toc:` in .adrgate.yaml names this file)',
        ],
      },
      {
        input: ADRS,
        settings: {tocDocuments: [document(current.replace('adrgate:toc -->', 'adrgate:toc package=web -->'))]},
        messages: [
          'README.md:5:1 Unexpected `package=web` in the table-of-contents marker, expected no package= in a repository of one ADR directory',
        ],
      },
    ],
  },
})

/** The entries among these lines: list items or table rows, the table's header left out. */
function countEntries(lines: readonly string[]): number {
  return lines.filter((l) => (l.startsWith('* ') || l.startsWith('|')) && !(TOC_TABLE_HEADER as readonly string[]).includes(l)).length
}

function entries(n: number): string {
  return `${n} entr${n === 1 ? 'y' : 'ies'}`
}
