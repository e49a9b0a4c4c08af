import {formatTotal} from './aggregate.js'
import {type DebateRecord, participantNames, type Results, type Tie} from './record.js'
import {computeResults} from './results.js'

/**
 * The scores as people read them after a reveal: options down, drivers across, each participant's
 * score in each cell (in the participants' order) and `!` on a divergent cell; then the totals, the
 * winner under every weight set and the flip points, in plain words. Plain text, no colour.
 */
export function renderMatrix(record: DebateRecord, results: Results = record.results ?? computeResults(record)): string {
  const people = participantNames(record)
  const drivers = record.drivers ?? []
  const options = record.options ?? []
  const entries = record.scoring?.entries ?? []
  const divergent = new Set(results.divergent.map((c) => `${c.option}|${c.driver}`))
  const weights = record.weights?.agreed
  const head = ['', ...drivers.map((d) => (weights ? `${d.id} (${weights[d.id] ?? 0})` : d.id)), weights ? 'total' : '']
  const rows = options.map((o) => {
    const cells = drivers.map((d) => {
      const scores = people.map((p) => {
        const e = entries.find((x) => x.participant === p && x.option === o.id && x.driver === d.id)
        return !e ? '·' : e.initial_score !== undefined && e.initial_score !== e.score ? `${e.initial_score}→${e.score}` : String(e.score)
      })
      return `${scores.join(' ')}${divergent.has(`${o.id}|${d.id}`) ? ' !' : ''}`
    })
    const total = results.totals.find((t) => t.option === o.id)
    return [o.title, ...cells, weights && total ? `${formatTotal(total.total)}${total.knocked_out ? ' (out)' : ''}` : '']
  })
  const lines = [`Scores (${people.join(' / ')}; ! = differ by 2 or more; a→b = rescored):`, ...table([head, ...rows])]
  lines.push('', ...drivers.map((d) => `  ${d.id} ${d.name}${d.knockout ? ' (knockout)' : ''}`))
  return [...lines, '', ...describeResults(record, results)].join('\n')
}

/** Totals, knockouts, winners per weight set and flip points, as sentences. */
export function describeResults(record: DebateRecord, results: Results): string[] {
  const title = (id: string | null) => record.options?.find((o) => o.id === id)?.title ?? id ?? 'no option'
  const lines: string[] = []
  for (const k of results.knocked_out)
    lines.push(`${title(k.option)} is out: it scores ${k.aggregate} on knockout driver ${k.driver}, below 3.`)
  if (!record.weights?.agreed) return lines
  lines.push(
    `Ranking under the agreed weights: ${results.totals.map((t) => `${t.rank}. ${title(t.option)} ${formatTotal(t.total)}`).join(' · ')}`,
  )
  for (const tie of results.ties ?? []) lines.push(describeTie(tie, title))
  const tiedTop = results.ties?.find((t) => t.rank === 1)
  const by = Object.entries(results.winners_by_participant)
  lines.push(
    `Winner: ${title(results.winner)} under the agreed weights${tiedTop ? ' (by the tie-break)' : ''}${by.length ? `; ${by.map(([p, w]) => `${title(w)} under ${p}'s`).join('; ')}` : ''}.`,
    results.stable ? 'Stable: every weight set names the same winner.' : 'Not stable: the weight sets disagree on the winner.',
  )
  for (const flip of results.flip_points) lines.push(`${flip.sentence}.`)
  if (tiedTop)
    lines.push(`No flip point: the winner only ties, so any change of the weights decides between ${names(tiedTop.options, title)}.`)
  else if (results.flip_points.length === 0) lines.push(`No single weight change within 0–100 points changes the winner.`)
  return lines
}

/** "Hosted runners and Self-hosted agents tie at 3.70: the tie-break ranks Hosted runners first, as it is listed first among the options." */
export function describeTie(tie: Tie, title: (id: string) => string): string {
  const place = tie.rank === 1 ? '' : ` for place ${tie.rank}`
  return `${names(tie.options, title)} tie at ${formatTotal(tie.total)}${place}: the tie-break ranks ${title(tie.options[0])} first, as it is listed first among the options.`
}

/** "A", "A and B", "A, B and C". */
function names(options: readonly string[], title: (id: string) => string): string {
  const titles = options.map(title)
  return titles.length < 2 ? titles.join('') : `${titles.slice(0, -1).join(', ')} and ${titles.at(-1)}`
}

function table(rows: readonly string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)))
  return rows.map((r) => `  ${r.map((cell, i) => cell.padEnd(widths[i])).join('  ')}`.trimEnd())
}
