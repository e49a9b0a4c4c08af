import {opendirSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {isAdrFileName, isAdrFolderName} from '../core/adr/file-name.js'

/**
 * The folders real projects keep their ADRs in, tried in this order at each level from the working
 * directory up to the repository root. Matched case-insensitively (`ADR/`, `Docs/ADR`).
 */
export const CONVENTIONAL_DIRS = [
  'doc/adr',
  'docs/adr',
  'docs/adrs',
  'docs/decisions',
  'docs/architecture-decisions',
  'docs/architecture/decisions',
  'docs/architecture/adr',
  'docs/architecture',
  'docs/design/adr',
  'doc/adrs',
  'doc/decisions',
  'doc/architecture/decisions',
  'doc/architecture',
  'architecture-decision-records',
  'architecture-decision-record',
  'adr',
  'adrs',
  'decisions',
] as const

export interface FoundAdrDir {
  /** The level (a directory between the working directory and the root) it was found at. */
  level: string
  /** The directory's absolute path, spelt as it is on disk. */
  dir: string
}

/**
 * The first conventional folder that holds ADR-looking files (numbered or dated Markdown files, or
 * folders named like ADRs), nearest level first. When none does, the first one that exists and holds
 * nothing yet (a folder made for ADRs before the first was written). `undefined` when neither exists.
 */
export function findConventionalAdrDir(levels: readonly string[]): FoundAdrDir | undefined {
  const listing = new DirectoryListing()
  let empty: FoundAdrDir | undefined
  for (const level of levels) {
    for (const candidate of CONVENTIONAL_DIRS) {
      const dir = listing.resolve(level, candidate)
      if (!dir) continue
      const holds = listing.holds(dir)
      if (holds === 'adrs') return {level, dir}
      if (!empty && holds === 'nothing yet') empty = {level, dir}
    }
  }
  return empty
}

/** Where the search went, for the "no ADR directory" message: the folders, and the levels they were tried at. */
export function describeTried(cwd: string, levels: readonly string[]): string {
  const places = levels.map((level) => path.relative(cwd, level) || '.')
  const where = places.length === 1 ? `in ${places[0]}` : `in ${places[0]} and each folder up to ${places.at(-1)}`
  return `${CONVENTIONAL_DIRS.join(', ')} (any capitals) ${where}`
}

export interface Entry {
  name: string
  file: boolean
  dir: boolean
}

/** What a candidate folder holds: ADR-looking entries, nothing but what a new ADR folder holds, or other things. */
export type Holds = 'adrs' | 'nothing yet' | 'other'

/** Whether an entry looks like an ADR: a numbered or dated Markdown file, or a folder named like one. */
function looksLikeAdr(e: Entry): boolean {
  return (e.file && isAdrFileName(e.name)) || (e.dir && isAdrFolderName(e.name))
}

/** What a folder made for ADRs holds before the first: dot files, a README, an index, a template. */
function holdsNothingYet(e: Entry): boolean {
  return e.name.startsWith('.') || /^(readme|index|template)\.md$/i.test(e.name)
}

/** `Holds` of a whole listing (a folder that cannot be read holds nothing yet, as an empty listing). */
export function holdsOf(entries: readonly Entry[] | undefined): Holds {
  const names = entries ?? []
  if (names.some(looksLikeAdr)) return 'adrs'
  return names.every(holdsNothingYet) ? 'nothing yet' : 'other'
}

/**
 * The fast path of `holdsOf(readdir(dir))` for a folder not listed yet: the entries are read a few at a
 * time (`opendirSync`) and the reading stops at the first ADR-looking one, instead of listing a folder
 * of 10,000 ADRs whole (and again, since the command lists it itself) to learn that its first entry is
 * an ADR. The order is readdir's. A folder that cannot be opened, or fails before an ADR-looking
 * entry, is taken as `holdsOf` takes a folder it cannot list. test/adapters/find-adr-dir.test.ts pins it to `holdsOf`.
 */
export function holdsLazily(dir: string): Holds {
  let handle: ReturnType<typeof opendirSync> | undefined
  let nothingYet = true
  try {
    handle = opendirSync(dir)
    for (let e = handle.readSync(); e !== null; e = handle.readSync()) {
      const entry = {name: e.name, file: e.isFile(), dir: e.isDirectory() || e.isSymbolicLink()}
      if (looksLikeAdr(entry)) return 'adrs'
      if (nothingYet && !holdsNothingYet(entry)) nothingYet = false
    }
  } catch {
    return holdsOf(undefined)
  } finally {
    try {
      handle?.closeSync()
    } catch {
      // already closed
    }
  }
  return nothingYet ? 'nothing yet' : 'other'
}

/** Directory listings, read once per call: the case-insensitive walk reads the same parents again and again. */
class DirectoryListing {
  private readonly cache = new Map<string, Entry[] | undefined>()

  entries(dir: string): Entry[] | undefined {
    if (!this.cache.has(dir)) {
      let entries: Entry[] | undefined
      try {
        entries = readdirSync(dir, {withFileTypes: true}).map((e) => ({
          name: e.name,
          file: e.isFile(),
          dir: e.isDirectory() || e.isSymbolicLink(),
        }))
      } catch {
        entries = undefined
      }
      this.cache.set(dir, entries)
    }
    return this.cache.get(dir)
  }

  /** What `dir` holds: from its listing when the walk read it already, else read lazily (`holdsLazily`). */
  holds(dir: string): Holds {
    return this.cache.has(dir) ? holdsOf(this.cache.get(dir)) : holdsLazily(dir)
  }

  /** `level/candidate`, each segment matched case-insensitively (an exact match first); `undefined` if absent. */
  resolve(level: string, candidate: string): string | undefined {
    let dir = level
    for (const segment of candidate.split('/')) {
      const entries = this.entries(dir)?.filter((e) => e.dir)
      const match = entries?.find((e) => e.name === segment) ?? entries?.find((e) => e.name.toLowerCase() === segment)
      if (!match) return undefined
      dir = path.join(dir, match.name)
    }
    return dir
  }
}
