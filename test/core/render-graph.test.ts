import {describe, expect, it} from 'vitest'
import {parseAdr} from '../../src/core/adr/parse-adr.js'
import {buildGraph, renderGraph} from '../../src/core/adr/render-graph.js'

const madr = (n: number, title: string, links = '') =>
  parseAdr(
    `---\nstatus: accepted\n${links ? `links:\n${links}` : ''}---\n# ${title}\n`,
    `${String(n).padStart(4, '0')}-${title.toLowerCase().replace(/\W+/g, '-')}.md`,
  )

const adrs = [
  madr(1, 'Record decisions'),
  madr(2, 'Use "Mongo"', '  - {rel: superseded by, target: 4}\n'),
  madr(4, 'Use Postgres', '  - {rel: supersedes, target: 2}\n  - {rel: amends, target: 0099-gone.md}\n'),
]

describe('buildGraph', () => {
  it('chains each ADR to the one before it in the list, and keeps only forward links to known targets', () => {
    const graph = buildGraph(adrs)
    expect(graph.sequence).toEqual([
      {from: '_1', to: '_2'},
      {from: '_2', to: '_4'},
    ])
    expect(graph.links).toEqual([
      {from: '_4', to: '_2', label: 'supersedes'},
      {from: '_4', to: '_99', label: 'amends'},
    ])
  })

  it('replaces .md with the extension and adds the prefix', () => {
    expect(buildGraph(adrs, {prefix: 'p/', extension: '.pdf'}).nodes[0].url).toBe('p/0001-record-decisions.pdf')
    expect(buildGraph(adrs).nodes[0].url).toBe('0001-record-decisions.html')
  })
})

describe('renderGraph', () => {
  it('escapes quotes in DOT labels', () => {
    expect(renderGraph(adrs)).toContain('_2 [label="2. Use \\"Mongo\\""; URL="0002-use-mongo-.html"];')
  })

  it('prints a Mermaid flowchart with dotted sequence edges and labelled links', () => {
    const text = renderGraph(adrs, {format: 'mermaid'})
    expect(text.split('\n')).toEqual([
      'flowchart TB',
      '  _1["1. Record decisions"]',
      '  click _1 "0001-record-decisions.html"',
      '  _2["2. Use #quot;Mongo#quot;"]',
      '  click _2 "0002-use-mongo-.html"',
      '  _1 -.-> _2',
      '  _4["4. Use Postgres"]',
      '  click _4 "0004-use-postgres.html"',
      '  _2 -.-> _4',
      '  _4 -->|"supersedes"| _2',
      '  _4 -->|"amends"| _99',
      '',
    ])
  })

  it('prints an empty graph for no ADRs', () => {
    expect(renderGraph([])).toBe('digraph {\n  node [shape=plaintext];\n  subgraph {\n  }\n}\n')
  })
})

describe('graph node ids', () => {
  const nygard = (file: string, title: string, extra = '') =>
    parseAdr(`# ${title}\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n${extra}`, file)

  it('keeps two ADRs that share a number as two nodes, named from their files', () => {
    const graph = buildGraph([
      nygard('0001-record.md', '1. Record'),
      nygard('0002-use-kafka.md', '2. Use Kafka'),
      nygard('0002-use-nats.md', '2. Use NATS', '\nAmends [1. Record](0001-record.md)\n'),
    ])
    expect(graph.nodes.map((n) => n.id)).toEqual(['_1', '_0002_use_kafka', '_0002_use_nats'])
    expect(graph.links).toEqual([{from: '_0002_use_nats', to: '_1', label: 'Amends'}])
  })

  it('names an ADR without a number by its file, and a folder-per-ADR file by its folder', () => {
    const graph = buildGraph([nygard('20201002-use-kafka.md', 'Use Kafka'), nygard('0007-use-nats/README.md', '7. Use NATS')])
    expect(graph.nodes.map((n) => n.id)).toEqual(['_20201002_use_kafka', '_7'])
  })

  it('qualifies ADRs of several directories by the directory, and resolves links inside their own directory', () => {
    const web = {name: 'web', path: 'packages/web/adr'}
    const api = {name: 'api', path: 'packages/api/adr'}
    const graph = buildGraph([
      {...nygard('0001-use-react.md', '1. Use React'), dir: web},
      {...nygard('0002-use-vite.md', '2. Use Vite', '\nAmends [1. Use React](0001-use-react.md)\n'), dir: web},
      {...nygard('0001-use-go.md', '1. Use Go'), dir: api},
    ])
    expect(graph.nodes.map((n) => n.id)).toEqual(['_web_0001_use_react', '_web_0002_use_vite', '_api_0001_use_go'])
    expect(graph.nodes[2].url).toBe('packages/api/adr/0001-use-go.html')
    expect(graph.links).toEqual([{from: '_web_0002_use_vite', to: '_web_0001_use_react', label: 'Amends'}])
  })
})
