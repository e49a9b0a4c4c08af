/** One file change in a commit, from `git log --raw -M`. Paths are relative to the repository root. */
export interface LogFileChange {
  /** `A` added, `M` modified, `D` deleted, `R` renamed, `C` copied, `T` type changed. */
  status: 'A' | 'M' | 'D' | 'R' | 'C' | 'T'
  path: string
  /** The path before a rename or copy. */
  from?: string
  /** The blob after the change (all zeros for a deletion). */
  blob: string
  /** The blob before the change (all zeros for an addition). */
  fromBlob: string
}

export interface LogCommit {
  sha: string
  parents: string[]
  authorName: string
  authorEmail: string
  /** Strict ISO 8601 author date, with its offset. */
  date: string
  subject: string
  changes: LogFileChange[]
}

/**
 * Parses `git log -z --raw --no-abbrev -M --format=%x1e%H%x00%P%x00%an%x00%ae%x00%aI%x00%s`: one
 * record per commit, NUL-separated fields, then raw entries `:mode mode blob blob STATUS\0path[\0path]\0`.
 */
export function parseRawLog(out: string): LogCommit[] {
  const commits: LogCommit[] = []
  for (const record of out.split('\x1e')) {
    if (!record) continue
    const tokens = record.split('\0')
    const [sha, parents, authorName, authorEmail, date, subject] = tokens
    const changes: LogFileChange[] = []
    for (let i = 6; i < tokens.length; i++) {
      const meta = tokens[i].replace(/^\n/, '')
      if (!meta.startsWith(':')) continue
      const [, , fromBlob, blob, code] = meta.slice(1).split(' ')
      const status = code.charAt(0) as LogFileChange['status']
      if (status === 'R' || status === 'C') {
        changes.push({status, from: tokens[i + 1], path: tokens[i + 2], blob, fromBlob})
        i += 2
      } else {
        changes.push({status, path: tokens[i + 1], blob, fromBlob})
        i += 1
      }
    }
    commits.push({sha, parents: parents ? parents.split(' ') : [], authorName, authorEmail, date, subject: subject ?? '', changes})
  }
  return commits
}
