/**
 * The one model of an ADR on disk. Every format (MADR 2/3/4, adr-tools/Nygard, log4brains) parses
 * into this shape; every command, lint rule and history reader works on it.
 */

export type AdrFormat = 'madr' | 'nygard' | 'log4brains'

/** The statuses of the lifecycle (`status.ts`). A file may carry others; they are kept as written. */
export const STATUSES = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded'] as const
export type Status = (typeof STATUSES)[number]

export type Severity = 'error' | 'warning'

/** A located finding about user content. Lines and columns are 1-based, in the whole file. */
export interface Problem {
  line: number
  column: number
  severity: Severity
  /** A stable rule id, e.g. `parse/yaml`, `parse/front-matter-js`. */
  rule: string
  message: string
}

/** A typed link between two ADRs, e.g. `supersedes` → 3, `Superceded by` → 0002-second-record.md. */
export interface AdrLink {
  /** The relation as written, e.g. `supersedes`, `Superceded by`, `Amends`. */
  rel: string
  /** The normalised relation: lowercase, adr-tools' "supercede" spelling folded to "supersede". */
  relKey: string
  /** The target as written: a number, a file name or a title. */
  target: string
  /** The target's number when it can be told from what is written. */
  targetNumber?: number
  /** The target's file name when the link names one. */
  targetFile?: string
  /** The link text, for Markdown links (`2. Second Record`). */
  label?: string
  /** 1-based line of the link in the file. */
  line: number
  /** Where the link lives. */
  origin: 'front-matter' | 'status-section' | 'body'
}

/** A Markdown heading and the lines under it, up to the next heading of the same or a higher level. */
export interface Section {
  heading: string
  depth: number
  /** 1-based line of the heading. */
  line: number
  /** 1-based last line of the section, subsections included (before the next heading of its level or higher). */
  endLine: number
  /** The section's own content, up to the next heading of any level, trimmed. */
  text: string
}

export interface FrontMatter {
  /** The parsed data, or `{}` when it could not be parsed. */
  data: Record<string, unknown>
  /** The YAML text between the delimiters. */
  raw: string
  /** 1-based line of the opening `---`. */
  startLine: number
  /** 1-based line of the closing `---`. */
  endLine: number
}

export interface Adr {
  /**
   * The file, relative to the ADR directory: a file name (`0007-use-postgres.md`), or in the
   * folder-per-ADR layout the folder and its file (`0007-use-postgres/README.md`).
   */
  file: string
  /** In a workspace with several ADR directories (a monorepo): the one that holds the file. */
  dir?: AdrDirRef
  number?: number
  title: string
  /** 1-based line of the title heading, when there is one. */
  titleLine?: number
  /** The status normalised to lowercase (`superseded` for adr-tools' `Superceded by …`). */
  status?: string
  /** The status exactly as written (`Accepted`). */
  statusText?: string
  /** 1-based line of the status value. */
  statusLine?: number
  date?: string
  deciders: string[]
  consulted: string[]
  informed: string[]
  tags: string[]
  links: AdrLink[]
  frontMatter?: FrontMatter
  sections: Section[]
  format: AdrFormat
  problems: Problem[]
  /** The file's text exactly as read (BOM and line endings included). */
  text: string
}

/**
 * One of several ADR directories (`dirs:` in `.adrgate.yaml`, `packages:` in `.log4brains.yml`): its
 * name, which qualifies references (`web/3`), and its path from the repository root (`/`-separated).
 */
export interface AdrDirRef {
  name: string
  path: string
}

/** How the files of a repository are named, so `adr new` can follow it. */
export interface NamingScheme {
  /** e.g. `''`, `adr-`, `ADR`, `ADR-`. */
  prefix: string
  /** Minimum digits, zero-padded. */
  digits: number
  /** Between the number and the slug: `-` or `_`. */
  separator: string
  /** One folder per ADR: the file inside it (`README.md` or `index.md`). */
  folderFile?: string
}

export const DEFAULT_NAMING: NamingScheme = {prefix: '', digits: 4, separator: '-'}
