import type {LoadedAdrs} from '../../adapters/adr-store.js'
import {listAdrEntries} from '../../adapters/adr-store.js'
import {eachFileFact} from '../../adapters/files/contained-read.js'
import type {ListedEntries} from '../../adapters/files/directory-lock.js'
import {openFactCache} from '../../adapters/files/fact-cache.js'
import {recoverInterruptedWrite} from '../../adapters/files/interrupted-write.js'
import {adrDirNotFound, type Workspace} from '../../adapters/workspace.js'
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
 * leaves it out. Each file's vote is kept in a cache under `.git/adrgate/` (`openFactCache`, trusted
 * while the file's stat is unchanged), so the next `adr new` reads only the files changed since: on
 * 10,000 ADRs of one format the vote is decided after some 5,000 files, read every time otherwise.
 */
export async function loadNamesAndVotes(
  ws: Workspace,
  decidedFor: ((files: readonly string[]) => (votes: FormatVotes, remaining: number) => boolean) | undefined,
  listed?: ListedEntries,
): Promise<NamesAndVotes> {
  await recoverInterruptedWrite(ws)
  const {files, symlinks} = await listAdrEntries(ws.adrDir, () => adrDirNotFound(ws), listed)
  if (!decidedFor) return {adrs: [], skipped: [], files}
  const decided = decidedFor(files)
  const votes: FormatVotes = {nygard: 0, madr: 0, log4brains: 0}
  const statuses = configValues(ws.config).statuses
  const cache = await openFactCache<Vote>({
    gitRoot: ws.gitRoot,
    adrDir: ws.adrDir,
    kind: 'format-votes',
    // what a vote depends on besides the file: how formatVote reads it, and the team's status words
    key: `${VOTE_READER} ${JSON.stringify(statuses ?? {})}`,
    valid: isVote,
  })
  // the voter (and the parser it falls back on) loads with the first file whose vote is not cached
  let voter: typeof import('../../core/adr/format-vote.js') | undefined
  const vote = (index: number, text: string): Vote => voter?.formatVote(text, files[index], {statuses}) ?? null
  const learn = (index: number, text: string): Vote | Promise<Vote> =>
    voter
      ? vote(index, text)
      : import('../../core/adr/format-vote.js').then((loaded) => {
          voter = loaded
          return vote(index, text)
        })
  await eachFileFact(ws.adrDir, files, ws.root, symlinks, {decode: true, cache}, learn, (index, read) => {
    if (read.ok && read.fact) votes[read.fact]++
    // go on while the files left could still change the format chosen
    return !decided(votes, files.length - index - 1)
  })
  await cache?.save(files)
  return {adrs: [], skipped: [], files, votes}
}

/** A file's vote; `null` for a file that shows no format (JSON keeps it). */
type Vote = keyof FormatVotes | null

/** Bumped whenever `formatVote` could give another vote for the same file: the cached votes are then learned again. */
const VOTE_READER = 'formatVote 1'

function isVote(value: unknown): value is Vote {
  return value === null || value === 'nygard' || value === 'madr' || value === 'log4brains'
}
