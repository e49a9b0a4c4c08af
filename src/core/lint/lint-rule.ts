import type {Root} from 'mdast'
import type {Adr, Severity} from '../adr/model.js'
import type {RelationMap, StatusMap} from '../adr/status.js'
import type {TocPlace} from '../adr/toc-block.js'
import type {SchemaValidator} from './schema-validate.js'

/** How much a rule matters in a profile or a config: `warn` is reported as a warning. */
export type RuleSeverity = 'error' | 'warn' | 'off'

export const PROFILES = ['adr-tools', 'recommended', 'strict'] as const
export type ProfileName = (typeof PROFILES)[number]

/** What a rule reports: a location and a message; the runner adds the rule id and the severity. */
export interface LintFinding {
  line: number
  column: number
  message: string
}

/** A finding about one file of the repository (repository rules and the runner report these). */
export interface FileFinding extends LintFinding {
  file: string
}

/** A located lint problem, with its file (relative to the ADR directory, or the path given). */
export interface LintProblem {
  file: string
  line: number
  column: number
  severity: Severity
  rule: string
  message: string
}

/** What every rule sees besides the ADRs. */
export interface LintSettings {
  profile: ProfileName
  /** Today, `YYYY-MM-DD`: the clock comes in from the use case, the core stays pure. */
  today: string
  validator?: SchemaValidator
  /** ADR files that exist but could not be read (reported as `parse/read`): they still hold their number. */
  unreadable?: readonly string[]
  /** The team's own status words (`.adrgate.yaml` `statuses:`). */
  statuses?: StatusMap
  /** The team's own relations and their reverses (`.adrgate.yaml` `relations:`). */
  relations?: RelationMap
  /** Untouched template text, normalised (`template-text.ts`): derived from the built-in and the project's templates. */
  templateLines?: ReadonlySet<string>
  /** Documents that keep a table of contents between markers (rule `toc-current`); set only where the whole workspace is linted. */
  tocDocuments?: readonly TocDocument[]
  /** `false` (`ADRGATE_NO_FAST_PATHS=1`): the rules take their general paths, for the bench and the pin tests to compare. */
  fastPaths?: boolean
}

/** A document that keeps (or, named in `.adrgate.yaml` `toc:`, should keep) a table of contents between markers. */
export interface TocDocument {
  /** As findings name it. */
  file: string
  text: string
  /** Where it stands, for its links. */
  place: TocPlace
  /** Named by `toc:` in `.adrgate.yaml`: then markers are expected, not only checked when present. */
  configured?: boolean
  /** The file as the fix (`adr generate toc --write FILE`) names it. */
  command: string
}

export interface FileContext extends LintSettings {
  adr: Adr
  /** Parses Markdown (GFM) into mdast; available to rules that declare `needsBody` (the parser is loaded lazily). */
  markdown(text: string): Root
}

export interface RepositoryContext extends LintSettings {
  adrs: readonly Adr[]
  /**
   * In a workspace of several ADR directories (each of `adrs` carrying its `dir`): the other
   * directories' ADRs, so a link that leaves its directory (a relative path, a qualified reference) is
   * read as every command reads it. Findings are only ever about `adrs`.
   */
  elsewhere?: readonly Adr[]
}

/** An example that is also a test: the files of a tiny repository (ADR file name → text). */
export interface RuleExample {
  input: Record<string, string>
  /** Settings for this example (default: profile `recommended`, today `2026-06-01`). */
  settings?: Partial<Pick<LintSettings, 'profile' | 'today' | 'statuses' | 'relations' | 'templateLines' | 'tocDocuments'>>
}

/** A failing example: `messages` are `file:line:col message`, in order. */
export interface RuleCounterExample extends RuleExample {
  messages: string[]
}

interface RuleBase {
  id: string
  description: string
  /** The severity in each profile, unless the config says otherwise. */
  severity: Record<ProfileName, RuleSeverity>
  examples: {ok: RuleExample[]; notOk: RuleCounterExample[]}
}

export interface FileRule extends RuleBase {
  scope: 'file'
  /** Whether the rule reads the Markdown body as a tree (parsed lazily, only when needed). */
  needsBody?: boolean
  /** Whether the rule reads the front matter: skipped when it could not be parsed (the parse problem says why). */
  readsFrontMatter?: boolean
  check(context: FileContext): LintFinding[]
}

export interface RepositoryRule extends RuleBase {
  scope: 'repository'
  check(context: RepositoryContext): FileFinding[]
}

export type Rule = FileRule | RepositoryRule

/** A rule checked outside the rule runner (parser problems, git history, debate records), listed for docs and config. */
export interface ExternalRule {
  id: string
  description: string
  severity: Record<ProfileName, RuleSeverity>
}

export function everywhere(severity: RuleSeverity): Record<ProfileName, RuleSeverity> {
  return {'adr-tools': severity, recommended: severity, strict: severity}
}

/** A rule's severity in each profile as a rule declares it: one for all (`'error'`), or `[adr-tools, recommended, strict]`. */
export type Severities = RuleSeverity | readonly [adrTools: RuleSeverity, recommended: RuleSeverity, strict: RuleSeverity]

export function severities(given: Severities): Record<ProfileName, RuleSeverity> {
  if (typeof given === 'string') return everywhere(given)
  const [adrTools, recommended, strict] = given
  return {'adr-tools': adrTools, recommended, strict}
}

/** A rule as its module declares it: no scope (the helper gives it), the severity as `Severities`. */
export type RuleDeclaration<R extends Rule> = Omit<R, 'scope' | 'severity'> & {severity: Severities}

/** A rule that checks one file at a time. Every file rule is declared through it (`tradeOffsRule` too). */
export function fileRule(rule: RuleDeclaration<FileRule>): FileRule {
  return {...rule, scope: 'file', severity: severities(rule.severity)}
}

/** A rule that checks the ADRs of a directory together. Every repository rule is declared through it. */
export function repositoryRule(rule: RuleDeclaration<RepositoryRule>): RepositoryRule {
  return {...rule, scope: 'repository', severity: severities(rule.severity)}
}
