import path from 'node:path'
import {writeAll} from '../../adapters/files/multi-write.js'
import {dirRefOf, narrowToDir, type Workspace} from '../../adapters/workspace.js'
import {addLink, linkTargetOf} from '../../core/adr/edit-adr.js'
import {acrossTarget, type DirRef} from '../../core/adr/resolve-link.js'
import {resolveRef} from '../../core/adr/resolve-ref.js'
import {knownRelations, type RelationMap, reverseRel} from '../../core/adr/status.js'
import {configValues} from '../../core/config/config-values.js'
import {AdrError} from '../../core/errors.js'
import {assertNoConflictMarkers, displayPath, narrowToRef, otherDirOf, resolveHere, whileBothLocked, whileLocked} from './load-for-write.js'

export interface LinkRequest {
  source: string
  link: string
  target: string
  /** Left out: the reverse of a known or configured relation (`amends` → `amended by`). */
  reverse?: string
}

export interface LinkedAdrs {
  source: {path: string; number?: number; title: string}
  target: {path: string; number?: number; title: string}
  link: string
  reverseLink: string
  updated: string[]
}

/**
 * `adr link SOURCE LINK TARGET REVERSE-LINK`: `LINK [..](..)` into the source and `REVERSE [..](..)`
 * into the target (front-matter links in MADR files); both files are written, or neither.
 */
export async function linkAdrs(ws: Workspace, request: LinkRequest): Promise<LinkedAdrs> {
  const reverse = request.reverse ?? derivedReverse(request.link, configValues(ws.config).relations)
  if (!request.link.trim() || !reverse.trim()) {
    throw new AdrError('INVALID_ARGUMENT', 'LINK and REVERSE-LINK must not be empty', {suggestions: ['adr link 12 Amends 10 "Amended by"']})
  }
  const narrowed = await narrowToRef(ws, request.source)
  const other = otherDirOf(ws, narrowed.ws, request.target)
  if (other) return linkAcross(narrowed, {ws: narrowToDir(ws, other.name), ref: other.ref}, request.link, reverse)
  const all = ws
  return whileLocked(narrowed.ws, async ({adrs, skipped}) => {
    const ws = narrowed.ws
    const source = resolveRef(adrs, narrowed.ref, skipped)
    const target = await resolveHere(
      all,
      ws,
      {adrs, skipped},
      request.target,
      (q) => `Name it qualified: adr link ${request.source} ${JSON.stringify(request.link)} ${q}`,
    )
    assertNoConflictMarkers(ws, source)
    assertNoConflictMarkers(ws, target)
    if (source.file === target.file) throw new AdrError('INVALID_ARGUMENT', `${source.file} cannot link to itself`)
    const linkedSource = addLink(source, request.link, linkTargetOf(target))
    const linkedTarget = addLink(target, reverse, linkTargetOf(linkedSource))
    await writeAll([
      {file: path.join(ws.adrDir, source.file), text: linkedSource.text},
      {file: path.join(ws.adrDir, target.file), text: linkedTarget.text},
    ])
    const describe = (a: typeof source) => ({path: displayPath(ws, a.file), number: a.number, title: a.title})
    return {
      source: describe(source),
      target: describe(target),
      link: request.link,
      reverseLink: reverse,
      updated: [displayPath(ws, source.file), displayPath(ws, target.file)],
    }
  })
}

/**
 * A link between ADRs of two directories (ADR 19): written under both directories' locks (taken in
 * the order of their paths, compared by code unit, so two such links cannot deadlock), both files or
 * neither, one journal naming both locks (a command in either directory completes it). Each
 * side names the other as every command reads a link that leaves its directory: adr-tools and
 * log4brains files by the path from one file to the other, front matter by the qualified reference
 * (`platform/1`).
 */
async function linkAcross(from: {ws: Workspace; ref: string}, to: {ws: Workspace; ref: string}, link: string, reverse: string) {
  return whileBothLocked(from.ws, to.ws, async (loadedFrom, loadedTo) => {
    const source = resolveRef(loadedFrom.adrs, from.ref, loadedFrom.skipped)
    const target = resolveRef(loadedTo.adrs, to.ref, loadedTo.skipped)
    assertNoConflictMarkers(from.ws, source)
    assertNoConflictMarkers(to.ws, target)
    const fromDir = dirRefOf(from.ws) as DirRef
    const toDir = dirRefOf(to.ws) as DirRef
    const linkedSource = addLink(source, link, acrossTarget(target, toDir, source, fromDir))
    const linkedTarget = addLink(target, reverse, acrossTarget(linkedSource, fromDir, target, toDir))
    await writeAll([
      {file: path.join(from.ws.adrDir, source.file), text: linkedSource.text},
      {file: path.join(to.ws.adrDir, target.file), text: linkedTarget.text},
    ])
    const describe = (ws: Workspace, a: typeof source) => ({path: displayPath(ws, a.file), number: a.number, title: a.title})
    return {
      source: describe(from.ws, source),
      target: describe(to.ws, target),
      link,
      reverseLink: reverse,
      updated: [displayPath(from.ws, source.file), displayPath(to.ws, target.file)],
    }
  })
}

/**
 * The reverse of a relation adrgate knows, or the team configured (`relations:`), written as LINK is
 * written: `Amends` → `Amended by`, `amends` → `amended by`. An unknown relation needs its reverse
 * spelt out.
 */
export function derivedReverse(link: string, relations?: RelationMap): string {
  const reverse = reverseRel(link, relations)
  if (!reverse) {
    const known = knownRelations(relations).map(([name]) => name)
    throw new AdrError('INVALID_ARGUMENT', `adrgate does not know the reverse of "${link}": give it as REVERSE-LINK`, {
      suggestions: [
        `adr link SOURCE "${link}" TARGET "REVERSE"`,
        `Known: ${known.join(', ')}.`,
        `Or name it once for the team in .adrgate.yaml: relations: {"${link.trim().toLowerCase()}": "REVERSE"}.`,
      ],
    })
  }
  const first = link.trim()[0] ?? ''
  return first !== first.toLowerCase() ? reverse[0].toUpperCase() + reverse.slice(1) : reverse
}
