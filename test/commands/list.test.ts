import {symlinkSync} from 'node:fs'
import {afterEach, describe, expect, it} from 'vitest'
import List from '../../src/commands/list.js'
import {makeRepo, type TempRepo} from '../helpers/git-repo.js'
import {runCommand} from '../helpers/run-command.js'

let repo: TempRepo | undefined
afterEach(() => repo?.cleanup())

const nygard = (n: number, title: string, status = 'Accepted') =>
  `# ${n}. ${title}\n\nDate: 2026-01-0${n}\n\n## Status\n\n${status}\n\n## Context\n\nWhy.\n`
const madr = (status: string, title: string, tags: string[] = []) =>
  `---\nstatus: ${status}\ndate: 2026-02-01\ntags: [${tags.join(', ')}]\n---\n# ${title}\n\n## Context and Problem Statement\n\nWhy.\n`

const TREE = {
  'docs/adr/0001-record-architecture-decisions.md': nygard(1, 'Record architecture decisions'),
  'docs/adr/0002-use-mongodb.md': nygard(2, 'Use MongoDB', 'Superceded by [3. Use PostgreSQL](0003-use-postgresql.md)'),
  'docs/adr/0003-use-postgresql.md': madr('accepted', 'Use PostgreSQL', ['storage', 'Database']),
  'docs/adr/0010-queue-pdfs.md': madr('proposed', 'Queue PDFs', ['pdf']),
  'docs/adr/README.md': '# Decisions\n',
  'docs/adr/index.md': '# Index\n',
  'docs/adr/templates/template.md': '# NUMBER. TITLE\n',
  'docs/adr/ADRXXX-template.md': '# ADR-XXX: Title\n',
  'src/app/.keep': '',
}

describe('adr list', () => {
  it('prints paths relative to the working directory', async () => {
    repo = makeRepo({'doc/adr/0001-first.md': nygard(1, 'First'), 'src/x/.keep': ''})
    const r = await runCommand(List, [], `${repo.dir}/src/x`)
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toBe('../../doc/adr/0001-first.md\n')
  })

  it('lists ADRs in number order and leaves out READMEs, indexes and templates', async () => {
    repo = makeRepo(TREE)
    const r = await runCommand(List, [], repo.dir)
    expect(r.stdout.trim().split('\n')).toEqual([
      'docs/adr/0001-record-architecture-decisions.md',
      'docs/adr/0002-use-mongodb.md',
      'docs/adr/0003-use-postgresql.md',
      'docs/adr/0010-queue-pdfs.md',
    ])
  })

  it('says when there is no ADR directory and exits 2', async () => {
    repo = makeRepo({})
    const r = await runCommand(List, [], repo.dir)
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toContain('The doc/adr directory does not exist')
  })

  it('prints a table with --long, with created and changed dates from git', async () => {
    repo = makeRepo(TREE)
    repo.git(['add', 'docs/adr/0001-record-architecture-decisions.md', 'docs/adr/0002-use-mongodb.md'])
    repo.git(['commit', '-q', '-m', 'first ADRs'], '2026-03-01T10:00:00Z')
    repo.git(['add', 'docs/adr/0002-use-mongodb.md', 'docs/adr/0003-use-postgresql.md'])
    repo.git(['commit', '-q', '-m', 'PostgreSQL'], '2026-03-02T10:00:00Z')
    const r = await runCommand(List, ['--long'], `${repo.dir}/src/app`)
    expect(r.stdout).toBe(
      [
        ' #  STATUS      DATE        CREATED      CHANGED      TITLE',
        ' 1  accepted    2026-01-01  2026-03-01   2026-03-01   Record architecture decisions',
        ' 2  superseded  2026-01-02  2026-03-01   2026-03-01   Use MongoDB',
        ' 3  accepted    2026-02-01  2026-03-02   2026-03-02   Use PostgreSQL',
        '10  proposed    2026-02-01  uncommitted  uncommitted  Queue PDFs',
        '',
      ].join('\n'),
    )
    expect(r.stderr).toBe('')
  })

  it('--long shows the day git created an ADR that writes no date, and --json keeps the date as written', async () => {
    repo = makeRepo({
      'docs/adr/0001-use-kafka.md': '# Use Kafka\n\n## Context and Problem Statement\n\nWhy.\n',
      'docs/adr/0002-use-nats.md': '---\ndate: 2025-12-24\n---\n# Use NATS\n',
    })
    repo.commit('two ADRs', '2026-03-05T10:00:00Z')
    const r = await runCommand(List, ['--long'], repo.dir)
    expect(r.stdout.split('\n').slice(1, 3)).toEqual([
      '1  -       2026-03-05  2026-03-05  2026-03-05  Use Kafka',
      '2  -       2025-12-24  2026-03-05  2026-03-05  Use NATS',
    ])
    const json = await runCommand(List, ['--long', '--json'], repo.dir)
    const rows = (json.result as {adrs: {date?: string; created?: string}[]}).adrs
    expect(rows[0].date).toBeUndefined()
    expect(rows[0].created?.slice(0, 10)).toBe('2026-03-05')
  })

  it.each([
    [
      ['--status', 'accepted'],
      ['0001-record-architecture-decisions.md', '0003-use-postgresql.md'],
    ],
    [['--status', 'Superseded'], ['0002-use-mongodb.md']],
    [['--tag', 'storage'], ['0003-use-postgresql.md']],
    [['--tag', 'database'], ['0003-use-postgresql.md']],
    [['--status', 'accepted', '--tag', 'pdf'], []],
    [['--status', 'rejected'], []],
  ])('filters with %j', async (argv, files) => {
    repo = makeRepo(TREE)
    const r = await runCommand(List, [...argv, '--json'], repo.dir)
    expect(r.exitCode).toBe(0)
    expect(JSON.parse(r.stdout).adrs.map((a: {file: string}) => a.file)).toEqual(files)
  })

  it('returns an object with the rows under --json', async () => {
    repo = makeRepo(TREE)
    const r = await runCommand(List, ['--json'], `${repo.dir}/src/app`)
    const out = JSON.parse(r.stdout)
    expect(out.dir).toBe('../../docs/adr')
    expect(out.adrs[1]).toEqual({
      number: 2,
      title: 'Use MongoDB',
      status: 'superseded',
      date: '2026-01-02',
      tags: [],
      deciders: [],
      format: 'nygard',
      file: '0002-use-mongodb.md',
      path: '../../docs/adr/0002-use-mongodb.md',
    })
    expect(r.stderr).toBe('')
  })

  it('warns on stderr about a file it cannot read and lists the others', async () => {
    repo = makeRepo({...TREE, 'docs/adr/0004-latin1.md': Buffer.from([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a])})
    const r = await runCommand(List, [], repo.dir)
    expect(r.exitCode).toBe(0)
    expect(r.stdout.trim().split('\n')).toHaveLength(4)
    expect(r.stderr).toMatch(/^Warning: 0004-latin1\.md is not valid UTF-8/)
  })

  it('reads a symbolic link inside the repository, and reports one that leaves it without following it', async () => {
    repo = makeRepo({...TREE, 'notes/kept.md': nygard(5, 'Kept elsewhere')})
    const outside = makeRepo({'secret.md': nygard(6, 'Secret')})
    try {
      symlinkSync(`${repo.dir}/notes/kept.md`, `${repo.dir}/docs/adr/0005-kept-elsewhere.md`)
      symlinkSync(`${outside.dir}/secret.md`, `${repo.dir}/docs/adr/0006-secret.md`)
      const r = await runCommand(List, ['--json'], repo.dir)
      const out = JSON.parse(r.stdout)
      expect(out.adrs.map((a: {title: string}) => a.title)).toContain('Kept elsewhere')
      expect(out.adrs.map((a: {title: string}) => a.title)).not.toContain('Secret')
      expect(out.skipped).toMatchObject([{file: '0006-secret.md', problem: {rule: 'parse/read'}}])
    } finally {
      outside.cleanup()
    }
  })

  it('reads --dir in another repository or in none', async () => {
    repo = makeRepo({'src/.keep': ''})
    const other = makeRepo({'docs/adr/0001-first.md': nygard(1, 'First')})
    const plain = makeRepo({'adrs/0002-second.md': nygard(2, 'Second')}, {git: false})
    try {
      for (const [dir, title] of [
        [`${other.dir}/docs/adr`, 'First'],
        [`${plain.dir}/adrs`, 'Second'],
      ]) {
        const out = JSON.parse((await runCommand(List, ['--json', '--dir', dir], `${repo.dir}/src`)).stdout)
        expect(out.skipped).toEqual([])
        expect(out.adrs.map((a: {title: string}) => a.title)).toEqual([title])
      }
    } finally {
      other.cleanup()
      plain.cleanup()
    }
  })

  describe('--since, --until, --decider, --format', () => {
    const dated = (n: number, date: string, deciders: string[], tags: string[] = []) =>
      `---\nstatus: accepted\ndate: ${date}\ndecision-makers: [${deciders.join(', ')}]\ntags: [${tags.join(', ')}]\n---\n# ADR ${n}\n\n## Context and Problem Statement\n\nWhy.\n`
    const FILTERED = {
      'docs/adr/0001-record-architecture-decisions.md': nygard(1, 'Record architecture decisions'),
      'docs/adr/0002-use-mongodb.md': dated(2, '2025-12-31', ['Alice Martin', 'Bob']),
      'docs/adr/0003-use-postgresql.md': dated(3, '2026-03-01', ['bob'], ['storage']),
      'docs/adr/0004-queue-pdfs.md': dated(4, '2026-03-31T09:00:00Z', ['Carol']),
      'docs/adr/0005-undated.md': '---\nstatus: accepted\n---\n# Undated\n',
      'docs/adr/0006-odd-date.md': '---\nstatus: accepted\ndate: 31/03/2026\n---\n# Odd date\n',
    }
    it.each([
      [
        ['--since', '2026'],
        ['0001', '0003', '0004'],
      ],
      [
        ['--since', '2026-03'],
        ['0003', '0004'],
      ],
      [
        ['--until', '2026-03-01'],
        ['0001', '0002', '0003'],
      ],
      [
        ['--since', '2026-02', '--until', '2026-03'],
        ['0003', '0004'],
      ],
      [['--until', '2025'], ['0002']],
      [['--decider', 'alice'], ['0002']],
      [
        ['--decider', 'BOB'],
        ['0002', '0003'],
      ],
      [['--decider', 'bob', '--since', '2026-01-01'], ['0003']],
      [['--format', 'nygard'], ['0001']],
      [['--format', 'madr', '--tag', 'storage'], ['0003']],
    ])('%j', async (argv, numbers) => {
      repo = makeRepo(FILTERED)
      // printed paths (the general path, never the bare list's fast path) and --json agree
      const plain = await runCommand(List, argv, repo.dir)
      expect(plain.exitCode).toBe(0)
      expect(
        plain.stdout
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((p) => p.slice('docs/adr/'.length, 'docs/adr/'.length + 4)),
      ).toEqual(numbers)
      const json = await runCommand(List, [...argv, '--json'], repo.dir)
      expect(JSON.parse(json.stdout).adrs.map((a: {file: string}) => a.file.slice(0, 4))).toEqual(numbers)
    })

    it('says on stderr which ADRs a date filter left out for want of a date', async () => {
      repo = makeRepo(FILTERED)
      const r = await runCommand(List, ['--since', '2020'], repo.dir)
      expect(r.stderr).toBe('Note: left out 2 ADR(s) with no YYYY-MM-DD date: 0005-undated.md, 0006-odd-date.md\n')
    })

    it.each(['2026-13', '2026-02-30', 'last week', '26-01-01'])('refuses --since %j with the forms it takes', async (value) => {
      repo = makeRepo(FILTERED)
      const r = await runCommand(List, ['--since', value, '--json'], repo.dir)
      expect(r.exitCode).toBe(2)
      const error = JSON.parse(r.stdout).error
      expect(error.code).toBe('INVALID_ARGUMENT')
      expect(error.message).toContain('YYYY, YYYY-MM or YYYY-MM-DD')
    })

    it('refuses a format it does not know', async () => {
      repo = makeRepo(FILTERED)
      const r = await runCommand(List, ['--format', 'asciidoc'], repo.dir)
      expect(r.exitCode).toBe(2)
    })

    it('--long adds deciders and tags when the terminal is wide enough, the deciders alone when less so', async () => {
      repo = makeRepo(FILTERED)
      const at = async (columns: string) => (await runCommand(List, ['--long', '--since', '2026'], repo!.dir, {COLUMNS: columns})).stdout
      const wide = await at('200')
      expect(wide.split('\n')[0]).toMatch(/^# {2}STATUS +DATE +CREATED +CHANGED +DECIDERS +TAGS +TITLE$/)
      expect(wide).toMatch(/\n3 {2}accepted +2026-03-01 +uncommitted +uncommitted +bob +storage +ADR 3\n/)
      expect(wide).toMatch(/\n1 {2}accepted .* - +- +Record architecture decisions\n/)
      const width = Math.max(
        ...wide
          .trimEnd()
          .split('\n')
          .map((l) => l.length),
      )
      const middle = await at(String(width - 1))
      expect(middle.split('\n')[0]).toMatch(/ DECIDERS +TITLE$/)
      const narrow = await at('60')
      expect(narrow.split('\n')[0]).toMatch(/ CHANGED +TITLE$/)
      // without a terminal or COLUMNS (a pipe) the table keeps the columns scripts know
      expect((await at('')).split('\n')[0]).toMatch(/ CHANGED +TITLE$/)
    })

    it('the deciders are in the --json rows', async () => {
      repo = makeRepo(FILTERED)
      const r = await runCommand(List, ['--json', '--decider', 'carol'], repo.dir)
      expect(JSON.parse(r.stdout).adrs[0]).toMatchObject({number: 4, deciders: ['Carol']})
    })
  })

  it('honours --dir', async () => {
    repo = makeRepo({'decisions/0001-first.md': nygard(1, 'First')})
    const r = await runCommand(List, ['--dir', 'decisions'], repo.dir)
    expect(r.stdout).toBe('decisions/0001-first.md\n')
  })
})
