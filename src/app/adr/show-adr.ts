import path from 'node:path'
import {loadAllAdrs} from '../../adapters/adr-store.js'
import {adrFilePath, type Workspace} from '../../adapters/workspace.js'
import type {Adr, AdrLink, Problem} from '../../core/adr/model.js'
import {findLinkTargetIn, indexAdrs, indexWorkspace} from '../../core/adr/resolve-link.js'
import {resolveRef} from '../../core/adr/resolve-ref.js'

export interface ResolvedLink {
  rel: string
  relKey: string
  target: string
  line: number
  origin: AdrLink['origin']
  /** The ADR the link points at, or `null` when it is not in the directory. */
  resolved: {number?: number; title: string; file: string; path: string} | null
}

export interface ShownAdr {
  number?: number
  title: string
  status?: string
  date?: string
  deciders: string[]
  consulted: string[]
  informed: string[]
  tags: string[]
  format: Adr['format']
  file: string
  /** Relative to the working directory. */
  path: string
  /** In a workspace of several ADR directories: the name of the one that holds it. */
  dir?: string
  links: ResolvedLink[]
  sections: {heading: string; depth: number; line: number; endLine: number; text: string}[]
  frontMatter: Record<string, unknown>
  problems: Problem[]
  /** The file's text exactly as read. */
  text: string
}

/** Finds the ADR that `ref` names (number, file, path or unique title fragment) and resolves its links. */
export async function showAdr(ws: Workspace, ref: string): Promise<{adr: ShownAdr; parsed: Adr}> {
  const {adrs, skipped} = await loadAllAdrs(ws)
  const adr = resolveRef(adrs, ref, skipped)
  return {adr: describeAdr(ws, adrs, adr), parsed: adr}
}

export function describeAdr(ws: Workspace, adrs: readonly Adr[], adr: Adr): ShownAdr {
  const relative = (target: Adr) => path.relative(ws.cwd, adrFilePath(ws, target))
  // links resolve inside the ADR's own directory, or across by a path or a qualified reference
  const index = indexAdrs(adr.dir ? adrs.filter((a) => a.dir?.name === adr.dir?.name) : adrs)
  const workspace = indexWorkspace(adrs)
  return {
    number: adr.number,
    title: adr.title,
    status: adr.status,
    date: adr.date,
    deciders: adr.deciders,
    consulted: adr.consulted,
    informed: adr.informed,
    tags: adr.tags,
    format: adr.format,
    file: adr.file,
    path: relative(adr),
    ...(adr.dir ? {dir: adr.dir.name} : {}),
    links: adr.links.map((link) => {
      const target = findLinkTargetIn(index, workspace, adr, link)
      return {
        rel: link.rel,
        relKey: link.relKey,
        target: link.target,
        line: link.line,
        origin: link.origin,
        resolved: target ? {number: target.number, title: target.title, file: target.file, path: relative(target)} : null,
      }
    }),
    sections: adr.sections.map(({heading, depth, line, endLine, text}) => ({heading, depth, line, endLine, text})),
    frontMatter: adr.frontMatter?.data ?? {},
    problems: adr.problems,
    text: adr.text,
  }
}
