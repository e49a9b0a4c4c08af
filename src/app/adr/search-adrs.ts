import path from 'node:path'
import {compareAdrs, loadAdrs, readAdrTexts, type SkippedFile} from '../../adapters/adr-store.js'
import type {Workspace} from '../../adapters/workspace.js'
import {type AdrFilter, isFiltered, matchesFilter} from '../../core/adr/adr-filter.js'
import {parseAdr} from '../../core/adr/parse-adr.js'
import {holdsEveryTerm, matchingLines, type SearchMatch, searchTerms, termPattern} from '../../core/adr/search.js'
import {isStatus, normaliseStatus} from '../../core/adr/status.js'
import {configValues} from '../../core/config/config-values.js'
import {assertStatusFilter} from './list-adrs.js'

/** `adr search`'s filters: the same as `adr list`'s. */
export type SearchFilter = Pick<AdrFilter, 'status' | 'tag'>

/** One ADR that holds every term. */
export interface SearchResult {
  number?: number
  title: string
  status?: string
  tags: string[]
  file: string
  /** Relative to the working directory. */
  path: string
  matches: SearchMatch[]
}

export interface SearchOutcome {
  /** The terms searched for, lowercase. */
  terms: string[]
  /** The ADR directory, relative to the working directory. */
  dir: string
  results: SearchResult[]
  /** Files that could not be read at all. */
  skipped: SkippedFile[]
}

/**
 * Every ADR whose text (title, front matter and body) holds every term, case-insensitively, with
 * the lines that hold them, in number order. Files are read once; only those that hold every term
 * are parsed, so a search over 10,000 ADRs parses the few that match.
 */
export async function searchAdrs(ws: Workspace, args: readonly string[], filter: SearchFilter = {}): Promise<SearchOutcome> {
  const terms = searchTerms(args)
  const patterns = terms.map(termPattern)
  const statuses = configValues(ws.config).statuses
  const wanted = filter.status === undefined ? undefined : normaliseStatus(filter.status, statuses)
  if (wanted !== undefined && !isStatus(wanted)) {
    // a status of the team's own (or a typo): the check needs every ADR's status, as `adr list` does
    assertStatusFilter(filter.status, (await loadAdrs(ws)).adrs, statuses)
  }
  const {texts, skipped} = await readAdrTexts(ws)
  const keep = isFiltered(filter) ? matchesFilter(filter, statuses) : () => true
  const dir = path.relative(ws.cwd, ws.adrDir)
  const results: SearchResult[] = []
  for (const {file, text} of texts) {
    if (!holdsEveryTerm(text, patterns)) continue
    const adr = parseAdr(text, file, {statuses})
    if (!keep(adr)) continue
    results.push({
      number: adr.number,
      title: adr.title,
      status: adr.status,
      tags: adr.tags,
      file: adr.file,
      path: dir ? `${dir}${path.sep}${adr.file}` : adr.file,
      matches: matchingLines(adr, terms, patterns),
    })
  }
  results.sort(compareAdrs)
  return {terms, dir: dir || '.', results, skipped}
}
