import type {HistoryCommit} from './history.js'

export interface FileDates {
  /** When the file was added (absent when a shallow clone's history does not reach it). */
  created?: string
  lastChanged: string
}

/**
 * Created and last-changed dates of each file from the commits that touched the directory (oldest
 * first), renames followed; no file contents needed. Deleted files are left out.
 */
export function trackFileDates(
  commits: Iterable<Pick<HistoryCommit, 'date' | 'boundary' | 'changes'>>,
  /** What earlier commits gave (an incremental update): not modified. */
  start: ReadonlyMap<string, FileDates> = new Map(),
): Map<string, FileDates> {
  const dates = new Map(start)
  for (const commit of commits) {
    for (const change of commit.changes) {
      if (change.status === 'D') {
        dates.delete(change.file)
        continue
      }
      const before = change.status === 'R' && change.from !== undefined ? dates.get(change.from) : dates.get(change.file)
      if (change.status === 'R' && change.from !== undefined) dates.delete(change.from)
      const created = before ? before.created : commit.boundary ? undefined : commit.date
      dates.set(change.file, {...(created ? {created} : {}), lastChanged: commit.date})
    }
  }
  return dates
}
