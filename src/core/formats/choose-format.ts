import type {Adr, AdrFormat} from '../adr/model.js'
import {formatOf} from './index.js'

/** The formats adrgate writes: every one it reads (log4brains only where the repository is log4brains'). */
export type WritableFormat = AdrFormat

export interface FormatSignals {
  /** `--format`, when given. */
  flag?: WritableFormat
  /** `format:` in `.adrgate.yaml`. */
  config?: AdrFormat
  /** The ADRs already in the directory. */
  adrs: readonly Adr[]
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
  if (signals.flag) return signals.flag
  if (signals.config === 'madr' || signals.config === 'nygard') return signals.config
  let nygard = 0
  let madr = 0
  let log4brains = 0
  for (const adr of signals.adrs) {
    if (adr.format === 'nygard') nygard++
    else if (adr.format === 'log4brains') log4brains++
    else if (adr.format === 'madr' && (adr.frontMatter || adr.statusText !== undefined)) madr++
  }
  // a log4brains repository gets log4brains' dated names and bullets, as its own `adr new` writes them
  if (signals.log4brainsLayout && log4brains >= Math.max(nygard, madr)) return 'log4brains'
  if (nygard !== madr) return nygard > madr ? 'nygard' : 'madr'
  return signals.adrToolsLayout ? 'nygard' : 'madr'
}

/** What a new ADR's STATUS placeholder becomes: adr-tools writes `Accepted`; a MADR proposal is `proposed`. */
export function initialStatus(format: WritableFormat): string {
  return formatOf(format).initialStatus
}
