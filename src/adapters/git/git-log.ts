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
 * Parses `git log -z --raw --no-abbrev -M --format=%x1e%H%x00%P%x00%an%x00%ae%x00%aI%x00%s` as it
 * streams: one record per commit, NUL-separated fields, then raw entries
 * `:mode mode blob blob STATUS\0path[\0path]\0`. `push` text chunks; each commit is handed to
 * `onCommit` as soon as the next one starts (the last at `end`).
 */
export function createRawLogParser(onCommit: (commit: LogCommit) => void): {push(chunk: string): void; end(): void} {
  let pending = ''
  return {
    push(chunk) {
      pending += chunk
      const last = pending.lastIndexOf('\x1e')
      if (last <= 0) return
      for (const record of pending.slice(0, last).split('\x1e')) if (record) onCommit(parseRecord(record))
      pending = pending.slice(last)
    },
    end() {
      for (const record of pending.split('\x1e')) if (record) onCommit(parseRecord(record))
      pending = ''
    },
  }
}

/** The whole output at once. */
export function parseRawLog(out: string): LogCommit[] {
  const commits: LogCommit[] = []
  const parser = createRawLogParser((c) => commits.push(c))
  parser.push(out)
  parser.end()
  return commits
}

function parseRecord(record: string): LogCommit {
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
  return {sha, parents: parents ? parents.split(' ') : [], authorName, authorEmail, date, subject: subject ?? '', changes}
}

/**
 * Oldest first, no commit before its parents: git's own order (newest first) reversed, then fixed
 * where clock skew put a parent after a child.
 */
export function orderOldestFirst(newestFirst: readonly LogCommit[]): LogCommit[] {
  const bySha = new Map(newestFirst.map((c) => [c.sha, c]))
  const placed = new Set<string>()
  const out: LogCommit[] = []
  const place = (commit: LogCommit) => {
    const stack: {commit: LogCommit; next: number}[] = [{commit, next: 0}]
    placed.add(commit.sha)
    while (stack.length) {
      const top = stack[stack.length - 1]
      const parent = top.commit.parents[top.next++]
      if (parent === undefined) {
        out.push(top.commit)
        stack.pop()
        continue
      }
      const p = bySha.get(parent)
      if (p && !placed.has(p.sha)) {
        placed.add(p.sha)
        stack.push({commit: p, next: 0})
      }
    }
  }
  for (let i = newestFirst.length - 1; i >= 0; i--) if (!placed.has(newestFirst[i].sha)) place(newestFirst[i])
  return out
}

/** `git diff --name-status -z -M`: status, paths. */
export function parseNameStatus(out: string): {path: string; from?: string; status: 'added' | 'modified' | 'deleted' | 'renamed'}[] {
  const tokens = out.split('\0')
  const result: {path: string; from?: string; status: 'added' | 'modified' | 'deleted' | 'renamed'}[] = []
  for (let i = 0; i < tokens.length - 1; i++) {
    const code = tokens[i]
    if (code.startsWith('R') || code.startsWith('C')) {
      result.push({path: tokens[i + 2], from: tokens[i + 1], status: code.startsWith('R') ? 'renamed' : 'added'})
      i += 2
    } else if (code) {
      result.push({path: tokens[i + 1], status: code === 'A' ? 'added' : code === 'D' ? 'deleted' : 'modified'})
      i += 1
    }
  }
  return result
}
