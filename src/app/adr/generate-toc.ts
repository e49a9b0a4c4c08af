import path from 'node:path'
import {loadAdrs, loadAllAdrs} from '../../adapters/adr-store.js'
import {readTextFile} from '../../adapters/files/contained-read.js'
import {narrowToDir, type Workspace} from '../../adapters/workspace.js'
import {renderToc, type TocAdr, tocTarget, withoutDir} from '../../core/adr/render-toc.js'
import {AdrError} from '../../core/errors.js'
import {loadHeadlines} from './adr-entries.js'

export interface TocRequest {
  /** Files (relative to the working directory) whose Markdown goes before and after the list. */
  introFile?: string
  outroFile?: string
  prefix?: string
  /** `--long`: a table (number, title, status, date); `false` for `--no-long` (back to the list under --write). */
  long?: boolean
  /** `--package NAME`: in a workspace of several ADR directories, only that one. */
  package?: string
  /** `--write FILE`: rewrite only the part of FILE between its markers (relative to the working directory). */
  write?: string
  /** `false` parses every ADR whole (`ADRGATE_NO_FAST_PATHS=1`); see `loadHeadlines` (the list only: `--long` shows statuses and dates). */
  fastPaths?: boolean
}

export interface TocEntry {
  number?: number
  title: string
  file: string
  dir?: string
  link: string
}

export interface TocResult {
  /** The Markdown, exactly as printed; with --write, the whole document as it now is. */
  markdown: string
  adrs: TocEntry[]
  /** With --write: the file (relative to the working directory), whether it changed and whether it was created. */
  written?: {path: string; changed: boolean; created: boolean}
}

/** adr-tools' `generate toc`: every ADR, in number order, as a Markdown list (or, with `long`, a table). */
export async function generateToc(ws: Workspace, request: TocRequest = {}): Promise<TocResult> {
  if (request.write !== undefined) {
    if (request.introFile !== undefined || request.outroFile !== undefined) {
      throw new AdrError(
        'INVALID_ARGUMENT',
        '--intro and --outro shape the printed table of contents; with --write the text around the markers is your own',
        {
          suggestions: [
            `Write the introduction into ${request.write} above the table-of-contents markers, and leave out --intro and --outro.`,
          ],
        },
      )
    }
    // the document's reader and writer (markers, splicing, the atomic write) load only for --write
    const {writeTocInto} = await import('./write-toc.js')
    const written = await writeTocInto(ws, request.write, request)
    return {markdown: written.text, adrs: entriesOf(written.adrs, written.prefix), written: written.result}
  }
  const intro = request.introFile === undefined ? undefined : await readUserFile(ws, request.introFile, '--intro')
  const outro = request.outroFile === undefined ? undefined : await readUserFile(ws, request.outroFile, '--outro')
  // the list shows numbers and titles only: read just those (loadHeadlines); --long shows statuses and dates
  const headlinesOnly = request.fastPaths !== false && !request.long
  const load = async (sub: Workspace, all: boolean): Promise<TocAdr[]> =>
    headlinesOnly ? loadHeadlines(sub) : (all ? await loadAllAdrs(sub) : await loadAdrs(sub)).adrs
  const adrs = request.package === undefined ? await load(ws, true) : (await load(narrowToDir(ws, request.package), false)).map(withoutDir)
  const prefix = request.prefix ?? ''
  return {markdown: renderToc(adrs, {intro, outro, prefix, long: request.long}), adrs: entriesOf(adrs, prefix)}
}

function entriesOf(adrs: readonly TocAdr[], prefix: string): TocEntry[] {
  return adrs.map((a) => ({
    number: a.number,
    title: a.title,
    file: a.file,
    ...(a.dir ? {dir: a.dir.name} : {}),
    link: `${prefix}${tocTarget(a)}`,
  }))
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
