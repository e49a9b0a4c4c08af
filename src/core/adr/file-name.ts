import type {NamingScheme} from './model.js'

export interface FileNameInfo {
  number?: number
  slug: string
  /** The naming scheme this file follows, when it carries a number. */
  naming?: NamingScheme
  /** log4brains' `YYYYMMDD-slug.md`. */
  dated: boolean
}

const NUMBERED = /^((?:adr)?[-_ ]?)(\d{1,7})([-_ ]|(?=\.))(.*)\.md$/i
const DATED = /^(\d{8})-(.+)\.md$/
const PLACEHOLDER = /^(?:adr[-_]?)?(?:x{3,}|n{3,}|0{4,}-template)/i
const NOT_ADRS = new Set(['readme.md', 'index.md', 'template.md', 'changelog.md', 'contributing.md', 'license.md'])

/** Whether a file in the ADR directory is an ADR at all (templates, READMEs and placeholders are not). */
export function isAdrFileName(file: string): boolean {
  const lower = file.toLowerCase()
  if (!lower.endsWith('.md') || NOT_ADRS.has(lower)) return false
  if (lower.startsWith('.') || lower.includes('template')) return false
  if (PLACEHOLDER.test(file)) return false
  return DATED.test(file) || NUMBERED.test(file)
}

/** Reads the number, slug and naming scheme out of a file name. */
export function parseFileName(file: string): FileNameInfo {
  const dated = DATED.exec(file)
  if (dated && Number(dated[1].slice(0, 4)) >= 1970 && Number(dated[1].slice(4, 6)) <= 12) {
    return {slug: dated[2], dated: true}
  }
  const numbered = NUMBERED.exec(file)
  if (numbered) {
    const [, prefix, digits, separator, slug] = numbered
    return {
      number: Number(digits),
      slug,
      dated: false,
      naming: {prefix, digits: digits.length, separator: separator || '-'},
    }
  }
  return {slug: file.replace(/\.md$/i, ''), dated: false}
}

/** Formats a file name in a repository's naming scheme: `0007-use-postgres.md`, `ADR-007_use-postgres.md`. */
export function formatFileName(number: number, slug: string, naming: NamingScheme): string {
  return `${naming.prefix}${String(number).padStart(naming.digits, '0')}${naming.separator}${slug}.md`
}

/**
 * The scheme most files in the directory follow: prefix and separator by majority, padding from the
 * zero-padded numbers (an unpadded `7-x.md` repository stays unpadded). An empty directory gets the
 * fallback.
 */
export function detectNaming(files: readonly string[], fallback: NamingScheme): NamingScheme {
  const counts = new Map<string, {prefix: string; separator: string; count: number; padded: number; any: number}>()
  for (const file of files) {
    const {naming} = parseFileName(file)
    if (!naming) continue
    const key = `${naming.prefix}|${naming.separator}`
    const entry = counts.get(key) ?? {prefix: naming.prefix, separator: naming.separator, count: 0, padded: 0, any: 0}
    entry.count++
    entry.any = Math.max(entry.any, naming.digits)
    if (/^\D*0\d/.test(file)) entry.padded = Math.max(entry.padded, naming.digits)
    counts.set(key, entry)
  }
  const best = [...counts.values()].sort((a, b) => b.count - a.count)[0]
  if (!best) return fallback
  const digits = best.padded || (best.any >= fallback.digits ? fallback.digits : 1)
  return {prefix: best.prefix, separator: best.separator, digits}
}
