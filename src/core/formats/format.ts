import type {ProfileName} from '../lint/lint-rule.js'

/**
 * What a format is, in one place: how its files are named, where it keeps status, date and links,
 * the sections it requires, what a new ADR's status is, and whether adrgate writes it. The parser,
 * the writer and the lint rules read these descriptors; nothing else branches on a format's name.
 * Adding a format is one module here (registered in `index.ts`) plus its fixtures.
 */
export interface FormatDescriptor {
  id: string
  /** As messages say it: `a MADR ADR`, `an adr-tools ADR`. */
  name: string
  /** How its files are named: `0007-slug.md`, or by date (`20201002-slug.md`). */
  naming: 'numbered' | 'dated'
  /** Where the status lives (and edits write it): front matter, a `## Status` section, or a `- Status:` field under the title. */
  status: StatusPlace
  /** Where the date lives: front matter, a `Date:` line, or a `- Date:` field. */
  date: Extract<DatePlace, 'front-matter' | 'date-line' | 'field'>
  /** Where typed links live (and `adr link` writes them). */
  links: 'front-matter' | 'status-section'
  /**
   * Where the parser reads the status and the date, in order: the first place that holds one gives
   * it (`src/core/formats/read-metadata.ts`; each place's reader is in `read/`). Links are read in
   * every place any format keeps them.
   */
  reads: {status: readonly StatusPlace[]; date: readonly DatePlace[]}
  /** What the format's own specification makes optional: reported only under `strict`. */
  optional: {status: boolean; date: boolean}
  /** The sections a complete ADR of this format has, per profile. */
  requiredSections(profile: ProfileName): readonly RequiredSection[]
  /** Whether the title carries the number (`# 7. Use PostgreSQL`). */
  numberedTitle: boolean
  /** The status a new ADR gets (`adr new`), and the first ADR of `adr init`. */
  initialStatus: string
  firstStatus: string
  /** Whether adrgate creates ADRs in this format (others it reads and edits in place). */
  writable: boolean
  /** The built-in templates (`adr-templates/`) that write this format; the first is `adr new`'s. */
  templates: readonly string[]
  /**
   * The first ADR `adr init` writes in this format. A format without one (log4brains, which a
   * repository of log4brains' own starts) cannot be named by `init --format` or `format:` in `.adrgate.yaml`.
   */
  initTemplate?: string
  /** Whether an edit may add YAML front matter to a file of this format that has none. */
  addsFrontMatter: boolean
  /**
   * Where an accepted ADR records its trade-offs (drivers, options, decision, consequences, revisit):
   * in the front matter, or nowhere the format has (`strict` then asks for the format's own sections only).
   */
  tradeOffs: 'front-matter' | 'none'
  /** Whether a file shows this format (formats are tried in the order of `FORMATS`). */
  recognise(signals: FormatSignals): boolean
}

export interface RequiredSection {
  /** As it should be written. */
  heading: string
  /** Headings accepted for it, lowercase. */
  accepts: readonly string[]
}

/** A place a status is written: front matter's `status:`, a `## Status` section, a `- Status:` field under the title. */
export type StatusPlace = 'front-matter' | 'status-section' | 'field'

/**
 * A place a date is written: front matter's `date:`, a `- Date:` field, adr-tools' `Date:` line, the
 * first dated entry of a `## Changelog` section, the date in a dated file name.
 */
export type DatePlace = 'front-matter' | 'field' | 'date-line' | 'changelog' | 'file-name'

/** What the parser saw, for telling formats apart. */
export interface FormatSignals {
  frontMatter: boolean
  /** A `status:` key in the front matter. */
  frontMatterStatus: boolean
  /** A `## Status` section (any depth below the title). */
  statusSection: boolean
  /** The headings of its sections below the title, lowercase, without emphasis (`context`, `decision`). */
  sections: ReadonlySet<string>
  /** The file is named by a date. */
  datedName: boolean
}
