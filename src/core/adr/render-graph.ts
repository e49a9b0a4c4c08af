import type {Adr} from './model.js'
import {formatAdrLabel} from './render-toc.js'
import {type AdrIndex, findLinkTargetIn, indexAdrs, indexWorkspace, isReverseRel} from './resolve-link.js'

export type GraphFormat = 'dot' | 'mermaid'

export interface GraphOptions {
  /** Put before each URL, e.g. `https://example.com/adr/`. */
  prefix?: string
  /** Replaces `.md` in each URL; adr-tools' default is `.html`. */
  extension?: string
  format?: GraphFormat
}

export interface GraphNode {
  id: string
  label: string
  url: string
}

export interface GraphEdge {
  from: string
  to: string
  /** The relation as written (`Supercedes`, `amends`); `undefined` for the dotted sequence edges. */
  label?: string
}

export interface Graph {
  nodes: GraphNode[]
  /** ADR n-1 → ADR n, in list order. */
  sequence: GraphEdge[]
  /** One per forward link (reverse `… by` links are left out, as adr-tools does). */
  links: GraphEdge[]
}

/** What the graph shows of an ADR: its number, title, file, directory and links (`readGraphEntry` reads no more). */
export type GraphAdr = Pick<Adr, 'number' | 'title' | 'file' | 'dir' | 'links'>

/** The nodes and edges of the decision graph, in the order adr-tools prints them. */
export function buildGraph(adrs: readonly GraphAdr[], options: GraphOptions = {}): Graph {
  const prefix = options.prefix ?? ''
  const extension = options.extension ?? '.html'
  const ids = nodeIds(adrs)
  const nodes = adrs.map((adr) => ({
    id: ids.get(adr)!,
    label: formatAdrLabel(adr),
    url: `${prefix}${adr.dir ? `${adr.dir.path}/` : ''}${adr.file.replace(/\.md$/i, '')}${extension}`,
  }))
  // the dotted sequence runs inside each directory (two packages' ADRs are not one sequence)
  const sequence = nodes
    .slice(1)
    .flatMap((node, i) => (adrs[i].dir?.name === adrs[i + 1].dir?.name ? [{from: nodes[i].id, to: node.id}] : []))
  const links: GraphEdge[] = []
  // links resolve inside their own ADR directory (two packages' ADR 3 are two decisions), or across by a path or a qualified reference
  const workspace = indexWorkspace(adrs)
  const indexes = new Map<string | undefined, AdrIndex<GraphAdr>>()
  for (const name of new Set(adrs.map((adr) => adr.dir?.name))) indexes.set(name, indexAdrs(adrs.filter((adr) => adr.dir?.name === name)))
  for (const adr of adrs) {
    for (const link of adr.links) {
      if (isReverseRel(link.relKey)) continue
      const target = findLinkTargetIn(indexes.get(adr.dir?.name)!, workspace, adr, link)
      const missing = link.targetNumber === undefined ? undefined : `_${link.targetNumber}`
      const to = target ? ids.get(target) : adr.dir ? undefined : missing
      if (to) links.push({from: ids.get(adr)!, to, label: link.rel})
    }
  }
  return {nodes, sequence, links}
}

/**
 * A node id per ADR, taken from its file: adr-tools' `_7` when the number names one ADR only (so a
 * plain repository's graph stays adr-tools' own), else the file's name made an identifier
 * (`_0003_use_kafka`, `_web_0003_use_kafka`, `_20201002_use_kafka`), so ADRs that share a number, sit
 * in different directories or carry none stay separate nodes.
 */
export function nodeIds<T extends Pick<Adr, 'number' | 'file' | 'dir'>>(adrs: readonly T[]): Map<T, string> {
  const counts = new Map<number, number>()
  for (const adr of adrs) if (adr.number !== undefined && !adr.dir) counts.set(adr.number, (counts.get(adr.number) ?? 0) + 1)
  const ids = new Map<T, string>()
  const taken = new Set<string>()
  for (const adr of adrs) {
    if (adr.number !== undefined && counts.get(adr.number) === 1) {
      ids.set(adr, `_${adr.number}`)
      taken.add(`_${adr.number}`)
    }
  }
  for (const adr of adrs) {
    if (ids.has(adr)) continue
    const base = `_${`${adr.dir ? `${adr.dir.name}/` : ''}${adr.file.replace(/(\/(readme|index))?\.md$/i, '')}`.replace(/[^A-Za-z0-9_]+/g, '_')}`
    let id = base
    for (let n = 2; taken.has(id); n++) id = `${base}_${n}`
    ids.set(adr, id)
    taken.add(id)
  }
  return ids
}

/** The graph as Graphviz DOT (adr-tools' form, byte for byte) or as a Mermaid flowchart. */
export function renderGraph(adrs: readonly GraphAdr[], options: GraphOptions = {}): string {
  return renderBuiltGraph(buildGraph(adrs, options), options)
}

/** `renderGraph` of a graph already built (`adr generate graph` builds it once for the text and `--json`). */
export function renderBuiltGraph(graph: Graph, options: GraphOptions = {}): string {
  return options.format === 'mermaid' ? renderMermaid(graph) : renderDot(graph)
}

function renderDot(graph: Graph): string {
  const out = ['digraph {', '  node [shape=plaintext];', '  subgraph {']
  const before = new Map(graph.sequence.map((edge) => [edge.to, edge.from]))
  for (const node of graph.nodes) {
    out.push(`    ${node.id} [label="${dotString(node.label)}"; URL="${dotString(node.url)}"];`)
    const from = before.get(node.id)
    if (from) out.push(`    ${from} -> ${node.id} [style="dotted", weight=1];`)
  }
  out.push('  }')
  for (const edge of graph.links) out.push(`  ${edge.from} -> ${edge.to} [label="${dotString(edge.label ?? '')}", weight=0]`)
  out.push('}')
  return `${out.join('\n')}\n`
}

function renderMermaid(graph: Graph): string {
  const out = ['flowchart TB']
  const before = new Map(graph.sequence.map((edge) => [edge.to, edge.from]))
  for (const node of graph.nodes) {
    out.push(`  ${node.id}["${mermaidString(node.label)}"]`)
    out.push(`  click ${node.id} "${mermaidString(node.url)}"`)
    const from = before.get(node.id)
    if (from) out.push(`  ${from} -.-> ${node.id}`)
  }
  for (const edge of graph.links) out.push(`  ${edge.from} -->|"${mermaidString(edge.label ?? '')}"| ${edge.to}`)
  return `${out.join('\n')}\n`
}

/** Inside a DOT quoted string only `"` and `\` need escaping; adr-tools' titles never carry them. */
function dotString(text: string): string {
  // most labels and URLs hold nothing to escape: one test instead of two replacements
  if (!/[\\"\n]/.test(text)) return text
  return text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ')
}

/** Mermaid reads `#quot;`-style entity codes inside quoted labels. */
function mermaidString(text: string): string {
  return text.replace(/"/g, '#quot;').replace(/\r?\n/g, ' ')
}
