import path from 'node:path'
import {loadAllAdrs, type SkippedFile} from '../../adapters/adr-store.js'
import {adrFilePath, type Workspace} from '../../adapters/workspace.js'
import {type AdrFilter, assertPeriod, isoDay, matchesFilter} from '../../core/adr/adr-filter.js'
import {type Adr, STATUSES} from '../../core/adr/model.js'
import {type Column, renderTable} from '../../core/adr/render-table.js'
import {isStatus, normaliseStatus, type StatusMap} from '../../core/adr/status.js'
import {configValues} from '../../core/config/config-values.js'
import {AdrError} from '../../core/errors.js'
import {type ListedFields, loadListedFields} from './adr-entries.js'

/** The filters of `adr list` (`core/adr/adr-filter.ts`). */
export type ListFilter = AdrFilter

/** One row of `adr list`: what the table and `--json` show. Git-derived fields can be added here. */
export interface ListedAdr {
  number?: number
  title: string
  status?: string
  date?: string
  tags: string[]
  deciders: string[]
  format: Adr['format']
  file: string
  /** Relative to the working directory, as adr-tools prints it. */
  path: string
  /** In a workspace of several ADR directories: the name of the one that holds it (`web` in `web/3`). */
  dir?: string
}

export interface AdrListing {
  /** The ADR directory, relative to the working directory. */
  dir: string
  adrs: ListedAdr[]
  /** Files that could not be read at all (not UTF-8, links out of the repository). */
  skipped: SkippedFile[]
  /** The parsed ADRs behind the rows, in the same order (for callers that need more than a row). */
  parsed: Adr[]
  /** With --since or --until: the files left out because they carry no YYYY-MM-DD date. */
  undated?: string[]
}

/** Reads every ADR once and keeps those that match the filter, in number order. */
export async function listAdrs(ws: Workspace, filter: ListFilter = {}): Promise<AdrListing> {
  assertPeriod('--since', filter.since)
  assertPeriod('--until', filter.until)
  const {adrs, skipped} = await loadAllAdrs(ws)
  const {listing, kept} = listingOf(ws, filter, adrs, skipped)
  return {...listing, parsed: kept}
}

/**
 * FAST PATH of `listAdrs` for `adr list`, which shows the rows and never the parsed ADRs: each ADR
 * is cut down to its row as soon as it is parsed (`loadListedFields`: parsed without its sections'
 * text, then `listedFieldsOf`), so the text, the sections and the links of 10,000 ADRs die young
 * instead of living to the end, and a file unchanged since the last run is not parsed at all (its
 * row is cached, as the table of contents caches its headlines). The same rows, skipped files and
 * undated files. `test/app/list-rows.test.ts` pins it to `listAdrs`.
 */
export async function listAdrRows(ws: Workspace, filter: ListFilter = {}): Promise<Omit<AdrListing, 'parsed'>> {
  assertPeriod('--since', filter.since)
  assertPeriod('--until', filter.until)
  const {adrs, skipped} = await loadListedFields(ws)
  return listingOf(ws, filter, adrs, skipped).listing
}

/** The listing of the ADRs that match the filter (`kept`, in the order given), the skipped files as they are. */
function listingOf<T extends ListedFields>(
  ws: Workspace,
  filter: ListFilter,
  adrs: readonly T[],
  skipped: SkippedFile[],
): {listing: Omit<AdrListing, 'parsed'>; kept: T[]} {
  const statuses = configValues(ws.config).statuses
  assertStatusFilter(filter.status, adrs, statuses)
  const dir = path.relative(ws.cwd, ws.adrDir)
  const kept = adrs.filter(matchesFilter(filter, statuses))
  const rows = kept.map((adr) =>
    adr.dir ? {...toRow(adr, ''), path: path.relative(ws.cwd, adrFilePath(ws, adr)), dir: adr.dir.name} : toRow(adr, dir),
  )
  const listing: Omit<AdrListing, 'parsed'> = {dir: dir || '.', adrs: rows, skipped}
  if (filter.since !== undefined || filter.until !== undefined) {
    listing.undated = adrs
      .filter((adr) => !isoDay(adr.date) && matchesFilter({...filter, since: undefined, until: undefined}, statuses)(adr))
      .map((adr) => adr.file)
  }
  return {listing, kept}
}

/** A typo (`--status acepted`) is an error, not an empty list; a status some ADR uses (`draft`) is fine. */
export function assertStatusFilter(wanted: string | undefined, adrs: readonly Pick<Adr, 'status'>[], statuses?: StatusMap): void {
  const status = wanted === undefined ? undefined : normaliseStatus(wanted, statuses)
  if (status === undefined || isStatus(status) || adrs.some((adr) => adr.status === status)) return
  const used = [...new Set(adrs.flatMap((adr) => (adr.status && !isStatus(adr.status) ? [adr.status] : [])))]
  throw new AdrError('UNKNOWN_STATUS', `No ADR has the status "${wanted}", and it is not one adrgate knows`, {
    suggestions: [`Use one of: ${[...STATUSES, ...used].join(', ')}.`],
  })
}

function toRow(adr: ListedFields, dir: string): ListedAdr {
  return {
    number: adr.number,
    title: adr.title,
    status: adr.status,
    date: adr.date,
    tags: adr.tags,
    deciders: adr.deciders,
    format: adr.format,
    file: adr.file,
    path: dir ? `${dir}${path.sep}${adr.file}` : adr.file,
  }
}

/** The columns of `adr list --long`. Git-derived columns (created, last changed) can be added by callers. */
export const LONG_COLUMNS: readonly Column[] = [
  {key: 'number', header: '#', align: 'right'},
  {key: 'status', header: 'STATUS'},
  {key: 'date', header: 'DATE'},
  {key: 'title', header: 'TITLE'},
]

/** The first column of `--long` in a workspace of several ADR directories: the directory's name. */
export const DIR_COLUMN: Column = {key: 'dir', header: 'DIR'}

/** The `--long` table. Extra columns read their values from `extra(adr)`, keyed by column key. */
export function renderLongList(
  adrs: readonly ListedAdr[],
  columns: readonly Column[] = LONG_COLUMNS,
  extra: (adr: ListedAdr) => Record<string, string | number | undefined> = () => ({}),
): string {
  return renderTable(
    columns,
    adrs.map((adr) => ({dir: adr.dir, number: adr.number, status: adr.status, date: adr.date, title: adr.title, ...extra(adr)})),
  )
}
