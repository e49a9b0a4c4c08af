import type {AdrFormat} from '../adr/model.js'
import type {FormatDescriptor, FormatSignals} from './format.js'
import {LOG4BRAINS} from './log4brains.js'
import {MADR} from './madr.js'
import {NYGARD} from './nygard.js'

export type {FormatDescriptor, FormatSignals, RequiredSection} from './format.js'

/** Every format adrgate reads, in the order the parser tries them (the last one matches anything). */
export const FORMATS: readonly FormatDescriptor[] = [NYGARD, LOG4BRAINS, MADR]

/** The format of a new repository whose layout asks for none (ADR 5). */
export const DEFAULT_FORMAT: FormatDescriptor = MADR

/** Every format's id as commands list them (`list --format`): MADR, the default, first. */
export const FORMAT_IDS: readonly AdrFormat[] = [MADR, ...FORMATS.filter((f) => f !== MADR)].map((f) => f.id as AdrFormat)

/** The formats a repository may start in (`adr init --format`, `format:` in .adrgate.yaml): those with a first ADR. */
export const INIT_FORMATS: readonly AdrFormat[] = FORMAT_IDS.filter((id) => formatOf(id).initTemplate !== undefined)

/** The format a built-in template writes (MADR for one no format names). */
export function formatOfTemplate(template: string): AdrFormat {
  return (FORMATS.find((f) => f.templates.includes(template)) ?? MADR).id as AdrFormat
}

/** The descriptor of a format id (MADR for an id adrgate does not know). */
export function formatOf(id: string | undefined): FormatDescriptor {
  return FORMATS.find((f) => f.id === id) ?? MADR
}

/** The format a file shows: the first descriptor that recognises it. */
export function recogniseFormat(signals: FormatSignals): AdrFormat {
  return (FORMATS.find((f) => f.recognise(signals)) ?? MADR).id as AdrFormat
}
