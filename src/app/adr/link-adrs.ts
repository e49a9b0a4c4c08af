import path from 'node:path'
import {writeAll} from '../../adapters/files.js'
import type {Workspace} from '../../adapters/workspace.js'
import {addLink, linkTargetOf} from '../../core/adr/edit-adr.js'
import {resolveRef} from '../../core/adr/resolve-ref.js'
import {AdrError} from '../../core/errors.js'
import {displayPath, whileLocked} from './load-for-write.js'

export interface LinkRequest {
  source: string
  link: string
  target: string
  reverse: string
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
  if (!request.link.trim() || !request.reverse.trim()) {
    throw new AdrError('INVALID_ARGUMENT', 'LINK and REVERSE-LINK must not be empty', {suggestions: ['adr link 12 Amends 10 "Amended by"']})
  }
  return whileLocked(ws, async ({adrs, skipped}) => {
    const source = resolveRef(adrs, request.source, skipped)
    const target = resolveRef(adrs, request.target, skipped)
    if (source.file === target.file) throw new AdrError('INVALID_ARGUMENT', `${source.file} cannot link to itself`)
    const linkedSource = addLink(source, request.link, linkTargetOf(target))
    const linkedTarget = addLink(target, request.reverse, linkTargetOf(linkedSource))
    await writeAll([
      {file: path.join(ws.adrDir, source.file), text: linkedSource.text},
      {file: path.join(ws.adrDir, target.file), text: linkedTarget.text},
    ])
    const describe = (a: typeof source) => ({path: displayPath(ws, a.file), number: a.number, title: a.title})
    return {
      source: describe(source),
      target: describe(target),
      link: request.link,
      reverseLink: request.reverse,
      updated: [displayPath(ws, source.file), displayPath(ws, target.file)],
    }
  })
}
