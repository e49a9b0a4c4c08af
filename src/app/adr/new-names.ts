import type {LoadedAdrs} from '../../adapters/adr-store.js'
import {listAdrEntries} from '../../adapters/adr-store.js'
import {eachTextFile} from '../../adapters/files/contained-read.js'
import {recoverInterruptedWrite} from '../../adapters/files/directory-lock.js'
import {adrDirNotFound, type Workspace} from '../../adapters/workspace.js'
import {formatVote} from '../../core/adr/format-vote.js'
import {configValues} from '../../core/config/config-values.js'
import type {FormatVotes} from '../../core/formats/choose-format.js'

/** The directory as `adr new`'s fast path sees it: every ADR file name and, when asked, the format votes; no parsed ADR. */
export type NamesAndVotes = LoadedAdrs & {votes?: FormatVotes}

/**
 * The fast path of `adr new` without -s/-l (a new ADR that edits no other): what its plan needs of
 * the directory, instead of `loadAdrs`' read and parse of every ADR. The number and the naming come
 * from the file names; the format, when neither --format, a built-in --template nor `format:` in the
 * config names it, from each file's vote (`formatVote`, without the parse), and the reading stops as
 * soon as `decidedFor(files)` (`voteDecided`) says the files left cannot change what `chooseFormat` chooses. `adrs` is
 * empty: no reference is resolved on this path. An unreadable file votes for nothing, as `loadAdrs`
 * leaves it out.
 */
export async function loadNamesAndVotes(
  ws: Workspace,
  decidedFor: ((files: readonly string[]) => (votes: FormatVotes, remaining: number) => boolean) | undefined,
): Promise<NamesAndVotes> {
  await recoverInterruptedWrite(ws)
  const {files, symlinks} = await listAdrEntries(ws.adrDir, () => adrDirNotFound(ws))
  if (!decidedFor) return {adrs: [], skipped: [], files}
  const decided = decidedFor(files)
  const votes: FormatVotes = {nygard: 0, madr: 0, log4brains: 0}
  const options = {statuses: configValues(ws.config).statuses}
  await eachTextFile(ws.adrDir, files, ws.root, symlinks, {decode: true}, (index, read) => {
    const vote = read.ok ? formatVote(read.text, files[index], options) : undefined
    if (vote) votes[vote]++
    // go on while the files left could still change the format chosen
    return !decided(votes, files.length - index - 1)
  })
  return {adrs: [], skipped: [], files, votes}
}
