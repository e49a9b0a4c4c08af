import path from 'node:path'
import {type PlannedWrite, writeAll} from '../../adapters/files/multi-write.js'
import {dirRefOf, narrowToDir, type Workspace} from '../../adapters/workspace.js'
import {setStatus, supersede} from '../../core/adr/edit-adr.js'
import {STATUSES} from '../../core/adr/model.js'
import {acrossTarget, type DirRef} from '../../core/adr/resolve-link.js'
import {resolveRef} from '../../core/adr/resolve-ref.js'
import {isStatus, normaliseStatus} from '../../core/adr/status.js'
import {AdrError} from '../../core/errors.js'
import {
  assertNoConflictMarkers,
  assertTransition,
  displayPath,
  narrowToRef,
  otherDirOf,
  resolveHere,
  whileBothLocked,
  whileLocked,
} from './load-for-write.js'

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
  const other = request.by ? otherDirOf(all, narrowed.ws, request.by) : undefined
  if (other) return supersedeAcross(narrowed, {ws: narrowToDir(all, other.name), ref: other.ref}, to)
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
        (q) => `Name it qualified: adr status ${request.ref} superseded --by ${q}`,
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

/**
 * `adr status REF superseded --by OTHER/REF`, the successor in another ADR directory: both sides
 * written under both directories' locks, both files or neither, each naming the other as a link that
 * leaves its directory is written (`acrossTarget`, as `adr link` writes it: ADR 19).
 */
async function supersedeAcross(old: {ws: Workspace; ref: string}, by: {ws: Workspace; ref: string}, to: string): Promise<StatusChange> {
  return whileBothLocked(old.ws, by.ws, async (loadedOld, loadedBy) => {
    const adr = resolveRef(loadedOld.adrs, old.ref, loadedOld.skipped)
    const replacement = resolveRef(loadedBy.adrs, by.ref, loadedBy.skipped)
    assertNoConflictMarkers(old.ws, adr)
    assertNoConflictMarkers(by.ws, replacement)
    const base = {path: displayPath(old.ws, adr.file), file: adr.file, number: adr.number, title: adr.title, from: adr.status, to}
    if (adr.status === to) return {...base, updated: []}
    assertTransition(adr, to)
    const oldDir = dirRefOf(old.ws) as DirRef
    const byDir = dirRefOf(by.ws) as DirRef
    const edit = supersede(adr, replacement, {
      old: acrossTarget(adr, oldDir, replacement, byDir),
      by: acrossTarget(replacement, byDir, adr, oldDir),
    })
    const writes = [
      {file: path.join(old.ws.adrDir, adr.file), text: edit.old.text},
      {file: path.join(by.ws.adrDir, replacement.file), text: edit.by.text},
    ]
    await writeAll(writes)
    const successor = {path: displayPath(by.ws, replacement.file), number: replacement.number, title: replacement.title}
    return {...base, by: successor, updated: writes.map((w) => path.relative(old.ws.cwd, w.file))}
  })
}
