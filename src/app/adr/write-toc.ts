import path from 'node:path'
import {loadAllAdrs} from '../../adapters/adr-store.js'
import {removeLeftoverTempFiles, writeFileAtomic} from '../../adapters/files/atomic-write.js'
import {readChosenTextFile} from '../../adapters/files/contained-read.js'
import {eachDir, type Workspace} from '../../adapters/workspace.js'
import type {Adr} from '../../core/adr/model.js'
import {withoutDir} from '../../core/adr/render-toc.js'
import {
  findTocBlock,
  newTocDocument,
  recordable,
  spliceToc,
  TOC_END,
  TOC_START,
  type TocMarkerOptions,
  type TocPlace,
  tocEntriesFor,
} from '../../core/adr/toc-block.js'
import {AdrError} from '../../core/errors.js'

export interface TocWriteOptions {
  long?: boolean
  prefix?: string
  package?: string
}

export interface TocWritten {
  /** The whole document as it now is. */
  text: string
  /** The ADRs listed, and the prefix of their links. */
  adrs: Adr[]
  prefix: string
  result: {path: string; changed: boolean; created: boolean}
}

/**
 * `adr generate toc --write FILE`: the entries between FILE's markers replaced, every other byte
 * kept. The options the opening marker records are used unless flags say otherwise, and recorded.
 * A missing FILE is created with a heading and the markers. Written atomically (a symbolic link
 * written through), and only when something changed.
 */
export async function writeTocInto(ws: Workspace, file: string, flags: TocWriteOptions): Promise<TocWritten> {
  const absolute = path.resolve(ws.cwd, file)
  const shown = path.relative(ws.cwd, absolute) || file
  for (const [flag, value] of [
    ['--prefix', flags.prefix],
    ['--package', flags.package],
  ] as const) {
    if (value !== undefined && !recordable(value)) {
      throw new AdrError(
        'INVALID_ARGUMENT',
        `${flag} "${value}" cannot be recorded in ${shown}'s table-of-contents marker: it holds a space, a ">" or "--"`,
        {
          suggestions: [`Give ${flag} a value without spaces (percent-encode them: %20).`],
        },
      )
    }
  }
  const read = await readChosenTextFile(absolute)
  if (!read.ok && read.reason !== 'does not exist') {
    throw new AdrError('INVALID_ARGUMENT', `The --write file ${shown} ${read.reason}`, {
      suggestions: ['Name a Markdown file (it is created when it does not exist).'],
    })
  }
  const block = read.ok ? findTocBlock(read.text) : undefined
  if (block && !block.ok) throw markersProblem(shown, block.reason, block.line)
  const recorded = block?.ok ? block.options : {}
  const options: TocMarkerOptions = {
    ...((flags.long ?? recorded.long) ? {long: true} : {}),
    ...((flags.prefix ?? recorded.prefix) !== undefined ? {prefix: flags.prefix ?? recorded.prefix} : {}),
    ...((flags.package ?? recorded.package) !== undefined ? {package: flags.package ?? recorded.package} : {}),
  }
  const place = tocPlace(ws, absolute)
  const {adrs} = await loadAllAdrs(ws)
  const expected = tocEntriesFor(adrs, options, place)
  if (!expected.ok) throw unknownPackage(shown, expected.unknownPackage, expected.names)
  const listed = options.package === undefined ? adrs : adrs.filter((a) => a.dir?.name === options.package).map(withoutDir)
  const prefix = options.prefix ?? (options.package === undefined ? place.prefix : (place.dirPrefixes?.[options.package] ?? ''))
  const text = block?.ok ? spliceToc(block, expected.entries, options) : newTocDocument(expected.entries, options)
  const changed = !read.ok || text !== read.text
  if (changed) {
    // what an interrupted run of ours left beside the file goes first (only files of processes that are gone)
    await removeLeftoverTempFiles(path.dirname(absolute))
    await writeFileAtomic(absolute, text, {keepFile: true})
  }
  return {text, adrs: listed, prefix, result: {path: shown, changed, created: !read.ok}}
}

/**
 * Where a document stands, for its links: from its folder to the ADR directory, or in a workspace of
 * several directories to the repository root (and to each directory, for `package=`).
 */
export function tocPlace(ws: Workspace, document: string): TocPlace {
  const from = path.dirname(document)
  const prefixTo = (dir: string) => {
    const relative = path.relative(from, dir).split(path.sep).join('/')
    return relative ? `${relative}/` : ''
  }
  if (!ws.dirs) return {prefix: prefixTo(ws.adrDir)}
  return {prefix: prefixTo(ws.root), dirPrefixes: Object.fromEntries(eachDir(ws).map((sub) => [sub.dirName ?? '', prefixTo(sub.adrDir)]))}
}

function markersProblem(file: string, reason: 'none' | 'unclosed' | 'several', line: number): AdrError {
  const pair = `a line \`${TOC_START}\` and, below it, a line \`${TOC_END}\``
  if (reason === 'none') {
    return new AdrError(
      'TOC_MARKERS',
      `${file} has no table-of-contents markers, so adrgate does not know which part of it to rewrite; nothing was written`,
      {
        suggestions: [`Add ${pair} where the table of contents goes, then run this again; the rest of ${file} is kept as it is.`],
      },
    )
  }
  return new AdrError(
    'TOC_MARKERS',
    `${file}:${line}: ${reason === 'several' ? 'a second' : 'an unpaired'} table-of-contents marker, expected one pair: ${pair}; nothing was written`,
    {suggestions: [`Keep one pair of markers in ${file} (${pair}), then run this again.`]},
  )
}

function unknownPackage(file: string, name: string, names: readonly string[]): AdrError {
  return new AdrError(
    'INVALID_ARGUMENT',
    names.length
      ? `No ADR directory is named "${name}" (asked for by ${file} or --package)`
      : `"${name}" names an ADR directory, but this repository has only one`,
    {
      suggestions: names.length
        ? [`Use one of: ${names.join(', ')}.`]
        : [`Remove \`package=${name}\` from ${file}'s opening marker, or list the directories under \`dirs:\` in .adrgate.yaml.`],
    },
  )
}
