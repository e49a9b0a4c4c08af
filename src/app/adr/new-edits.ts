import type {SkippedFile} from '../../adapters/adr-store.js'
import {addLink, linkTargetOf, supersede} from '../../core/adr/edit-adr.js'
import type {Adr} from '../../core/adr/model.js'
import {resolveRef} from '../../core/adr/resolve-ref.js'
import {AdrError} from '../../core/errors.js'
import {assertTransition} from './load-for-write.js'

// What `adr new -s` and `-l` add to a new ADR: the ADRs they name, found, and both sides of each
// supersede and link edited. Apart from create-adr.ts, which imports it only when -s or -l is given:
// a plain `adr new` loads none of the reference resolver and the editors.

/** The ADRs `-s` and `-l` name, resolved before anything is written. */
export interface EditTargets {
  superseded: Adr[]
  links: {ref: string; link: string; reverse: string; target: Adr}[]
}

/** Resolves every `-s` reference, then reads every `-l` spec and resolves its target, in that order. */
export function resolveTargets(
  adrs: readonly Adr[],
  skipped: readonly SkippedFile[],
  request: {supersede?: readonly string[]; links?: readonly string[]},
): EditTargets {
  const superseded = (request.supersede ?? []).map((ref) => resolveRef(adrs, ref, skipped))
  const links = (request.links ?? []).map(parseLinkSpec).map((link) => ({...link, target: resolveRef(adrs, link.ref, skipped)}))
  return {superseded, links}
}

/** The new ADR with its supersede and link lines, and every other ADR as edited (by file). */
export function applyEdits(created: Adr, targets: EditTargets): {created: Adr; changed: Map<string, Adr>} {
  const changed = new Map<string, Adr>()
  const current = (adr: Adr) => changed.get(adr.file) ?? adr
  let next = created
  for (const target of targets.superseded) {
    assertTransition(current(target), 'superseded')
    const edit = supersede(current(target), next)
    changed.set(target.file, edit.old)
    next = edit.by
  }
  for (const link of targets.links) {
    const target = current(link.target)
    next = addLink(next, link.link, linkTargetOf(target))
    changed.set(target.file, addLink(target, link.reverse, linkTargetOf(next)))
  }
  return {created: next, changed}
}

/** `REF:LINK:REVERSE`, split as adr-tools splits it (`cut -d :`): the first three fields. */
export function parseLinkSpec(spec: string): {ref: string; link: string; reverse: string} {
  const [ref, link, reverse] = spec.split(':').map((s) => s.trim())
  if (!ref || !link || !reverse) {
    throw new AdrError('INVALID_ARGUMENT', `"${spec}" is not a link of the form TARGET:LINK:REVERSE-LINK`, {
      suggestions: ['e.g. -l "5:Amends:Amended by"'],
    })
  }
  return {ref, link, reverse}
}
