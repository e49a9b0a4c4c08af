import type {Adr, AdrLink} from './model.js'

/** ADRs by number, file name and lowercased title, for resolving many links in one pass. */
export interface AdrIndex {
  byNumber: Map<number, Adr[]>
  byFile: Map<string, Adr>
  byTitle: Map<string, Adr[]>
}

export function indexAdrs(adrs: readonly Adr[]): AdrIndex {
  const index: AdrIndex = {byNumber: new Map(), byFile: new Map(), byTitle: new Map()}
  for (const adr of adrs) {
    if (adr.number !== undefined) push(index.byNumber, adr.number, adr)
    if (!index.byFile.has(adr.file)) index.byFile.set(adr.file, adr)
    push(index.byTitle, adr.title.toLowerCase(), adr)
  }
  return index
}

/**
 * The ADR a link points at: by the number it names (when exactly one ADR has it), else by file name,
 * else by exact title. `undefined` when the target is not there (a dangling link, which `adr lint`
 * reports). Pass an index when resolving many links.
 */
export function findLinkTarget(
  adrs: readonly Adr[] | AdrIndex,
  link: Pick<AdrLink, 'target' | 'targetNumber' | 'targetFile'>,
): Adr | undefined {
  const index = Array.isArray(adrs) ? indexAdrs(adrs) : (adrs as AdrIndex)
  if (link.targetNumber !== undefined) {
    const byNumber = index.byNumber.get(link.targetNumber)
    if (byNumber?.length === 1) return byNumber[0]
  }
  const byFile = index.byFile.get(link.targetFile ?? link.target.split('/').pop() ?? '')
  if (byFile) return byFile
  const byTitle = index.byTitle.get(link.target.trim().toLowerCase())
  return byTitle?.length === 1 ? byTitle[0] : undefined
}

/** `superseded by`, `amended by` …: the reverse side of a two-way link (adr-tools leaves these out of graphs). */
export function isReverseRel(relKey: string): boolean {
  return relKey.endsWith(' by')
}

function push<K>(map: Map<K, Adr[]>, key: K, adr: Adr): void {
  const list = map.get(key)
  if (list) list.push(adr)
  else map.set(key, [adr])
}
