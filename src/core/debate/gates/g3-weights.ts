import {type Driver, participantNames, type WeightSet} from '../record.js'
import type {GateContext} from './context.js'

/** Proposed weights that differ by this many points or more need product evidence. */
export const WEIGHT_SPREAD = 15

/**
 * G3's weights: each participant splits 100 points across the drivers, blind; the splits are
 * revealed together; a spread of 15 points or more is explained by product evidence; then the group
 * agrees one set (the rounded mean is offered).
 */
export async function askWeights(ctx: GateContext, drivers: readonly Driver[]): Promise<void> {
  const record = ctx.record
  const proposed: Record<string, WeightSet> = {}
  for (const who of participantNames(record)) {
    ctx.note(`  ${who}: split 100 points across ${drivers.map((d) => d.id).join(', ')} (hidden until everyone has).`)
    proposed[who] = {}
    const separate = drivers.some(
      (d) => ctx.has(`weights.${who}.${d.id}`) || ctx.prompter.peek?.(ctx.key(`weights.${who}.${d.id}`)) !== undefined,
    )
    if (!separate) {
      // One answer per person: "50 20 30", in the drivers' order (an answers file may give either form).
      const text = await ctx.askText({
        key: `weights.${who}`,
        who,
        blind: true,
        message: `Split 100 points across ${drivers.map((d) => `${d.id} "${d.name}"`).join(', ')}, in that order (e.g. "${exampleSplit(drivers.length)}")`,
        validate: (v) => {
          const split = parseSplit(String(v), drivers)
          return typeof split === 'string' ? split : undefined
        },
      })
      proposed[who] = parseSplit(text, drivers) as WeightSet
      continue
    }
    for (const d of drivers) {
      proposed[who][d.id] = await ctx.askNumber({
        key: `weights.${who}.${d.id}`,
        who,
        blind: true,
        message: `Points for ${d.id} "${d.name}"?`,
        validate: points,
      })
    }
  }
  ctx.note(
    `  Revealed weights: ${Object.entries(proposed)
      .map(([who, set]) => `${who} ${drivers.map((d) => `${d.id}=${set[d.id]}`).join(' ')}`)
      .join('; ')}`,
  )
  const explanations: Record<string, string> = {}
  for (const d of drivers) {
    const values = Object.values(proposed).map((set) => set[d.id])
    if (Math.max(...values) - Math.min(...values) < WEIGHT_SPREAD) continue
    explanations[d.id] = await ctx.askText({
      key: `weights.explanations.${d.id}`,
      message: `The weights for ${d.id} "${d.name}" differ by ${Math.max(...values) - Math.min(...values)} points. What product evidence explains the difference?`,
    })
  }
  const offer = roundedMean(drivers, Object.values(proposed))
  const agreed: WeightSet = {}
  if (agreedLeftOut(ctx, drivers)) {
    // A group fact the protocol computes: recorded as computed, agreed by nobody in particular.
    ctx.note(
      `  Nobody stated the agreed weights: the rounded mean is recorded (${drivers.map((d) => `${d.id}=${offer[d.id]}`).join(' ')}).`,
    )
    record.weights = {proposed, agreed: offer, agreed_from: 'rounded-mean'}
    if (Object.keys(explanations).length) record.weights.spread_explanations = explanations
    return
  }
  for (const d of drivers) {
    agreed[d.id] = await ctx.askNumber({
      key: `weights.agreed.${d.id}`,
      message: `Agreed points for ${d.id} "${d.name}"?`,
      default: offer[d.id],
      validate: points,
    })
  }
  record.weights = {proposed, agreed, agreed_by: participantNames(record)}
  if (Object.keys(explanations).length) record.weights.spread_explanations = explanations
}

/** An answers file that gives the splits but no agreed set: nobody is asked, and nobody is said to have agreed. */
function agreedLeftOut(ctx: GateContext, drivers: readonly Driver[]): boolean {
  if (drivers.some((d) => ctx.has(`weights.agreed.${d.id}`))) return false
  if (!ctx.prompter.peek || ctx.prompter.peek(ctx.key('weights.agreed')) !== undefined) return false
  return !ctx.prompter.interactive || ctx.prompter.peek(ctx.key('weights')) !== undefined
}

/** "50 20 30", "50, 20, 30" or "D1=50 D2=20 D3=30": one whole number per driver, in order; the sum is the exit rule's to check. */
export function parseSplit(text: string, drivers: readonly Driver[]): WeightSet | string {
  const parts = text.split(/[\s,;]+/).filter(Boolean)
  const values = parts.map((p) => p.replace(/^D\d+\s*[=:]\s*/i, ''))
  if (values.length !== drivers.length)
    return `give ${drivers.length} numbers, one per driver in order (${drivers.map((d) => d.id).join(' ')})`
  const set: WeightSet = {}
  for (const [i, d] of drivers.entries()) {
    const n = Number(values[i])
    if (points(n)) return `"${values[i]}" for ${d.id}: give whole points from 0 to 100`
    set[d.id] = n
  }
  return set
}

function exampleSplit(n: number): string {
  const base = Math.floor(100 / n)
  return [base + (100 - base * n), ...Array(n - 1).fill(base)].join(' ')
}

function points(value: unknown): string | undefined {
  const n = Number(value)
  return Number.isInteger(n) && n >= 0 && n <= 100 ? undefined : 'give whole points from 0 to 100'
}

/** The mean of the sets, rounded, with the rounding error put on the heaviest driver so it sums to 100. */
export function roundedMean(drivers: readonly Driver[], sets: readonly WeightSet[]): WeightSet {
  const out: WeightSet = {}
  for (const d of drivers) out[d.id] = Math.round(sets.reduce((sum, s) => sum + (s[d.id] ?? 0), 0) / Math.max(1, sets.length))
  const total = Object.values(out).reduce((a, b) => a + b, 0)
  const heaviest = drivers.reduce((best, d) => (out[d.id] > out[best.id] ? d : best), drivers[0])
  if (heaviest) out[heaviest.id] += 100 - total
  return out
}
