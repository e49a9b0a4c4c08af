import type {ScoreTable} from '../debate/totals.js'
import {escapeXml} from './html.js'

export interface TotalBar {
  label: string
  total: number
  winner: boolean
  knockedOut: boolean
}

const fmt = (n: number) => (Math.round(n * 100) / 100).toString()

/** The weighted totals as horizontal bars (scores are 1–5, so the axis runs to 5). */
export function totalsChart(bars: readonly TotalBar[]): string {
  const rowH = 28
  const labelW = 190
  const plotW = 340
  const h = bars.length * rowH + 30
  const x = (v: number) => labelW + (Math.max(0, Math.min(5, v)) / 5) * plotW
  const rows = bars
    .map((b, i) => {
      const y = 10 + i * rowH
      const cls = b.winner ? 'bar bar-winner' : b.knockedOut ? 'bar bar-out' : 'bar'
      return `<text class="label" x="${labelW - 8}" y="${y + 15}" text-anchor="end">${escapeXml(clip(b.label, 28))}</text><rect class="${cls}" x="${labelW}" y="${y + 3}" width="${Math.max(1, x(b.total) - labelW).toFixed(1)}" height="${rowH - 10}" rx="3"/><text class="value" x="${(x(b.total) + 6).toFixed(1)}" y="${y + 15}">${fmt(b.total)}${b.knockedOut ? ' (knocked out)' : ''}</text>`
    })
    .join('')
  const ticks = [0, 1, 2, 3, 4, 5]
    .map(
      (t) =>
        `<line class="grid" x1="${x(t)}" x2="${x(t)}" y1="6" y2="${h - 20}"/><text class="tick" x="${x(t)}" y="${h - 6}" text-anchor="middle">${t}</text>`,
    )
    .join('')
  return `<svg class="chart" viewBox="0 0 ${labelW + plotW + 120} ${h}" role="img" aria-labelledby="totals-title"><title id="totals-title">Weighted totals of the options</title>${ticks}${rows}</svg>`
}

export interface SensitivityInput {
  table: ScoreTable
  agreed: Record<string, number>
  driver: string
  driverName: string
  titleOf(option: string): string
  /** Flip thresholds of this driver, in points. */
  flips: number[]
}

/**
 * How each option's total moves as one driver's weight goes from 0 to 100 (the others scaled to keep
 * the sum at 100): straight lines, whose crossings with the winner's are the flip points.
 */
export function sensitivityChart(input: SensitivityInput): string {
  const {table, agreed, driver} = input
  const w = agreed[driver] ?? 0
  const rest = 100 - w
  const W = 560
  const H = 260
  const left = 44
  const right = 150
  const top = 12
  const bottom = 36
  const px = (weight: number) => left + (weight / 100) * (W - left - right)
  const py = (total: number) => top + (1 - Math.max(0, Math.min(5, total)) / 5) * (H - top - bottom)
  const lines = table.options
    .filter((o) => !table.knockedOut.has(o))
    .map((option, i) => {
      const a = table.matrix.get(option, driver) ?? 0
      let others = 0
      for (const d of table.drivers) if (d !== driver) others += (agreed[d] ?? 0) * (table.matrix.get(option, d) ?? 0)
      const r = rest > 0 ? others / rest : 0
      const at = (x: number) => (x / 100) * a + ((100 - x) / 100) * r
      return {option, i, y0: at(0), y100: at(100)}
    })
  const series = lines
    .map(
      (l) =>
        `<line class="series s${l.i % 6}" x1="${px(0)}" y1="${py(l.y0).toFixed(1)}" x2="${px(100)}" y2="${py(l.y100).toFixed(1)}"/><text class="series-label s${l.i % 6}" x="${px(100) + 6}" y="${(py(l.y100) + 4).toFixed(1)}">${escapeXml(clip(input.titleOf(l.option), 20))}</text>`,
    )
    .join('')
  const ticksX = [0, 25, 50, 75, 100]
    .map(
      (t) =>
        `<line class="grid" x1="${px(t)}" x2="${px(t)}" y1="${top}" y2="${H - bottom}"/><text class="tick" x="${px(t)}" y="${H - bottom + 14}" text-anchor="middle">${t}%</text>`,
    )
    .join('')
  const ticksY = [1, 2, 3, 4, 5].map((t) => `<text class="tick" x="${left - 6}" y="${py(t) + 4}" text-anchor="end">${t}</text>`).join('')
  const now = `<line class="now" x1="${px(w)}" x2="${px(w)}" y1="${top}" y2="${H - bottom}"/><text class="now-label" x="${px(w) + 4}" y="${top + 10}">agreed ${fmt(w)}%</text>`
  const flips = input.flips
    .map(
      (f) =>
        `<line class="flip" x1="${px(f)}" x2="${px(f)}" y1="${top}" y2="${H - bottom}"/><text class="flip-label" x="${px(f) + 4}" y="${H - bottom - 6}">flips at ${fmt(f)}%</text>`,
    )
    .join('')
  const axis = `<text class="axis" x="${(px(0) + px(100)) / 2}" y="${H - 4}" text-anchor="middle">weight of ${escapeXml(clip(`${driver} ${input.driverName}`, 50))}</text>`
  return `<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="sens-title-${escapeXml(driver)}"><title id="sens-title-${escapeXml(driver)}">Total of each option as the weight of ${escapeXml(driver)} changes</title>${ticksX}${ticksY}${now}${flips}${series}${axis}</svg>`
}

function clip(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text
}
