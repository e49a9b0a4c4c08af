import {posix} from 'node:path'
import {parseFileName} from './file-name.js'
import type {Adr, AdrLink} from './model.js'
import {qualifiedParts} from './resolve-ref.js'

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

/** Every ADR of a workspace of several directories, for links that leave their own directory. */
export interface WorkspaceIndex<T extends Placed = Adr> {
  /** By path from the repository root (`services/api/adr/0001-expose-a-rest-api.md`). */
  byPath: Map<string, T>
  /** Each directory's path (from the root) and index, by name. */
  dirs: Map<string, {path: string; index: AdrIndex<T>}>
}

/** What a link across directories is resolved by: an ADR's number, file, title and directory. */
export type Placed = Linkable & Pick<Adr, 'dir'>

/** The index of the ADRs of several directories (each carrying `adr.dir`); `undefined` when none does (one directory). */
export function indexWorkspace<T extends Placed>(adrs: readonly T[]): WorkspaceIndex<T> | undefined {
  if (!adrs.some((a) => a.dir)) return undefined
  const byPath = new Map<string, T>()
  const members = new Map<string, {path: string; adrs: T[]}>()
  for (const adr of adrs) {
    if (!adr.dir) continue
    byPath.set(posix.normalize(`${adr.dir.path}/${adr.file}`), adr)
    const dir = members.get(adr.dir.name) ?? {path: adr.dir.path, adrs: []}
    dir.adrs.push(adr)
    members.set(adr.dir.name, dir)
  }
  return {byPath, dirs: new Map([...members].map(([name, d]) => [name, {path: d.path, index: indexAdrs(d.adrs)}]))}
}

/**
 * A link that leaves its ADR's directory, read the same way by every command: a relative path into
 * another directory of the workspace (`../../web/adr/0003-x.md`), or a qualified reference (`web/3`,
 * `web/0003-x.md`). `undefined` when the link stays in its own directory (resolve it there); `null`
 * when it names another directory but no ADR of it.
 */
export function resolveAcross<T extends Placed>(
  workspace: WorkspaceIndex<T>,
  from: Placed,
  link: Pick<AdrLink, 'target'>,
): LinkResolution<T> | null | undefined {
  const written = writtenPath(link.target)
  if (!from.dir || written === undefined) return undefined
  if (!written.startsWith('/')) {
    const repoPath = posix.normalize(posix.join(from.dir.path, posix.dirname(from.file), written))
    const [name] = dirHolding(workspace.dirs, repoPath) ?? []
    if (name !== undefined && name !== from.dir.name) {
      const adr =
        workspace.byPath.get(repoPath) ?? workspace.byPath.get(`${repoPath}/README.md`) ?? workspace.byPath.get(`${repoPath}/index.md`)
      return adr ? {adr, by: 'path'} : null
    }
  }
  const qualified = oneSegment(qualifiedParts(written))
  const dir = qualified && qualified.name !== from.dir.name ? workspace.dirs.get(qualified.name) : undefined
  if (!qualified || !dir) return undefined
  const rest = qualified.ref
  const number = /^(?:adr[-_ ]?)?0*(\d+)$/i.exec(rest)
  const file = /\.md$/i.test(rest) ? rest : undefined
  const found = resolveLink(dir.index, {target: rest, targetNumber: number ? Number(number[1]) : undefined, targetFile: file})
  return found ?? null
}

/** The ADR a link points at, across the directories of a workspace (`resolveAcross`), else in the link's own directory. */
export function findLinkTargetIn<T extends Placed>(
  own: AdrIndex<T>,
  workspace: WorkspaceIndex<T> | undefined,
  from: Placed,
  link: Pick<AdrLink, 'target' | 'targetNumber' | 'targetFile'>,
): T | undefined {
  const across = workspace ? resolveAcross(workspace, from, link) : undefined
  if (across === null) return undefined
  return across ? across.adr : findLinkTarget(own, link)
}

/** A directory of a workspace: the name that qualifies its references, and its path from the root. */
export interface DirRef {
  name: string
  path: string
}

/** A link's path as written, without fragment or query, percent-decoded; `undefined` for a URL or an anchor. */
function writtenPath(target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) return undefined
  const written = target.split('#')[0].split('?')[0].trim()
  try {
    return decodeURIComponent(written)
  } catch {
    return written
  }
}

/** The directory a path from the root lies in: the deepest of `dirs` (by name) that holds it. */
function dirHolding<D extends {path: string}>(dirs: Iterable<[string, D]>, repoPath: string): [string, D] | undefined {
  return [...dirs].filter(([, d]) => repoPath.startsWith(`${d.path}/`)).sort((a, b) => b[1].path.length - a[1].path.length)[0]
}

/**
 * How a link that leaves its ADR's directory names its target, read as `resolveAcross` reads it (a
 * relative path into another directory, or a qualified reference): qualified by that directory, by
 * number (`platform/1`), else by file (`platform/0001-x.md`). `undefined` for a link that stays in
 * its own directory or leads into none of `dirs`. The history names link targets so (`adr log`).
 */
export function qualifiedTarget(dirs: readonly DirRef[], from: {dir: DirRef; file: string}, target: string): string | undefined {
  const written = writtenPath(target)
  if (written === undefined) return undefined
  const qualify = (name: string, rest: string) => {
    const number = /^(?:adr[-_ ]?)?0*(\d+)$/i.exec(rest)?.[1] ?? parseFileName(rest).number
    return `${name}/${number ?? rest}`
  }
  if (!written.startsWith('/')) {
    const repoPath = posix.normalize(posix.join(from.dir.path, posix.dirname(from.file), written))
    const [name, dir] =
      dirHolding(
        dirs.map((d) => [d.name, d] as [string, DirRef]),
        repoPath,
      ) ?? []
    if (name !== undefined && dir && name !== from.dir.name) return qualify(name, repoPath.slice(dir.path.length + 1))
  }
  const qualified = oneSegment(qualifiedParts(written))
  if (qualified && qualified.name !== from.dir.name && dirs.some((d) => d.name === qualified.name))
    return qualify(qualified.name, qualified.ref)
  return undefined
}

/**
 * What `addLink` writes into `from` (an ADR of directory `fromDir`) for a link to `adr` of another
 * directory `dir`: the path from one file to the other, the label qualified as the site labels it (`platform/1. Title`), and
 * the qualified reference front matter names it by (`platform/1`).
 */
export function acrossTarget(adr: Adr, dir: DirRef, from: Pick<Adr, 'file'>, fromDir: DirRef) {
  const relative = posix.relative(posix.dirname(posix.join(fromDir.path, from.file)), posix.join(dir.path, adr.file))
  // a Markdown link's destination holds no space (`apps/web app/` would end the link as text): each
  // segment percent-encoded, as every reader of links decodes it
  const file = relative.split('/').map(encodeURIComponent).join('/')
  const label = adr.number === undefined ? `${dir.name}/${adr.title}` : `${dir.name}/${adr.number}. ${adr.title}`
  return {number: adr.number, file, label, ref: `${dir.name}/${adr.number ?? adr.file}`}
}

/** A qualified link target names an ADR of the directory, not a path below it (`web/3`, not `web/docs/3`). */
function oneSegment(parts: {name: string; ref: string} | undefined): {name: string; ref: string} | undefined {
  return parts && !parts.ref.includes('/') ? parts : undefined
}
