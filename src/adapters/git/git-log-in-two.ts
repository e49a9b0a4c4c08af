import {availableParallelism} from 'node:os'
import type {LogCommit} from './git-log.js'
import {execGit, readGitLogWhole} from './git-process.js'

/**
 * FAST PATH of `readGitLogWhole` for the log of a linear range (`logAll` with `noMerges`, the merge
 * check passed): two `git log`s at once, of the newer commits (`mid..H`, H the newest that `git
 * rev-list` listed) and of the older ones
 * (`mid`, or `after..mid`), their commits joined. In a history without merges each commit's entry
 * depends on the commit and its parent only, so the two print the whole log's entries, in its order.
 * It skips nothing but the wait: at 10,000 ADRs git spends about a second diffing the ADR folder's
 * tree of each commit with its parent's, on one core while the other waits. The newer commits' trees are the
 * larger ones (a folder grows), so the newer part is given fewer commits: with trees growing
 * linearly, the newest 29 % cost as much as the rest. Only on a machine of two cores or more, for a
 * range of `MIN_SPLIT` commits or more (`parts: 1` asks for one log, `parts: 2` for two whatever
 * the machine); `undefined` when either log cannot be read whole. `test/app/linear-log.test.ts`
 * pins it to one log.
 */
export async function readLinearLogInTwo(
  top: string,
  env: NodeJS.ProcessEnv,
  args: readonly string[],
  range: string,
  parts: 1 | 2 | undefined,
): Promise<LogCommit[] | undefined> {
  if (parts === 1 || (parts === undefined && availableParallelism() < 2)) return undefined
  const shas = (await execGit(top, env, ['rev-list', range, '--'])).split('\n').filter(Boolean)
  if (shas.length < (parts === 2 ? 2 : MIN_SPLIT)) return undefined
  const mid = shas[Math.max(1, Math.round(shas.length * NEWER_SHARE))]
  const after = range.endsWith('..HEAD') ? range.slice(0, -'..HEAD'.length) : undefined
  const [newer, older] = await Promise.all([
    // the newest commit listed, not HEAD: a commit made meanwhile is in neither part, as in one log begun before it
    readGitLogWhole(top, env, [...args, `${mid}..${shas[0]}`, '--']),
    readGitLogWhole(top, env, [...args, after ? `${after}..${mid}` : mid, '--']),
  ])
  return newer && older ? [...newer, ...older] : undefined
}

/** The fewest commits `readLinearLogInTwo` splits: below them one git process costs about as much as two. */
const MIN_SPLIT = 400

/** The newer part's share of the commits in `readLinearLogInTwo` (1 − 1/√2: equal work when the trees grow linearly). */
const NEWER_SHARE = 0.29
