import {stringifyYaml} from '../yaml/yaml.js'
import {formatTotal} from './aggregate.js'
import {type DebateRecord, participantNames, type Results} from './record.js'
import {describeResults} from './render-matrix.js'
import {computeResults} from './results.js'

export interface DebateAdrMeta {
  title: string
  /** `accepted` once G8 has passed, `proposed` before. */
  status: 'proposed' | 'accepted'
  date: string
  /** The record's path relative to the ADR directory: `debates/0012-primary-datastore.yaml`. */
  debate: string
}

/**
 * The ADR of a debate: MADR 4 front matter carrying the trade-off summary (drivers with agreed
 * weights, options with totals, decision, consequences, confirmation, revisit, `debate:`), and a body
 * in MADR's sections with the Y-statement in the Decision Outcome and cruxes, dissent and triggers
 * under More Information. About one page.
 */
export function renderDebateAdr(record: DebateRecord, meta: DebateAdrMeta): string {
  const results = record.scoring?.entries.length ? (record.results ?? computeResults(record)) : undefined
  const yaml = renderFrontMatter(frontMatter(record, meta, results))
  return `---\n${yaml}\n---\n\n${body(record, meta, results)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`
}

/** YAML in the shape adrgate writes MADR front matter: people, drivers, options and checks as one-line `{…}` / `[…]` items. */
function renderFrontMatter(data: Record<string, unknown>): string {
  return stringifyYaml(data, {compact: true}).trimEnd()
}

function frontMatter(record: DebateRecord, meta: DebateAdrMeta, results: Results | undefined): Record<string, unknown> {
  const weights = record.weights?.agreed
  const data: Record<string, unknown> = {
    status: meta.status,
    date: meta.date,
    'decision-makers': [record.roles.approver].filter(Boolean),
    consulted: [...participantNames(record), ...(record.roles.consulted ?? [])],
    informed: record.roles.informed ?? [],
  }
  if (record.drivers?.length) {
    data.drivers = record.drivers.map((d) => ({
      id: d.id,
      title: d.name,
      ...(weights ? {weight: weights[d.id] ?? 0} : {}),
      knockout: d.knockout,
      category: d.category,
      ...(d.measure ? {measure: d.measure} : {}),
    }))
  }
  if (record.options?.length) {
    data.options = record.options.map((o) => {
      const total = results?.totals.find((t) => t.option === o.id)
      return {id: o.id, title: o.title, ...(total && weights ? {score: total.total} : {})}
    })
  }
  if (record.decision) {
    const method = record.decision.method === 'champion' ? 'delegated' : record.decision.method
    data.decision = {chosen: record.decision.chosen, method, rationale: record.decision.rationale}
  }
  if (record.consequences) data.consequences = record.consequences
  if (record.confirmation?.length)
    data.confirmation = record.confirmation.map((c) => ({id: c.id, name: c.name, kind: c.kind, check: c.check}))
  if (record.revisit && record.decision) {
    data.revisit = record.revisit.triggers.length
      ? {date: record.revisit.date, triggers: record.revisit.triggers.map((t) => t.condition)}
      : record.revisit.date
  }
  data.debate = meta.debate
  return data
}

function body(record: DebateRecord, meta: DebateAdrMeta, results: Results | undefined): string[] {
  const title = (id: string | undefined) => record.options?.find((o) => o.id === id)?.title ?? id ?? ''
  const weights = record.weights?.agreed
  const lines = [
    `# ${meta.title}`,
    '',
    '## Context and Problem Statement',
    '',
    record.question ?? 'The Logic Gates debate has just started.',
    '',
  ]
  if (record.context) lines.push(record.context, '')
  if (record.out_of_scope?.length) lines.push(`Out of scope: ${record.out_of_scope.join('; ')}.`, '')
  lines.push('## Decision Drivers', '')
  for (const d of record.drivers ?? []) {
    const notes = [weights ? `weight ${weights[d.id] ?? 0}` : '', d.knockout ? 'knockout' : ''].filter(Boolean)
    lines.push(`* ${d.id} ${d.name}${notes.length ? ` (${notes.join(', ')})` : ''}${d.measure ? `: ${d.measure}` : ''}`)
  }
  if (!record.drivers?.length) lines.push('* To be agreed at Gate 3.')
  lines.push('', '## Considered Options', '')
  for (const o of record.options ?? []) {
    const total = results?.totals.find((t) => t.option === o.id)
    const tiedWith = results?.ties?.find((t) => t.options.includes(o.id))?.options.filter((x) => x !== o.id) ?? []
    const notes = [
      total ? `weighted total ${formatTotal(total.total)}` : '',
      total?.knocked_out ? 'knocked out' : '',
      tiedWith.length ? `tied with ${tiedWith.map(title).join(' and ')}` : '',
    ].filter(Boolean)
    lines.push(`* ${o.title}${total && weights ? ` (${notes.join(', ')})` : ''}`)
  }
  if (!record.options?.length) lines.push('* To be listed at Gate 4.')
  lines.push('', '## Decision Outcome', '')
  const decision = record.decision
  if (!decision) {
    lines.push(`Not decided yet: the debate is at ${record.in_progress?.gate ?? 'G1'}. See the debate record, ${meta.debate}.`, '')
    lines.push(
      '### Consequences',
      '',
      'To be found at the pre-mortem (Gate 7).',
      '',
      '### Confirmation',
      '',
      'To be agreed at the pre-mortem (Gate 7).',
      '',
    )
  } else {
    lines.push(`Chosen option: "${title(decision.chosen)}", because ${lowerFirst(decision.rationale)}`, '', `> ${decision.y_statement}`, '')
    if (decision.override_rationale) lines.push(`It is not the top-scored option: ${decision.override_rationale}`, '')
    lines.push('### Consequences', '')
    for (const good of record.consequences?.good ?? []) lines.push(`* Good, because ${lowerFirst(good)}`)
    for (const bad of record.consequences?.bad ?? []) lines.push(`* Bad, because ${lowerFirst(bad)}`)
    for (const t of record.consequences?.tradeoffs ?? []) lines.push(`* Neutral, because ${lowerFirst(t)}`)
    lines.push('', '### Confirmation', '')
    for (const c of record.confirmation ?? []) lines.push(`* ${c.id} ${c.name} (${c.kind}): ${c.check}`)
    lines.push('')
  }
  if (results && weights) {
    const pros = prosAndCons(record, results)
    lines.push('## Pros and Cons of the Options', '', ...(pros.length > LONG ? collapsed(`Each option, driver by driver`, pros) : pros))
  }
  lines.push('## More Information', '', ...moreInformation(record, meta, results))
  return lines
}

function prosAndCons(record: DebateRecord, results: Results): string[] {
  const lines: string[] = []
  for (const o of record.options ?? []) {
    lines.push(`### ${o.title}`, '')
    for (const d of record.drivers ?? []) {
      const cell = results.cells.find((c) => c.option === o.id && c.driver === d.id)
      if (!cell) continue
      const verdict = cell.aggregate >= 3.5 ? 'Good' : cell.aggregate < 2.5 ? 'Bad' : 'Neutral'
      const reason = record.scoring?.entries.find(
        (e) => e.option === o.id && e.driver === d.id && Math.abs(e.score - cell.aggregate) < 1,
      )?.rationale
      lines.push(`* ${verdict}, because on ${d.id} ${d.name} it scores ${cell.aggregate}${reason ? `: ${lowerFirst(reason)}` : ''}`)
    }
    lines.push('')
  }
  return lines
}

function moreInformation(record: DebateRecord, meta: DebateAdrMeta, results: Results | undefined): string[] {
  const lines = [
    `Settled through the Logic Gates on the ${record.track ?? 'undecided'} track; the full record is [${meta.debate}](${meta.debate}).`,
    '',
  ]
  if (results && record.weights?.agreed) lines.push(...describeResults(record, results).map((l) => `* ${l}`), '')
  if (record.cruxes?.length) {
    const cruxes: string[] = []
    for (const c of record.cruxes) {
      const settled =
        c.resolution === 'evidence'
          ? `settled by ${c.settle}${c.owner_of_experiment ? ` (run by ${c.owner_of_experiment})` : ''}: ${c.finding}`
          : `accepted as uncertainty, watched by ${c.trigger}`
      cruxes.push(
        `* ${c.id} (${c.owner}${c.cells.length ? `, ${c.cells.map((x) => `${x.option} on ${x.driver}`).join(', ')}` : ''}): ${c.fact} — ${settled}`,
      )
    }
    if (cruxes.length > 3) lines.push(...collapsed(`Cruxes (${cruxes.length})`, cruxes))
    else lines.push('Cruxes:', '', ...cruxes, '')
  }
  const raised = (record.objections ?? []).filter((o) => o.kind !== 'consent')
  if (raised.length) {
    lines.push('Objections and concerns:', '')
    for (const o of raised) {
      const harms = o.harms?.length ? ` (harms ${o.harms.join(', ')})` : ''
      const said = o.statement ? `: "${o.statement}"` : ''
      if (o.kind === 'concern') lines.push(`* ${o.id} ${o.raiser}'s concern${harms}${said}`)
      else {
        const outcome = o.resolution ? `${o.resolution} by ${o.by ?? record.roles.approver}: ${o.rationale ?? ''}`.trimEnd() : 'open'
        lines.push(`* ${o.id} ${o.raiser} objected${harms}${said} — ${outcome}`)
      }
    }
    lines.push('')
  }
  const dissent = (record.commitments ?? []).filter((c) => c.stance !== 'agree')
  if (dissent.length) {
    lines.push('Dissent:', '')
    for (const c of dissent)
      lines.push(
        `* ${c.participant} ${c.stance === 'stand-aside' ? 'stands aside' : 'disagrees and commits'}${c.dissent ? `: "${c.dissent}"` : '.'}`,
      )
    lines.push('')
  }
  if (record.revisit && record.decision) {
    lines.push(`Revisit on ${record.revisit.date}${record.revisit.triggers.length ? ', or earlier if:' : '.'}`, '')
    for (const t of record.revisit.triggers) lines.push(`* ${t.id} ${t.condition}${t.source ? ` (from ${t.source})` : ''}`)
  }
  return lines
}

/** More lines than this in one part of the body, and it is collapsed so the ADR stays about a page. */
const LONG = 12

/** A part of the body folded into `<details>`: on the page, one line; the full text one click away. */
function collapsed(summary: string, lines: readonly string[]): string[] {
  return ['<details>', `<summary>${summary}</summary>`, '', ...lines, '</details>', '']
}

function lowerFirst(text: string): string {
  const t = text.trim()
  const out = /^[A-Z][a-z]*(\s|$)/.test(t) ? t.charAt(0).toLowerCase() + t.slice(1) : t
  return /[.!?]$/.test(out) ? out : `${out}.`
}
