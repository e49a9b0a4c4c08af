import type {Adr, AdrLink} from '../adr/model.js'
import {
  type AdrIndex,
  indexAdrs as indexAdrsByKey,
  indexWorkspace,
  type LinkResolution,
  resolveAcross,
  resolveLink,
} from '../adr/resolve-link.js'
import {normaliseRel} from '../adr/status.js'

/** The ADRs' links, resolved as every command resolves them (`resolveLink`: path, then number, then title). */
export interface LinkIndex {
  resolve(link: AdrLink): Adr | undefined
  /** How the link was resolved, for the rule that reports paths that do not exist. */
  resolution(link: AdrLink): LinkResolution | undefined
  /** The ADR with this number, when exactly one has it. */
  byNumber(number: number): Adr | undefined
  /** Whether the link points into another ADR directory of the workspace (found there or not): its own directory's numbers say nothing of it. */
  leaves(link: AdrLink): boolean
  /** Whether `from` has a link of relation `rel` that resolves to `to`. */
  hasLink(from: Adr, rel: string, to: Adr): boolean
}

const built = new WeakMap<readonly Adr[], LinkIndex>()

/**
 * The index of a list of ADRs, built once per list (four rules share it). With `elsewhere` (the other
 * directories' ADRs of a workspace of several), a link that leaves its directory resolves there.
 */
export function indexAdrs(adrs: readonly Adr[], elsewhere?: readonly Adr[]): LinkIndex {
  let index = built.get(adrs)
  if (!index) {
    index = buildIndex(adrs, elsewhere)
    built.set(adrs, index)
  }
  return index
}

function buildIndex(adrs: readonly Adr[], elsewhere: readonly Adr[] = []): LinkIndex {
  const index = indexAdrsByKey(adrs)
  const workspace = elsewhere.length > 0 ? indexWorkspace([...adrs, ...elsewhere]) : undefined
  const owners = new Map<AdrLink, Adr>()
  if (workspace) for (const adr of [...adrs, ...elsewhere]) for (const link of adr.links) owners.set(link, adr)
  const ownIndex = new Map<string | undefined, AdrIndex>()
  const indexOf = (adr: Adr) => {
    let found = ownIndex.get(adr.dir?.name)
    if (!found) {
      found = adrs.includes(adr) ? index : indexAdrsByKey(elsewhere.filter((a) => a.dir?.name === adr.dir?.name))
      ownIndex.set(adr.dir?.name, found)
    }
    return found
  }
  const resolution = (link: AdrLink): LinkResolution | undefined => {
    const from = workspace ? owners.get(link) : undefined
    if (!from || !workspace) return resolveLink(index, link)
    const across = resolveAcross(workspace, from, link)
    if (across !== undefined) return across ?? undefined
    return resolveLink(indexOf(from), link)
  }
  const resolve = (link: AdrLink): Adr | undefined => resolution(link)?.adr
  const leaves = (link: AdrLink): boolean => {
    const from = workspace ? owners.get(link) : undefined
    return !!from && !!workspace && resolveAcross(workspace, from, link) !== undefined
  }
  return {
    resolve,
    resolution,
    leaves,
    byNumber: (number) => {
      const found = index.byNumber.get(number)
      return found?.length === 1 ? found[0] : undefined
    },
    hasLink: (from, rel, to) => {
      const key = normaliseRel(rel)
      return from.links.some((l) => l.relKey === key && resolve(l) === to)
    },
  }
}

/** Links to the web (`https://…`) are not links between ADRs. */
export function isExternal(link: AdrLink): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(link.target) || link.target.startsWith('#')
}

const STATUS_SUCCESSOR = /^superseded by\s+(?:\[(?:[^[\]]|\[[^[\]]*\])*\]\()?(?:adr[-_ ]?)?0*(\d+)/i

/**
 * The links that name an ADR's successor: `superseded by` links, and MADR's `status: superseded by
 * ADR-0123`, which names it in the status itself; in an ADR whose status reads as superseded through
 * a team's word (`Replaced by [16. X](0016-x.md)`), the link written in that status line.
 */
export function successorLinks(adr: Adr): AdrLink[] {
  const links = adr.links.filter((l) => l.relKey === 'superseded by')
  const inStatus = adr.status === 'superseded' ? adr.links.find((l) => l.origin !== 'front-matter' && l.line === adr.statusLine) : undefined
  if (links.length === 0 && inStatus) links.push(inStatus)
  const named = STATUS_SUCCESSOR.exec(adr.statusText?.trim() ?? '')
  if (links.length === 0 && named) {
    const n = Number(named[1])
    links.push({
      rel: 'superseded by',
      relKey: 'superseded by',
      target: String(n),
      targetNumber: n,
      line: adr.statusLine ?? 1,
      origin: 'front-matter',
    })
  }
  return links
}

/** An ADR as a finding in `from` names it: its file, after its directory's name when it lives in another one (`platform/0001-x.md`). */
export function nameFrom(adr: Adr, from: Adr): string {
  return adr.dir && adr.dir.name !== from.dir?.name ? `${adr.dir.name}/${adr.file}` : adr.file
}
