import type {GateContext} from './context.js'

/** What gets better, what gets worse (at least one thing), and the trade-offs accepted. */
export async function askConsequences(ctx: GateContext, lite: boolean): Promise<void> {
  const record = ctx.record
  const optional = (key: string, message: string) => ({key, kind: 'list' as const, message, optional: true})
  const good = lite
    ? await ctx.askUnlessBrief(optional('consequences.good', 'What gets better (comma-separated)?'), [])
    : await ctx.ask(optional('consequences.good', 'What gets better (comma-separated)?'))
  const bad = await ctx.askList({key: 'consequences.bad', message: 'What gets worse? At least one thing, comma-separated'})
  const tradeoffs = await ctx.askUnlessBrief(
    optional('consequences.tradeoffs', 'Trade-offs you accept (comma-separated, Enter for none)'),
    [],
  )
  record.consequences = {good: asList(good), bad}
  if (asList(tradeoffs).length) record.consequences.tradeoffs = asList(tradeoffs)
}

function asList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : value ? [String(value)] : []
}
