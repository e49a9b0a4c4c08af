import type {Root} from 'mdast'
import type {Adr, Problem, Severity} from '../adr/model.js'
import type {FileFinding, FileRule, LintFinding, LintProblem, LintSettings, RepositoryContext, RepositoryRule, Rule} from './lint-rule.js'
import {configuredSeverity, toProblemSeverity} from './profiles.js'

export type BodyParser = (text: string) => Root

/** The rules switched on for a run, with their severities: worked out once, used for every file. */
export interface ActiveRules {
  file: {rule: FileRule; severity: Severity}[]
  repository: {rule: RepositoryRule; severity: Severity}[]
  overrides: Readonly<Record<string, string>>
  needsBody: boolean
}

/**
 * `rules` switched on under the profile and the config's overrides: the file rules (rules/file-rules.ts)
 * where files are linted, the repository rules (rules/repository-rules.ts) where they are checked
 * together, or all of them (`RULES`).
 */
export function activateRules(
  settings: Pick<LintSettings, 'profile'>,
  overrides: Readonly<Record<string, string>>,
  rules: readonly Rule[],
): ActiveRules {
  const active: ActiveRules = {file: [], repository: [], overrides, needsBody: false}
  for (const rule of rules) {
    const severity = toProblemSeverity(configuredSeverity(rule.id, overrides) ?? rule.severity[settings.profile])
    if (!severity) continue
    if (rule.scope === 'file') active.file.push({rule, severity})
    else active.repository.push({rule, severity})
    if (rule.scope === 'file' && rule.needsBody) active.needsBody = true
  }
  return active
}

/** The Markdown parser, loaded only when a rule that reads bodies is on. */
export async function loadBodyParser(active: ActiveRules): Promise<BodyParser | undefined> {
  if (!active.needsBody) return undefined
  return (await import('./markdown-body.js')).parseMarkdown
}

/**
 * Thrown by a file rule's `markdown()` when `lintFile` was called without a parser: most ADRs never
 * need one (a section is parsed only when its text looks like a placeholder), so a caller may lint
 * without it and, on this, load the parser (mdast, GFM, micromark: a fifth of a second) and lint that
 * file again. Rules are pure, so the second run gives what one run with the parser would have.
 */
export class BodyParserNeeded extends Error {
  constructor() {
    super('the Markdown parser is needed for this file')
  }
}

/** Every per-file finding for one ADR: its parser problems and the file rules, sorted by position. */
export function lintFile(adr: Adr, settings: LintSettings, active: ActiveRules, parseBody?: BodyParser): LintProblem[] {
  const problems = applySeverities(
    adr.problems.filter((p) => p.rule !== 'parse/title'),
    adr.file,
    active.overrides,
  )
  const context = {
    ...settings,
    adr,
    markdown(text: string): Root {
      if (!parseBody) throw new BodyParserNeeded()
      return parseBody(text)
    },
  }
  const unreadable = adr.problems.some((p) => p.rule === 'parse/yaml' || p.rule.startsWith('parse/front-matter'))
  for (const {rule, severity} of active.file) {
    if (unreadable && rule.readsFrontMatter) continue
    for (const f of guard(rule.id, () => rule.check(context))) problems.push(toProblem(adr.file, f, rule.id, severity))
  }
  return sortProblems(problems)
}

/** The findings across the repository: numbers, links, supersede chains. */
export function lintRepository(
  adrs: readonly Adr[],
  settings: LintSettings & Partial<Pick<RepositoryContext, 'elsewhere'>>,
  active: ActiveRules,
): LintProblem[] {
  const problems: LintProblem[] = []
  for (const {rule, severity} of active.repository) {
    for (const f of guard(rule.id, () => rule.check({...settings, adrs}))) problems.push(toProblem(f.file, f, rule.id, severity))
  }
  return problems
}

/**
 * Problems found outside the rules (parser, git, debate records): their own severity unless the config
 * names their id (or `prefix/*`); `off` drops them.
 */
export function applySeverities(problems: readonly Problem[], file: string, overrides: Readonly<Record<string, string>>): LintProblem[] {
  const out: LintProblem[] = []
  for (const p of problems) {
    const configured = configuredSeverity(p.rule, overrides)
    const severity = configured ? toProblemSeverity(configured) : p.severity
    if (severity) out.push({file, line: p.line, column: p.column, severity, rule: p.rule, message: p.message})
  }
  return out
}

export function sortProblems<T extends LintProblem>(problems: T[]): T[] {
  return problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column))
}

function toProblem(file: string, f: LintFinding, rule: string, severity: Severity): LintProblem {
  return {file, line: Math.max(1, f.line), column: Math.max(1, f.column), severity, rule, message: f.message}
}

/** A rule that throws on content nobody foresaw is a finding on that file, not a crash of the whole run. */
function guard<T extends LintFinding | FileFinding>(id: string, check: () => T[]): T[] {
  try {
    return check()
  } catch (error) {
    if (error instanceof BodyParserNeeded) throw error
    const message = `adrgate could not apply rule ${id} here (${(error as Error)?.message ?? String(error)}); please report this`
    return [{file: '', line: 1, column: 1, message} as unknown as T]
  }
}
