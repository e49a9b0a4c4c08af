import type {NamingScheme} from './model.js'

/**
 * What a file name says about an ADR. This module is the one place that knows how ADR files are
 * named (numbered, dated, one folder per ADR) and which files in an ADR directory are not ADRs:
 * listing, parsing, `adr new` and lint all read names through it. Pure: names in, facts out.
 */
export interface FileNameInfo {
  number?: number
  slug: string
  /** The naming scheme this file follows, when it carries a number. */
  naming?: NamingScheme
  /** Named by a date instead of a number: log4brains' `YYYYMMDD-slug.md`, or `YYYY-MM-DD-slug.md`. */
  dated: boolean
  /** The date in a dated name, as YYYY-MM-DD. */
  date?: string
  /** One folder per ADR: `0007-use-kafka/README.md` (the folder's name is the ADR's name). */
  folder?: boolean
}

/** `0007-slug.md`, `007_slug.md`, `adr-007-slug.md`, `ADR007-slug.md`, `adr_0001_slug.md`, `DR001-slug.md`. */
const NUMBERED = /^((?:adr|dr)?[-_ ]?)(\d{1,7})([-_ ]|(?=\.))(.*)\.md$/i
/** `0007-use-kafka.md`: up to seven digits, a dash, a slug that starts with a lower-case letter, `.md`. */
const PLAIN_NUMBERED = /^(\d{1,7})-([a-z][a-z0-9-]*)\.md$/
/** log4brains' `20201002-slug.md`. */
const DATED_COMPACT = /^(\d{4})(\d{2})(\d{2})-(.+)\.md$/
/** `2020-10-02-slug.md` (static-site blogs, some home-grown layouts). */
const DATED_DASHED = /^(\d{4})-(\d{2})-(\d{2})[-_](.+)\.md$/
/** `ADRXXX-…`, `adr-nnn-…`: a template's placeholder number. */
const PLACEHOLDER = /^(?:adr[-_]?)?(?:x{3,}|n{3,})\b/i
/** A slug that says "this is the template": `template`, `adr-template`, `template-madr`. */
const TEMPLATE_SLUG = /^(?:[a-z]+[-_ ])?template(?:[-_ ][a-z0-9]+)?$/i
const NOT_ADRS = new Set(['readme.md', 'index.md', 'template.md', 'changelog.md', 'contributing.md', 'license.md'])
/** The file that holds the ADR in a folder-per-ADR layout, in order of preference. */
export const FOLDER_ADR_FILES = ['README.md', 'index.md'] as const

/**
 * Whether a file in the ADR directory is an ADR: its name is numbered or dated. Only real templates
 * (`template.md`, `adr-template.md`, `0000-template.md`, `ADRXXX-…`) are skipped; a word in the slug
 * never is (`0039-use-velocity-as-template-engine.md` is an ADR).
 */
export function isAdrFileName(file: string): boolean {
  if (plainAdrNumber(file) !== undefined) return true
  const known = adrNames.get(file)
  if (known !== undefined) return known
  if (adrNames.size >= MEMO_LIMIT) adrNames.clear()
  const is = readIsAdrFileName(file)
  adrNames.set(file, is)
  return is
}

/** What `isAdrFileName` said of each name `plainAdrNumber` does not answer (dated, prefixed, template-like names): a command asks of the same names two or three times (finding the directory, listing it, other branches' names). */
const adrNames = new Map<string, boolean>()

function readIsAdrFileName(file: string): boolean {
  // a plain numbered name that holds `template` (plainAdrNumber answers the others): neither a placeholder nor a name `NOT_ADRS` lists
  if (PLAIN_NUMBERED.test(file)) return !isTemplateName(parseFileName(file))
  return generalIsAdrFileName(file)
}

/**
 * The fast path of `isAdrFileName` and `parseFileName(file).number` for the name nearly every ADR has
 * (`0007-use-kafka.md`, `PLAIN_NUMBERED`) and no template has: its number, read by one pattern, with
 * nothing built or remembered. Such a name is an ADR's: its slug is lower case, so it is a template's
 * (`TEMPLATE_SLUG`) only if it holds `template`, and those names are left to the general readers.
 * `undefined` for every other name: ask `isAdrFileName` and `parseFileName`. A listing reads 10,000
 * names; this reads them in a sixth of the time of the remembered readers, and leaves nothing for the
 * garbage collector to copy. `test/core/file-name.test.ts` pins it to them.
 */
export function plainAdrNumber(file: string): number | undefined {
  const digits = plainDigits(file)
  return digits === undefined ? undefined : Number(digits)
}

/** The digits of a plain ADR name (`0007` of `0007-use-kafka.md`), `undefined` for any other name: what `plainAdrNumber` and `plainNaming` read. */
function plainDigits(file: string): string | undefined {
  const plain = PLAIN_NUMBERED.exec(file)
  return plain && !file.includes('template') ? plain[1] : undefined
}

/** The number a file name carries (`parseFileName(file).number`), the plain names read by `plainAdrNumber`. */
export function numberOfFile(file: string): number | undefined {
  return plainAdrNumber(file) ?? parseFileName(file).number
}

/**
 * `parseFileName(file).naming` of a plain ADR name (`plainAdrNumber`), one frozen scheme per count of
 * digits (nothing built per name); `undefined` for every other name. Pinned with `plainAdrNumber`.
 */
export function plainNaming(file: string): NamingScheme | undefined {
  const digits = plainDigits(file)?.length
  if (digits === undefined) return undefined
  const known = plainNamings.get(digits)
  if (known) return known
  const naming = Object.freeze({prefix: '', digits, separator: '-'})
  plainNamings.set(digits, naming)
  return naming
}

const plainNamings = new Map<number, NamingScheme>()

/** `isAdrFileName` for any name (the path `readIsAdrFileName` takes when `plainNumberedName` does not apply). */
export function generalIsAdrFileName(file: string): boolean {
  const lower = file.toLowerCase()
  if (!lower.endsWith('.md') || NOT_ADRS.has(lower) || lower.startsWith('.')) return false
  if (PLACEHOLDER.test(file)) return false
  const info = parseFileName(file)
  if (!info.dated && info.number === undefined) return false
  return !isTemplateName(info)
}

/** Whether a folder's name is an ADR's name (`0007-use-kafka`): the folder-per-ADR layout. */
export function isAdrFolderName(folder: string): boolean {
  return !folder.startsWith('.') && isAdrFileName(`${folder}.md`)
}

/** A numbered or dated name that is a template all the same: `0000-template.md`, `000-adr-template.md`. */
function isTemplateName(info: FileNameInfo): boolean {
  if (!TEMPLATE_SLUG.test(info.slug)) return false
  return info.number === undefined || info.number === 0 || info.slug.toLowerCase() === 'template'
}

/**
 * What `parseFileName` said of each name: a command reads the names of a directory several times over
 * (listing, numbering, naming, the format's choice), 10,000 names at a time. The facts are frozen, so
 * no reader can change what the next one gets; the memo is dropped when it grows past `MEMO_LIMIT`.
 */
const memo = new Map<string, FileNameInfo>()
const MEMO_LIMIT = 100_000

/** Reads the number, slug and naming scheme out of a file name, or out of a folder-per-ADR path (`0007-x/README.md`). */
export function parseFileName(file: string): FileNameInfo {
  const known = memo.get(file)
  if (known) return known
  if (memo.size >= MEMO_LIMIT) memo.clear()
  const info = readFileName(file)
  if (info.naming) Object.freeze(info.naming)
  memo.set(file, Object.freeze(info))
  return info
}

function readFileName(file: string): FileNameInfo {
  return plainNumberedName(file) ?? generalFileName(file)
}

/**
 * The fast path of `generalFileName` for the name nearly every numbered ADR has (`PLAIN_NUMBERED`):
 * one pattern instead of the split, the folder check and the dated and numbered patterns, which
 * cannot read such a name otherwise (no separator, at most seven digits so no compact date, a letter
 * after the dash so no dashed date). `undefined` for any other name. A command reads 10,000 names
 * this way; `test/core/file-name.test.ts` pins it to `generalFileName`.
 */
export function plainNumberedName(file: string): FileNameInfo | undefined {
  const plain = PLAIN_NUMBERED.exec(file)
  if (!plain) return undefined
  return {number: Number(plain[1]), slug: plain[2], dated: false, naming: {prefix: '', digits: plain[1].length, separator: '-'}}
}

/** What any file name or folder-per-ADR path says (`parseFileName` before its memo). */
export function generalFileName(file: string): FileNameInfo {
  const parts = file.split(/[\\/]/)
  if (parts.length >= 2 && FOLDER_ADR_FILES.some((f) => f.toLowerCase() === parts.at(-1)?.toLowerCase())) {
    const inner = parseName(`${parts.at(-2)}.md`)
    return {
      ...inner,
      folder: true,
      naming: inner.naming ? {...inner.naming, folderFile: parts.at(-1)} : undefined,
    }
  }
  return parseName(parts.at(-1) ?? file)
}

function parseName(file: string): FileNameInfo {
  const dated = DATED_COMPACT.exec(file) ?? DATED_DASHED.exec(file)
  if (dated && isRealDate(dated[1], dated[2], dated[3])) {
    return {slug: dated[4], dated: true, date: `${dated[1]}-${dated[2]}-${dated[3]}`}
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

function isRealDate(year: string, month: string, day: string): boolean {
  const y = Number(year)
  const m = Number(month)
  const d = Number(day)
  return y >= 1970 && y < 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31
}

/**
 * Formats a file name in a repository's naming scheme: `0007-use-postgres.md`, `ADR-007_use-postgres.md`,
 * or `0007-use-postgres/README.md` in a folder-per-ADR repository.
 */
export function formatFileName(number: number, slug: string, naming: NamingScheme): string {
  const name = `${naming.prefix}${String(number).padStart(naming.digits, '0')}${naming.separator}${slug}`
  return naming.folderFile ? `${name}/${naming.folderFile}` : `${name}.md`
}

/** A dated name, as log4brains writes it: `20201002-use-kafka.md`. */
export function formatDatedFileName(date: string, slug: string): string {
  return `${date.replaceAll('-', '')}-${slug}.md`
}

/** Whether most ADRs of a directory are named by date (a log4brains repository): `adr new` then names by date too. */
export function isDatedDirectory(files: readonly string[]): boolean {
  let dated = 0
  let numbered = 0
  for (let i = 0; i < files.length; i++) {
    // decided: even if every file left were dated, the dated would be fewer than the numbered
    // (10,000 numbered names are read to the 5,001st; `adr new` asks twice)
    if (numbered > dated + files.length - i) return false
    const file = files[i]
    if (plainAdrNumber(file) !== undefined) {
      numbered++
      continue
    }
    const info = parseFileName(file)
    if (info.dated) dated++
    else if (info.number !== undefined) numbered++
  }
  return dated > 0 && dated >= numbered
}

/**
 * The scheme most files in the directory follow: prefix and separator by majority, padding from the
 * zero-padded numbers (an unpadded `7-x.md` repository stays unpadded). An empty directory gets the
 * fallback.
 */
export function detectNaming(files: readonly string[], fallback: NamingScheme): NamingScheme {
  const counts = new Map<string, {prefix: string; separator: string; folderFile?: string; count: number; padded: number; any: number}>()
  for (const file of files) {
    const naming = plainNaming(file) ?? parseFileName(file).naming
    if (!naming) continue
    const key = `${naming.prefix}|${naming.separator}|${naming.folderFile ?? ''}`
    const entry = counts.get(key) ?? {
      prefix: naming.prefix,
      separator: naming.separator,
      folderFile: naming.folderFile,
      count: 0,
      padded: 0,
      any: 0,
    }
    entry.count++
    entry.any = Math.max(entry.any, naming.digits)
    if (/^\D*0\d/.test(file)) entry.padded = Math.max(entry.padded, naming.digits)
    counts.set(key, entry)
  }
  const best = [...counts.values()].sort((a, b) => b.count - a.count)[0]
  if (!best) return fallback
  const digits = best.padded || (best.any >= fallback.digits ? fallback.digits : 1)
  const scheme: NamingScheme = {prefix: best.prefix, separator: best.separator, digits}
  return best.folderFile ? {...scheme, folderFile: best.folderFile} : scheme
}
