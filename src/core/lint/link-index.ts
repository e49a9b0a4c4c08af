import type {Adr, AdrLink} from '../adr/model.js'
import {normaliseRel} from '../adr/status.js'

/** Finds the ADR a link points at: by file name, then by number (when that number is unique), then by exact title. */
export interface LinkIndex {
  resolve(link: AdrLink): Adr | undefined
  /** Whether `from` has a link of relation `rel` that resolves to `to`. */
  hasLink(from: Adr, rel: string, to: Adr): boolean
}

const built = new WeakMap<readonly Adr[], LinkIndex>()

/** The index of a list of ADRs, built once per list (four rules share it). */
export function indexAdrs(adrs: readonly Adr[]): LinkIndex {
  let index = built.get(adrs)
  if (!index) {
    index = buildIndex(adrs)
    built.set(adrs, index)
  }
  return index
}

function buildIndex(adrs: readonly Adr[]): LinkIndex {
  const byFile = new Map<string, Adr>()
  const byNumber = new Map<number, Adr[]>()
  const byTitle = new Map<string, Adr>()
  for (const adr of adrs) {
    byFile.set(adr.file, adr)
    if (adr.number !== undefined) {
      const same = byNumber.get(adr.number)
      if (same) same.push(adr)
      else byNumber.set(adr.number, [adr])
    }
    if (adr.title) byTitle.set(adr.title.toLowerCase(), adr)
  }
  const resolve = (link: AdrLink): Adr | undefined => {
    if (link.targetFile && byFile.has(link.targetFile)) return byFile.get(link.targetFile)
    if (link.targetFile && link.targetNumber === undefined) return undefined
    if (link.targetNumber !== undefined) {
      const found = byNumber.get(link.targetNumber)
      return found?.length === 1 ? found[0] : found?.find((a) => a.file === link.targetFile)
    }
    return byTitle.get(link.target.toLowerCase())
  }
  return {
    resolve,
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
 * ADR-0123`, which names it in the status itself.
 */
export function successorLinks(adr: Adr): AdrLink[] {
  const links = adr.links.filter((l) => l.relKey === 'superseded by')
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
