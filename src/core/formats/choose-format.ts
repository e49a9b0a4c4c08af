import type {Adr, AdrFormat} from '../adr/model.js'
import {formatOf, INIT_FORMATS} from './index.js'

/** The formats adrgate writes: every one it reads (log4brains only where the repository is log4brains'). */
export type WritableFormat = AdrFormat

export interface FormatSignals {
  /** `--format`, when given. */
  flag?: WritableFormat
  /** `format:` in `.adrgate.yaml`. */
  config?: AdrFormat
  /** The ADRs already in the directory. */
  adrs: readonly Adr[]
  /** Their votes, when counted without parsing them (`adr new`'s fast path); else counted from `adrs`. */
  votes?: FormatVotes
  /** The directory follows adr-tools' conventions: found through `.adr-dir`, or it is `doc/adr`. */
  adrToolsLayout: boolean
  /** The directory was named by `.log4brains.yml`, or most of its files are named by date. */
  log4brainsLayout?: boolean
}

/**
 * The format a new ADR is written in, first match wins: the flag; `format:` in the config; the format
 * most existing ADRs show (a `## Status` section, or front matter or a status field: files that show
 * neither are not counted); when that does not decide, adr-tools' format if the layout is adr-tools'
 * own (`.adr-dir`, or the default `doc/adr`), so `adr init` and `adr new` typed by an adr-tools user
 * give exactly what adr-tools gives, and MADR otherwise (ADR 5: a new repository gets MADR). A
 * log4brains repository (`.log4brains.yml`, or dated names) whose ADRs are not mostly of another
 * format gets log4brains'.
 */
export function chooseFormat(signals: FormatSignals): WritableFormat {
  const given = givenFormat(signals)
  if (given) return given
  const {nygard, madr, log4brains} = signals.votes ?? countVotes(signals.adrs.map(formatVoteOf))
  // a log4brains repository gets log4brains' dated names and bullets, as its own `adr new` writes them
  if (signals.log4brainsLayout && log4brains >= Math.max(nygard, madr)) return 'log4brains'
  if (nygard !== madr) return nygard > madr ? 'nygard' : 'madr'
  return signals.adrToolsLayout ? 'nygard' : 'madr'
}

/** The format the flag or the config names, if either does: then the existing ADRs are not counted. */
export function givenFormat(signals: Pick<FormatSignals, 'flag' | 'config'>): WritableFormat | undefined {
  if (signals.flag) return signals.flag
  if (signals.config && INIT_FORMATS.includes(signals.config)) return signals.config
  return undefined
}

/** How many ADRs show each format. */
export interface FormatVotes {
  nygard: number
  madr: number
  log4brains: number
}

/** The format an ADR counts for: adr-tools, log4brains, or MADR when it shows front matter or a status; a file that shows none counts for none. */
export function formatVoteOf(adr: Pick<Adr, 'format' | 'frontMatter' | 'statusText'>): keyof FormatVotes | undefined {
  if (adr.format === 'nygard') return 'nygard'
  if (adr.format === 'log4brains') return 'log4brains'
  if (adr.format === 'madr' && (adr.frontMatter || adr.statusText !== undefined)) return 'madr'
  return undefined
}

export function countVotes(votes: Iterable<keyof FormatVotes | undefined>): FormatVotes {
  const counted: FormatVotes = {nygard: 0, madr: 0, log4brains: 0}
  for (const vote of votes) if (vote) counted[vote]++
  return counted
}

/**
 * Whether `chooseFormat` gives the same answer however the `remaining` files not counted yet vote
 * (each for one format or none), so a reader may stop counting (`adr new`'s fast path).
 */
export function voteDecided(votes: FormatVotes, remaining: number, log4brainsLayout: boolean): boolean {
  const lead = Math.max(votes.nygard, votes.madr)
  const splitDecided = Math.abs(votes.nygard - votes.madr) > remaining
  if (!log4brainsLayout) return splitDecided
  // log4brains' count wins whatever comes, or cannot reach the leader's even with every vote left
  return votes.log4brains >= lead + remaining || (votes.log4brains + remaining < lead && splitDecided)
}

/** What a new ADR's STATUS placeholder becomes: adr-tools writes `Accepted`; a MADR proposal is `proposed`. */
export function initialStatus(format: WritableFormat): string {
  return formatOf(format).initialStatus
}
