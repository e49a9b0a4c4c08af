import type {Adr, AdrLink} from './model.js'

/** What a link resolves by: an ADR's number, file and title (the graph's fast path reads no more). */
export type Linkable = Pick<Adr, 'number' | 'file' | 'title'>

/** ADRs by file, number and lowercased title, for resolving many links in one pass. */
export interface AdrIndex<T extends Linkable = Adr> {
  byNumber: Map<number, T[]>
  byFile: Map<string, T>
  /** By lowercased file: a link written with other capitals still finds its file. */
  byFileFolded: Map<string, T>
  byTitle: Map<string, T[]>
}

export function indexAdrs<T extends Linkable = Adr>(adrs: readonly T[]): AdrIndex<T> {
  const index: AdrIndex<T> = {byNumber: new Map(), byFile: new Map(), byFileFolded: new Map(), byTitle: new Map()}
  for (const adr of adrs) {
    if (adr.number !== undefined) push(index.byNumber, adr.number, adr)
    if (!index.byFile.has(adr.file)) index.byFile.set(adr.file, adr)
    if (!index.byFileFolded.has(adr.file.toLowerCase())) index.byFileFolded.set(adr.file.toLowerCase(), adr)
    if (adr.title) push(index.byTitle, adr.title.toLowerCase(), adr)
  }
  return index
}

/** How a link found its target: by the path it names, by the number it names, or by the title. */
export interface LinkResolution<T extends Linkable = Adr> {
  adr: T
  by: 'path' | 'number' | 'title'
}

/**
 * The one way links are read, for every command and lint rule: the path a link names first; else
 * the number it names, when exactly one ADR has it (a link whose path does not exist still finds its
 * ADR this way, and `adr lint` reports the path); else the exact title. `undefined` for a dangling link.
 */
export function resolveLink<T extends Linkable = Adr>(
  index: AdrIndex<T>,
  link: Pick<AdrLink, 'target' | 'targetNumber' | 'targetFile'>,
): LinkResolution<T> | undefined {
  if (link.targetFile) {
    const byPath = index.byFile.get(link.targetFile) ?? index.byFileFolded.get(link.targetFile.toLowerCase())
    if (byPath) return {adr: byPath, by: 'path'}
  }
  if (link.targetNumber !== undefined) {
    const byNumber = index.byNumber.get(link.targetNumber)
    if (byNumber?.length === 1) return {adr: byNumber[0], by: 'number'}
    return undefined
  }
  if (link.targetFile) return undefined
  const byTitle = index.byTitle.get(link.target.trim().toLowerCase())
  return byTitle?.length === 1 ? {adr: byTitle[0], by: 'title'} : undefined
}

/** The ADR a link points at (see `resolveLink`). Pass an index when resolving many links. */
export function findLinkTarget<T extends Linkable = Adr>(
  adrs: readonly T[] | AdrIndex<T>,
  link: Pick<AdrLink, 'target' | 'targetNumber' | 'targetFile'>,
): T | undefined {
  const index = Array.isArray(adrs) ? indexAdrs(adrs as readonly T[]) : (adrs as AdrIndex<T>)
  return resolveLink(index, link)?.adr
}

/** `superseded by`, `amended by` …: the reverse side of a two-way link (adr-tools leaves these out of graphs). */
export function isReverseRel(relKey: string): boolean {
  return relKey.endsWith(' by')
}

function push<K, T>(map: Map<K, T[]>, key: K, adr: T): void {
  const list = map.get(key)
  if (list) list.push(adr)
  else map.set(key, [adr])
}
