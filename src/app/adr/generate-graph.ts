import {loadAllAdrs} from '../../adapters/adr-store.js'
import type {Workspace} from '../../adapters/workspace.js'
import {buildGraph, type Graph, type GraphFormat, renderGraph} from '../../core/adr/render-graph.js'

export interface GraphRequest {
  prefix?: string
  /** Replaces `.md` in the URLs; `.html` when not given, as adr-tools does. */
  extension?: string
  format?: GraphFormat
}

export interface GraphResult extends Graph {
  format: GraphFormat
  /** The DOT or Mermaid text, exactly as printed. */
  text: string
}

/** adr-tools' `generate graph`: the ADRs in sequence, with their forward links, as DOT or Mermaid. */
export async function generateGraph(ws: Workspace, request: GraphRequest = {}): Promise<GraphResult> {
  const {adrs} = await loadAllAdrs(ws)
  const format = request.format ?? 'dot'
  const options = {prefix: request.prefix, extension: request.extension, format}
  return {format, text: renderGraph(adrs, options), ...buildGraph(adrs, options)}
}
