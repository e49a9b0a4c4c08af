import path from 'node:path'
import {listWorkspaceAdrFiles, loadAllAdrs, presentDirs} from '../../adapters/adr-store.js'
import type {Git} from '../../adapters/git/git.js'
import {lintCachePath} from '../../adapters/lint/lint-cache.js'
import {listDebateFiles} from '../../adapters/lint/lint-inputs.js'
import {dirRefOf, type Workspace} from '../../adapters/workspace.js'
import type {Adr} from '../../core/adr/model.js'
import {closest} from '../../core/cli/closest.js'
import {AdrError, isAdrError} from '../../core/errors.js'
import type {LintProblem} from '../../core/lint/lint-rule.js'
import {EXTERNAL_RULES, knownRuleIds} from '../../core/lint/profiles.js'
import {buildReport, type LintReport} from '../../core/lint/report.js'
import {RULE_IDS} from '../../core/lint/rules/rule-ids.js'
import {activateRules, applySeverities, lintRepository, sortProblems} from '../../core/lint/run-rules.js'
import {lintFilesCached} from './lint-cached.js'
import type {DebateAnswersLint} from './lint-debate-answers.js'
import type {DebateFile} from './lint-debates.js'
import type {GitChanges} from './lint-git.js'
import {lintSeverities, prepareLint} from './lint-setup.js'
import {findTocDocuments, lintTocs} from './lint-toc.js'

/** Bumped whenever what the cache holds changes shape. */
const CACHE_FORMAT = 'lint-cache/5'

export interface LintRequest {
  profile?: string
  /** Only report per-file problems of these files (absolute paths), e.g. `adr lint docs/adr/0007-x.md`. */
  files?: string[]
  quiet?: boolean
  maxWarnings?: number
  /** A git ref: check that ADRs accepted there changed only in status, links and revisit reviews. */
  since?: string
  /** Limit the per-file rules to ADRs changed since `since` (or uncommitted, without it). */
  changed?: boolean
  /** `false` for `--no-cache`. */
  cache?: boolean
  /** Files above which worker threads share the work (tests lower it). */
  parallelThreshold?: number
  /** `false` (`ADRGATE_NO_FAST_PATHS=1`): every file is read, none trusted by its stat (see `readChangedAdrTexts`). */
  fastPaths?: boolean
  /** `--verbose`: say what of the cache was ignored. */
  verbose?: boolean
  /** `--rule ID` (repeatable; `debate/*` a family): report only these rules' problems. */
  rules?: string[]
}

export interface LintPorts {
  /** Today, YYYY-MM-DD, from the clock adapter. */
  today: string
  /** adrgate's version, part of the cache key. */
  version: string
  /** Opens the git adapter, for `--since` / `--changed` and the history of debates answered on own clones (only then: ADR 42). */
  git?: () => Promise<Git>
}

/**
 * `adr lint`: every ADR (and debate record) checked against the schemas and rules. Per-file results
 * are cached by content under the git directory; repository rules run on every ADR each time.
 */
export async function lintAdrs(ws: Workspace, request: LintRequest, ports: LintPorts): Promise<LintReport> {
  if (!request.rules?.length) return lintWorkspace(ws, request, ports)
  const known = knownRuleIds()
  for (const id of request.rules) {
    const family = id.endsWith('/*') ? id.slice(0, -1) : undefined
    if (family ? known.some((k) => k.startsWith(family)) : known.includes(id)) continue
    const near = closest(id, known)
    throw new AdrError('INVALID_ARGUMENT', `Unknown rule "${id}" for --rule`, {
      suggestions: [...(near ? [`Did you mean --rule ${near}?`] : []), '`adr lint --list-rules` lists the ids; `debate/*` takes a family.'],
    })
  }
  const matches = (rule: string) => request.rules?.some((id) => (id.endsWith('/*') ? rule.startsWith(id.slice(0, -1)) : rule === id))
  // every rule runs (the cache holds them all); the report keeps those asked for, counted and judged alone
  const all = await lintWorkspace(ws, {...request, quiet: false, maxWarnings: undefined}, ports)
  return buildReport(
    all.files,
    all.problems.filter((p) => matches(p.rule)),
    {quiet: request.quiet, maxWarnings: request.maxWarnings},
  )
}

async function lintWorkspace(ws: Workspace, request: LintRequest, ports: LintPorts, workspaceAdrs?: readonly Adr[]): Promise<LintReport> {
  if (ws.dirs) return lintDirs(ws, request, ports)
  const prepared = await prepareLint(ws, request.profile, ports.today)
  const {configProblems, schemaTexts} = prepared
  // the rules' fast paths give the general paths' findings, so they are not part of the cache key
  const setup = request.fastPaths === false ? {...prepared.setup, fastPaths: false} : prepared.setup
  const names = await listWorkspaceAdrFiles(ws)
  if (names.length === 0) throw noAdrsFound(ws)
  const problems: LintProblem[] = [...configProblems]
  // kept and compared whole, not digested: a warm run that trusts every file's stat hashes nothing (ADR 42)
  const key = [
    CACHE_FORMAT,
    ports.version,
    ports.today,
    setup.profile,
    JSON.stringify(setup.overrides),
    JSON.stringify(setup.statuses ?? {}),
    ...schemaTexts,
    RULE_IDS.join(),
  ].join('\0')
  // one directory of several: each ADR carries it, and the other directories' ADRs are where links that leave it go
  const dirRef = dirRefOf(ws)
  // a table of contents may list several directories: checked once, for the whole workspace
  const tocs = ws.dirName === undefined ? await findTocDocuments(ws) : undefined
  // the debate checks (records, answers files: their parsers and rules) load only where there are debates
  const hasDebates = (await listDebateFiles(ws.adrDir)).length > 0
  // the ADRs themselves are needed beyond the repository rules: by the debate checks and the tables of contents
  const needAdrs = hasDebates || (tocs?.documents.length ?? 0) > 0 || dirRef !== undefined || request.fastPaths === false
  const cached = await lintFilesCached({
    adrDir: ws.adrDir,
    root: ws.root,
    names,
    setup,
    cacheFile: request.cache === false ? undefined : lintCachePath(ws.gitRoot, ws.dirName),
    key,
    knownRules: new Set([...RULE_IDS, ...EXTERNAL_RULES.map((r) => r.id)]),
    verbose: request.verbose,
    parallelThreshold: request.parallelThreshold,
    readAll: request.fastPaths === false || request.since !== undefined,
    // what the repository rules read besides the files and the cache's key
    repositoryInputs: needAdrs ? undefined : [JSON.stringify(setup.relations ?? {})],
  })
  const {texts, unreadable} = cached

  // git's adapter loads only for a check that asks git
  const git = request.since || request.changed || (hasDebates && ws.gitRoot) ? await ports.git?.() : undefined
  const changes = await gitChanges(ws, request, git)
  const only = reportOn(request, changes)
  const adrs: Adr[] = (cached.adrs ?? []).map((adr) => (dirRef ? {...adr, dir: dirRef} : adr))
  const elsewhere = dirRef ? workspaceAdrs?.filter((a) => a.dir?.name !== dirRef.name) : undefined
  for (const [file, found] of cached.problems) if (!only || only.has(file)) problems.push(...found)
  problems.push(...unreadable.filter((p) => !only || only.has(p.file)))
  const unreadableFiles = unreadable.map((p) => p.file)
  // reused when the files and the settings they read are those of the run that found them (`repositoryInputs`);
  // the rules load only when they run
  const repository =
    cached.repository ??
    lintRepository(
      adrs,
      {
        profile: setup.profile,
        today: ports.today,
        unreadable: unreadableFiles,
        statuses: setup.statuses,
        relations: setup.relations,
        elsewhere,
      },
      activateRules(
        {profile: setup.profile},
        setup.overrides,
        (await import('../../core/lint/rules/repository-rules.js')).REPOSITORY_RULES,
      ),
    )
  await cached.save(repository)
  problems.push(...repository)
  if (tocs) problems.push(...(await lintTocs(ws, {profile: setup.profile, today: ports.today, overrides: setup.overrides}, adrs, tocs)))
  if (request.since && changes && git) {
    const {checkImmutability} = await import('./lint-git.js')
    const immutable = await checkImmutability(git, request.since, changes, texts)
    problems.push(...immutable.flatMap((p) => applySeverities([p], p.file, setup.overrides)))
  }
  const previous = request.since && git ? (file: string) => git.readFileAt(request.since ?? '', file).catch(() => undefined) : undefined
  const debates: DebateFile[] = hasDebates
    ? await (await import('./lint-debates.js')).lintDebates(ws.adrDir, ws.root, adrs, ports.today, previous)
    : []
  for (const d of debates) {
    problems.push(...applySeverities(d.problems, d.file, setup.overrides))
    if (d.adr && (!only || only.has(d.adr.file))) problems.push(...applySeverities(d.adr.problems, d.adr.file, setup.overrides))
  }

  const answers: DebateAnswersLint = hasDebates
    ? await (await import('./lint-debate-answers.js')).lintDebateAnswers(ws.adrDir, ws.root, ws.gitRoot ? git : undefined)
    : {files: [], problems: []}
  problems.push(...answers.problems.flatMap((p) => applySeverities([p], p.file, setup.overrides)))

  const dirShown = path.relative(ws.cwd, ws.adrDir)
  const display = (file: string) =>
    path.isAbsolute(file)
      ? path.relative(ws.cwd, file)
      : dirShown.startsWith('..') || file.includes('..')
        ? path.relative(ws.cwd, path.resolve(ws.adrDir, file))
        : path.join(dirShown, file)
  const shown = sortProblems(problems.map((p) => ({...p, file: display(p.file)})))
  const files = [...names, ...debates.map((d) => d.file), ...answers.files].map(display)
  return buildReport(files, shown, {quiet: request.quiet, maxWarnings: request.maxWarnings})
}

/**
 * A workspace of several ADR directories: each linted as a repository of its own (numbering, links
 * and duplicates are per directory), one report. A directory without ADRs is left out; all of them
 * empty is "no ADRs found". What is said about the config once is said once.
 */
async function lintDirs(ws: Workspace, request: LintRequest, ports: LintPorts): Promise<LintReport> {
  const reports: LintReport[] = []
  // every directory's ADRs, for the links that leave their own (read once more: the rules of each directory see them all)
  const all = (await loadAllAdrs(ws).catch(() => undefined))?.adrs
  for (const sub of await presentDirs(ws)) {
    try {
      reports.push(await lintWorkspace(sub, {...request, quiet: false, maxWarnings: undefined}, ports, all))
    } catch (error) {
      if (!isAdrError(error) || error.code !== 'NO_ADRS') throw error
    }
  }
  if (reports.length === 0) throw noAdrsFound(ws)
  const seen = new Set<string>()
  const problems = reports
    .flatMap((r) => r.problems)
    .filter((p) => {
      const key = `${p.file}:${p.line}:${p.column}:${p.rule}:${p.message}`
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
  const {profile, overrides} = lintSeverities(ws, request.profile)
  for (const p of await lintTocs(ws, {profile, today: ports.today, overrides})) problems.push({...p, file: path.relative(ws.cwd, p.file)})
  const files = [...new Set(reports.flatMap((r) => r.files))]
  return buildReport(files, sortProblems(problems), {quiet: request.quiet, maxWarnings: request.maxWarnings})
}

async function gitChanges(ws: Workspace, request: LintRequest, git: Git | undefined): Promise<GitChanges | undefined> {
  if (!request.since && !request.changed) return undefined
  if (!git) return undefined
  // before the first commit every ADR is new: `--changed` alone (a pre-commit hook) lints them all
  if (!request.since && (await git.headCommit()).kind === 'unborn') return undefined
  const {findChangedAdrs} = await import('./lint-git.js')
  return findChangedAdrs(git, request.since ?? 'HEAD', ws.adrDir)
}

/** The files whose per-file problems are reported: all, the changed ones, or the ones named. */
function reportOn(request: LintRequest, changes: GitChanges | undefined): Set<string> | undefined {
  let only: Set<string> | undefined
  if (request.changed && changes) only = new Set(changes.changed)
  if (request.files?.length) {
    const named = new Set(request.files.map((f) => path.basename(f)))
    only = only ? new Set([...only].filter((f) => named.has(f))) : named
  }
  return only
}

/** A directory with no ADR in it is a failed check, never "0 files checked: no problems". */
function noAdrsFound(ws: Workspace): AdrError {
  const dir = (ws.dirs ?? [{dir: ws.adrDir}]).map((d) => path.relative(ws.cwd, d.dir) || '.').join(', ')
  return new AdrError('NO_ADRS', `no ADRs found in ${dir}`, {
    exit: 1,
    suggestions: [
      'ADR files are named by number (0001-title.md, ADR-001-title.md, adr_0001_title.md) or by date (20201002-title.md), or are 0007-title/README.md folders.',
      'Pass --dir (or `dir:` in .adrgate.yaml) if your ADRs live elsewhere; `adr new TITLE` writes the first one here.',
    ],
  })
}
