/**
 * The warm lint's fast path (ADR 30): a file whose stat is the one the lint cache recorded with its
 * result is not read (`readChangedAdrTexts`), unless the stat was taken within `RACY_MS` of the run
 * that cached it. Pinned to the general path (`readAdrTexts`, every file read and hashed) on files of
 * every kind, and shown to be taken, and left, where it must be.
 */
import {mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {type FileStamp, readAdrTexts, readChangedAdrTexts} from '../../src/adapters/lint/lint-inputs.js'
import Lint from '../../src/commands/lint.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {runCommand} from '../helpers/run-command.js'

let repo: TempRepo | undefined
let outside: string | undefined
afterEach(() => {
  repo?.cleanup()
  repo = undefined
  if (outside) rmSync(outside, {recursive: true, force: true})
  outside = undefined
})

const nygard = (n: number, title: string, decision = 'We do it.') =>
  `# ${n}. ${title}\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n\n## Decision\n\n${decision}\n\n## Consequences\n\nSo.\n`
const ADR_DIR = 'docs/adr'
const ENV = {ADR_DATE: '2026-11-22'}

/** Plain files, one not UTF-8, a folder ADR, a link inside the repository and one out of it. */
function variedRepo(): TempRepo {
  const r = makeRepo({
    [`${ADR_DIR}/0001-one.md`]: nygard(1, 'One'),
    [`${ADR_DIR}/0002-two.md`]: nygard(2, 'Two', ''),
    [`${ADR_DIR}/0003-latin1.md`]: Buffer.from([0x23, 0x20, 0x33, 0x2e, 0x20, 0xe9, 0x74, 0xe9, 0x0a]),
    [`${ADR_DIR}/0004-folder/README.md`]: nygard(4, 'Folder'),
    'notes/five.md': nygard(5, 'Five'),
  })
  symlinkSync(path.join(r.dir, 'notes/five.md'), path.join(r.dir, ADR_DIR, '0005-five.md'))
  outside = realpathSync(mkdtempSync(path.join(tmpdir(), 'adrgate-outside-')))
  writeFileSync(path.join(outside, 'six.md'), nygard(6, 'Six'))
  symlinkSync(path.join(outside, 'six.md'), path.join(r.dir, ADR_DIR, '0006-six.md'))
  return r
}

const NAMES = ['0001-one.md', '0002-two.md', '0003-latin1.md', '0004-folder/README.md', '0005-five.md', '0006-six.md']
const cacheFile = () => path.join(repo!.dir, '.git/adrgate/lint-cache.json')

/** The lint cache as if its run had begun `ms` later (stamps older than that, less `RACY_MS`, are trusted). */
function moveCacheDate(ms: number): void {
  const cache = JSON.parse(readFileSync(cacheFile(), 'utf8'))
  writeFileSync(cacheFile(), JSON.stringify({...cache, asOf: cache.asOf + ms}))
}

/** The lint cache as if its run had begun at `ms` (`Date.now()` time). */
function setCacheDate(ms: number): void {
  const cache = JSON.parse(readFileSync(cacheFile(), 'utf8'))
  writeFileSync(cacheFile(), JSON.stringify({...cache, asOf: ms}))
}

/** Replaces one file's cached result by hand: the problems dropped and the hash made wrong, the stamp kept. */
function forgeEntry(name: string): void {
  const cache = JSON.parse(readFileSync(cacheFile(), 'utf8'))
  cache.files[name] = {...cache.files[name], hash: 'not the hash of the text', problems: []}
  writeFileSync(cacheFile(), JSON.stringify(cache))
}

describe('readChangedAdrTexts', () => {
  it('reads what readAdrTexts reads, each plain file with its stat, when no stat is trusted', async () => {
    repo = variedRepo()
    const dir = path.join(repo.dir, ADR_DIR)
    const slow = await readAdrTexts(dir, NAMES, repo.dir)
    const fast = await readChangedAdrTexts(dir, NAMES, repo.dir, () => false)
    expect(fast.map((r) => ('stamp' in r ? {...r, stamp: undefined} : r))).toEqual(slow.map((r) => ({...r, stamp: undefined})))
    const stamped = NAMES.filter((_, i) => 'stamp' in fast[i] && fast[i].stamp)
    expect(stamped).toEqual(['0001-one.md', '0002-two.md'])
    const stat = statSync(path.join(dir, '0001-one.md'))
    expect((fast[0] as {stamp: FileStamp}).stamp).toEqual([stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino])
  })

  it('skips only plain readable-looking files whose stat is trusted: links, folders and the rest are read as before', async () => {
    repo = variedRepo()
    const dir = path.join(repo.dir, ADR_DIR)
    const slow = await readAdrTexts(dir, NAMES, repo.dir)
    const asked: string[] = []
    const fast = await readChangedAdrTexts(dir, NAMES, repo.dir, (name) => {
      asked.push(name)
      return true
    })
    // the bytes of 0003 are never read: its stat stands for the result the cache holds of it (none: it is never cached)
    expect(asked).toEqual(['0001-one.md', '0002-two.md', '0003-latin1.md'])
    expect(fast.slice(0, 3).map((r) => r.ok)).toEqual(['unchanged', 'unchanged', 'unchanged'])
    expect(fast.slice(3)).toEqual(slow.slice(3))
  })
})

describe('adr lint with stamps in its cache', () => {
  it('prints what the general path prints after every kind of change', async () => {
    repo = variedRepo()
    const same = async (step: string) => {
      const fast = await runCommand(Lint, [], repo!.dir, ENV)
      moveCacheDate(60_000)
      const again = await runCommand(Lint, [], repo!.dir, ENV)
      const slow = await runCommand(Lint, [], repo!.dir, {...ENV, ADRGATE_NO_FAST_PATHS: '1'})
      const cold = await runCommand(Lint, ['--no-cache'], repo!.dir, ENV)
      const shown = (r: typeof fast) => ({step, exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr})
      expect(shown(fast)).toEqual(shown(cold))
      expect(shown(again)).toEqual(shown(cold))
      expect(shown(slow)).toEqual(shown(cold))
    }
    await same('first run')
    const one = path.join(repo.dir, ADR_DIR, '0001-one.md')
    const before = statSync(one)
    // the same size, the modification time set back: only the change time and the text say it changed
    writeFileSync(one, nygard(1, 'Eno'))
    utimesSync(one, before.atime, before.mtime)
    await same('an edit that keeps the size and the modification time')
    writeFileSync(path.join(repo.dir, ADR_DIR, '0002-two.md'), nygard(2, 'Two'))
    await same('a finding fixed')
    rmSync(path.join(repo.dir, ADR_DIR, '0001-one.md'))
    mkdirSync(path.join(repo.dir, ADR_DIR, '0007-seven'))
    writeFileSync(path.join(repo.dir, ADR_DIR, '0007-seven/README.md'), nygard(7, 'Seven', ''))
    writeFileSync(path.join(repo.dir, ADR_DIR, '0008-eight.md'), nygard(8, 'Eight', ''))
    await same('a file removed, two added')
  })

  it('trusts a stat older than the run that cached it, and nothing else', async () => {
    repo = makeRepo({[`${ADR_DIR}/0001-one.md`]: nygard(1, 'One', '')}, {commit: true})
    const file = path.join(repo.dir, ADR_DIR, '0001-one.md')
    const finding = 'Unexpected empty section `Decision`'
    const lint = async (argv: string[] = [], env: Record<string, string> = {}) =>
      (await runCommand(Lint, argv, repo!.dir, {...ENV, ...env})).stdout
    expect(await lint()).toContain(finding)
    forgeEntry('0001-one.md')
    // the file last changed within RACY_MS before the cached run began: read again, and its text does not match the forged hash
    setCacheDate(statSync(file).ctimeMs + 1000)
    expect(await lint()).toContain(finding)
    forgeEntry('0001-one.md')
    setCacheDate(statSync(file).ctimeMs + 60_000)
    // the stat is trusted: the file is not read, so the hand-made result stands (the fast path was taken)
    expect(await lint()).not.toContain(finding)
    // the general path reads and hashes every file: the forged entry does not match
    expect(await lint([], {ADRGATE_NO_FAST_PATHS: '1'})).toContain(finding)
    // a fast run stamps the entry again (the general path keeps no stamps)
    expect(await lint()).toContain(finding)
    forgeEntry('0001-one.md')
    setCacheDate(statSync(file).ctimeMs + 60_000)
    expect(await lint()).not.toContain(finding)
    // `--since` compares the texts: every file is read
    expect(await lint(['--since', 'HEAD'])).toContain(finding)
  })
})

describe('adr lint reusing the repository findings of the last run', () => {
  const linked = (n: number, title: string, link: string) =>
    `# ${n}. ${title}\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\n${link}\n\n## Context\n\nWhy.\n\n## Decision\n\nWe do it.\n\n## Consequences\n\nSo.\n`
  /** Repository findings of several rules: a dangling link, a one-way link, a duplicate number. */
  const TREE = {
    [`${ADR_DIR}/0001-one.md`]: linked(1, 'One', 'Relates to [9. Nine](0009-nine.md)'),
    [`${ADR_DIR}/0002-two.md`]: linked(2, 'Two', 'Amends [1. One](0001-one.md)'),
    [`${ADR_DIR}/0003-three.md`]: nygard(3, 'Three'),
    [`${ADR_DIR}/0003-again.md`]: nygard(3, 'Again'),
  }

  it('prints what a run that finds them afresh prints, after every kind of change', async () => {
    repo = makeRepo(TREE)
    const same = async (step: string) => {
      const fresh = await runCommand(Lint, ['--no-cache'], repo!.dir, ENV)
      expect(fresh.stdout).toContain('link-')
      for (let run = 0; run < 2; run++) {
        const warm = await runCommand(Lint, [], repo!.dir, ENV)
        moveCacheDate(60_000)
        expect({step, run, out: warm.stdout, code: warm.exitCode}).toEqual({step, run, out: fresh.stdout, code: fresh.exitCode})
      }
    }
    await same('first runs')
    writeFileSync(path.join(repo.dir, ADR_DIR, '0003-three.md'), linked(3, 'Three', 'Amended by [2. Two](0002-two.md)'))
    await same('a link made two-way')
    writeFileSync(path.join(repo.dir, '.adrgate.yaml'), 'relations:\n  amends: amended by\n  depends on: needed by\n')
    await same('relations configured')
    rmSync(path.join(repo.dir, ADR_DIR, '0003-again.md'))
    await same('a duplicate removed')
    rmSync(path.join(repo.dir, '.git/adrgate/lint-cache.adrs.json'))
    writeFileSync(path.join(repo.dir, ADR_DIR, '0004-four.md'), linked(4, 'Four', 'Relates to [1. One](0001-one.md)'))
    await same("the cache's ADR file lost, a file added")
    writeFileSync(path.join(repo.dir, '.git/adrgate/lint-cache.adrs.json'), '{"generation": "another", "adrs": {}}')
    writeFileSync(path.join(repo.dir, ADR_DIR, '0004-four.md'), nygard(4, 'Four'))
    await same("the cache's ADR file of another generation")
  })

  it('reuses them only while the files and settings are those they were found on', async () => {
    repo = makeRepo(TREE)
    const lint = async (env: Record<string, string> = {}) => (await runCommand(Lint, [], repo!.dir, {...ENV, ...env})).stdout
    await lint()
    const cache = JSON.parse(readFileSync(cacheFile(), 'utf8'))
    expect(cache.repository.problems.length).toBeGreaterThan(0)
    const forged = {...cache.repository.problems[0], message: 'FORGED, so a reuse shows'}
    writeFileSync(cacheFile(), JSON.stringify({...cache, repository: {...cache.repository, problems: [forged]}}))
    // reused: the forged finding is printed (a hand-made cache can only do what a real one could)
    expect(await lint()).toContain('FORGED')
    // the general path finds them afresh
    expect(await lint({ADRGATE_NO_FAST_PATHS: '1'})).not.toContain('FORGED')
    // a setting only the repository rules read is part of the fingerprint
    writeFileSync(path.join(repo.dir, '.adrgate.yaml'), 'relations:\n  depends on: needed by\n')
    expect(await lint()).not.toContain('FORGED')
    const again = JSON.parse(readFileSync(cacheFile(), 'utf8'))
    writeFileSync(cacheFile(), JSON.stringify({...again, repository: {...again.repository, problems: [forged]}}))
    expect(await lint()).toContain('FORGED')
    writeFileSync(path.join(repo.dir, ADR_DIR, '0003-three.md'), nygard(3, 'Three again'))
    expect(await lint()).not.toContain('FORGED')
  })
})
