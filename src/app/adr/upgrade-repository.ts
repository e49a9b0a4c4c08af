import path from 'node:path'
import {writeAll} from '../../adapters/files/multi-write.js'
import type {Workspace} from '../../adapters/workspace.js'
import {upgradeDates} from '../../core/adr/upgrade-dates.js'
import {displayPath, whileLocked} from './load-for-write.js'

/** `adr upgrade-repository`: rewrites adr-tools' old `Date: DD/MM/YYYY` lines as ISO dates, in every ADR. */
export async function upgradeRepository(ws: Workspace): Promise<{changed: string[]}> {
  return whileLocked(ws, async ({adrs}) => {
    const writes = adrs
      .map((adr) => ({file: path.join(ws.adrDir, adr.file), text: upgradeDates(adr.text), before: adr.text}))
      .filter((w) => w.text !== w.before)
    await writeAll(writes.map(({file, text}) => ({file, text})))
    return {changed: writes.map((w) => displayPath(ws, path.basename(w.file)))}
  })
}
