import {listWorkspaceAdrFiles} from '../../adapters/adr-store.js'
import {eachDir, type Workspace} from '../../adapters/workspace.js'
import type {Column} from '../../core/adr/render-table.js'
import {DIR_COLUMN, type ListedAdr, LONG_COLUMNS, renderLongList} from '../adr/list-adrs.js'
import {type AdrDates, adrDates, datesOfFiles, readKnownDates} from './history-dates.js'

/** A row of `adr list --long`: with created and last-changed dates from git (`committed: false` for an ADR not committed yet). */
export type DatedAdr = ListedAdr & Partial<AdrDates>

/** The `--long` columns with CREATED and CHANGED before the title. */
export const DATED_COLUMNS: readonly Column[] = [
  ...LONG_COLUMNS.filter((c) => c.key !== 'title'),
  {key: 'created', header: 'CREATED'},
  {key: 'changed', header: 'CHANGED'},
  ...LONG_COLUMNS.filter((c) => c.key === 'title'),
]

/** Adds git dates to the rows (one `git log` pass, cached by commit); outside git the rows stay as they are. */
export async function addGitDates(
  ws: Workspace,
  rows: readonly ListedAdr[],
  options: {fastPaths?: boolean} = {},
): Promise<{rows: DatedAdr[]; warnings: string[]}> {
  // several ADR directories: each one's history, its rows matched by directory and file
  const byDir = new Map<string | undefined, Awaited<ReturnType<typeof adrDates>>>()
  for (const sub of ws.dirs ? eachDir(ws) : [ws]) {
    if (rows.some((row) => row.dir === sub.dirName)) byDir.set(sub.dirName, await adrDates(sub, options))
  }
  const warnings = [...new Set([...byDir.values()].flatMap((d) => d.warnings))]
  return {rows: rows.map((row) => ({...row, ...byDir.get(row.dir)?.dates[row.file]})), warnings}
}

/** `addGitDates` of rows not read yet: the rows go in once they are. */
export type GitDatesOf = (rows: readonly ListedAdr[]) => Promise<{rows: DatedAdr[]; warnings: string[]}>

/**
 * FAST PATH of `addGitDates` for one ADR directory: git's side (the probe, the merge check, the whole
 * `git log`: about a second of git's work at 10,000 ADRs) is started now, before the caller parses
 * the ADRs, so that git walks the history on one core while Node parses on the other; the rows are
 * dated when they are ready. What it skips is the wait: the same reads in another order (the directory
 * is still listed after the ADRs are read, so an interrupted write is recovered first, as before). A
 * filter that keeps no row throws git's answer away (and any failure of git's, which `addGitDates`
 * never asked for); several ADR directories take `addGitDates` as it is.
 * `test/app/list-dates.test.ts` pins it to `addGitDates`.
 */
export function readGitDatesEarly(ws: Workspace, options: {fastPaths?: boolean} = {}): GitDatesOf {
  if (ws.dirs) return (rows) => addGitDates(ws, rows, options)
  const known = readKnownDates(ws, options)
  known.catch(() => undefined) // awaited below when a row needs it: a failure is reported there
  return async (rows) => {
    if (rows.length === 0) return {rows: [], warnings: []}
    const {dates, warnings} = datesOfFiles(await listWorkspaceAdrFiles(ws), await known)
    return {rows: rows.map((row) => ({...row, ...dates[row.file]})), warnings}
  }
}

/** The columns a wide terminal has room for, before the title: the deciders, then the tags. */
const WIDE_COLUMNS: readonly Column[] = [
  {key: 'deciders', header: 'DECIDERS'},
  {key: 'tags', header: 'TAGS'},
]

/**
 * The `--long` table with its date columns: `uncommitted` for an ADR git does not know yet, `-` where
 * git cannot tell. An ADR that writes no date shows its creation day in DATE (the history is loaded
 * anyway); `--json` keeps `date` as written and the creation in `created`. Given the terminal's
 * `width`, it adds DECIDERS and TAGS before the title while every line still fits (both, else the
 * deciders alone); without a width (a pipe) the table stays as scripts know it.
 */
export function renderDatedList(rows: readonly DatedAdr[], width?: number): string {
  const day = (date: string | undefined) => date?.slice(0, 10) ?? '-'
  const base = rows.some((row) => row.dir !== undefined) ? [DIR_COLUMN, ...DATED_COLUMNS] : DATED_COLUMNS
  const values = (row: ListedAdr) => {
    const d = row as DatedAdr
    const wide = {deciders: list(d.deciders), tags: list(d.tags)}
    if (d.committed === false) return {created: 'uncommitted', changed: 'uncommitted', ...wide}
    return {date: d.date ?? d.created?.slice(0, 10), created: day(d.created), changed: day(d.lastChanged), ...wide}
  }
  const title = base.length - 1
  if (width !== undefined && width > 0) {
    for (const extra of [WIDE_COLUMNS, WIDE_COLUMNS.slice(0, 1)]) {
      const columns = [...base.slice(0, title), ...extra, base[title]]
      const table = renderLongList(rows, columns, values)
      if (table.split('\n').every((line) => [...line].length <= width)) return table
    }
  }
  return renderLongList(rows, base, values)
}

function list(values: readonly string[] | undefined): string | undefined {
  return values && values.length > 0 ? values.join(', ') : undefined
}
