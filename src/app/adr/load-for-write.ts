import {type LoadedAdrs, loadAllAdrs} from '../../adapters/adr-store.js'
import {narrowToDir, type Workspace} from '../../adapters/workspace.js'
import {findConflictMarkers} from '../../core/adr/conflict-markers.js'
import type {Adr} from '../../core/adr/model.js'
import {qualifiedParts, resolveRef} from '../../core/adr/resolve-ref.js'
import {allowedTransitions} from '../../core/adr/status.js'
import {AdrError} from '../../core/errors.js'
import {displayPath} from './while-locked.js'

export {displayPath, loadAdrsOrNone, whileBothLocked, whileLocked} from './while-locked.js'

/**
 * In a workspace of several ADR directories: the directory of the ADR `ref` names (`web/3`, or a bare
 * reference that matches in one directory only) and the reference inside it, so an edit works on
 * that directory alone. A workspace of one directory is itself.
 */
export async function narrowToRef(ws: Workspace, ref: string): Promise<{ws: Workspace; ref: string}> {
  if (!ws.dirs) return {ws, ref}
  const {adrs, skipped} = await loadAllAdrs(ws)
  const adr = resolveRef(adrs, ref, skipped)
  return {ws: adr.dir ? narrowToDir(ws, adr.dir.name) : ws, ref: adr.file}
}

/**
 * `resolveRef` in the directory an edit works on (`here`, narrowed from `all`). When the reference
 * names no ADR there but one of another of the workspace's directories, the error says which
 * (`platform/4`) and what reaches it (`across`), instead of a bare "No ADR matches".
 */
export async function resolveHere(
  all: Workspace,
  here: Workspace,
  loaded: Pick<LoadedAdrs, 'adrs' | 'skipped'>,
  ref: string,
  across: (qualified: string) => string,
): Promise<Adr> {
  try {
    return resolveRef(loaded.adrs, ref, loaded.skipped)
  } catch (error) {
    if (!all.dirs || !(error instanceof AdrError) || error.code !== 'ADR_NOT_FOUND') throw error
    const elsewhere = (await loadAllAdrs(all)).adrs.filter((a) => a.dir && a.dir.name !== here.dirName)
    let found: Adr
    try {
      found = resolveRef(elsewhere, ref, [])
    } catch {
      throw error
    }
    const qualified = `${found.dir?.name}/${found.number ?? found.file}`
    throw new AdrError(
      'ADR_NOT_FOUND',
      `No ADR matches "${ref}" in ${here.dirName ?? 'this ADR directory'}; ${qualified} is in another ADR directory`,
      {
        suggestions: [across(qualified)],
      },
    )
  }
}

/** Refuses to edit an ADR a merge left half resolved: the edit would bury the conflict. */
export function assertNoConflictMarkers(ws: Workspace, adr: Adr): void {
  const [first] = findConflictMarkers(adr.text)
  if (!first) return
  throw new AdrError(
    'CONFLICT_MARKERS',
    `${displayPath(ws, adr.file)}:${first.line} holds a merge-conflict marker (\`${first.marker}\`); resolve the conflict first`,
    {
      suggestions: ['Keep the right text and remove the markers, then run the command again (`adr lint` lists every marker).'],
    },
  )
}

/** Refuses a status change the lifecycle does not allow, naming the ones it does. */
export function assertTransition(adr: Adr, to: string): void {
  const allowed = allowedTransitions(adr.status)
  if ((allowed as readonly string[]).includes(to)) return
  const name = adr.number === undefined ? adr.file : `ADR ${adr.number}`
  const from = adr.status ?? 'without a status'
  throw new AdrError(
    'ILLEGAL_TRANSITION',
    allowed.length
      ? `${name} is ${from}; it can move to ${allowed.join(' or ')}, not to ${to}`
      : `${name} is ${from}, which is final; it cannot move to ${to}`,
    {
      suggestions: allowed.length
        ? allowed.map((s) => `adr status ${adr.number ?? adr.file} ${s}${s === 'superseded' ? ' --by REF' : ''}`)
        : finalSuggestions(adr),
    },
  )
}

/** What to do with a final ADR: supersede its successor, or write a new ADR that links to it (never `-s` on it: that fails too). */
function finalSuggestions(adr: Adr): string[] {
  const successor = adr.links.find((link) => link.relKey === 'superseded by')
  const ref = successor?.targetNumber ?? successor?.targetFile ?? successor?.target
  if (ref !== undefined) return [`It was replaced by ADR ${ref}; a new decision supersedes that one: adr new -s ${ref} TITLE`]
  return [
    `A ${adr.status} decision stays as it is; write a new ADR that refers to it: adr new -l "${adr.number ?? adr.file}:Relates to:Relates to" TITLE`,
  ]
}

/** A reference (`--by`, a link's target) qualified by another directory than `source`'s (`platform/1`): that directory and the reference in it. */
export function otherDirOf(ws: Workspace, source: Workspace, target: string): {name: string; ref: string} | undefined {
  return otherDirNamed(
    (ws.dirs ?? []).map((d) => d.name),
    source.dirName,
    target,
  )
}

/** `otherDirOf` by names: `dirs` the workspace's directory names, `here` the one the edit is in. */
export function otherDirNamed(dirs: readonly string[], here: string | undefined, target: string): {name: string; ref: string} | undefined {
  const qualified = qualifiedParts(target)
  return qualified && qualified.name !== here && dirs.includes(qualified.name) ? qualified : undefined
}
