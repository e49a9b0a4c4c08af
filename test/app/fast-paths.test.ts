import {mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {openWorkspace} from '../../src/adapters/workspace.js'
import {listAdrs} from '../../src/app/adr/list-adrs.js'
import {listAdrPaths} from '../../src/app/adr/list-paths.js'
import {showAdr} from '../../src/app/adr/show-adr.js'
import {showAdrText} from '../../src/app/adr/show-text.js'
import List from '../../src/commands/list.js'
import Show from '../../src/commands/show.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {runCommand} from '../helpers/run-command.js'

// Each fast path is pinned to the general path it stands in for: the same answer on every repository
// here, which holds the cases a fast path must not get wrong (numbers only a title carries, unreadable
// files, duplicate numbers, links out of the repository, a working directory elsewhere).

let repo: TempRepo | undefined
/** The directory outside the repository that a symbolic link points into: removed with the repository. */
let outside: string | undefined
afterEach(() => {
  repo?.cleanup()
  if (outside) rmSync(outside, {recursive: true, force: true})
  outside = undefined
})

const nygard = (n: number, title: string) => `# ${n}. ${title}\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n`
const madr = (title: string) => `---\nstatus: proposed\ndate: 2026-02-01\n---\n# ${title}\n\n## Context and Problem Statement\n\nWhy.\n`

const REPOS: Record<string, Record<string, string | Buffer>> = {
  plain: {
    'docs/adr/0001-record-architecture-decisions.md': nygard(1, 'Record architecture decisions'),
    'docs/adr/0002-use-postgresql.md': madr('Use PostgreSQL'),
    'docs/adr/0010-queue-pdfs.md': madr('Queue PDFs'),
    'docs/adr/README.md': '# Decisions\n',
    'docs/adr/templates/template.md': '# NUMBER. TITLE\n',
  },
  'log4brains names, numbers in titles': {
    'docs/adr/20240101-first.md': '# 3. First\n\nStatus: accepted\n',
    'docs/adr/20240202-second.md': '# Second\n',
    'docs/adr/0005-five.md': nygard(5, 'Five'),
    'docs/adr/0006-six.md': nygard(6, 'Six'),
  },
  'unreadable and duplicate': {
    'docs/adr/0001-one.md': nygard(1, 'One'),
    'docs/adr/0002-latin1.md': Buffer.from([0x23, 0x20, 0x32, 0x2e, 0x20, 0xe9, 0x74, 0xe9, 0x0a]),
    'docs/adr/0003-a.md': nygard(3, 'A'),
    'docs/adr/0003-b.md': nygard(3, 'B'),
    'docs/adr/0004-bom.md': `\ufeff${nygard(4, 'Bom')}`,
    'docs/adr/ADR-5_other-scheme.md': madr('Other scheme'),
  },
  'several directories, numbers in both, one not made yet': {
    '.adrgate.yaml': 'dirs:\n  - {name: core, path: docs/adr}\n  - {name: web, path: web/adr}\n  - {name: later, path: later/adr}\n',
    'docs/adr/0001-one.md': nygard(1, 'One'),
    'docs/adr/0002-two.md': madr('Two'),
    'web/adr/0001-web-one.md': nygard(1, 'Web one'),
    'web/adr/0003-web-three.md': nygard(3, 'Web three'),
    'web/adr/20240101-dated.md': '# 4. Dated\n',
  },
}

function withSymlinkOut(r: TempRepo): void {
  outside = realpathSync(mkdtempSync(path.join(tmpdir(), 'adrgate-outside-')))
  writeFileSync(path.join(outside, 'outside.md'), nygard(9, 'Outside'))
  symlinkSync(path.join(outside, 'outside.md'), path.join(r.dir, 'docs/adr/0009-outside.md'))
}

describe.each(Object.entries(REPOS))('fast paths on the %s repository', (_name, tree) => {
  for (const sub of ['', 'docs', 'docs/adr']) {
    it(`listAdrPaths gives listAdrs' paths and warnings (cwd ${sub || 'the root'})`, async () => {
      repo = makeRepo(tree)
      withSymlinkOut(repo)
      const ws = openWorkspace(path.join(repo.dir, sub), {env: process.env})
      const slow = await listAdrs(ws)
      const fast = await listAdrPaths(ws)
      expect(fast.paths).toEqual(slow.adrs.map((adr) => adr.path))
      expect(fast.skipped).toEqual(slow.skipped)
    })
  }

  it('showAdrText answers with showAdr’s text, or leaves the reference to it', async () => {
    repo = makeRepo(tree)
    withSymlinkOut(repo)
    const ws = openWorkspace(repo.dir, {env: process.env})
    for (const ref of [
      '1',
      '0001',
      'ADR-1',
      '2',
      '3',
      '4',
      '5',
      '9',
      '10',
      '42',
      'One',
      '0002-two.md',
      'core/1',
      'web/3',
      'web/4',
      'core/2',
    ]) {
      const fast = await showAdrText(ws, ref)
      if (!fast) continue
      const slow = await showAdr(ws, ref)
      expect({ref, file: fast.file, text: fast.text}).toEqual({ref, file: slow.adr.file, text: slow.adr.text})
    }
  })

  it('adr list and adr show print the same bytes with and without ADRGATE_NO_FAST_PATHS', async () => {
    repo = makeRepo(tree)
    withSymlinkOut(repo)
    for (const [command, argv] of [
      [List, []],
      [Show, ['1']],
      [Show, ['3']],
      [Show, ['42']],
      [Show, ['2']],
      [Show, ['core/1']],
      [Show, ['web/3']],
      [Show, ['later/1']],
    ] as const) {
      const fast = await runCommand(command, [...argv], repo.dir)
      const slow = await runCommand(command, [...argv], repo.dir, {ADRGATE_NO_FAST_PATHS: '1'})
      expect({argv, ...fast, result: undefined}).toEqual({argv, ...slow, result: undefined})
    }
  })
})

describe('the fast paths are taken', () => {
  it('showAdrText answers a qualified number in a workspace of several directories, and leaves a bare one to showAdr', async () => {
    repo = makeRepo(REPOS['several directories, numbers in both, one not made yet'])
    const ws = openWorkspace(repo.dir, {env: process.env})
    expect((await showAdrText(ws, 'core/2'))?.file).toBe('0002-two.md')
    expect(await showAdrText(ws, '2')).toBeUndefined()
    expect((await listAdrPaths(ws)).paths).toEqual([
      path.join('docs', 'adr', '0001-one.md'),
      path.join('docs', 'adr', '0002-two.md'),
      path.join('web', 'adr', '0001-web-one.md'),
      path.join('web', 'adr', '0003-web-three.md'),
      path.join('web', 'adr', '20240101-dated.md'),
    ])
  })

  it('showAdrText answers a plain number in a repository of numbered files', async () => {
    repo = makeRepo(REPOS.plain)
    const shown = await showAdrText(openWorkspace(repo.dir, {env: process.env}), '10')
    expect(shown?.file).toBe('0010-queue-pdfs.md')
  })

  it('showAdrText leaves titles, duplicates, unknown numbers and unnumbered names to showAdr', async () => {
    repo = makeRepo({...REPOS['unreadable and duplicate'], 'docs/adr/20240101-dated.md': '# 7. Dated\n'})
    const ws = openWorkspace(repo.dir, {env: process.env})
    for (const ref of ['One', '3', '42', '1']) expect(await showAdrText(ws, ref)).toBeUndefined()
  })
})
