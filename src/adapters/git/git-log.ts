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
  /** Committer date, in seconds since the epoch: the order git walks in. */
  commitTime: number
  /** Strict ISO 8601 author date, with its offset. */
  date: string
  subject: string
  changes: LogFileChange[]
}

/** The `--format` every history read uses: fields separated by NUL (`-z` ends the subject with one). */
export const LOG_FORMAT = '--format=%H%x00%P%x00%ct%x00%aI%x00%an%x00%ae%x00%s'

const HEADER_FIELDS = 7

/**
 * Parses `git log -z --raw --no-abbrev -M` with `LOG_FORMAT` as it streams. The output is read by its
 * structure, never by searching for a separator: seven header fields (commit id, parents, committer
 * time, author date, author name, author email, subject), each ended by NUL, then any number of raw entries
 * `:mode mode blob blob STATUS\0path\0[path\0]`, then the next commit's id. A subject or author name
 * may hold any byte but NUL (git cannot store one there), so no text can end a record early or start a
 * forged one. `push` text chunks; each commit is handed to `onCommit` as soon as the next one starts
 * (the last at `end`). A token is read where it lies in the chunk: only what a commit keeps is cut
 * out of it (a raw entry's metadata is looked at in place, `rawEntryAt`).
 */
export function createRawLogParser(onCommit: (commit: LogCommit) => void): {push(chunk: string): void; end(): void} {
  let partial = ''
  /**
   * Each path, author name and email as one string, however many commits name it: the history keeps
   * every commit of the log, and a few thousand paths and people stand for tens of thousands of
   * copies (less to keep, and a string seen again is a lookup whose hash is known).
   */
  const strings = new Map<string, string>()
  const one = (text: string): string => {
    const known = strings.get(text)
    if (known !== undefined) return known
    strings.set(text, text)
    return text
  }
  const header: string[] = []
  let commit: LogCommit | undefined
  /** A raw entry waiting for its path(s): its metadata, and its first path once read. */
  let entry: RawEntry | undefined
  let firstPath: string | undefined
  const finish = () => {
    if (commit) onCommit(commit)
    commit = undefined
  }
  const take = (text: string, start: number, end: number) => {
    if (entry) {
      const path = one(text.slice(start, end))
      const {status, blob, fromBlob} = entry
      if (status === 'R' || status === 'C') {
        if (firstPath === undefined) {
          firstPath = path
          return
        }
        commit?.changes.push({status, from: firstPath, path, blob, fromBlob})
      } else {
        commit?.changes.push({status, path, blob, fromBlob})
      }
      entry = undefined
      firstPath = undefined
      return
    }
    if (header.length === 0 && commit) {
      entry = rawEntryAt(text, start, end)
      if (entry) return
      if (start === end) return // no commit id is empty: a separator, not a record
      finish()
    }
    header.push(text.slice(start, end))
    if (header.length < HEADER_FIELDS) return
    const [sha, parents, committed, date, authorName, authorEmail, subject] = header
    header.length = 0
    commit = {
      sha: sha.charCodeAt(0) === NEWLINE ? sha.slice(1) : sha,
      parents: parents ? parents.split(' ') : [],
      commitTime: Number(committed),
      authorName: one(authorName),
      authorEmail: one(authorEmail),
      date,
      subject,
      changes: [],
    }
  }
  return {
    push(chunk) {
      // token by token: a whole log split at once would hold every token alive while it is read
      const text = partial + chunk
      let at = 0
      for (let nul = text.indexOf('\0'); nul !== -1; nul = text.indexOf('\0', at)) {
        take(text, at, nul)
        at = nul + 1
      }
      partial = text.slice(at)
    },
    end() {
      if (partial) take(partial, 0, partial.length)
      partial = ''
      finish()
    },
  }
}

/** What a raw entry's metadata says: its status letter and the blobs before and after. */
interface RawEntry {
  status: LogFileChange['status']
  blob: string
  fromBlob: string
}

/**
 * A raw entry's metadata, `:100644 100644 <blob> <blob> M` (git puts a newline before the first of a
 * commit, and a score after R and C), when `text` from `start` to `end` is one, else `undefined`.
 * The pattern only tests the token (no array of captures for each of a history's 12,000 entries);
 * the blobs and the status are cut out at the spaces it found.
 */
export function rawEntryAt(text: string, start: number, end: number): RawEntry | undefined {
  RAW_META.lastIndex = start
  if (!RAW_META.test(text) || RAW_META.lastIndex !== end) return undefined
  const fromBlob = start + (text.charCodeAt(start) === NEWLINE ? 16 : 15)
  const blob = text.indexOf(' ', fromBlob) + 1
  const status = text.indexOf(' ', blob) + 1
  return {status: text[status] as LogFileChange['status'], blob: text.slice(blob, status - 1), fromBlob: text.slice(fromBlob, blob - 1)}
}

/** A raw entry's metadata, matched where a token starts (sticky), up to where it ends: the NUL after it, or the text's end. */
const RAW_META = /\n?:[0-7]{6} [0-7]{6} [0-9a-f]{40,64} [0-9a-f]{40,64} [ACDMRTUX]\d*(?![^\0])/y

const NEWLINE = 10

/** The whole output at once. */
export function parseRawLog(out: string): LogCommit[] {
  const commits: LogCommit[] = []
  const parser = createRawLogParser((c) => commits.push(c))
  parser.push(out)
  parser.end()
  return commits
}

/**
 * Oldest first, no commit before its parents: git's own order (newest first) reversed, then fixed
 * where clock skew put a parent after a child.
 */
export function orderOldestFirst(newestFirst: readonly LogCommit[]): LogCommit[] {
  const bySha = new Map(newestFirst.map((c) => [c.sha, c]))
  const placed = new Set<string>()
  const out: LogCommit[] = []
  const waitsForParent = (commit: LogCommit) => {
    for (const p of commit.parents) if (!placed.has(p) && bySha.has(p)) return true
    return false
  }
  const place = (commit: LogCommit) => {
    placed.add(commit.sha)
    // nearly every commit: none of its parents is waiting to be placed, so it goes out as it is
    if (!waitsForParent(commit)) {
      out.push(commit)
      return
    }
    const stack: {commit: LogCommit; next: number}[] = [{commit, next: 0}]
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
