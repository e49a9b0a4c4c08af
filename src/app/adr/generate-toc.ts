import path from 'node:path'
import {loadAllAdrs} from '../../adapters/adr-store.js'
import {readTextFile} from '../../adapters/files/contained-read.js'
import type {Workspace} from '../../adapters/workspace.js'
import {renderToc, tocTarget} from '../../core/adr/render-toc.js'
import {AdrError} from '../../core/errors.js'

export interface TocRequest {
  /** Files (relative to the working directory) whose Markdown goes before and after the list. */
  introFile?: string
  outroFile?: string
  prefix?: string
}

export interface TocResult {
  /** The Markdown, exactly as printed. */
  markdown: string
  adrs: {number?: number; title: string; file: string; link: string}[]
}

/** adr-tools' `generate toc`: every ADR, in number order, as a Markdown list. */
export async function generateToc(ws: Workspace, request: TocRequest = {}): Promise<TocResult> {
  const intro = request.introFile === undefined ? undefined : await readUserFile(ws, request.introFile, '--intro')
  const outro = request.outroFile === undefined ? undefined : await readUserFile(ws, request.outroFile, '--outro')
  const {adrs} = await loadAllAdrs(ws)
  const prefix = request.prefix ?? ''
  return {
    markdown: renderToc(adrs, {intro, outro, prefix}),
    adrs: adrs.map((a) => ({
      number: a.number,
      title: a.title,
      file: a.file,
      ...(a.dir ? {dir: a.dir.name} : {}),
      link: `${prefix}${tocTarget(a)}`,
    })),
  }
}

/** A file the user named on the command line: read as given, wherever it is. */
export async function readUserFile(ws: Workspace, file: string, flag: string): Promise<string> {
  const absolute = path.resolve(ws.cwd, file)
  const result = await readTextFile(absolute, path.parse(absolute).root)
  if (result.ok) return result.text.replace(/^\uFEFF/, '') // a BOM in the middle of the table of contents is noise
  throw new AdrError('INVALID_ARGUMENT', `The ${flag} file ${file} ${result.reason}`, {
    suggestions: [`Check the path given to ${flag}; it is read relative to ${ws.cwd}.`],
  })
}
