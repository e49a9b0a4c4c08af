import {AdrError} from '../core/errors.js'

/**
 * Graphviz compiled to WebAssembly (`@viz-js/viz`): DOT in, SVG out, in this process, with no binary
 * to install and no network. Loaded only when a graph is drawn.
 */
export async function renderDotToSvg(dot: string): Promise<string> {
  const {instance} = await import('@viz-js/viz')
  const viz = await instance()
  const result = viz.render(dot, {format: 'svg'})
  if (result.status !== 'success') {
    const message = result.errors.map((e) => e.message).join('; ')
    throw new AdrError('RENDER_FAILED', `Graphviz could not draw the relation graph: ${message}`, {
      suggestions: ['Please report this with the output of `adr generate graph`.'],
    })
  }
  return result.output
}
