import {FOLDER_ADR_FILES, isAdrFileName, isAdrFolderName} from '../adr/file-name.js'
import {remembered} from '../remembered.js'
import type {HistoryChange} from './history.js'

/**
 * A file change as git reports it for one commit: paths relative to the repository's top level,
 * `/`-separated. `C` is a copy, `T` a type change.
 */
export interface RepoChange {
  status: string
  path: string
  from?: string
  blob: string
}

/** A change to one ADR, by its file name, with the blob to read for its new version. */
export type AdrChange = HistoryChange & {blob?: string}

/**
 * Which of the known ADR directories hold each ADR file name right now. An ADR is known by its file
 * name wherever its directory lives, so a folder moved (`doc/adr` → `docs/adr`), copied then cleaned
 * up in a later commit, or deleted and re-added is still the same ADR. Plain data, to keep between runs.
 */
export type Presence = Map<string, Set<string>>

/**
 * The ADR file name of `repoPath` when it lies in one of `dirs` (`''` is the top level): a file
 * directly in it (`0007-x.md`), or the README or index of a folder per ADR (`0007-x/README.md`),
 * named as the directory listing names it.
 */
export function adrFileIn(dirs: readonly string[], repoPath: string | undefined): {name: string; dir: string} | undefined {
  if (repoPath === undefined) return undefined
  const place = pathPlace(repoPath)
  if (dirs.includes(place.dir)) return place.adr ? {name: place.name, dir: place.dir} : undefined
  return place.folder && dirs.includes(place.folder.dir) ? {name: place.folder.name, dir: place.folder.dir} : undefined
}

/** What a path says of the ADR it may be, whatever the directories: the history asks it of the same paths in every pass. */
interface PathPlace {
  dir: string
  name: string
  /** `name` is an ADR's file name (`0007-x.md`). */
  adr: boolean
  /** The path is a folder-per-ADR's file (`docs/adr/0007-x/README.md`): the ADR's name (`0007-x/README.md`) and its directory. */
  folder?: {name: string; dir: string}
}

/**
 * `PathPlace` of a repository path, remembered by the path: `adrFileIn` is asked of every change of
 * every commit several times over (each pass, the commits that add ADRs, the copies, the changes of
 * each ADR), 10,000 commits at a time.
 */
const pathPlace = remembered((repoPath: string): PathPlace => {
  const {dir, name} = splitPath(repoPath)
  const place: PathPlace = {dir, name, adr: isAdrFileName(name)}
  if (FOLDER_ADR_FILES.some((f) => f.toLowerCase() === name.toLowerCase())) {
    const folder = splitPath(dir)
    if (isAdrFolderName(folder.name)) place.folder = {name: `${folder.name}/${name}`, dir: folder.dir}
  }
  return place
}, 100_000)

/**
 * One commit's changes to ADR files, by file name, for `buildHistory` and `trackFileDates`: a file
 * that moves between two known directories is the same ADR (no event unless its name or text changed),
 * a file that leaves for an unknown place is deleted, one that comes from one is added. The result is
 * the commit's net effect per name: `A` when the name appears in no known directory before and in one
 * after, `D` the reverse, `R` when one name gives way to another, `M` when its text changed. Updates
 * `present`.
 */
export function adrChanges(changes: readonly RepoChange[], dirs: readonly string[], present: Presence): AdrChange[] {
  return changes.length === 1 ? oneAdrChange(changes[0], dirs, present) : everyAdrChange(changes, dirs, present)
}

/**
 * FAST PATH of `everyAdrChange` for a commit of one change (nearly every commit: an ADR written,
 * edited, renamed or deleted): the same answer, and the same `present` after it. It skips the maps of
 * names, the closures and the rename bookkeeping the general path builds for each commit (10,000 in
 * a cold history, a few microseconds each), because one change names at most two ADRs, the one it
 * leaves and the one it reaches, and whether each was held before is what `present` says before the
 * change. A rename stands when the name reached was held nowhere and the name left is now held
 * nowhere, as in the general path. `test/core/adr-paths.test.ts` pins it to `everyAdrChange`.
 */
export function oneAdrChange(change: RepoChange, dirs: readonly string[], present: Presence): AdrChange[] {
  const to = adrFileIn(dirs, change.path)
  const from = change.status === 'R' ? adrFileIn(dirs, change.from) : undefined
  if (!to && !from) return []
  const wasFrom = from !== undefined && isHeld(present, from.name)
  const wasTo = to !== undefined && isHeld(present, to.name)
  if (from) holdersOf(present, from.name).delete(from.dir)
  const adds = to !== undefined && change.status !== 'D'
  if (to) {
    if (adds) holdersOf(present, to.name).add(to.dir)
    else holdersOf(present, to.name).delete(to.dir)
  }
  const out: AdrChange[] = []
  const blob = adds ? change.blob : undefined
  const other = from !== undefined && from.name !== to?.name
  const renamed = adds && other && !wasTo && wasFrom && !isHeld(present, from.name)
  if (other && !renamed && wasFrom && !isHeld(present, from.name)) out.push({status: 'D', file: from.name})
  if (to) {
    const is = isHeld(present, to.name)
    if (renamed) out.push({status: 'R', file: to.name, from: from.name, ...(blob ? {blob} : {})})
    else if (wasTo && !is) out.push({status: 'D', file: to.name})
    else if (!wasTo && is) out.push({status: 'A', file: to.name, ...(blob ? {blob} : {})})
    else if (wasTo && is && blob !== undefined) out.push({status: 'M', file: to.name, blob})
  }
  if (from && !isHeld(present, from.name)) present.delete(from.name)
  if (to && !isHeld(present, to.name)) present.delete(to.name)
  return out
}

function isHeld(present: Presence, name: string): boolean {
  return (present.get(name)?.size ?? 0) > 0
}

function holdersOf(present: Presence, name: string): Set<string> {
  let set = present.get(name)
  if (!set) {
    set = new Set()
    present.set(name, set)
  }
  return set
}

/** `adrChanges` for any number of changes (a folder moved, several ADRs in one commit). */
export function everyAdrChange(changes: readonly RepoChange[], dirs: readonly string[], present: Presence): AdrChange[] {
  const order: string[] = []
  const before = new Map<string, boolean>()
  const blobs = new Map<string, string>()
  const renamedFrom = new Map<string, string>()
  const holders = (name: string) => {
    if (!before.has(name)) {
      before.set(name, (present.get(name)?.size ?? 0) > 0)
      order.push(name)
    }
    let set = present.get(name)
    if (!set) {
      set = new Set()
      present.set(name, set)
    }
    return set
  }
  for (const change of changes) {
    const to = adrFileIn(dirs, change.path)
    const from = change.status === 'R' ? adrFileIn(dirs, change.from) : undefined
    if (from) holders(from.name).delete(from.dir)
    if (!to) continue
    if (change.status === 'D') {
      holders(to.name).delete(to.dir)
      continue
    }
    holders(to.name).add(to.dir)
    blobs.set(to.name, change.blob)
    if (from && from.name !== to.name) renamedFrom.set(to.name, from.name)
  }
  const has = (name: string) => (present.get(name)?.size ?? 0) > 0
  // a rename stands when the old name is gone and the new one is new; else it is an addition
  const renames = new Map<string, string>()
  const sources = new Set<string>()
  for (const [name, source] of renamedFrom) {
    if (!before.get(name) && before.get(source) && !has(source) && !sources.has(source)) {
      renames.set(name, source)
      sources.add(source)
    }
  }
  const out: AdrChange[] = []
  for (const name of order) {
    if (sources.has(name)) continue
    const was = before.get(name) === true
    const is = has(name)
    const blob = blobs.get(name)
    const source = renames.get(name)
    if (source !== undefined) out.push({status: 'R', file: name, from: source, ...(blob ? {blob} : {})})
    else if (was && !is) out.push({status: 'D', file: name})
    else if (!was && is) out.push({status: 'A', file: name, ...(blob ? {blob} : {})})
    else if (was && is && blob !== undefined) out.push({status: 'M', file: name, blob})
  }
  for (const name of order) if (!has(name)) present.delete(name)
  return out
}

/**
 * Directories ADR files may have come from, seen in one commit's whole change (no path limit): an
 * ADR file renamed or copied into a known directory from an unknown one, or deleted from an unknown
 * directory in the commit that adds a file of the same name to a known one (a move git did not pair,
 * because the text changed too much on the way). Candidates only: a directory that still holds ADRs
 * is another team's, not a past home of these (the caller checks).
 */
export function formerDirs(changes: readonly RepoChange[], dirs: readonly string[]): string[] {
  const found = new Set<string>()
  const added = new Set<string>()
  for (const change of changes) {
    const to = adrFileIn(dirs, change.path)
    if (!to || change.status === 'D') continue
    added.add(to.name)
    const moved = change.status === 'R' || change.status === 'C'
    if (!moved || change.from === undefined || adrFileIn(dirs, change.from)) continue
    const source = adrHome(change.from)
    if (source !== undefined) found.add(source)
  }
  for (const change of changes) {
    if (change.status !== 'D' || adrFileIn(dirs, change.path)) continue
    const source = adrHome(change.path)
    if (source !== undefined && added.has(adrFileIn([source], change.path)?.name ?? '')) found.add(source)
  }
  return [...found]
}

/** The directory an ADR file lies in, whichever it is: `docs/adr` for `docs/adr/0001-x.md` and `docs/adr/0001-x/README.md`. */
function adrHome(repoPath: string): string | undefined {
  const {dir, name} = splitPath(repoPath)
  if (isAdrFileName(name)) return dir
  const folder = splitPath(dir)
  return dir !== '' && FOLDER_ADR_FILES.some((f) => f.toLowerCase() === name.toLowerCase()) && isAdrFolderName(folder.name)
    ? folder.dir
    : undefined
}

/** `docs/adr/0001-x.md` → `docs/adr` and `0001-x.md`; a file at the top level has the directory `''`. */
function splitPath(repoPath: string): {dir: string; name: string} {
  const slash = repoPath.lastIndexOf('/')
  return {dir: slash < 0 ? '' : repoPath.slice(0, slash), name: repoPath.slice(slash + 1)}
}

/** `present` as JSON-able data, and back. */
export function savePresence(present: Presence): [string, string[]][] {
  return [...present].map(([name, set]) => [name, [...set]])
}

export function loadPresence(saved: readonly [string, string[]][] | undefined): Presence {
  return new Map((saved ?? []).map(([name, dirs]) => [name, new Set(dirs)]))
}
