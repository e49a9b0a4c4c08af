import {describe, expect, it} from 'vitest'
import {
  type CommandSpec,
  type CompletionValues,
  formatCandidates,
  joinSplitWords,
  planCompletion,
  valueCandidates,
} from '../../src/core/cli/complete.js'

const COMMANDS: CommandSpec[] = [
  {
    id: 'list',
    summary: 'List the ADRs.',
    flags: [
      {name: 'status', takesValue: true, values: 'status', summary: 'Only this status.'},
      {name: 'long', takesValue: false, allowNo: true},
      {name: 'tag', takesValue: true, multiple: true},
    ],
    args: [],
  },
  {id: 'show', summary: 'Print an ADR.', flags: [{name: 'history', takesValue: false}], args: [{name: 'ref', values: 'ref'}]},
  {
    id: 'link',
    flags: [],
    args: [
      {name: 'source', values: 'ref'},
      {name: 'link', values: 'relation'},
      {name: 'target', values: 'ref'},
    ],
  },
  {
    id: 'lint',
    flags: [{name: 'profile', takesValue: true, options: ['adr-tools', 'recommended', 'strict']}],
    args: [{name: 'paths', values: 'file'}],
    variadic: true,
  },
  {id: 'generate toc', summary: 'Print a ToC.', flags: [{name: 'write', takesValue: true, values: 'file'}], args: []},
  {id: 'generate graph', summary: 'Print a graph.', flags: [], args: []},
  {id: 'debate start', summary: 'Start.', flags: [], args: []},
  {id: 'debate status', summary: 'Where it stands.', flags: [], args: [{name: 'ref', values: 'ref'}]},
  {id: 'completion', summary: 'Print a script.', flags: [], args: [{name: 'shell', options: ['bash', 'zsh']}]},
  {id: 'autocomplete', summary: 'Print a script.', flags: [], args: [{name: 'shell', options: ['bash', 'zsh']}], alias: true},
  {id: 'help', summary: 'Display help.', flags: [], args: []},
]
const TOPICS = {generate: 'Generate things.', debate: 'Debate.'}
const plan = (...words: string[]) => planCompletion(COMMANDS, TOPICS, words)
const values = (...words: string[]) => {
  const p = plan(...words)
  return p.kind === 'candidates' ? p.candidates.map((c) => c.value) : p
}

describe('planCompletion', () => {
  it('offers each first word once (a topic once, however many commands it holds), aliases never', () => {
    expect(values('')).toEqual(['completion', 'debate', 'generate', 'help', 'link', 'lint', 'list', 'show'])
    expect(plan('ge')).toEqual({kind: 'candidates', candidates: [{value: 'generate', description: 'Generate things.'}]})
    expect(values('debate', 's')).toEqual(['start', 'status'])
    expect(values('autocomplete', '')).toEqual(['bash', 'zsh'])
    expect(values('help', 'generate', '')).toEqual(['graph', 'toc'])
    expect(values('nonsense', '')).toEqual([])
  })

  it('offers flags not given yet (a repeatable one again), --no- forms when asked, the flags where no argument is expected', () => {
    expect(values('list', '--')).toEqual(['--status', '--long', '--tag', '--help'])
    expect(values('list', '--long', '--tag', 'x', '--')).toEqual(['--status', '--tag', '--help'])
    expect(values('list', '--no')).toEqual(['--no-long'])
    expect(values('list', '')).toEqual(['--status', '--long', '--tag', '--help'])
    expect(values('show', '3', '')).toEqual(['--history', '--help'])
  })

  it('finds the value a flag or an argument takes, after the flag, after --flag=, and after --', () => {
    expect(plan('list', '--status', 'ac')).toEqual({kind: 'values', values: 'status', current: 'ac', prefix: ''})
    expect(plan('list', '--status=ac')).toEqual({kind: 'values', values: 'status', current: 'ac', prefix: '--status='})
    expect(plan('list', '--long=')).toEqual({kind: 'candidates', candidates: []})
    expect(plan('link', '3', '')).toMatchObject({kind: 'values', values: 'relation'})
    expect(plan('link', '3', 'amends', '')).toMatchObject({kind: 'values', values: 'ref'})
    expect(plan('debate', 'status', '')).toMatchObject({kind: 'values', values: 'ref'})
    expect(values('lint', '--profile', 's')).toEqual(['strict'])
    expect(plan('lint', 'a.md', 'b')).toEqual({kind: 'files'})
    expect(plan('generate', 'toc', '--write', '')).toEqual({kind: 'files'})
    expect(plan('show', '--', '--x')).toMatchObject({kind: 'values', values: 'ref', current: '--x'})
  })

  it('joins what bash splits at `=`, and then completes the value alone', () => {
    expect(joinSplitWords(['list', '--status', '=', 'ac'])).toEqual({words: ['list', '--status=ac'], valueOnly: true})
    expect(joinSplitWords(['list', '--status', '='])).toEqual({words: ['list', '--status='], valueOnly: true})
    expect(joinSplitWords(['list', '--status', '=', 'ac', ''])).toEqual({words: ['list', '--status=ac', ''], valueOnly: false})
    expect(joinSplitWords(['show', '='])).toEqual({words: ['show', '='], valueOnly: false})
    expect(plan('list', '--status', '=', 'ac')).toEqual({kind: 'values', values: 'status', current: 'ac', prefix: ''})
  })
})

describe('valueCandidates', () => {
  const VALUES: CompletionValues = {
    adrs: [
      {file: '0001-record-decisions.md', number: 1, slug: 'record-decisions'},
      {file: '0012-queue-invoice-pdfs.md', number: 12, slug: 'queue-invoice-pdfs'},
      {file: '20240101-use-kafka.md', slug: 'use-kafka'},
    ],
    statuses: ['proposed', 'accepted', 'in-review'],
    relations: ['amends', 'amended by', 'relates to'],
    packages: [],
    rules: [{value: 'toc-current', description: 'A table of contents …'}],
  }
  const refs = (current: string, adrs = VALUES.adrs) =>
    valueCandidates({kind: 'values', values: 'ref', current, prefix: ''}, {...VALUES, adrs})

  it('gives numbers (described by the slug) for a number, file names for a fragment of the title', () => {
    expect(refs('')).toEqual([
      {value: '1', description: 'record decisions'},
      {value: '12', description: 'queue invoice pdfs'},
    ])
    expect(refs('1').map((c) => c.value)).toEqual(['1', '12'])
    expect(refs('invoice').map((c) => c.value)).toEqual(['0012-queue-invoice-pdfs.md'])
    expect(refs('invoice pdf').map((c) => c.value)).toEqual(['0012-queue-invoice-pdfs.md'])
    expect(refs('kaf').map((c) => c.value)).toEqual(['20240101-use-kafka.md'])
    expect(refs('voice')).toEqual([])
  })

  it('qualifies ADRs by directory among several', () => {
    const adrs = [
      {file: '0001-use-react.md', number: 1, slug: 'use-react', dir: 'web'},
      {file: '0001-use-go.md', number: 1, slug: 'use-go', dir: 'api'},
    ]
    expect(refs('', adrs).map((c) => c.value)).toEqual(['web/1', 'api/1'])
    expect(refs('api/', adrs).map((c) => c.value)).toEqual(['api/1'])
    expect(refs('go', adrs).map((c) => c.value)).toEqual(['api/0001-use-go.md'])
  })

  it('gives statuses and relations by prefix, case ignored, after the flag they belong to', () => {
    expect(valueCandidates({kind: 'values', values: 'status', current: 'IN', prefix: '--status='}, VALUES)).toEqual([
      {value: '--status=in-review'},
    ])
    expect(valueCandidates({kind: 'values', values: 'relation', current: 'am', prefix: ''}, VALUES).map((c) => c.value)).toEqual([
      'amends',
      'amended by',
    ])
  })
})

describe('formatCandidates', () => {
  it('prints value<TAB>description lines, tabs and line breaks in them as spaces, or the path directive', () => {
    expect(formatCandidates({kind: 'candidates', candidates: []}, [{value: 'a', description: 'one\ttwo\nthree'}, {value: 'b'}])).toBe(
      'a\tone two three\nb\n',
    )
    expect(formatCandidates({kind: 'files'}, [])).toBe(':files\n')
    expect(formatCandidates({kind: 'dirs'}, [])).toBe(':dirs\n')
  })
})
