/**
 * adr-tools 3.0.0's golden tests for the read side (tests/*.expected in npryce/adr-tools), replayed
 * against adrgate: the same repository, the same command, the same stdout, byte for byte.
 */
import {afterEach, describe, expect, it} from 'vitest'
import GenerateGraph from '../../src/commands/generate/graph.js'
import GenerateToc from '../../src/commands/generate/toc.js'
import List from '../../src/commands/list.js'
import {type FileTree, makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {runCommand} from '../helpers/run-command.js'

/** An ADR exactly as `adr new` of adr-tools writes it (template body shortened), with its status paragraphs. */
function nygard(number: number, title: string, status: string[] = ['Accepted']): string {
  return `# ${number}. ${title}\n\nDate: 1992-01-12\n\n## Status\n\n${status.join('\n\n')}\n\n## Context\n\nThe issue motivating this decision.\n\n## Decision\n\nThe change.\n\n## Consequences\n\nWhat becomes easier.\n`
}

/** adr-tools' `generate-graph.sh`: init, then 2, 3 supersedes 2, 4, 5 supersedes 3. */
const GRAPH_REPO: FileTree = {
  'doc/adr/0001-record-architecture-decisions.md': nygard(1, 'Record architecture decisions'),
  'doc/adr/0002-an-idea-that-seems-good-at-the-time.md': nygard(2, 'An idea that seems good at the time', [
    'Superceded by [3. A better idea](0003-a-better-idea.md)',
  ]),
  'doc/adr/0003-a-better-idea.md': nygard(3, 'A better idea', [
    'Supercedes [2. An idea that seems good at the time](0002-an-idea-that-seems-good-at-the-time.md)',
    'Superceded by [5. The end](0005-the-end.md)',
  ]),
  'doc/adr/0004-this-will-work.md': nygard(4, 'This will work'),
  'doc/adr/0005-the-end.md': nygard(5, 'The end', ['Accepted', 'Supercedes [3. A better idea](0003-a-better-idea.md)']),
}

const THREE_DECISIONS: FileTree = {
  'doc/adr/0001-first-decision.md': nygard(1, 'First Decision'),
  'doc/adr/0002-second-decision.md': nygard(2, 'Second Decision'),
  'doc/adr/0003-third-decision.md': nygard(3, 'Third Decision'),
  'intro.md': 'An intro.\n\nMultiple paragraphs.\n',
  'outro.md': 'An outro.\n',
}

const graph = (prefix: string, ext: string) => `digraph {
  node [shape=plaintext];
  subgraph {
    _1 [label="1. Record architecture decisions"; URL="${prefix}0001-record-architecture-decisions${ext}"];
    _2 [label="2. An idea that seems good at the time"; URL="${prefix}0002-an-idea-that-seems-good-at-the-time${ext}"];
    _1 -> _2 [style="dotted", weight=1];
    _3 [label="3. A better idea"; URL="${prefix}0003-a-better-idea${ext}"];
    _2 -> _3 [style="dotted", weight=1];
    _4 [label="4. This will work"; URL="${prefix}0004-this-will-work${ext}"];
    _3 -> _4 [style="dotted", weight=1];
    _5 [label="5. The end"; URL="${prefix}0005-the-end${ext}"];
    _4 -> _5 [style="dotted", weight=1];
  }
  _3 -> _2 [label="Supercedes", weight=0]
  _5 -> _3 [label="Supercedes", weight=0]
}
`

interface Row {
  golden: string
  tree: FileTree
  /** Where the command runs, relative to the repository. */
  cwd?: string
  command: Parameters<typeof runCommand>[0]
  argv: string[]
  stdout: string
  exitCode?: number
}

const ROWS: Row[] = [
  {
    golden: 'list-records',
    tree: {
      'doc/adr/0001-first.md': nygard(1, 'first'),
      'doc/adr/0002-second.md': nygard(2, 'second'),
      'doc/adr/0003-third.md': nygard(3, 'third'),
    },
    command: List,
    argv: [],
    stdout: 'doc/adr/0001-first.md\ndoc/adr/0002-second.md\ndoc/adr/0003-third.md\n',
  },
  {
    golden: 'search-for-adr-dir (from a subdirectory)',
    tree: {
      'doc/adr/0001-first-record.md': nygard(1, 'First Record'),
      'doc/adr/0002-second-record.md': nygard(2, 'Second Record'),
      'subdir/.keep': '',
    },
    cwd: 'subdir',
    command: List,
    argv: [],
    stdout: '../doc/adr/0001-first-record.md\n../doc/adr/0002-second-record.md\n',
  },
  {
    golden: 'search-for-custom-adr-dir (.adr-dir)',
    tree: {
      '.adr-dir': 'architecture-log\n',
      'architecture-log/0001-record-architecture-decisions.md': nygard(1, 'Record architecture decisions'),
      'architecture-log/0002-first-record.md': nygard(2, 'First Record'),
      'architecture-log/0003-second-record.md': nygard(3, 'Second Record'),
      'subdir/.keep': '',
    },
    cwd: 'subdir',
    command: List,
    argv: [],
    stdout:
      '../architecture-log/0001-record-architecture-decisions.md\n../architecture-log/0002-first-record.md\n../architecture-log/0003-second-record.md\n',
  },
  {
    golden: 'alternative-dir-with-space',
    tree: {
      'dir with space/.adr-dir': 'alt-dir-with-space\n',
      'dir with space/alt-dir-with-space/0001-record-architecture-decisions.md': nygard(1, 'Record architecture decisions'),
    },
    cwd: 'dir with space',
    command: List,
    argv: [],
    stdout: 'alt-dir-with-space/0001-record-architecture-decisions.md\n',
  },
  {
    golden: 'names-may-contain-numbers',
    tree: {
      'doc/adr/0001-99-luft-balloons.md': nygard(1, '99 Luft Balloons'),
      'doc/adr/0002-song-2.md': nygard(2, 'Song 2'),
      'doc/adr/0003-1999.md': nygard(3, '1999'),
      'doc/adr/0004-9-to-5.md': nygard(4, '9 to 5'),
    },
    command: GenerateToc,
    argv: [],
    stdout:
      '# Architecture Decision Records\n\n* [1. 99 Luft Balloons](0001-99-luft-balloons.md)\n* [2. Song 2](0002-song-2.md)\n* [3. 1999](0003-1999.md)\n* [4. 9 to 5](0004-9-to-5.md)\n',
  },
  {
    golden: 'generate-contents',
    tree: THREE_DECISIONS,
    command: GenerateToc,
    argv: [],
    stdout:
      '# Architecture Decision Records\n\n* [1. First Decision](0001-first-decision.md)\n* [2. Second Decision](0002-second-decision.md)\n* [3. Third Decision](0003-third-decision.md)\n',
  },
  {
    golden: 'generate-contents-with-prefix',
    tree: THREE_DECISIONS,
    command: GenerateToc,
    argv: ['-p', 'foo/doc/adr/'],
    stdout:
      '# Architecture Decision Records\n\n* [1. First Decision](foo/doc/adr/0001-first-decision.md)\n* [2. Second Decision](foo/doc/adr/0002-second-decision.md)\n* [3. Third Decision](foo/doc/adr/0003-third-decision.md)\n',
  },
  {
    golden: 'generate-contents-with-header-and-footer',
    tree: THREE_DECISIONS,
    command: GenerateToc,
    argv: ['-i', 'intro.md', '-o', 'outro.md'],
    stdout:
      '# Architecture Decision Records\n\nAn intro.\n\nMultiple paragraphs.\n\n* [1. First Decision](0001-first-decision.md)\n* [2. Second Decision](0002-second-decision.md)\n* [3. Third Decision](0003-third-decision.md)\n\nAn outro.\n',
  },
  {
    golden: 'generate-graph (default root and extension)',
    tree: GRAPH_REPO,
    command: GenerateGraph,
    argv: [],
    stdout: graph('', '.html'),
  },
  {
    golden: 'generate-graph (-p http://example.com/ -e .xxx)',
    tree: GRAPH_REPO,
    command: GenerateGraph,
    argv: ['-p', 'http://example.com/', '-e', '.xxx'],
    stdout: graph('http://example.com/', '.xxx'),
  },
]

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

describe('adr-tools compatibility of the read side', () => {
  it.each(ROWS)('$golden', async (row) => {
    repo = makeRepo(row.tree)
    const r = await runCommand(row.command, row.argv, row.cwd ? `${repo.dir}/${row.cwd}` : repo.dir)
    expect(r.stderr).toBe('')
    expect(r.exitCode).toBe(row.exitCode ?? 0)
    expect(r.stdout).toBe(row.stdout)
  })

  it("list-records: no directory prints adr-tools' first line exactly (a failure: exit 2)", async () => {
    repo = makeRepo({})
    const r = await runCommand(List, [], repo.dir)
    expect(r.exitCode).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr.split('\n')[0]).toBe('The doc/adr directory does not exist')
  })
})
