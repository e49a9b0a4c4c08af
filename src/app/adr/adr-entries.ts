import {compareAdrs, listAdrEntries, mapLimit, presentDirs, type SkippedFile, skippedFile} from '../../adapters/adr-store.js'
import {eachFileFact} from '../../adapters/files/contained-read.js'
import {openFactCache} from '../../adapters/files/fact-cache.js'
import {recoverInterruptedWrite} from '../../adapters/files/interrupted-write.js'
import {adrDirNotFound, dirRefOf, type Workspace} from '../../adapters/workspace.js'
import {type Headline, headlineOf, readHeadline} from '../../core/adr/headline.js'
import type {Adr} from '../../core/adr/model.js'
import type {ParseOptions} from '../../core/adr/parse-adr.js'
import type {GraphAdr} from '../../core/adr/render-graph.js'
import {configValues} from '../../core/config/config-values.js'

/**
 * The fast path of `loadAllAdrs` for `adr generate toc`: every readable ADR's number and title
 * (`readHeadline`), without parsing the rest of each file; a file unchanged since the last run is not
 * read at all (`HEADLINES`).
 */
export async function loadHeadlines(ws: Workspace): Promise<Headline[]> {
  return loadEntries(ws, HEADLINES)
}

/**
 * The fast path of `loadAllAdrs` for `adr generate graph`: every readable ADR's number, title and
 * links (`readGraphEntry`), without parsing the sections, dates and people of each file; a file
 * unchanged since the last run is not read at all (`GRAPH_ENTRIES`).
 */
export async function loadGraphEntries(ws: Workspace): Promise<GraphAdr[]> {
  // the graph's reader (and the format readers it brings) loads for the graph only, not for a table of contents
  const {readGraphEntry} = await import('../../core/adr/graph-entry.js')
  return loadEntries(ws, graphEntries(readGraphEntry))
}

/** What `adr list` reads of an ADR: its row's fields and the filters'. */
export type ListedFields = Pick<Adr, 'file' | 'number' | 'title' | 'status' | 'date' | 'tags' | 'deciders' | 'format' | 'dir'>

/**
 * The fast path of `loadAllAdrs` for `adr list`: every ADR cut down to its row at once
 * (`listedFieldsOf` of `parseAdrForLint`, which gives `parseAdr`'s ADR but the sections' text), so
 * the texts, sections and links of 10,000 ADRs die young instead of living to the end; a file
 * unchanged since the last run is not read at all (`LIST_ROWS`). Unreadable files are the same
 * skipped files, in the same order.
 */
export async function loadListedFields(ws: Workspace): Promise<{adrs: ListedFields[]; skipped: SkippedFile[]}> {
  const {parseAdrForLint} = await import('../../core/adr/parse-adr.js')
  const reader: EntryReader<ListedFields> = {
    ...LIST_ROWS,
    read: (text, file, options) => listedFieldsOf(parseAdrForLint(text, file, options)),
  }
  const parts = ws.dirs
    ? await mapLimit(await presentDirs(ws), 4, (sub) => loadDirEntries(sub, reader))
    : [await loadDirEntries(ws, reader)]
  return {adrs: parts.flatMap((p) => p.entries), skipped: parts.flatMap((p) => p.skipped)}
}

/** An ADR's row fields, the rest of its parse left behind. */
export function listedFieldsOf(adr: Adr): ListedFields {
  const {file, number, title, status, date, tags, deciders, format} = adr
  return {file, number, title, status, date, tags, deciders, format}
}

const LIST_ROWS: Omit<EntryReader<ListedFields>, 'read'> = {
  kind: 'list-rows',
  version: 'listedFieldsOf 1',
  valid: (entry): entry is Omit<ListedFields, 'file'> => {
    if (!isEntry(entry)) return false
    const {status, date, tags, deciders, format} = entry as Record<string, unknown>
    return optionalString(status) && optionalString(date) && isStrings(tags) && isStrings(deciders) && FORMATS.has(format as string)
  },
}

const FORMATS = new Set<unknown>(['madr', 'nygard', 'log4brains'] satisfies Adr['format'][])

function optionalString(value: unknown): boolean {
  return value === undefined || typeof value === 'string'
}

function isStrings(value: unknown): boolean {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
}

/**
 * How an entry is read from a file, and under which name and version its entries are cached
 * (`openFactCache`: trusted while the file's stat is unchanged; the version is bumped whenever the
 * reader could give another entry for the same file).
 */
interface EntryReader<T> {
  /** A promise only for the files it needs a library for that is not loaded yet. */
  read: (text: string, file: string, options: ParseOptions) => T | Promise<T>
  kind: string
  version: string
  /** Whether a cached entry (an entry without its `file`, which is the name it is cached under) has the shape `read` gives. */
  valid: (entry: unknown) => entry is Omit<T, 'file'>
}

const HEADLINES: EntryReader<Headline> = {
  read: (text, file) => readHeadline(text, file) ?? parsedHeadline(text, file),
  kind: 'headlines',
  version: 'readHeadline 1',
  valid: (entry): entry is Omit<Headline, 'file'> => isEntry(entry),
}

/** The headline of a file whose front matter may name its title (`readHeadline` leaves it to the parser, loaded here). */
async function parsedHeadline(text: string, file: string): Promise<Headline> {
  const {parseAdr} = await import('../../core/adr/parse-adr.js')
  return headlineOf(parseAdr(text, file))
}

function graphEntries(read: EntryReader<GraphAdr>['read']): EntryReader<GraphAdr> {
  return {
    read,
    kind: 'graph-entries',
    version: 'readGraphEntry 1',
    valid: (entry): entry is Omit<GraphAdr, 'file'> => {
      const links = (entry as {links?: unknown} | undefined)?.links
      return isEntry(entry) && Array.isArray(links) && links.every(isLink)
    },
  }
}

/** A link as `readGraphEntry` gives it: the fields the graph reads, with their types (a damaged cache gives none). */
function isLink(link: unknown): boolean {
  if (!link || typeof link !== 'object') return false
  const {rel, relKey, target, targetNumber, targetFile} = link as Record<string, unknown>
  return (
    typeof rel === 'string' &&
    typeof relKey === 'string' &&
    typeof target === 'string' &&
    (targetNumber === undefined || typeof targetNumber === 'number') &&
    (targetFile === undefined || typeof targetFile === 'string')
  )
}

/** The shape every cached entry has: a title, a number when it has one, and no file (its name is the key). */
function isEntry(entry: unknown): boolean {
  if (!entry || typeof entry !== 'object') return false
  const {file, title, number} = entry as Record<string, unknown>
  return file === undefined && typeof title === 'string' && (number === undefined || typeof number === 'number')
}

type Entry = Pick<Adr, 'file' | 'number' | 'dir'>

/**
 * What `read` makes of each readable ADR, in `loadAllAdrs`' order: in a workspace of several
 * directories, each directory's in the order they are configured, each entry carrying its directory.
 * Unreadable files are left out, as `loadAllAdrs` leaves them out of its ADRs.
 */
async function loadEntries<T extends Entry>(ws: Workspace, reader: EntryReader<T>): Promise<T[]> {
  if (!ws.dirs) return (await loadDirEntries(ws, reader)).entries
  return (await mapLimit(await presentDirs(ws), 4, (sub) => loadDirEntries(sub, reader))).flatMap((part) => part.entries)
}

/** The entries of one directory's readable ADRs, sorted, and its unreadable files, in listing order. */
async function loadDirEntries<T extends Entry>(ws: Workspace, reader: EntryReader<T>): Promise<{entries: T[]; skipped: SkippedFile[]}> {
  // an interrupted multi-file write is completed first, as every reader does
  await recoverInterruptedWrite(ws)
  const {files, symlinks} = await listAdrEntries(ws.adrDir, () => adrDirNotFound(ws))
  const dir = dirRefOf(ws)
  const statuses = configValues(ws.config).statuses
  const options = {statuses}
  const cache = await openFactCache<Omit<T, 'file'>>({
    gitRoot: ws.gitRoot,
    adrDir: ws.adrDir,
    kind: reader.kind,
    key: `${reader.version} ${JSON.stringify(statuses ?? {})}`,
    valid: reader.valid,
  })
  const entries: T[] = []
  const skipped: SkippedFile[] = []
  // one file at a time into one buffer: no text outlives its entry
  // cached without its file, the name it is kept under (every reader puts `file` first: so does this)
  const withoutFile = ({file: _, ...rest}: T): Omit<T, 'file'> => rest
  const learn = (i: number, text: string): Omit<T, 'file'> | Promise<Omit<T, 'file'>> => {
    const entry = reader.read(text, files[i], options)
    return entry instanceof Promise ? entry.then(withoutFile) : withoutFile(entry)
  }
  await eachFileFact(ws.adrDir, files, ws.root, symlinks, {decode: true, cache}, learn, (i, result) => {
    if (!result.ok) {
      skipped.push(skippedFile(files[i], result))
      return true
    }
    const entry = {file: files[i], ...result.fact} as T
    entries.push(dir ? {...entry, dir} : entry)
    return true
  })
  await cache?.save(files)
  return {entries: entries.sort(compareAdrs), skipped}
}
