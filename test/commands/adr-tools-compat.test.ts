/**
 * adrgate as a drop-in for adr-tools 3.0.0: one row per behaviour of adr-tools' own test suite
 * (create-first-record, supercede-multiple-adrs, linking, …). Each row runs commands in a temporary
 * repository, as a user would type them, and checks stdout and the files byte for byte. The expected
 * strings follow adr-tools' format exactly; the guidance text under the headings is adrgate's own.
 */
import {chmodSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import Init from '../../src/commands/init.js'
import Link from '../../src/commands/link.js'
import List from '../../src/commands/list.js'
import New from '../../src/commands/new.js'
import UpgradeRepository from '../../src/commands/upgrade-repository.js'
import {type FileTree, makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {runCommand} from '../helpers/run-command.js'

const COMMANDS = {init: Init, new: New, link: Link, list: List, 'upgrade-repository': UpgradeRepository}

interface Step {
  /** The command id, then its arguments: `['new', 'First', 'Record']`. */
  run: [keyof typeof COMMANDS, ...string[]]
  /** Where it runs, relative to the repository. */
  cwd?: string
  env?: Record<string, string>
  stdout: string
  exitCode?: number
  stderr?: string
  /** Files written before the step (a project template, say). */
  write?: FileTree
}

interface Scenario {
  name: string
  steps: Step[]
  /** Whole files, byte for byte. */
  files?: Record<string, string>
  /** The first lines of files, as `head -N` shows them. */
  heads?: Record<string, string>
  /** The names in a directory, as `ls` shows them. */
  ls?: Record<string, string[]>
  /** Every `Date:` line of the ADRs, as `grep Date: doc/adr/*` shows them, after the steps. */
  dates?: string
  /**
   * `false`: outside any git repository, as adr-tools' own tests run. Inside one, `adr init DIR` in a
   * subdirectory writes `.adr-dir` at the repository root instead (test/commands/init.test.ts).
   */
  git?: boolean
}

/** The sections under the status in adrgate's nygard template (its own words, adr-tools' headings). */
const NYGARD_BODY = [
  '## Context',
  '',
  'Describe the situation that calls for a decision: the forces at play (technical, product, people, cost) and the constraints, without arguing for an answer yet.',
  '',
  '## Decision',
  '',
  'State what we will do, in the active voice: "We will …".',
  '',
  '## Consequences',
  '',
  'List what follows from the decision, good and bad: what gets easier, what gets harder, and which risks we now have to watch.',
  '',
].join('\n')

const nygardHead = (number: number, title: string) => `# ${number}. ${title}\n\nDate: 1992-01-12\n\n## Status\n\n`
const news = (...titles: string[]) =>
  titles.map((t, i) => ({
    run: ['new', ...t.split(' ')] as Step['run'],
    stdout: `doc/adr/${String(i + 1).padStart(4, '0')}-${t.toLowerCase().replace(/ /g, '-')}.md\n`,
  }))

const SCENARIOS: Scenario[] = [
  {
    name: 'create-first-record',
    steps: [{run: ['new', 'The', 'First', 'Decision'], stdout: 'doc/adr/0001-the-first-decision.md\n'}],
    files: {'doc/adr/0001-the-first-decision.md': `${nygardHead(1, 'The First Decision')}Accepted\n\n${NYGARD_BODY}`},
  },
  {
    name: 'create-multiple-records',
    steps: news('First Decision', 'Second Decision', 'Third Decision'),
    ls: {'doc/adr': ['0001-first-decision.md', '0002-second-decision.md', '0003-third-decision.md']},
    heads: {
      'doc/adr/0002-second-decision.md': `${nygardHead(2, 'Second Decision')}Accepted\n`,
      'doc/adr/0003-third-decision.md': `${nygardHead(3, 'Third Decision')}Accepted\n`,
    },
  },
  {
    name: 'avoid-octal-numbers',
    steps: news('First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth', 'Ninth', 'Tenth'),
    heads: {
      'doc/adr/0009-ninth.md': `${nygardHead(9, 'Ninth')}Accepted\n`,
      'doc/adr/0010-tenth.md': `${nygardHead(10, 'Tenth')}Accepted\n`,
    },
  },
  {
    name: 'names-may-contain-numbers',
    steps: [
      {run: ['new', '99', 'Luft', 'Balloons'], stdout: 'doc/adr/0001-99-luft-balloons.md\n'},
      {run: ['new', 'Song', '2'], stdout: 'doc/adr/0002-song-2.md\n'},
      {run: ['new', '1999'], stdout: 'doc/adr/0003-1999.md\n'},
      {run: ['new', '9', 'to', '5'], stdout: 'doc/adr/0004-9-to-5.md\n'},
    ],
    ls: {'doc/adr': ['0001-99-luft-balloons.md', '0002-song-2.md', '0003-1999.md', '0004-9-to-5.md']},
    heads: {'doc/adr/0003-1999.md': '# 3. 1999\n'},
  },
  {
    name: 'funny-characters',
    steps: [
      {run: ['new', 'Something', 'About', 'Node.JS'], stdout: 'doc/adr/0001-something-about-node-js.md\n'},
      {run: ['new', 'Slash/Slash/Slash/'], stdout: 'doc/adr/0002-slash-slash-slash.md\n'},
      {run: ['new', '--', '-Bar-'], stdout: 'doc/adr/0003-bar.md\n'},
    ],
    ls: {'doc/adr': ['0001-something-about-node-js.md', '0002-slash-slash-slash.md', '0003-bar.md']},
    heads: {'doc/adr/0003-bar.md': '# 3. -Bar-\n', 'doc/adr/0002-slash-slash-slash.md': '# 2. Slash/Slash/Slash/\n'},
  },
  {
    name: 'must-provide-a-title-when-creating-new-adr',
    steps: [{run: ['new'], stdout: '', stderr: 'ERROR: no title given\n', exitCode: 2}],
    ls: {'.': ['.git']},
  },
  {
    name: 'supercede-existing-adr',
    steps: [...news('First Record'), {run: ['new', '-s', '1', 'Second', 'Record'], stdout: 'doc/adr/0002-second-record.md\n'}],
    heads: {
      'doc/adr/0001-first-record.md': `${nygardHead(1, 'First Record')}Superceded by [2. Second Record](0002-second-record.md)\n\n## Context\n\n`,
      'doc/adr/0002-second-record.md': `${nygardHead(2, 'Second Record')}Accepted\n\nSupercedes [1. First Record](0001-first-record.md)\n\n## Context\n\n`,
    },
  },
  {
    name: 'supercede-multiple-adrs',
    steps: [
      ...news('First Record', 'Second Record'),
      {run: ['new', '-s', '1', '-s', '2', 'Third', 'Record'], stdout: 'doc/adr/0003-third-record.md\n'},
    ],
    heads: {
      'doc/adr/0001-first-record.md': `${nygardHead(1, 'First Record')}Superceded by [3. Third Record](0003-third-record.md)\n\n`,
      'doc/adr/0002-second-record.md': `${nygardHead(2, 'Second Record')}Superceded by [3. Third Record](0003-third-record.md)\n\n`,
      'doc/adr/0003-third-record.md': `${nygardHead(3, 'Third Record')}Accepted\n\nSupercedes [1. First Record](0001-first-record.md)\n\nSupercedes [2. Second Record](0002-second-record.md)\n\n## Context\n`,
    },
  },
  {
    name: 'linking',
    steps: [
      ...news('First Record', 'Second Record', 'Third Record'),
      {run: ['link', '3', 'Amends', '1', 'Amended by'], stdout: ''},
      {run: ['link', '3', 'Clarifies', '2', 'Clarified by'], stdout: ''},
    ],
    heads: {
      'doc/adr/0001-first-record.md': `${nygardHead(1, 'First Record')}Accepted\n\nAmended by [3. Third Record](0003-third-record.md)\n\n## Context\n\n`,
      'doc/adr/0002-second-record.md': `${nygardHead(2, 'Second Record')}Accepted\n\nClarified by [3. Third Record](0003-third-record.md)\n\n## Context\n\n`,
      'doc/adr/0003-third-record.md': `${nygardHead(3, 'Third Record')}Accepted\n\nAmends [1. First Record](0001-first-record.md)\n\nClarifies [2. Second Record](0002-second-record.md)\n\n## Context\n\n`,
    },
  },
  {
    name: 'linking-new-records',
    steps: [
      ...news('First Record', 'Second Record'),
      {
        run: ['new', '-l', '1:Amends:Amended by', '-l', '2:Clarifies:Clarified by', 'Third', 'Record'],
        stdout: 'doc/adr/0003-third-record.md\n',
      },
    ],
    heads: {
      'doc/adr/0001-first-record.md': `${nygardHead(1, 'First Record')}Accepted\n\nAmended by [3. Third Record](0003-third-record.md)\n\n## Context\n\n`,
      'doc/adr/0002-second-record.md': `${nygardHead(2, 'Second Record')}Accepted\n\nClarified by [3. Third Record](0003-third-record.md)\n\n## Context\n\n`,
      'doc/adr/0003-third-record.md': `${nygardHead(3, 'Third Record')}Accepted\n\nAmends [1. First Record](0001-first-record.md)\n\nClarifies [2. Second Record](0002-second-record.md)\n\n## Context\n\n`,
    },
  },
  {
    name: 'init-adr-repository',
    steps: [{run: ['init'], stdout: 'doc/adr/0001-record-architecture-decisions.md\n'}],
    ls: {'doc/adr': ['0001-record-architecture-decisions.md']},
    heads: {'doc/adr/0001-record-architecture-decisions.md': `${nygardHead(1, 'Record architecture decisions')}Accepted\n\n## Context\n\n`},
  },
  {
    name: 'alternative-adr-directory',
    steps: [
      {run: ['init', 'alternative-dir'], stdout: 'alternative-dir/0001-record-architecture-decisions.md\n'},
      {run: ['new', 'Example', 'ADR'], stdout: 'alternative-dir/0002-example-adr.md\n'},
      {run: ['list'], stdout: 'alternative-dir/0001-record-architecture-decisions.md\nalternative-dir/0002-example-adr.md\n'},
    ],
    ls: {'.': ['.adr-dir', '.git', 'alternative-dir'], 'alternative-dir': ['0001-record-architecture-decisions.md', '0002-example-adr.md']},
    files: {'.adr-dir': 'alternative-dir\n'},
  },
  {
    name: 'alternative-dir-with-space',
    steps: [
      {run: ['init', 'alt-dir-with-space'], cwd: 'dir with space', stdout: 'alt-dir-with-space/0001-record-architecture-decisions.md\n'},
      {run: ['list'], cwd: 'dir with space', stdout: 'alt-dir-with-space/0001-record-architecture-decisions.md\n'},
    ],
    ls: {'dir with space': ['.adr-dir', 'alt-dir-with-space']},
    git: false,
  },
  {
    name: 'search-for-adr-dir',
    steps: [
      ...news('First Record'),
      {run: ['new', 'Second', 'Record'], cwd: 'subdir', stdout: '../doc/adr/0002-second-record.md\n'},
      {run: ['list'], cwd: 'subdir', stdout: '../doc/adr/0001-first-record.md\n../doc/adr/0002-second-record.md\n'},
      {run: ['list'], stdout: 'doc/adr/0001-first-record.md\ndoc/adr/0002-second-record.md\n'},
    ],
  },
  {
    name: 'search-for-custom-adr-dir',
    steps: [
      {run: ['init', 'architecture-log'], stdout: 'architecture-log/0001-record-architecture-decisions.md\n'},
      {run: ['new', 'First', 'Record'], stdout: 'architecture-log/0002-first-record.md\n'},
      {run: ['new', 'Second', 'Record'], cwd: 'subdir', stdout: '../architecture-log/0003-second-record.md\n'},
      {
        run: ['list'],
        cwd: 'subdir',
        stdout:
          '../architecture-log/0001-record-architecture-decisions.md\n../architecture-log/0002-first-record.md\n../architecture-log/0003-second-record.md\n',
      },
    ],
  },
  {
    name: 'project-specific-template',
    steps: [
      {run: ['init', 'adrs'], stdout: 'adrs/0001-record-architecture-decisions.md\n'},
      {
        run: ['new', 'Aaa', 'Bbb'],
        write: {
          'adrs/templates/template.md':
            '# TITLE\n\nProject specific template!\n\n# Status\n\nSTATUS\n\n# Info\n\nADR Number: NUMBER\n\nDate: DATE\n\n',
        },
        stdout: 'adrs/0002-aaa-bbb.md\n',
      },
      {run: ['new', 'Ccc', 'Ddd'], stdout: 'adrs/0003-ccc-ddd.md\n'},
    ],
    files: {
      'adrs/0002-aaa-bbb.md':
        '# Aaa Bbb\n\nProject specific template!\n\n# Status\n\nAccepted\n\n# Info\n\nADR Number: 2\n\nDate: 1992-01-12\n\n',
      'adrs/0003-ccc-ddd.md':
        '# Ccc Ddd\n\nProject specific template!\n\n# Status\n\nAccepted\n\n# Info\n\nADR Number: 3\n\nDate: 1992-01-12\n\n',
    },
  },
  {
    name: 'alternative template (ADR_TEMPLATE)',
    steps: [
      {
        run: ['new', 'Use', 'Kafka'],
        write: {'my-template.md': '# NUMBER. TITLE\n\nDate: DATE\n\n## Status\n\nSTATUS\n\n## Why\n'},
        env: {ADR_TEMPLATE: 'my-template.md'},
        stdout: 'doc/adr/0001-use-kafka.md\n',
      },
    ],
    files: {'doc/adr/0001-use-kafka.md': `${nygardHead(1, 'Use Kafka')}Accepted\n\n## Why\n`},
  },
  {
    name: 'migrate-date-format',
    steps: [
      {run: ['init'], stdout: 'doc/adr/0001-record-architecture-decisions.md\n'},
      {run: ['new', 'With', 'Old', 'Date', 'Format'], env: {ADR_DATE: '12/01/1992'}, stdout: 'doc/adr/0002-with-old-date-format.md\n'},
      {run: ['new', 'With', 'Current', 'Date', 'Format'], stdout: 'doc/adr/0003-with-current-date-format.md\n'},
      {run: ['upgrade-repository'], stdout: ''},
    ],
    dates: [
      'doc/adr/0001-record-architecture-decisions.md:Date: 1992-01-12',
      'doc/adr/0002-with-old-date-format.md:Date: 1992-01-12',
      'doc/adr/0003-with-current-date-format.md:Date: 1992-01-12',
    ].join('\n'),
  },
]

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

describe('adrgate does what adr-tools 3.0.0 does', () => {
  it.each(SCENARIOS)('$name', async (scenario) => {
    repo = makeRepo({'subdir/.keep': '', 'dir with space/.keep': ''}, {git: scenario.git})
    for (const step of scenario.steps) {
      if (step.write) repo.write(step.write)
      const [id, ...argv] = step.run
      const env = {ADR_DATE: '1992-01-12', VISUAL: undefined, EDITOR: undefined, ADR_TEMPLATE: undefined, ...step.env}
      const r = await runCommand(COMMANDS[id], argv, path.join(repo.dir, step.cwd ?? '.'), env)
      expect({step: step.run.join(' '), stdout: r.stdout, exitCode: r.exitCode}).toEqual({
        step: step.run.join(' '),
        stdout: step.stdout,
        exitCode: step.exitCode ?? 0,
      })
      expect(r.stderr).toBe(step.stderr ?? '')
    }
    const read = (file: string) => readFileSync(path.join(repo!.dir, file), 'utf8')
    for (const [file, text] of Object.entries(scenario.files ?? {})) expect(read(file)).toBe(text)
    for (const [file, head] of Object.entries(scenario.heads ?? {})) expect(read(file).slice(0, head.length)).toBe(head)
    for (const [dir, names] of Object.entries(scenario.ls ?? {})) {
      const listed = readdirSync(path.join(repo.dir, dir)).filter((n) => !['subdir', 'dir with space', '.keep'].includes(n) || dir !== '.')
      expect(listed.filter((n) => n !== '.keep').sort()).toEqual(names)
    }
    if (scenario.dates) {
      const lines = readdirSync(path.join(repo.dir, 'doc/adr'))
        .sort()
        .flatMap((f) =>
          read(`doc/adr/${f}`)
            .split('\n')
            .filter((l) => l.includes('Date:'))
            .map((l) => `doc/adr/${f}:${l}`),
        )
      expect(lines.join('\n')).toBe(scenario.dates)
    }
  })

  it('edit-adr-on-creation: VISUAL, else EDITOR, is run on the new file before its path is printed', async () => {
    repo = makeRepo()
    for (const name of ['fake-editor', 'fake-visual']) {
      const label = name === 'fake-editor' ? 'EDITOR' : 'VISUAL'
      repo.write({[name]: `#!/bin/sh\necho "${label} $1" >> "${repo.dir}/editor.log"\n`})
      chmodSync(path.join(repo.dir, name), 0o755)
    }
    const editor = path.join(repo.dir, 'fake-editor')
    const visual = path.join(repo.dir, 'fake-visual')
    const cases = [
      {env: {EDITOR: editor, VISUAL: ''}, title: 'created with EDITOR environment variable set'},
      {env: {EDITOR: '', VISUAL: visual}, title: 'created with VISUAL environment variable set'},
      {env: {EDITOR: editor, VISUAL: visual}, title: 'uses setting of VISUAL if both VISUAL and EDITOR are set'},
    ]
    for (const [i, c] of cases.entries()) {
      // no terminal here: --edit opens the editor anyway (without it adrgate never launches one)
      const r = await runCommand(New, ['--edit', ...c.title.split(' ')], repo.dir, {ADR_DATE: '1992-01-12', ...c.env})
      expect(r.stdout).toBe(`doc/adr/000${i + 1}-${c.title.toLowerCase().replace(/ /g, '-')}.md\n`)
    }
    expect(readFileSync(path.join(repo.dir, 'editor.log'), 'utf8')).toBe(
      [
        'EDITOR doc/adr/0001-created-with-editor-environment-variable-set.md',
        'VISUAL doc/adr/0002-created-with-visual-environment-variable-set.md',
        'VISUAL doc/adr/0003-uses-setting-of-visual-if-both-visual-and-editor-are-set.md',
        '',
      ].join('\n'),
    )
  })
})
