import type {HistoryCommit} from './history.js'

export interface FileDates {
  /** When the file was first added (absent when a shallow clone's history does not reach it). */
  created?: string
  lastChanged: string
  /** Deleted at the end of the commits; kept so that a file added again keeps its first creation. */
  deleted?: true
}

/**
 * Created and last-changed dates of each file from the commits that touched the directory (oldest
 * first), renames followed; no file contents needed. A file deleted and added again keeps the date
 * it was first created, as `git log --follow` shows it; files deleted at the end are marked `deleted`.
 */
export function trackFileDates(
  commits: Iterable<Pick<HistoryCommit, 'date' | 'boundary' | 'changes'>>,
  /** What earlier commits gave (an incremental update): not modified. */
  start: ReadonlyMap<string, FileDates> = new Map(),
): Map<string, FileDates> {
  const dates = new Map(start)
  for (const commit of commits) {
    for (const change of commit.changes) {
      const current = dates.get(change.file)
      if (change.status === 'D') {
        if (current && !current.deleted) dates.set(change.file, {...current, lastChanged: commit.date, deleted: true})
        continue
      }
      const renamed = change.status === 'R' && change.from !== undefined ? dates.get(change.from) : undefined
      // the name it leaves is not an ADR deleted: it lives on under the new one
      if (renamed && change.from !== undefined && change.from !== change.file) dates.delete(change.from)
      const before = renamed && !renamed.deleted ? renamed : current
      const created = before ? before.created : commit.boundary ? undefined : commit.date
      dates.set(change.file, {...(created ? {created} : {}), lastChanged: commit.date})
    }
  }
  return dates
}
