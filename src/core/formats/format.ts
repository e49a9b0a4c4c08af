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
  /** Where the status lives: front matter, a `## Status` section, or a `- Status:` field under the title. */
  status: 'front-matter' | 'status-section' | 'field'
  /** Where the date lives: front matter, a `Date:` line, or a `- Date:` field. */
  date: 'front-matter' | 'date-line' | 'field'
  /** Where typed links live. */
  links: 'front-matter' | 'status-section'
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

/** What the parser saw, for telling formats apart. */
export interface FormatSignals {
  frontMatter: boolean
  /** A `status:` key in the front matter. */
  frontMatterStatus: boolean
  /** A `## Status` section (any depth below the title). */
  statusSection: boolean
  /** `Context` and `Decision` sections, as adr-tools writes them. */
  nygardSections: boolean
  /** The file is named by a date. */
  datedName: boolean
}
