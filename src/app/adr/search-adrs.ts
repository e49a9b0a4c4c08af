import path from 'node:path'
import {compareAdrs, loadAllAdrs, presentDirs, readAdrTexts, type SkippedFile} from '../../adapters/adr-store.js'
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
  /** Among several ADR directories: the name of the one that holds it (`web` in web/3). */
  dir?: string
  /** Relative to the working directory. */
  path: string
  matches: SearchMatch[]
}

export interface SearchOutcome {
  /** The terms searched for, lowercase. */
  terms: string[]
  /** The ADR directory, relative to the working directory (among several, each of them, joined by `, `). */
  dir: string
  /** Among several ADR directories: each one searched, its name and its path relative to the working directory. */
  dirs?: {name: string; path: string}[]
  results: SearchResult[]
  /** Files that could not be read at all (among several directories, with the name of theirs). */
  skipped: (SkippedFile & {dir?: string})[]
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
    // a status of the team's own (or a typo): the check needs every ADR's status (of every directory), as `adr list` does
    assertStatusFilter(filter.status, (await loadAllAdrs(ws)).adrs, statuses)
  }
  const keep = isFiltered(filter) ? matchesFilter(filter, statuses) : () => true
  const shown = (sub: Workspace) => path.relative(ws.cwd, sub.adrDir)
  if (!ws.dirs) {
    const {results, skipped} = await searchDir(ws, terms, patterns, keep)
    return {terms, dir: shown(ws) || '.', results, skipped}
  }
  // several directories: each searched in turn, in the configured order, each result named by its directory
  const subs = await presentDirs(ws)
  const results: SearchResult[] = []
  const skipped: SearchOutcome['skipped'] = []
  for (const sub of subs) {
    const found = await searchDir(sub, terms, patterns, keep)
    results.push(...found.results.map((r) => ({...r, dir: sub.dirName})))
    skipped.push(...found.skipped.map((f) => ({...f, dir: sub.dirName})))
  }
  const dirs = subs.map((sub) => ({name: sub.dirName ?? '', path: shown(sub) || '.'}))
  return {terms, dir: dirs.map((d) => d.path).join(', '), dirs, results, skipped}
}

async function searchDir(
  ws: Workspace,
  terms: string[],
  patterns: RegExp[],
  keep: (adr: ReturnType<typeof parseAdr>) => boolean,
): Promise<{results: SearchResult[]; skipped: SkippedFile[]}> {
  const statuses = configValues(ws.config).statuses
  const {texts, skipped} = await readAdrTexts(ws)
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
  return {results, skipped}
}
