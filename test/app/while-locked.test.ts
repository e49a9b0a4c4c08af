/**
 * The lock's turn lists the ADR directory once (`withDirectoryLock`): its sweep of leftover temporary
 * files and the ADRs' loader under the lock read the same listing. Pinned here to the loaders reading
 * the directory themselves, on a directory with every kind of entry they tell apart.
 */
import {execFileSync} from 'node:child_process'
import {mkdirSync, readdirSync, symlinkSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {loadAdrs} from '../../src/adapters/adr-store.js'
import {withDirectoryLock} from '../../src/adapters/files/directory-lock.js'
import {openWorkspace} from '../../src/adapters/workspace.js'
import {loadNamesAndVotes, type NamesAndVotes} from '../../src/app/adr/new-names.js'
import {whileLocked} from '../../src/app/adr/while-locked.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'

let repo: TempRepo | undefined
afterEach(() => {
  repo?.cleanup()
  repo = undefined
})

const nygard = (n: number, title: string) => `# ${n}. ${title}\n\nDate: 2026-01-0${n}\n\n## Status\n\nAccepted\n\n## Context\n\nX.\n`

/** A pid no process has: a leftover temporary file of it is swept. */
function deadPid(): number {
  return Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {encoding: 'utf8'}))
}

function setUp() {
  repo = makeRepo(
    {
      'doc/adr/0001-a.md': nygard(1, 'A'),
      'doc/adr/0002-b.md': nygard(2, 'B'),
      'doc/adr/0003-folder/README.md': nygard(3, 'Folder'),
      'doc/adr/README.md': '# ADRs\n',
      'doc/adr/notes.txt': 'x',
      'doc/adr/debates/.0009-x.json.1.00000000.tmp': '{}',
      'elsewhere/0004-linked.md': nygard(4, 'Linked'),
    },
    {commit: true},
  )
  const adrDir = path.join(repo.dir, 'doc/adr')
  symlinkSync(path.join(repo.dir, 'elsewhere/0004-linked.md'), path.join(adrDir, '0004-linked.md'))
  mkdirSync(path.join(adrDir, '0005-not-an-adr-folder'))
  const leftover = `.0002-b.md.${deadPid()}.9f86d081.tmp`
  writeFileSync(path.join(adrDir, leftover), 'half a write')
  const ws = openWorkspace(repo.dir, {env: {}})
  return {ws, adrDir, leftover}
}

describe('the loaders under the lock read the listing the lock’s turn made', () => {
  it('is the directory as it is after the sweep', async () => {
    const {ws, adrDir, leftover} = setUp()
    const listed = await withDirectoryLock(ws, async (_lock, entries) => entries?.map((e) => e.name).sort())
    expect(listed).toContain('0004-linked.md')
    expect(listed).not.toContain(leftover)
    // what the sweep left, the lock file gone again
    expect(listed?.filter((n) => n !== '.adrgate.lock')).toEqual(readdirSync(adrDir).sort())
  })

  it('loadAdrs and loadNamesAndVotes give what they give listing the directory themselves', async () => {
    const {ws} = setUp()
    const locked = await whileLocked(ws, async (loaded) => loaded)
    expect(locked.files).toEqual(['0001-a.md', '0002-b.md', '0003-folder/README.md', '0004-linked.md'])
    expect(locked).toEqual(await loadAdrs(ws))
    const decided = () => () => false
    const names = await whileLocked<NamesAndVotes, NamesAndVotes>(ws, async (loaded) => loaded, {
      load: (ws, listed) => loadNamesAndVotes(ws, decided, listed),
    })
    expect(names).toEqual(await loadNamesAndVotes(ws, decided))
    expect(names.votes).toEqual({nygard: 4, madr: 0, log4brains: 0})
  })
})
