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
