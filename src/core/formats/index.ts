import type {AdrFormat} from '../adr/model.js'
import type {FormatDescriptor, FormatSignals} from './format.js'
import {LOG4BRAINS} from './log4brains.js'
import {MADR} from './madr.js'
import {NYGARD} from './nygard.js'

export type {FormatDescriptor, FormatSignals, RequiredSection} from './format.js'

/** Every format adrgate reads, in the order the parser tries them (the last one matches anything). */
export const FORMATS: readonly FormatDescriptor[] = [NYGARD, LOG4BRAINS, MADR]

/** The descriptor of a format id (MADR for an id adrgate does not know). */
export function formatOf(id: string | undefined): FormatDescriptor {
  return FORMATS.find((f) => f.id === id) ?? MADR
}

/** The format a file shows: the first descriptor that recognises it. */
export function recogniseFormat(signals: FormatSignals): AdrFormat {
  return (FORMATS.find((f) => f.recognise(signals)) ?? MADR).id as AdrFormat
}
