import type {Adr} from '../adr/model.js'
import {buildGraph} from '../adr/render-graph.js'
import {normaliseRel, reverseRel} from '../adr/status.js'
import type {GraphPart} from './page-graph.js'
import {pageOf} from './site-model.js'

/** More nodes than this and only the latest decisions with links are drawn (Graphviz's layout grows faster than linearly). */
export const MAX_GRAPH_NODES = 1500

export interface SiteGraph extends Omit<GraphPart, 'svg'> {
  /** The DOT to draw, or undefined when no ADR links to another. */
  dot?: string
}

const COLOURS: Record<string, [fill: string, line: string]> = {
  proposed: ['#fff4d6', '#b7791f'],
  accepted: ['#e3f5e9', '#2f855a'],
  rejected: ['#fde8e8', '#c53030'],
  deprecated: ['#edf0f3', '#718096'],
  superseded: ['#efe9fb', '#6b46c1'],
}

/**
 * The relation graph for the site, from the nodes and forward links `adr generate graph` draws (the
 * dotted "next ADR" chain left out: the site has an index for that): only the ADRs that take part in a
 * typed link, coloured by status, each a link to its page.
 */
export function siteGraphDot(adrs: readonly Adr[]): SiteGraph {
  const graph = buildGraph(adrs, {prefix: '', extension: '.md'})
  const adrById = new Map(graph.nodes.map((n, i) => [n.id, adrs[i]]))
  const linked = new Set(graph.links.flatMap((l) => [l.from, l.to]))
  let nodes = graph.nodes.filter((n) => linked.has(n.id) && adrById.has(n.id))
  if (nodes.length > MAX_GRAPH_NODES) nodes = nodes.slice(-MAX_GRAPH_NODES)
  const drawn = new Set(nodes.map((n) => n.id))
  // a symmetric relation (relates to) written on both sides is one edge
  const pairs = new Set<string>()
  const links = graph.links.filter((l) => {
    if (!drawn.has(l.from) || !drawn.has(l.to)) return false
    const rel = normaliseRel(l.label ?? '')
    if (reverseRel(rel) !== rel) return true
    if (pairs.has(`${l.to}\0${l.from}\0${rel}`)) return false
    pairs.add(`${l.from}\0${l.to}\0${rel}`)
    return true
  })
  const edges = links.map((l) => ({
    from: pageOfAdr(adrById.get(l.from) as Adr),
    to: pageOfAdr(adrById.get(l.to) as Adr),
    rel: l.label ?? '',
  }))
  if (nodes.length === 0) return {drawn: 0, edges}
  const out = [
    'digraph adrs {',
    '  graph [rankdir=LR, bgcolor="transparent", nodesep=0.25, ranksep=0.5, fontname="Helvetica,Arial,sans-serif"];',
    '  node [shape=box, style="rounded,filled", fontname="Helvetica,Arial,sans-serif", fontsize=11, margin="0.14,0.06", penwidth=1.2];',
    '  edge [fontname="Helvetica,Arial,sans-serif", fontsize=9, color="#718096", fontcolor="#4a5568", arrowsize=0.7];',
  ]
  for (const node of nodes) {
    const adr = adrById.get(node.id) as Adr
    const status = adr.status ?? 'unknown'
    const [fill, line] = COLOURS[status] ?? ['#ffffff', '#4a5568']
    out.push(
      `  ${node.id} [label="${wrap(node.label)}", URL="${dot(pageOfAdr(adr).split('/').map(encodeURIComponent).join('/'))}", tooltip="${dot(`${node.label} (${status})`)}", class="status-${dot(status.replace(/[^a-z-]/g, ''))}", fillcolor="${fill}", color="${line}"];`,
    )
  }
  for (const l of links) out.push(`  ${l.from} -> ${l.to} [label="${dot(l.label ?? '')}"];`)
  out.push('}')
  return {dot: `${out.join('\n')}\n`, drawn: nodes.length, edges}
}

function pageOfAdr(adr: Adr): string {
  return pageOf(adr.file, adr.dir?.name)
}

/** Inside a DOT string only `"` and `\` are special (a backslash starts Graphviz's escapes: `\N`, `\l`). */
function dot(text: string): string {
  return text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ')
}

/** A label wrapped at about 28 characters a line, lines joined by DOT's `\n`. */
function wrap(label: string, width = 28): string {
  const lines: string[] = []
  let line = ''
  for (const word of label.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines.map(dot).join('\\n')
}

/** Graphviz's SVG, ready to sit inside a page: no XML prolog, doctype or comments. */
export function inlineSvg(svg: string): string {
  return svg
    .replace(/<\?xml[^>]*\?>/g, '')
    .replace(/<!DOCTYPE[^>]*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .trim()
}
