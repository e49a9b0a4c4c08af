import {describe, expect, it} from 'vitest'
import type {LogCommit, LogFileChange} from '../../src/adapters/git/git-log.js'
import {mayCopyFolder} from '../../src/app/history/adr-log.js'

// Which commits copy detection is asked about (the 10,000-ADR stall of issue 14): a commit that adds
// the next few ADRs of a living directory is never one; a commit that fills an empty directory, or
// brings names older than the newest already there, is.

let n = 0
function commit(...changes: [status: LogFileChange['status'], path: string][]): LogCommit {
  n++
  return {
    sha: String(n).padStart(40, '0'),
    parents: ['f'.repeat(40)],
    authorName: 'Ana',
    authorEmail: 'ana@example.org',
    date: '2024-01-01T00:00:00Z',
    commitTime: n,
    subject: `commit ${n}`,
    changes: changes.map(([status, path]) => ({status, path, blob: 'a'.repeat(40), fromBlob: '0'.repeat(40)})),
  }
}

describe('mayCopyFolder', () => {
  it('asks about no commit when ADRs arrive a few at a time, in order', () => {
    const commits = [commit(['A', 'docs/adr/0001-a.md'])]
    for (let i = 2; i < 200; i += 4) {
      commits.push(
        commit(...[0, 1, 2, 3].map((k): [LogFileChange['status'], string] => ['A', `docs/adr/${String(i + k).padStart(4, '0')}-x.md`])),
      )
    }
    expect(mayCopyFolder(commits, ['docs/adr']).size).toBe(0)
  })

  it('asks about a commit that fills a directory with several ADRs at once', () => {
    const first = commit(['A', 'docs/adr/0001-a.md'], ['A', 'docs/adr/0002-b.md'])
    expect([...mayCopyFolder([first], ['docs/adr'])]).toEqual([first.sha])
  })

  it('asks about a commit that brings names older than the newest already there', () => {
    const later = commit(['A', 'docs/adr/0009-i.md'])
    const old = commit(['A', 'docs/adr/0001-a.md'], ['A', 'docs/adr/0002-b.md'])
    expect([...mayCopyFolder([later, old], ['docs/adr'])]).toEqual([old.sha])
  })

  it('never asks about a commit that adds one ADR, or files outside the ADR directories', () => {
    const one = commit(['A', 'docs/adr/0001-a.md'])
    const other = commit(['A', 'src/0001-a.md'], ['A', 'src/0002-b.md'])
    expect(mayCopyFolder([one, other], ['docs/adr']).size).toBe(0)
  })
})
