import {presentDirs} from '../../adapters/adr-store.js'
import {dirRefsOf, narrowToDir, type Workspace} from '../../adapters/workspace.js'
import {qualifiedParts} from '../../core/adr/resolve-ref.js'
import {AdrError} from '../../core/errors.js'
import type {HistoryEvent} from '../../core/history/history.js'
import {filterEvents, type LogFilters, type LogResult, resolveLogRef} from './history-filter.js'
import {type HistoryOptions, type RepositoryHistory, readHistory} from './read-history.js'

export type {LogFilters, LogResult} from './history-filter.js'

/**
 * `adr log`: the events, newest first, filtered; with a ref, that ADR's only. In a workspace of several
 * ADR directories, every directory's history (each read as its own, as `list` reads each directory),
 * every event naming its directory (`dir`); a ref names one ADR of one directory (`web/3`, or a bare
 * reference that only one directory knows).
 */
export async function adrLog(ws: Workspace, filters: LogFilters = {}, given: HistoryOptions = {}): Promise<LogResult> {
  if (!ws.dirs) return logOfOne(ws, filters, given)
  // links into another directory are named qualified (`platform/1`)
  const options: HistoryOptions = {...given, dirs: dirRefsOf(ws)}
  if (filters.ref !== undefined) {
    const target = await dirOfRef(ws, filters.ref, options)
    return labelled(await logOfOne(target.ws, {...filters, ref: target.ref}, options, target.history), target.ws.dirName)
  }
  const subs = await presentDirs(ws)
  const histories: RepositoryHistory[] = []
  // one directory after the other: each runs its own git processes, and the machine's cores are shared
  for (const sub of subs) histories.push(await readHistory(sub, options))
  const events = mergeByDate(histories.map((h, i) => h.events.map((e) => ({...e, dir: subs[i].dirName}))))
  return {
    events: filterEvents(events, filters),
    shallow: histories.some((h) => h.shallow),
    warnings: [...new Set(histories.flatMap((h) => h.warnings))],
  }
}

async function logOfOne(ws: Workspace, filters: LogFilters, options: HistoryOptions, read?: RepositoryHistory): Promise<LogResult> {
  const history = read ?? (await readHistory(ws, options))
  const adr = filters.ref === undefined ? undefined : await resolveLogRef(ws, filters.ref, history.records)
  const events = filterEvents(history.events, filters, adr?.file)
  const warnings = [...history.warnings]
  if (adr && !history.records.some((r) => r.adr === adr.file)) warnings.push(`${adr.file} has not been committed yet: it has no history.`)
  return {events, ...(adr ? {adr} : {}), shallow: history.shallow, warnings}
}

function labelled(result: LogResult, dir: string | undefined): LogResult {
  if (dir === undefined) return result
  return {...result, events: result.events.map((e) => ({...e, dir})), ...(result.adr ? {adr: {...result.adr, dir}} : {})}
}

/**
 * The directory a ref of `adr log` names and the ref inside it: a qualified one (`web/3`) names it;
 * a bare one is looked up among the ADRs on disk, else among the ADRs every directory's history
 * knows (a deleted one), and must be found in one directory only.
 */
async function dirOfRef(
  ws: Workspace,
  ref: string,
  options: HistoryOptions,
): Promise<{ws: Workspace; ref: string; history?: RepositoryHistory}> {
  const qualified = qualifiedParts(ref)
  if (qualified && ws.dirs?.some((d) => d.name === qualified.name)) return {ws: narrowToDir(ws, qualified.name), ref: qualified.ref}
  try {
    // the resolver and the loader of a write's ADRs load only for a bare ref in a workspace of several (ADR 42)
    const {narrowToRef} = await import('../adr/load-for-write.js')
    return await narrowToRef(ws, ref)
  } catch (error) {
    if (!(error instanceof AdrError) || error.code !== 'ADR_NOT_FOUND') throw error
    const found: {ws: Workspace; ref: string; history: RepositoryHistory}[] = []
    for (const sub of await presentDirs(ws)) {
      const history = await readHistory(sub, options)
      const adr = await resolveLogRef(sub, ref, history.records).catch(() => undefined)
      if (adr) found.push({ws: sub, ref: adr.file, history})
    }
    if (found.length === 1) return found[0]
    if (found.length > 1) {
      throw new AdrError('AMBIGUOUS_REF', `"${ref}" matches deleted ADRs in ${found.length} directories`, {
        suggestions: [`Qualify it with its directory: ${found.map((f) => `${f.ws.dirName}/${ref}`).join(' or ')}.`],
      })
    }
    throw error
  }
}

/**
 * The directories' events (each oldest first) as one list, oldest first by the date each shows; on
 * the same date each directory's own order is kept, the directories in the order configured.
 */
function mergeByDate(lists: readonly HistoryEvent[][]): HistoryEvent[] {
  return lists
    .flat()
    .map((e, i) => ({e, i, time: Date.parse(e.date)}))
    .sort((a, b) => a.time - b.time || a.i - b.i)
    .map(({e}) => e)
}
