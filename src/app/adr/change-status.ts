import path from 'node:path'
import {type PlannedWrite, writeAll} from '../../adapters/files/multi-write.js'
import type {Workspace} from '../../adapters/workspace.js'
import {setStatus, supersede} from '../../core/adr/edit-adr.js'
import {STATUSES} from '../../core/adr/model.js'
import {resolveRef} from '../../core/adr/resolve-ref.js'
import {isStatus, normaliseStatus} from '../../core/adr/status.js'
import {AdrError} from '../../core/errors.js'
import {assertNoConflictMarkers, assertTransition, displayPath, narrowToRef, resolveHere, whileLocked} from './load-for-write.js'

export interface StatusChange {
  path: string
  file: string
  number?: number
  title: string
  from?: string
  to: string
  /** The superseding ADR, for `--by`. */
  by?: {path: string; number?: number; title: string}
  /** Every file written, relative paths (empty when the ADR already had that status). */
  updated: string[]
}

/**
 * `adr status REF STATUS [--by REF]`: moves an ADR along the lifecycle, refusing (with the allowed
 * moves named) what the lifecycle does not allow. `superseded` needs `--by`, and writes both sides.
 */
export async function changeStatus(ws: Workspace, request: {ref: string; status: string; by?: string}): Promise<StatusChange> {
  const to = normaliseStatus(request.status)
  if (!isStatus(to)) {
    throw new AdrError('UNKNOWN_STATUS', `"${request.status}" is not a status adrgate knows`, {
      suggestions: [`Use one of: ${STATUSES.join(', ')}.`],
    })
  }
  if (to === 'superseded' && !request.by) {
    throw new AdrError('INVALID_ARGUMENT', 'Superseding needs the ADR that replaces it', {
      suggestions: [`adr status ${request.ref} superseded --by REF`, `or write the new one: adr new -s ${request.ref} TITLE`],
    })
  }
  if (request.by && to !== 'superseded') {
    throw new AdrError('INVALID_ARGUMENT', `--by names a superseding ADR; it goes with the status superseded, not ${to}`)
  }
  const all = ws
  const narrowed = await narrowToRef(ws, request.ref)
  return whileLocked(narrowed.ws, async ({adrs, skipped}) => {
    const ws = narrowed.ws
    const adr = resolveRef(adrs, narrowed.ref, skipped)
    assertNoConflictMarkers(ws, adr)
    const base = {path: displayPath(ws, adr.file), file: adr.file, number: adr.number, title: adr.title, from: adr.status, to}
    if (adr.status === to) return {...base, updated: []}
    assertTransition(adr, to)
    const writes: PlannedWrite[] = []
    let by: StatusChange['by']
    if (request.by) {
      const replacement = await resolveHere(
        all,
        ws,
        {adrs, skipped},
        request.by,
        (q) => `--by supersedes within one ADR directory; record a link across directories with: adr link ${q} supersedes ${request.ref}`,
      )
      assertNoConflictMarkers(ws, replacement)
      if (replacement.file === adr.file) throw new AdrError('INVALID_ARGUMENT', `${adr.file} cannot supersede itself`)
      const edit = supersede(adr, replacement)
      writes.push(
        {file: path.join(ws.adrDir, adr.file), text: edit.old.text},
        {file: path.join(ws.adrDir, replacement.file), text: edit.by.text},
      )
      by = {path: displayPath(ws, replacement.file), number: replacement.number, title: replacement.title}
    } else {
      writes.push({file: path.join(ws.adrDir, adr.file), text: setStatus(adr, to).text})
    }
    await writeAll(writes)
    return {...base, by, updated: writes.map((w) => path.relative(ws.cwd, w.file))}
  })
}
