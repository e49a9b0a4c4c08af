import type {SkippedFile} from '../../adapters/adr-store.js'
import {addLink, linkTargetOf, supersede} from '../../core/adr/edit-adr.js'
import type {Adr} from '../../core/adr/model.js'
import {resolveRef} from '../../core/adr/resolve-ref.js'
import {shellQuote} from '../../core/cli/shell-quote.js'
import {AdrError} from '../../core/errors.js'
import {assertTransition, otherDirNamed} from './load-for-write.js'

// What `adr new -s` and `-l` add to a new ADR: the ADRs they name, found, and both sides of each
// supersede and link edited. Apart from create-adr.ts, which imports it only when -s or -l is given:
// a plain `adr new` loads none of the reference resolver and the editors.

/** The ADRs `-s` and `-l` name, resolved before anything is written. */
export interface EditTargets {
  superseded: Adr[]
  links: {ref: string; link: string; reverse: string; target: Adr}[]
}

/**
 * Refuses a `-s` or `-l` reference into another ADR directory of the workspace (`api/1` while `adr
 * new` writes in `web`) before anything is read: `adr new` supersedes and links within the directory
 * it writes in, and "No ADR matches" would say the ADR does not exist. The error says what works:
 * superseding in that directory, or across once the ADR is written (`adr status --by`, `adr link`).
 * `dirs` are the workspace's directory names, `here` the one written in.
 */
export function assertRefsHere(
  dirs: readonly string[],
  here: string,
  request: {supersede?: readonly string[]; links?: readonly string[]; title: readonly string[]},
): void {
  const title = shellQuote(request.title.join(' ') || 'TITLE')
  const across = (ref: string) => otherDirNamed(dirs, here, ref)
  for (const ref of request.supersede ?? []) {
    const other = across(ref)
    if (!other) continue
    throw new AdrError(
      'INVALID_ARGUMENT',
      `-s ${ref}: that ADR is in the ${other.name} directory; adr new supersedes only in the directory it writes in (${here})`,
      {
        suggestions: [
          `Write the successor in ${other.name}: adr new --package ${other.name} -s ${shellQuote(other.ref)} ${title}`,
          `or write it here, then supersede across directories: adr status ${shellQuote(ref)} superseded --by ${here}/NUMBER`,
        ],
      },
    )
  }
  for (const spec of request.links ?? []) {
    const {ref, link, reverse} = parseLinkSpec(spec)
    const other = across(ref)
    if (!other) continue
    throw new AdrError(
      'INVALID_ARGUMENT',
      `-l ${spec}: that ADR is in the ${other.name} directory; adr new links only in the directory it writes in (${here})`,
      {
        suggestions: [
          `Write it, then link across directories: adr new --package ${here} ${title}, then adr link ${here}/NUMBER ${shellQuote(link)} ${shellQuote(ref)} ${shellQuote(reverse)}`,
        ],
      },
    )
  }
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
