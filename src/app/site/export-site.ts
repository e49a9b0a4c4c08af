import path from 'node:path'
import {loadAdrs, presentDirs} from '../../adapters/adr-store.js'
import {renderDotToSvg} from '../../adapters/graphviz.js'
import {listDebateFiles} from '../../adapters/lint/lint-inputs.js'
import {checkSiteTarget, type KeptDirectory, readMiniSearchBrowserBuild, writeSiteDirectory} from '../../adapters/site-output.js'
import {dirRefsOf, type Workspace} from '../../adapters/workspace.js'
import type {Adr} from '../../core/adr/model.js'
import {parseAdrForLint} from '../../core/adr/parse-adr.js'
import type {DebateRecord} from '../../core/debate/record.js'
import {AdrError} from '../../core/errors.js'
import type {AdrRecord, HistoryEvent} from '../../core/history/history.js'
import {SEARCH_INDEX_FILE, siteFiles} from '../../core/site/build-site.js'
import {inlineSvg, siteGraphDot} from '../../core/site/graph-dot.js'
import type {SiteInfo} from '../../core/site/layout.js'
import {bodySource, type RenderedBody} from '../../core/site/markdown.js'
import {isWebUrl} from '../../core/site/repo-links.js'
import {buildSiteModel, entryKey} from '../../core/site/site-model.js'
import {readRecord} from '../debate/debate-store.js'
import {readHistory} from '../history/read-history.js'
import {renderBodiesCached} from './body-cache.js'

export interface ExportSiteRequest {
  /** Where to write the site (absolute). */
  out: string
  title?: string
  baseUrl?: string
  repoUrl?: string
  force?: boolean
  /** `YYYY-MM-DD`: the export's date (overdue revisits, the footer). */
  today: string
  /** adrgate's version, for the history cache. */
  version?: string
  onProgress?: (step: string, done?: number, total?: number) => void
  /**
   * `false` (ADRGATE_NO_FAST_PATHS): ADRs parsed whole. Else without their sections' text
   * (`parseAdrForLint`, which gives `parseAdr`'s ADR but that): nothing of the site reads a section
   * (the body is rendered from the file's text), and 10,000 ADRs' sections are some 20 MB that lived
   * to the end of the export. `test/commands/export-site.test.ts` pins the site to the whole parse.
   */
  fastPaths?: boolean
}

export interface ExportSiteResult {
  /** The site's directory, relative to the working directory. */
  out: string
  /** Open this in a browser. */
  index: string
  files: {path: string; bytes: number}[]
  bytes: number
  counts: {adrs: number; pages: number; events: number; debates: number; statuses: Record<string, number>}
  search: {indexBytes: number; textBytes: number}
  graph: {nodes: number; edges: number}
  warnings: string[]
}

/** `adr export site`: one pass over the ADRs, one over the history, a pure build, one atomic write. */
export async function exportSite(ws: Workspace, request: ExportSiteRequest): Promise<ExportSiteResult> {
  for (const [flag, url] of [
    ['--base-url', request.baseUrl],
    ['--repo-url', request.repoUrl],
  ] as const) {
    if (url !== undefined && !isWebUrl(url)) {
      throw new AdrError('INVALID_ARGUMENT', `${flag} must be an http or https URL, not "${url}"`, {
        suggestions: [`Pass ${flag} https://…`],
      })
    }
  }
  // before any work: an output that would replace the repository is refused, --force or not
  const keep = keptDirectories(ws)
  checkSiteTarget(request.out, keep)
  const progress = request.onProgress ?? (() => {})
  progress('Reading ADRs')
  // a repository of several ADR directories: each read as its own (ADRs, history, debates), pages under adr/<name>/
  const subs = ws.dirs ? await presentDirs(ws) : [ws]
  const parts: DirPart[] = []
  const warnings: string[] = []
  for (const sub of subs) parts.push(await readDir(ws, sub, request, warnings, progress))
  const adrs = parts.flatMap((p) => p.adrs)
  const model = buildSiteModel({
    adrs,
    events: mergeEvents(parts.map((p) => p.events)),
    records: parts.flatMap((p) => p.records),
    debates: new Map(parts.flatMap((p) => [...p.debates])),
    dir: parts[0].dir,
  })
  progress('Drawing the graph')
  const graph = siteGraphDot(adrs)
  const svg = graph.dot ? inlineSvg(await renderDotToSvg(graph.dot)) : undefined
  const site: SiteInfo = {
    title: request.title ?? 'Architecture decisions',
    generated: request.today,
    baseUrl: request.baseUrl === undefined ? undefined : request.baseUrl.replace(/\/*$/, '/'),
    repoUrl: request.repoUrl?.replace(/\/+$/, ''),
  }
  progress('Rendering the ADRs')
  const pages = ws.dirs ? Object.fromEntries(model.entries.map((e) => [e.sourcePath, e.page])) : undefined
  const bodies: (RenderedBody | undefined)[] = []
  for (const part of parts) {
    const job = {
      files: part.adrs.map((a) => a.file),
      depth: part.name === undefined ? 1 : 2,
      dir: part.dir,
      repoUrl: site.repoUrl,
      ...(part.name === undefined ? {} : {pageDir: part.name, pages}),
    }
    bodies.push(...(await renderBodiesCached(ws, part.adrs.map(bodySource), job, request.version)))
  }
  const files = siteFiles(site, model, {
    bodies: handOver(bodies),
    graph: {...graph, svg},
    miniSearchSource: await readMiniSearchBrowserBuild(),
    today: request.today,
    onPage: (done, total) => progress('Rendering pages', done, total),
  })
  const written = await writeSiteDirectory(request.out, files, {force: request.force, keep})
  const statuses = Object.fromEntries(model.counts.map((c) => [c.status, c.count]))
  const out = path.relative(ws.cwd, written.dir) || '.'
  const indexBytes = written.files.find((f) => f.path === SEARCH_INDEX_FILE)?.bytes ?? 0
  return {
    out,
    index: path.join(out, 'index.html'),
    files: written.files,
    bytes: written.bytes,
    counts: {
      adrs: adrs.length,
      pages: written.files.filter((f) => f.path.endsWith('.html')).length,
      events: model.events.length,
      debates: parts.reduce((n, p) => n + p.debates.size, 0),
      statuses,
    },
    search: {indexBytes, textBytes: written.bytes - indexBytes},
    graph: {nodes: graph.drawn, edges: graph.edges.length},
    warnings,
  }
}

/**
 * The bodies one at a time, each let go of here as it is handed on: once its page is written nothing
 * holds it (10,000 rendered bodies, their HTML and their words, are most of what an export keeps).
 */
function* handOver(bodies: (RenderedBody | undefined)[]): Generator<RenderedBody> {
  for (let i = 0; i < bodies.length; i++) {
    const body = bodies[i] as RenderedBody
    bodies[i] = undefined
    yield body
  }
}

/** One ADR directory's part of the site. */
interface DirPart {
  /** The directory's name, in a repository of several. */
  name?: string
  /** Relative to the repository root, POSIX separators. */
  dir: string
  adrs: Adr[]
  events: HistoryEvent[]
  records: (AdrRecord & {dir?: string})[]
  debates: Map<string, DebateRecord>
}

async function readDir(
  ws: Workspace,
  sub: Workspace,
  request: ExportSiteRequest,
  warnings: string[],
  progress: NonNullable<ExportSiteRequest['onProgress']>,
): Promise<DirPart> {
  const name = sub.dirName
  const dir = path
    .relative(ws.gitRoot ?? ws.root, sub.adrDir)
    .split(path.sep)
    .join('/')
  // the site reads no section of an ADR (its body is rendered from the text): their text is left out (a fast path)
  const loaded = await loadAdrs(sub, request.fastPaths === false ? {} : {parse: parseAdrForLint})
  warnings.push(...loaded.skipped.map((s) => s.problem.message))
  // the site's own path for the directory (from the git root), which `adr.dir` (from the workspace root) may not be
  const adrs = name === undefined ? loaded.adrs : loaded.adrs.map((a) => ({...a, dir: {name, path: dir || '.'}}))
  progress('Reading history')
  // as `adr log` reads it (the same cache): links into another directory named qualified
  const history = await readHistory(sub, {
    version: request.version,
    dirs: dirRefsOf(ws),
    onProgress: (n) => progress('Reading history', n),
  }).catch((error: unknown) => {
    if (error instanceof AdrError && error.code === 'NOT_A_GIT_REPOSITORY') {
      return {events: [], records: [], warnings: ['Not a git repository: the site has no history, timeline or feed entries.']}
    }
    throw error
  })
  for (const warning of history.warnings) if (!warnings.includes(warning)) warnings.push(warning)
  return {
    name,
    dir,
    adrs,
    events: name === undefined ? history.events : history.events.map((e) => ({...e, dir: name})),
    records: name === undefined ? history.records : history.records.map((r) => ({...r, dir: name})),
    debates: await readDebates(sub, warnings),
  }
}

/** The directories' events (each oldest first) as one list, oldest first by date, each directory's order kept on a tie. */
function mergeEvents(lists: readonly HistoryEvent[][]): HistoryEvent[] {
  if (lists.length === 1) return lists[0]
  return lists
    .flat()
    .map((e, i) => ({e, i, time: Date.parse(e.date)}))
    .sort((a, b) => a.time - b.time || a.i - b.i)
    .map(({e}) => e)
}

/** The debate records in `<adr-dir>/debates/`, by the ADR they belong to (`entryKey`); an unreadable one is a warning. */
async function readDebates(ws: Workspace, warnings: string[]): Promise<Map<string, DebateRecord>> {
  const debates = new Map<string, DebateRecord>()
  for (const name of await listDebateFiles(ws.adrDir)) {
    try {
      const record = await readRecord(ws, path.join(ws.adrDir, 'debates', name))
      if (typeof record.adr === 'string') debates.set(entryKey(ws.dirName, record.adr), record)
    } catch (error) {
      warnings.push(`${(error as Error).message}; its ADR is shown without the debate.`)
    }
  }
  return debates
}

/** What an export must never replace: the repository, the ADR directory, the working directory. */
function keptDirectories(ws: Workspace): KeptDirectory[] {
  return [
    ...(ws.gitRoot ? [{path: ws.gitRoot, what: 'the git repository'}] : []),
    {path: ws.root, what: 'the project root'},
    {path: ws.adrDir, what: 'the ADR directory'},
    {path: ws.cwd, what: 'the working directory'},
  ]
}
