import {mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {BUILT_IN_TEMPLATES, builtInTemplatePath} from '../../src/adapters/template-store.js'
import {openWorkspace} from '../../src/adapters/workspace.js'
import {describeSkippedNumbers, numbersTakenNotHere, takenNumbers} from '../../src/app/adr/branch-numbers.js'
import {statusOfBuiltInNew} from '../../src/app/adr/create-adr.js'
import {listAdrs} from '../../src/app/adr/list-adrs.js'
import {listAdrPaths} from '../../src/app/adr/list-paths.js'
import {showAdr} from '../../src/app/adr/show-adr.js'
import {showAdrText} from '../../src/app/adr/show-text.js'
import GenerateGraph from '../../src/commands/generate/graph.js'
import GenerateToc from '../../src/commands/generate/toc.js'
import Lint from '../../src/commands/lint.js'
import List from '../../src/commands/list.js'
import New from '../../src/commands/new.js'
import Show from '../../src/commands/show.js'
import {parseFileName} from '../../src/core/adr/file-name.js'
import {formatVote} from '../../src/core/adr/format-vote.js'
import {readGraphEntry} from '../../src/core/adr/graph-entry.js'
import {headlineOf, readHeadline} from '../../src/core/adr/headline.js'
import {STATUSES} from '../../src/core/adr/model.js'
import {nextNumber} from '../../src/core/adr/numbering.js'
import {parseAdr} from '../../src/core/adr/parse-adr.js'
import {fillTemplate} from '../../src/core/adr/render-new-adr.js'
import type {StatusMap} from '../../src/core/adr/status.js'
import {chooseFormat, type FormatVotes, formatVoteOf, voteDecided} from '../../src/core/formats/choose-format.js'
import {disagreements} from '../helpers/disagreements.js'
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
  // titles only front matter names: the table of contents' reader leaves these to the parser
  'front matter titles, no heading': {
    'docs/adr/0001-one.md': nygard(1, 'One'),
    'docs/adr/0002-titled.md': '---\ntitle: "ADR-002: Named in front matter"\nstatus: accepted\n---\nNo heading.\n',
    'docs/adr/0003-untitled.md': '---\nstatus: proposed\n---\nNo heading, no title.\n',
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

/**
 * Moves the date of every fact cache of the repository (`.git/adrgate/facts-*.json`, see
 * adapters/files/fact-cache.ts) a minute on, as if written a minute later: the files then look old
 * enough for their cached facts to be trusted, which files written by the test never are otherwise.
 */
function ageFactCaches(dir: string): string[] {
  const state = path.join(dir, '.git', 'adrgate')
  const names = readdirSync(state).filter((f) => f.startsWith('facts-'))
  for (const name of names) {
    const data = JSON.parse(readFileSync(path.join(state, name), 'utf8'))
    writeFileSync(path.join(state, name), JSON.stringify({...data, asOf: data.asOf + 60_000}))
  }
  return [...new Set(names.map((n) => n.replace(/-[0-9a-f]{12}\.json$/, '')))].sort()
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

  it('adr list, show, generate toc and graph, and lint print the same bytes with and without ADRGATE_NO_FAST_PATHS', async () => {
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
      [GenerateToc, []],
      [GenerateToc, ['--json']],
      [GenerateToc, ['--long']],
      [GenerateToc, ['--package', 'web']],
      [GenerateToc, ['--package', 'nope']],
      [GenerateGraph, []],
      [GenerateGraph, ['--json']],
      [GenerateGraph, ['--format', 'mermaid']],
      // the front matter split without gray-matter (splitFrontMatterFast), in the command and in lint's threads
      [Lint, ['--no-cache']],
      [List, ['--long']],
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

/** What `generate toc` takes for a file's headline: `readHeadline`, else the parser (loadHeadlines). */
function headlineOrParsed(text: string, file: string) {
  return readHeadline(text, file) ?? headlineOf(parseAdr(text, file))
}

describe('formatVote, readHeadline and readGraphEntry read what parseAdr reads', () => {
  const fixtures = path.resolve(import.meta.dirname, '../fixtures')
  const corpus: [string, string][] = readdirSync(fixtures, {recursive: true, encoding: 'utf8'})
    .filter((f) => f.endsWith('.md'))
    .map((f) => [path.basename(f), readFileSync(path.join(fixtures, f), 'utf8')])
  const body = '## Context\n\nWhy.\n\n## Decision\n\nThis.\n'
  const CASES: [string, string][] = [
    ['0001-site.md', `---\nsidebar_position: 1\n---\n# 1. Site\n\n## Status\n\nAccepted\n\n${body}`],
    ['0002-site-status.md', `---\nstatus: accepted\n---\n# 2. Site\n\n## Status\n\nAccepted\n\n${body}`],
    ['0003-site-no-sections.md', '---\nslug: x\n---\n# 3. Site\n\n## Status\n\nAccepted\n'],
    ['0004-bad-yaml.md', `---\nstatus: [accepted\n---\n# 4. Bad\n\n## Status\n\nAccepted\n\n${body}`],
    ['0005-unclosed.md', '---\nstatus: accepted\n# 5. Unclosed\n'],
    ['0006-js.md', '---js\n{status: "accepted"}\n---\n# 6. Js\n'],
    ['0007-meta.md', '# 7. Meta\n\n## Metadata\n\n### Status\n\nProposed\n'],
    ['0008-fenced.md', '# 8. Fenced\n\n```\n## Status\n```\n\nStatus: accepted\n'],
    ['0009-field.md', '# 9. Field\n\n* Status: accepted\n\n## Context\n'],
    ['0010-field-late.md', '# 10. Late\n\n## Context\n\nStatus: accepted\n'],
    ['0011-nothing.md', '# 11. Nothing\n\nText.\n'],
    ['0012-bom.md', '\ufeff---\nstatus: proposed\n---\n# 12. Bom\n'],
    ['0013-crlf.md', '# 13. Crlf\r\n\r\n## Status\r\n\r\nAccepted\r\n'],
    ['20240101-dated.md', '---\ndate: 2024-01-01\n---\n# Dated\n'],
    ['20240102-dated-status.md', '---\nstatus: accepted\n---\n# Dated\n'],
    ['0014-x/README.md', '# 14. Folder\n\n**Status:** accepted\n'],
    ['0015-four-dashes.md', '----\nstatus: accepted\n----\n# 15. Rule\n'],
    ['0016-status-colon.md', '# 16. Colon\n\n## **Status:**\n\nAccepted\n'],
  ]
  const TITLES: [string, string][] = [
    ['0020-fm-title.md', '---\ntitle: "ADR-020: From front matter"\n---\nNo heading.\n'],
    ['0021-fm-title-and-heading.md', '---\ntitle: Not this\n---\n# 21. The heading\n'],
    ['0022-fenced.md', '```\n# Not a title\n```\n\n# ADR 22 Real title\n'],
    ['0023-no-title.md', 'Just text.\n'],
    ['0024-js-title.md', '---js\ntitle: x\n---\nText.\n'],
    ['0025-bad-yaml-title.md', '---\ntitle: [x\n---\nText.\n'],
    ['20240301-dated-number.md', '# 7. A number only the title carries\n'],
    ['0026-h2-first.md', '## Context\n\n# 26: Late title\n'],
  ]
  const LINKS: [string, string][] = [
    ['0030-fm-links.md', '---\nstatus: accepted\nlinks:\n  - {rel: amends, target: 3}\n---\n# 30. Links\n'],
    ['0031-fm-reference.md', '---\nstatus: accepted; supersedes ADR-0003\n---\n# 31. Ref\n'],
    ['0032-fm-plain-body-ref.md', '---\nstatus: accepted\n---\n# 32. Body\n\n## Status\n\nAccepted; amends 3\n'],
    ['0033-no-fm-body-ref.md', '# 33. Body\n\n## Status\n\nAccepted, supersedes 3\n'],
    ['0034-fm-no-status-body-ref.md', '---\ndate: 2024-01-01\n---\n# 34. Body\n\n## Status\n\nAccepted; supersedes 3\n'],
    ['0035-field-link.md', '# 35. Field\n\n* Status: superseded by [36. New](0036-new.md)\n\n## Context\n'],
    [
      '0036-fm-field-link.md',
      '---\ndate: 2024-01-01\nstatus: proposed\n---\n# 36. Field\n\n* Status: superseded by [37. New](0037-new.md)\n',
    ],
    [
      '0037-bullets.md',
      '# 37. Bullets\n\n- Status: accepted\n- Supersedes [2. Old](0002-old.md)\n- Relates to [3. Other](0003-other.md)\n\n## Context\n',
    ],
    [
      '0038-section-links.md',
      '# 38. S\n\n## Status\n\nAccepted\n\nAmends [1. A](0001-a.md)\nSuperseded by [40. B](0040-b.md)\n\n## Context\n',
    ],
    ['0039-continued.md', '---\nstatus: accepted\n  ; supersedes 3\n---\n# 39. Continued\n'],
    ['0040-escape.md', '---\nstatus: "accepted\\x3b supersedes 3"\n---\n# 40. Escape\n'],
    ['0041-quoted.md', "---\nstatus: 'accepted'\n---\n# 41. Quoted\n\n## Status\n\nAccepted; supersedes 3\n"],
    ['0042-bad-yaml-body-ref.md', '---\nstatus: accepted\ndate: [x\n---\n# 42. Bad\n\n## Status\n\nAccepted; supersedes 3\n'],
    ['0043-prose-link.md', '---\nstatus: accepted\n---\n# 43. Prose\n\nWe discussed this in [the notes](notes.md).\n'],
    [
      '0044-empty-status.md',
      '---\nstatus: accepted\n---\n# 44. Empty\n\n## Status\n\n## Context\n\nStatus: superseded by [45. X](0045-x.md)\n',
    ],
    ['0045-crlf.md', '---\r\nstatus: accepted\r\n---\r\n# 45. Crlf\r\n\r\n## Status\r\n\r\nAccepted; supersedes 3\r\n'],
  ]
  it.each([...CASES, ...TITLES, ...LINKS, ...corpus])('%s', (file, text) => {
    const adr = parseAdr(text, file)
    expect(formatVote(text, file)).toBe(formatVoteOf(adr))
    expect(headlineOrParsed(text, file)).toEqual({file, number: adr.number, title: adr.title})
    expect(readGraphEntry(text, file)).toEqual({file, number: adr.number, title: adr.title, links: adr.links})
  })
  it('readHeadline leaves to the parser only a file with front matter and no `# Title` heading', () => {
    const left = [...CASES, ...TITLES, ...LINKS, ...corpus].filter(([file, text]) => readHeadline(text, file) === undefined)
    expect(left.map(([file]) => file)).toContain('0020-fm-title.md')
    for (const [, text] of left) expect(text.replace(/^\ufeff/, '')).toMatch(/^---/)
  })
  it('the link cases give links, from every place a link is read', () => {
    const origins = new Set(LINKS.flatMap(([file, text]) => readGraphEntry(text, file).links.map((l) => l.origin)))
    expect([...origins].sort()).toEqual(['body', 'front-matter', 'status-section'])
  })
  // texts made of every four pieces below: front matter, statuses, references, links, headings, fences
  const PIECES = [
    '---\n',
    'status: accepted\n',
    'status: a; amends 2\n',
    '  x\n',
    '## Status\n',
    'Accepted; supersedes 3\n',
    '* Status: x [Y](0002-y.md)\n',
    '- Amends [2. Y](0002-y.md)\n',
    '# T\n',
    '```\n',
    'links: [{rel: amends, target: 4}]\n',
    '\r\n',
  ]
  const built = (count: number): string[] => (count === 0 ? [''] : built(count - 1).flatMap((head) => PIECES.map((p) => head + p)))
  it(`on ${PIECES.length ** 4} texts built from four pieces each`, () => {
    const general = (text: string) => {
      const adr = parseAdr(text, '0009-built.md')
      return {
        vote: formatVoteOf(adr),
        headline: {file: '0009-built.md', number: adr.number, title: adr.title},
        entry: {file: '0009-built.md', number: adr.number, title: adr.title, links: adr.links},
      }
    }
    const fast = (text: string) => ({
      vote: formatVote(text, '0009-built.md'),
      headline: headlineOrParsed(text, '0009-built.md'),
      entry: readGraphEntry(text, '0009-built.md'),
    })
    expect(disagreements(built(4), fast, general)).toEqual([])
  })
  it('the cases cover every vote', () => {
    const votes = new Set([...CASES, ...corpus].map(([file, text]) => String(formatVote(text, file))))
    expect([...votes].sort()).toEqual(['log4brains', 'madr', 'nygard', 'undefined'])
  })
})

describe('a damaged fact cache', () => {
  it('is not trusted: generate graph reads the files again when a cached link has another shape', async () => {
    repo = makeRepo({
      'docs/adr/0001-use-mysql.md': nygard(1, 'Use MySQL'),
      'docs/adr/0002-use-postgres.md': `${nygard(2, 'Use Postgres')}\nSupersedes [1. Use MySQL](0001-use-mysql.md)\n`,
    })
    const first = await runCommand(GenerateGraph, [], repo.dir)
    expect(first.exitCode, first.stderr).toBe(0)
    ageFactCaches(repo.dir)
    const state = path.join(repo.dir, '.git', 'adrgate')
    for (const name of readdirSync(state).filter((f) => f.startsWith('facts-graph-entries'))) {
      const data = JSON.parse(readFileSync(path.join(state, name), 'utf8'))
      const text = JSON.stringify(data).replace(/"links":\[[^\]]*\]/g, '"links":[null,5]')
      expect(text).toContain('[null,5]')
      writeFileSync(path.join(state, name), text)
    }
    const again = await runCommand(GenerateGraph, [], repo.dir)
    expect([again.exitCode, again.stdout, again.stderr]).toEqual([0, first.stdout, first.stderr])
  })
})

describe.each(Object.entries(REPOS))('the fact caches on the %s repository', (_name, tree) => {
  it('generate toc and graph print what the general path prints, with the caches warm and after edits', async () => {
    repo = makeRepo(tree)
    withSymlinkOut(repo)
    const r = repo
    const same = async () => {
      for (const [command, argv] of [
        [GenerateToc, []],
        [GenerateToc, ['--json']],
        [GenerateGraph, []],
        [GenerateGraph, ['--json']],
      ] as const) {
        const fast = await runCommand(command, [...argv], r.dir)
        const slow = await runCommand(command, [...argv], r.dir, {ADRGATE_NO_FAST_PATHS: '1'})
        expect({argv, ...fast, result: undefined}).toEqual({argv, ...slow, result: undefined})
      }
    }
    await same()
    expect(ageFactCaches(r.dir)).toEqual(['facts-graph-entries', 'facts-headlines'])
    await same()
    // a new title, a new link, a file gone, a file made unreadable, a new file
    const adrs = Object.keys(tree).filter((f) => /\/(\d{4}|ADR-\d)[^/]*\.md$/.test(f) && typeof tree[f] === 'string')
    writeFileSync(path.join(r.dir, adrs[0]), (tree[adrs[0]] as string).replace(/^# (\d+\. )?/m, '# $1Retitled '))
    writeFileSync(path.join(r.dir, adrs[1]), `${tree[adrs[1]]}\nAmends [ADR 1](${path.basename(adrs[0])})\n`)
    rmSync(path.join(r.dir, adrs[2] ?? adrs[1]))
    if (adrs[3]) writeFileSync(path.join(r.dir, adrs[3]), Buffer.from([0x23, 0x20, 0xe9, 0x0a]))
    writeFileSync(path.join(r.dir, path.dirname(adrs[0]), '0042-added.md'), nygard(42, 'Added'))
    ageFactCaches(r.dir)
    await same()
  })

  it('adr new writes what the general path writes, with the votes cached and after files change format', async () => {
    repo = makeRepo(tree)
    const r = repo
    const adrDir = Object.keys(tree)[0].startsWith('.adrgate') ? 'docs/adr' : path.dirname(Object.keys(tree)[0])
    const newOnce = async (env: Record<string, string>) => {
      const before = new Set(readdirSync(path.join(r.dir, adrDir)))
      const run = await runCommand(New, ['--no-edit', 'Use', 'Kafka'], r.dir, {...env, ADR_DATE: '2026-03-04'})
      const added = readdirSync(path.join(r.dir, adrDir)).filter((f) => !before.has(f))
      const written = Object.fromEntries(added.map((f) => [f, readFileSync(path.join(r.dir, adrDir, f), 'utf8')]))
      for (const f of added) rmSync(path.join(r.dir, adrDir, f))
      return {stdout: run.stdout, stderr: run.stderr, exitCode: run.exitCode, written}
    }
    const same = async () => expect(await newOnce({})).toEqual(await newOnce({ADRGATE_NO_FAST_PATHS: '1'}))
    await same()
    expect(ageFactCaches(r.dir)).toContain('facts-format-votes')
    await same()
    // every ADR of the directory rewritten in the other format: the vote must follow
    for (const f of Object.keys(tree).filter((f) => f.startsWith(`${adrDir}/`) && /\d.*\.md$/.test(f))) {
      const text = tree[f]
      if (typeof text !== 'string') continue
      const title = /^# (?:\d+\. )?(.*)$/m.exec(text)?.[1] ?? 'T'
      writeFileSync(path.join(r.dir, f), text.startsWith('---') ? nygard(7, title) : madr(title))
    }
    ageFactCaches(r.dir)
    await same()
  })
})

describe('adr new without -s/-l (loadNamesAndVotes) writes what the general path writes', () => {
  const many = (n: number, render: (i: number) => string, from = 1) =>
    Object.fromEntries(
      Array.from({length: n}, (_, i) => [`docs/adr/${String(from + i).padStart(4, '0')}-r${from + i}.md`, render(from + i)]),
    )
  const VOTING: Record<string, Record<string, string | Buffer>> = {
    'a MADR majority decided early': {...many(7, (i) => madr(`R${i}`)), ...many(2, (i) => nygard(i, `R${i}`), 8)},
    'a MADR majority after a Nygard first file': {...many(1, (i) => nygard(i, `R${i}`)), ...many(3, (i) => madr(`R${i}`), 2)},
    'a tie in docs/adr': {...many(2, (i) => nygard(i, `R${i}`)), ...many(2, (i) => madr(`R${i}`), 3)},
    'a tie in doc/adr (adr-tools layout)': {
      'doc/adr/0001-a.md': nygard(1, 'A'),
      'doc/adr/0002-b.md': madr('B'),
      'doc/adr/0003-c.md': '# 3. C\n\nNo format shows.\n',
    },
    'a Nygard majority, unreadable and log4brains files': {
      ...many(3, (i) => nygard(i, `R${i}`)),
      'docs/adr/0004-latin1.md': Buffer.from([0x23, 0x20, 0xe9, 0x0a]),
      'docs/adr/20240101-dated.md': madr('Dated'),
      'docs/adr/20240102-dated.md': madr('Dated too'),
      'docs/adr/ADR-7_b.md': madr('B'),
    },
    'format: in the config': {...many(3, (i) => nygard(i, `R${i}`)), '.adrgate.yaml': 'format: madr\n'},
    ...Object.fromEntries(Object.entries(REPOS).map(([name, tree]) => [`the ${name} repository`, tree])),
  }
  const several = REPOS['several directories, numbers in both, one not made yet']
  const CASES_NEW: [string, Record<string, string | Buffer>, string[], string | undefined][] = [
    ...Object.entries(VOTING).map(
      ([name, tree]) => [name, tree, [], undefined] as [string, Record<string, string | Buffer>, string[], undefined],
    ),
    // several directories: each directory's own names and votes (a log4brains-named file in web/adr)
    ['several directories, --package web', several, ['--package', 'web'], 'web/adr'],
    ['several directories, run inside web/adr', several, [], 'web/adr'],
    ['several directories, --package later (not made yet)', several, ['--package', 'later'], 'later/adr'],
  ]
  it.each(CASES_NEW)('%s', async (name, tree, flags, inDir) => {
    const outputs = []
    for (const env of [{}, {ADRGATE_NO_FAST_PATHS: '1'}]) {
      const r = makeRepo(tree)
      try {
        const cwd = name.includes('run inside') && inDir ? path.join(r.dir, inDir) : r.dir
        const run = await runCommand(New, ['--no-edit', ...flags, 'Use', 'Kafka'], cwd, {...env, ADR_DATE: '2026-03-04'})
        const dir = inDir ?? (Object.keys(tree)[0].startsWith('doc/') ? 'doc/adr' : 'docs/adr')
        const files = readdirSync(path.join(r.dir, dir), {withFileTypes: true})
          .filter((e) => e.isFile())
          .map((e) => e.name)
          .sort()
        const written = Object.fromEntries(files.map((f) => [f, readFileSync(path.join(r.dir, dir, f), 'utf8')]))
        outputs.push({stdout: run.stdout, stderr: run.stderr, exitCode: run.exitCode, written})
      } finally {
        r.cleanup()
      }
    }
    expect(outputs[0].exitCode).toBe(0)
    expect(outputs[0]).toEqual(outputs[1])
  })
})

describe('voteDecided: adr new stops counting only when the rest cannot change the format', () => {
  it('agrees with chooseFormat over every way the remaining files can vote (up to 4 left)', () => {
    const choose = (votes: FormatVotes, log4brainsLayout: boolean, adrToolsLayout: boolean) =>
      chooseFormat({adrs: [], votes, log4brainsLayout, adrToolsLayout})
    const kinds = ['nygard', 'madr', 'log4brains', undefined] as const
    let decided = 0
    for (let n = 0; n <= 5; n++)
      for (let m = 0; m <= 5; m++)
        for (let l = 0; l <= 5; l++)
          for (let remaining = 0; remaining <= 4; remaining++)
            for (const log4brainsLayout of [false, true])
              for (const adrToolsLayout of [false, true]) {
                const votes = {nygard: n, madr: m, log4brains: l}
                if (!voteDecided(votes, remaining, log4brainsLayout)) continue
                decided++
                const now = choose(votes, log4brainsLayout, adrToolsLayout)
                // every completion: each remaining file votes for one format or for none
                const completions = (left: number, v: FormatVotes): FormatVotes[] =>
                  left === 0 ? [v] : kinds.flatMap((k) => completions(left - 1, k ? {...v, [k]: v[k] + 1} : v))
                for (const after of completions(remaining, votes)) expect(choose(after, log4brainsLayout, adrToolsLayout)).toBe(now)
              }
    expect(decided).toBeGreaterThan(100)
  })
})

describe('statusOfBuiltInNew: a new ADR alone reads back the status parseAdr reads', () => {
  const STATUS_MAPS: (StatusMap | undefined)[] = [
    undefined,
    {draft: 'proposed', 'in review': 'proposed', 'on hold': 'proposed', retired: 'deprecated', null: 'proposed', true: 'accepted'},
  ]
  const WORDS = [
    ...STATUSES,
    'draft',
    'in review',
    'on hold',
    'retired',
    'wip',
    'Open',
    'superseded by',
    'In Progress',
    'null',
    'true',
    'false',
  ]
  const TITLES = ['Use Kafka', 'Status: rejected', '## Status', 'STATUS and TITLE', 'Use `x` *y* _z_', 'Café — 2.0 [draft](x.md)']
  it('over every built-in template, status word (in three spellings) and title', () => {
    const spellings = WORDS.flatMap((word) => [word, word[0].toUpperCase() + word.slice(1), word.toUpperCase()])
    const inputs = BUILT_IN_TEMPLATES.flatMap((name) => {
      const template = readFileSync(builtInTemplatePath(name), 'utf8')
      const file = name === 'log4brains' ? '20260304-use-kafka.md' : '0007-use-kafka.md'
      // every spelling under one title, and every title under each word (a title does not change how a spelling reads)
      const pairs = [
        ...spellings.map((status) => ({status, title: TITLES[0]})),
        ...WORDS.flatMap((status) => TITLES.slice(1).map((title) => ({status, title}))),
      ]
      return STATUS_MAPS.flatMap((statuses) => pairs.map((pair) => ({name, template, file, statuses, ...pair})))
    })
    const slow = (i: (typeof inputs)[number]) =>
      parseAdr(fillTemplate(i.template, {number: 7, title: i.title, date: '2026-03-04', status: i.status, revisit: '2027-03-04'}), i.file, {
        statuses: i.statuses,
      }).status
    // as adr new does: the fast answer, or the parse when it declines
    const fast = (i: (typeof inputs)[number]) => {
      const known = statusOfBuiltInNew(i.status, {kind: 'built-in'}, i.statuses)
      return known ? known.status : slow(i)
    }
    expect(
      disagreements(
        inputs,
        (i) => ({name: i.name, status: fast(i)}),
        (i) => ({name: i.name, status: slow(i)}),
      ),
    ).toEqual([])
  })

  it('leaves a team template and a status that is not plain words to the parser', () => {
    expect(statusOfBuiltInNew('Accepted', {kind: 'project', root: '/'}, undefined)).toBeUndefined()
    expect(statusOfBuiltInNew('#wip', {kind: 'built-in'}, {'#wip': 'proposed'})).toBeUndefined()
    expect(statusOfBuiltInNew('in  review', {kind: 'built-in'}, undefined)).toBeUndefined()
  })

  it.each([
    ['', []],
    ['--status', ['--status', 'draft']],
    ['--template', ['--template', 'y-statement']],
    ['--template log4brains', ['--template', 'log4brains', '--status', 'in review']],
  ])('adr new --json %s prints the same with and without ADRGATE_NO_FAST_PATHS', async (_name, flags) => {
    const outputs = []
    for (const env of [{}, {ADRGATE_NO_FAST_PATHS: '1'}]) {
      const r = makeRepo({
        'docs/adr/0001-a.md': nygard(1, 'A'),
        '.adrgate.yaml': 'statuses:\n  draft: proposed\n  in review: proposed\n',
      })
      try {
        const run = await runCommand(New, ['--no-edit', '--json', ...flags, 'Use', 'Kafka'], r.dir, {...env, ADR_DATE: '2026-03-04'})
        outputs.push({stdout: run.stdout, exitCode: run.exitCode})
      } finally {
        r.cleanup()
      }
    }
    expect(outputs[0].exitCode).toBe(0)
    expect(JSON.parse(outputs[0].stdout).status).toBeTruthy()
    expect(outputs[0]).toEqual(outputs[1])
  })
})

describe('numbersTakenNotHere: adr new reads only the names other branches have and this directory has not', () => {
  it('gives what takenNumbers gives, less the names here, and so the same next number and notice', () => {
    const names = (from: number, to: number, slug = 'x') =>
      Array.from({length: to - from + 1}, (_, i) => `${String(from + i).padStart(4, '0')}-${slug}.md`)
    const here = [...names(1, 40), 'README.md', '0041-renamed-here.md']
    const branches = [
      {branch: 'main', files: [...names(1, 40), 'README.md', 'template.md']},
      {branch: 'feature', files: [...names(1, 40), '0041-renamed-there.md', '0042-y.md', 'notes.txt']},
      {branch: 'origin/main', files: [...names(1, 38), '0039-old-name.md', '0043-z.md', '0042-y.md', 'adr-template.md']},
      {branch: 'empty', files: []},
    ]
    const fast = numbersTakenNotHere(branches, here)
    const general = takenNumbers(branches)
    expect(fast).toEqual(general.filter((t) => !here.includes(t.file)))
    const localNext = nextNumber(here.map((f) => parseFileName(f).number))
    const next = (taken: typeof fast) =>
      nextNumber(
        here.map((f) => parseFileName(f).number),
        taken.map((t) => t.number),
      )
    expect(next(fast)).toBe(next(general))
    expect(describeSkippedNumbers(localNext, next(fast), fast, here)).toBe(describeSkippedNumbers(localNext, next(general), general, here))
    expect(describeSkippedNumbers(localNext, next(fast), fast, here)).toContain('0043-z.md on origin/main')
  })

  it('adr new prints and writes the same with and without ADRGATE_NO_FAST_PATHS beside other branches', async () => {
    const outputs = []
    for (const env of [{}, {ADRGATE_NO_FAST_PATHS: '1'}]) {
      const r = makeRepo({'docs/adr/0001-a.md': nygard(1, 'A'), 'docs/adr/0002-b.md': nygard(2, 'B')}, {commit: true})
      try {
        r.git(['checkout', '-q', '-b', 'parallel'])
        r.write({'docs/adr/0003-parallel.md': nygard(3, 'Parallel'), 'docs/adr/0004-more.md': nygard(4, 'More')})
        r.git(['mv', 'docs/adr/0002-b.md', 'docs/adr/0002-b-renamed.md'])
        r.commit('parallel', '2026-01-02T10:00:00Z')
        r.git(['checkout', '-q', 'main'])
        // the second and third run find the commits' listings kept by the first (commit-listings.ts);
        // the third after new commits on both branches, whose listings are learned
        const runs = []
        for (const title of ['Use Kafka', 'Use Redis', 'Use Riak']) {
          if (title === 'Use Riak') {
            r.commit('kafka and redis', '2026-01-03T09:00:00Z')
            r.git(['checkout', '-q', 'parallel'])
            r.write({'docs/adr/0007-later.md': nygard(7, 'Later')})
            r.commit('later', '2026-01-03T10:00:00Z')
            r.git(['checkout', '-q', 'main'])
          }
          const run = await runCommand(New, ['--no-edit', ...title.split(' ')], r.dir, {...env, ADR_DATE: '2026-03-04'})
          runs.push({stdout: run.stdout, stderr: run.stderr, exitCode: run.exitCode})
        }
        outputs.push({runs, files: readdirSync(path.join(r.dir, 'docs/adr')).sort()})
      } finally {
        r.cleanup()
      }
    }
    expect(outputs[0].runs[0].stderr).toContain('Skipped numbers 3 (0003-parallel.md on parallel), 4 (0004-more.md on parallel)')
    expect(outputs[0].runs[2].stderr).toContain('Skipped number 7 (0007-later.md on parallel)')
    expect(outputs[0].files).toContain('0008-use-riak.md')
    expect(outputs[0]).toEqual(outputs[1])
  })
})
