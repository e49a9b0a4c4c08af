import {loadAllAdrs} from '../../adapters/adr-store.js'
import type {Workspace} from '../../adapters/workspace.js'
import {buildGraph, type Graph, type GraphFormat, renderBuiltGraph} from '../../core/adr/render-graph.js'
import {loadGraphEntries} from './adr-entries.js'

export interface GraphRequest {
  prefix?: string
  /** Replaces `.md` in the URLs; `.html` when not given, as adr-tools does. */
  extension?: string
  format?: GraphFormat
  /** `false` parses every ADR whole (`ADRGATE_NO_FAST_PATHS=1`); see `loadGraphEntries`. */
  fastPaths?: boolean
}

export interface GraphResult extends Graph {
  format: GraphFormat
  /** The DOT or Mermaid text, exactly as printed. */
  text: string
}

/** adr-tools' `generate graph`: the ADRs in sequence, with their forward links, as DOT or Mermaid. */
export async function generateGraph(ws: Workspace, request: GraphRequest = {}): Promise<GraphResult> {
  const adrs = request.fastPaths === false ? (await loadAllAdrs(ws)).adrs : await loadGraphEntries(ws)
  const format = request.format ?? 'dot'
  const options = {prefix: request.prefix, extension: request.extension, format}
  const graph = buildGraph(adrs, options)
  return {format, text: renderBuiltGraph(graph, options), ...graph}
}
