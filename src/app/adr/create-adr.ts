import path from 'node:path'
import {type PlannedWrite, writeAll} from '../../adapters/files/multi-write.js'
import {
  builtInTemplatePath,
  findProjectTemplate,
  isBuiltInTemplate,
  readTemplate,
  type TemplateSource,
} from '../../adapters/template-store.js'
import {adrDirExists, type Workspace} from '../../adapters/workspace.js'
import {detectNaming, formatDatedFileName, formatFileName, isDatedDirectory, numberOfFile} from '../../core/adr/file-name.js'
import {type Adr, DEFAULT_NAMING, STATUSES} from '../../core/adr/model.js'
import {nextNumber} from '../../core/adr/numbering.js'
import {fillTemplate, normaliseTitle} from '../../core/adr/render-new-adr.js'
import {slugify} from '../../core/adr/slug.js'
import {configuredStatusWord, isStatus, normaliseStatus, type StatusMap} from '../../core/adr/status.js'
import {configValues} from '../../core/config/config-values.js'
import {AdrError} from '../../core/errors.js'
import {
  chooseFormat,
  type FormatVotes,
  givenFormat,
  initialStatus,
  voteDecided,
  type WritableFormat,
} from '../../core/formats/choose-format.js'
import {DEFAULT_FORMAT, formatOf, formatOfTemplate} from '../../core/formats/index.js'
import {branchListings, describeSkippedNumbers, numbersTakenNotHere, takenNumbers} from './branch-numbers.js'
import type {EditTargets} from './new-edits.js'
import {loadNamesAndVotes, type NamesAndVotes} from './new-names.js'
import {displayPath, loadAdrsOrNone, whileLocked} from './while-locked.js'

export interface NewAdrRequest {
  /** The title words, joined with spaces. */
  title: readonly string[]
  /** References of ADRs the new one supersedes (`-s`), in order. */
  supersede?: readonly string[]
  /** `REF:LINK:REVERSE` specs (`-l`), in order. */
  links?: readonly string[]
  /** The date to write (`today(env)`). */
  date: string
  /** `--template`: a built-in template's name (`madr-minimal`, `y-statement` …) or a file, relative to the working directory. */
  template?: string
  /** `ADR_TEMPLATE`, relative to the working directory. */
  templateFile?: string
  /** `adr init`'s first ADR: the built-in init template of the format, accepted. */
  first?: boolean
  /** `--format`, when given. */
  format?: WritableFormat
  /** Whether the directory follows adr-tools' layout even though the workspace was not found that way (`adr init DIR`). */
  adrToolsLayout?: boolean
  /** Numbers taken elsewhere (other branches), never to be reused. */
  takenNumbers?: readonly number[]
  /** `--status`: the starting status (else `default-status:` in the config, else the format's: Accepted / proposed). */
  status?: string
  /**
   * Files that belong with the new ADR (a debate's record beside it), written in the same
   * all-or-nothing write, and the ADR's text as they need it. Called under the directory's lock with
   * the ADR as planned, once its file name and number are known.
   */
  with?: (created: Adr) => {text: string; writes: PlannedWrite[]}
  /** `false` plans on every parsed ADR even when no other ADR is edited (`ADRGATE_NO_FAST_PATHS=1`); see `loadNamesAndVotes`. */
  fastPaths?: boolean
}

export interface CreatedAdr {
  /** Relative to the working directory, as adr-tools prints it. */
  path: string
  file: string
  /** Absent for a file named by its date (a log4brains repository). */
  number?: number
  title: string
  format: WritableFormat
  status?: string
  date: string
  /** Other ADRs changed by `-s` and `-l`, relative paths. */
  updated: string[]
  /** What to say on stderr: numbers skipped because other branches use them. */
  notices?: string[]
}

/**
 * `adr new`: numbers the ADR one past the highest, names it as the repository names its ADRs, fills
 * the template, adds the supersede and link edits on both sides, and writes every file or none.
 * References are checked before anything is created; the number is chosen and the file created under
 * the directory's lock, so concurrent runs get distinct numbers.
 */
export async function createAdr(ws: Workspace, request: NewAdrRequest): Promise<CreatedAdr> {
  const title = normaliseTitle(request.title)
  if (!title) throw new AdrError('NO_TITLE', 'no title given', {suggestions: ['adr new TITLE…, e.g. adr new Use PostgreSQL']})
  // In a new directory, check first what can fail (references, the template): the lock would create the
  // directory. In an existing one the plan under the lock checks the same before anything is written.
  const fresh = !(await adrDirExists(ws))
  if (fresh) await plan(ws, request, title, await loadAdrsOrNone(ws))
  // numbers that ADRs on other local and remote-tracking branches use are never handed out (git is
  // asked before the lock is taken; the names are read under it, beside the directory's own)
  const listings = request.takenNumbers ? [] : await branchListings(ws, {fastPaths: request.fastPaths}).catch(() => [])
  const elsewhereOf = (here: readonly string[]) =>
    request.fastPaths === false ? takenNumbers(listings) : numbersTakenNotHere(listings, here)
  // no -s or -l: no other ADR is read for its content; file names and format votes do (loadNamesAndVotes)
  const namesOnly = request.fastPaths !== false && !request.supersede?.length && !request.links?.length
  const counting = givenFormat({flag: formatFlag(request), config: ws.config.format}) === undefined
  const votesDecided = (files: readonly string[]) => {
    const layout = log4brainsLayout(ws, request, files)
    return (votes: FormatVotes, remaining: number) => voteDecided(votes, remaining, layout)
  }
  return whileLocked<CreatedAdr, NamesAndVotes>(
    ws,
    async (loaded) => {
      const elsewhere = elsewhereOf(loaded.files)
      const withTaken = {...request, takenNumbers: request.takenNumbers ?? elsewhere.map((t) => t.number)}
      const planned = await plan(ws, withTaken, title, loaded)
      await writeAll(planned.writes)
      const chosen = planned.result.number
      const skippedNumbers = chosen === undefined ? undefined : describeSkippedNumbers(planned.localNext, chosen, elsewhere, loaded.files)
      // made adr-tools' default directory: said only when tracked ADR-like files sit in another folder (loaded only then)
      const madeDefault =
        fresh && ws.source === 'default' && !request.first
          ? await (await import('./default-dir-notice.js')).madeDefaultDirNotice(ws, planned.result.path)
          : undefined
      const notices = [madeDefault, skippedNumbers]
      const said = notices.filter((n): n is string => n !== undefined)
      return said.length > 0 ? {...planned.result, notices: said} : planned.result
    },
    {create: true, load: namesOnly ? (ws, listed) => loadNamesAndVotes(ws, counting ? votesDecided : undefined, listed) : undefined},
  )
}

interface Plan {
  writes: PlannedWrite[]
  /** The next number from this directory's names alone (others' taken numbers left out). */
  localNext: number
  result: CreatedAdr
}

/**
 * The STATUS a new ADR starts with, spelt as its format spells statuses: `Accepted` in adr-tools
 * files (the exact bytes adr-tools writes), `accepted` in MADR. A team's own word (`statuses:` in
 * the config, `draft: proposed`) is written as that word (`Draft`, `draft`). Superseded needs the ADR
 * that replaces it, so no ADR starts superseded (nor in a word that means it).
 */
function startingStatus(given: string | undefined, format: WritableFormat, statuses?: StatusMap): string | undefined {
  if (given === undefined) return undefined
  const status = normaliseStatus(given, statuses)
  if (!isStatus(status) || status === 'superseded') {
    const own = Object.entries(statuses ?? {})
      .filter(([, meaning]) => meaning !== 'superseded')
      .map(([word]) => word)
    throw new AdrError('UNKNOWN_STATUS', `"${given}" cannot be a new ADR's status`, {
      suggestions: [
        `Use one of: ${[...STATUSES.filter((s) => s !== 'superseded'), ...own].join(', ')} (--status, or default-status: in .adrgate.yaml).`,
        ...(own.length === 0
          ? ['A word of your own (draft, say) needs a line in `statuses:` in .adrgate.yaml first, e.g. `draft: proposed`.']
          : []),
      ],
    })
  }
  // spelt as the format's own first status is spelt (adr-tools: `Accepted`)
  const word = configuredStatusWord(given, statuses) ?? status
  const capital = /^[A-Z]/.test(formatOf(format).initialStatus)
  return capital ? word[0].toUpperCase() + word.slice(1) : word
}

const MAX_FILE_NAME_BYTES = 200

/** The highest number a file name can carry (`0007-…`: one to seven digits). */
const MAX_ADR_NUMBER = 9_999_999

/** --format, or the format of a built-in --template. */
function formatFlag(request: NewAdrRequest): WritableFormat | undefined {
  return request.format ?? (isBuiltInTemplate(request.template) ? formatOfTemplate(request.template) : undefined)
}

/** A log4brains layout, for the format's choice; the first ADR of `adr init` is always a numbered one (there is no log4brains init template). */
function log4brainsLayout(ws: Workspace, request: NewAdrRequest, files: readonly string[]): boolean {
  return !request.first && (ws.source === 'log4brains' || isDatedDirectory(files))
}

async function plan(ws: Workspace, request: NewAdrRequest, title: string, loaded: NamesAndVotes): Promise<Plan> {
  const {adrs, files, skipped, votes} = loaded
  // -s and -l find other ADRs and edit them: that code loads only when they are given
  const others = request.supersede?.length || request.links?.length ? await import('./new-edits.js') : undefined
  const targets: EditTargets = others?.resolveTargets(adrs, skipped, request) ?? {superseded: [], links: []}
  const format = chooseFormat({
    flag: formatFlag(request),
    config: ws.config.format,
    adrs,
    votes,
    adrToolsLayout: request.adrToolsLayout || isAdrToolsLayout(ws),
    log4brainsLayout: log4brainsLayout(ws, request, files),
  })
  const slug = slugify(title) || 'untitled'
  const dated = formatOf(format).naming === 'dated'
  const numbers = files.map(numberOfFile)
  const number = dated ? undefined : nextNumber(numbers, request.takenNumbers)
  if (number !== undefined && number > MAX_ADR_NUMBER) {
    // a file name carries at most seven digits (file-name.ts): an eighth would make a file no command lists
    throw new AdrError('INVALID_ARGUMENT', `The next ADR number would be ${number}; an ADR's number has at most seven digits`, {
      suggestions: ['Start another ADR directory for the next ones (--dir DIR, or dirs: in .adrgate.yaml).'],
    })
  }
  const file =
    number === undefined ? datedFileName(request.date, slug, files) : formatFileName(number, slug, detectNaming(files, DEFAULT_NAMING))
  // file systems allow 255 bytes a name, and the temporary file beside it needs some 30 more
  if (Buffer.byteLength(file) > MAX_FILE_NAME_BYTES) {
    throw new AdrError(
      'INVALID_ARGUMENT',
      `The title is too long for a file name (${Buffer.byteLength(file)} bytes; at most ${MAX_FILE_NAME_BYTES})`,
      {
        suggestions: ['Shorten the title; put the detail in the Context section.'],
      },
    )
  }
  const chosen = await templateFile(ws, request, format)
  const template = await readTemplate(chosen.file, chosen.source)
  const settings = configValues(ws.config)
  const status =
    startingStatus(request.first ? 'accepted' : (request.status ?? settings.defaultStatus), format, settings.statuses) ??
    initialStatus(format)
  // the first ADR records its trade-offs, with a revisit a year on
  const revisit = request.first ? oneYearAfter(request.date) : undefined
  const text = fillTemplate(template, {number: number ?? 0, title, date: request.date, status, revisit})
  // a new ADR alone (no -s, -l or companion) needs nothing of its parse but its status
  const alone = request.fastPaths !== false && !others && !request.with
  const known = alone ? statusOfBuiltInNew(status, chosen.source, settings.statuses) : undefined
  const parsed = known ? undefined : await parsedAndEdited(text, file, settings.statuses, others, targets)
  const created = parsed?.created ?? {text, status: known?.status}
  const changed = parsed?.changed ?? new Map<string, Adr>()
  // a companion makes the ADR not alone: it is parsed
  const companions = parsed && request.with?.(parsed.created)
  const writes: PlannedWrite[] = [
    {file: path.join(ws.adrDir, file), text: companions?.text ?? created.text, create: true},
    ...[...changed.values()].map((adr) => ({file: path.join(ws.adrDir, adr.file), text: adr.text})),
    ...(companions?.writes ?? []),
  ]
  return {
    writes,
    localNext: nextNumber(numbers),
    result: {
      path: displayPath(ws, file),
      file,
      number,
      title,
      format,
      status: created.status,
      date: request.date,
      updated: [...changed.keys()].map((f) => displayPath(ws, f)),
    },
  }
}

/** The new ADR parsed, with the edits of -s and -l applied (to it and to the ADRs they name). */
async function parsedAndEdited(
  text: string,
  file: string,
  statuses: StatusMap | undefined,
  others: typeof import('./new-edits.js') | undefined,
  targets: EditTargets,
): Promise<{created: Adr; changed: Map<string, Adr>}> {
  const {parseAdr} = await import('../../core/adr/parse-adr.js')
  const filled = parseAdr(text, file, {statuses})
  return others?.applyEdits(filled, targets) ?? {created: filled, changed: new Map<string, Adr>()}
}

/**
 * The fast path of `parseAdr(text, file).status` for a new ADR that edits no other and has no
 * companion file: the status as the parser reads it back, without loading the parser (some ten
 * modules and the compilation of its functions, on every `adr new`). It applies to a built-in
 * template only, whose status line each format's reader reads as written, and to a status of plain
 * words (`Accepted`, `in review`): the parser then reads `normaliseStatus(status)`. Anything else
 * (a team's template, a status word YAML or Markdown could read otherwise, `null` or `true` among them)
 * is `undefined`, and is parsed. `test/app/fast-paths.test.ts` pins it to the parse over every built-in template.
 */
export function statusOfBuiltInNew(
  status: string,
  source: TemplateSource,
  statuses: StatusMap | undefined,
): {status: string | undefined} | undefined {
  if (source.kind !== 'built-in' || !/^[A-Za-z]+(?: [A-Za-z]+)*$/.test(status) || YAML_WORDS.test(status)) return undefined
  return {status: normaliseStatus(status, statuses)}
}

/** The plain words YAML 1.2 reads as no string (`status: null` is no status, `true` a boolean): parsed. */
const YAML_WORDS = /^(?:null|true|false)$/i

/** log4brains' `20260501-slug.md`; a second ADR of the same day and slug gets `-2`, `-3` … (nothing is overwritten). */
function datedFileName(date: string, slug: string, files: readonly string[]): string {
  const taken = new Set(files.map((f) => f.toLowerCase()))
  let file = formatDatedFileName(date, slug)
  for (let n = 2; taken.has(file.toLowerCase()); n++) file = formatDatedFileName(date, `${slug}-${n}`)
  return file
}

/** `2026-05-01` → `2027-05-01` (29 February → 1 March). */
function oneYearAfter(date: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) return undefined
  return new Date(Date.UTC(Number(m[1]) + 1, Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10)
}

/** `--template`; else `ADR_TEMPLATE`; else the project's `templates/template.md`; else the built-in template of the format. */
async function templateFile(
  ws: Workspace,
  request: NewAdrRequest,
  format: WritableFormat,
): Promise<{file: string; source: TemplateSource}> {
  const builtIn = {kind: 'built-in' as const}
  if (request.first) return {file: formatTemplate(format, true), source: builtIn}
  if (isBuiltInTemplate(request.template)) return {file: builtInTemplatePath(request.template), source: builtIn}
  if (request.template) return {file: path.resolve(ws.cwd, request.template), source: {kind: 'chosen', label: '--template', root: ws.root}}
  if (request.templateFile)
    return {file: path.resolve(ws.cwd, request.templateFile), source: {kind: 'chosen', label: 'ADR_TEMPLATE', root: ws.root}}
  const project = await findProjectTemplate(ws.adrDir)
  return project ? {file: project, source: {kind: 'project', root: ws.root}} : {file: formatTemplate(format, false), source: builtIn}
}

/** adr-tools' layout: the directory was named by `.adr-dir`, or it is adr-tools' default `doc/adr`. */
export function isAdrToolsLayout(ws: Workspace): boolean {
  if (ws.source === 'adr-dir-file') return true
  const parts = ws.adrDir.split(path.sep)
  return parts.at(-1) === 'adr' && parts.at(-2) === 'doc'
}

/**
 * The built-in template a format's new ADRs start from, or with `first` the first ADR `adr init`
 * writes (the default format's for a format without one, which `adr init` never chooses).
 */
function formatTemplate(format: WritableFormat, first: boolean): string {
  const descriptor = formatOf(format)
  const name = first ? (descriptor.initTemplate ?? DEFAULT_FORMAT.initTemplate) : descriptor.templates[0]
  // every template a descriptor names is a built-in one (test/core/formats.test.ts)
  if (!isBuiltInTemplate(name)) throw new Error(`${descriptor.id} names no built-in template ${name ?? ''}`)
  return builtInTemplatePath(name)
}
