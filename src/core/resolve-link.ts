import type {Adr, AdrLink} from './model.js'

/**
 * The ADR a link points at, among `adrs`: by the number it names (when exactly one ADR has it), else
 * by file name, else by exact title. `undefined` when the target is not there (a dangling link, which
 * `adr lint` reports).
 */
export function findLinkTarget(adrs: readonly Adr[], link: Pick<AdrLink, 'target' | 'targetNumber' | 'targetFile'>): Adr | undefined {
  if (link.targetNumber !== undefined) {
    const byNumber = adrs.filter((a) => a.number === link.targetNumber)
    if (byNumber.length === 1) return byNumber[0]
  }
  const file = link.targetFile ?? link.target.split('/').pop()
  const byFile = adrs.find((a) => a.file === file)
  if (byFile) return byFile
  const title = link.target.trim().toLowerCase()
  const byTitle = adrs.filter((a) => a.title.toLowerCase() === title)
  return byTitle.length === 1 ? byTitle[0] : undefined
}

/** `superseded by`, `amended by` …: the reverse side of a two-way link (adr-tools leaves these out of graphs). */
export function isReverseRel(relKey: string): boolean {
  return relKey.endsWith(' by')
}
