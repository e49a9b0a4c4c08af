import type {Adr} from '../adr/model.js'
import {parseAdr} from '../adr/parse-adr.js'
import type {LintFinding as Finding} from '../lint/lint-rule.js'
import {keyPosition, valuePosition} from '../lint/locate.js'
import {type DebateRecord, hasPassed} from './record.js'
import {renderDebateAdr} from './render-adr.js'

export {ADR_RECORD_RULE, ADR_RECORD_RULE_ID} from './adr-record-rule.js'

/**
 * Checks an ADR (parsed, with its text and front matter) against its debate record. `recordKey` is
 * the record's path relative to the ADR directory (`debates/0001-primary-datastore.yaml`). Pure.
 */
export function checkAdrAgainstRecord(adr: Adr, record: DebateRecord, recordKey: string): Finding[] {
  const data = adr.frontMatter?.data
  if (!data || data.debate !== recordKey) return []
  const decided = hasPassed(record, 'G8') && !record.in_progress
  const expectedText = renderDebateAdr(record, {
    title: adr.title,
    status: decided ? 'accepted' : 'proposed',
    date: adr.date ?? record.timebox.started,
    debate: recordKey,
  })
  const expected = parseAdr(expectedText, adr.file).frontMatter?.data ?? {}
  const out: Finding[] = []
  const at = (path: (string | number)[]) => valuePosition(adr, path)

  // decision.chosen
  const chosen = (data.decision as {chosen?: unknown} | undefined)?.chosen
  const want = (expected.decision as {chosen?: unknown} | undefined)?.chosen
  if (chosen !== want) {
    out.push({
      ...(chosen === undefined ? keyPosition(adr, 'decision') : at(['decision', 'chosen'])),
      message:
        want === undefined
          ? `Unexpected \`decision.chosen\` \`${String(chosen)}\`, expected none until ${recordKey} passes Gate 8`
          : `Unexpected \`decision.chosen\` \`${String(chosen)}\`, expected \`${String(want)}\` as ${recordKey} decided`,
    })
  }

  // options: ids in order, titles, scores
  const options = rows(data.options)
  const wantOptions = rows(expected.options)
  if (ids(options) !== ids(wantOptions)) {
    out.push({
      ...(data.options ? at(['options']) : keyPosition(adr, 'options')),
      message: `Unexpected options \`${ids(options) || 'none'}\`, expected \`${ids(wantOptions) || 'none'}\` as in ${recordKey}`,
    })
  } else {
    wantOptions.forEach((w, i) => {
      const o = options[i]
      if (o.title !== w.title)
        out.push({
          ...at(['options', i, 'title']),
          message: `Unexpected title "${String(o.title)}" of option \`${String(w.id)}\`, expected "${String(w.title)}" as in ${recordKey}`,
        })
      if (o.score !== w.score)
        out.push({
          ...at(['options', i, o.score === undefined ? 'id' : 'score']),
          message: `Unexpected score ${String(o.score ?? 'none')} of option \`${String(w.id)}\`, expected ${String(w.score ?? 'none')} as computed from ${recordKey}`,
        })
    })
  }

  // drivers: ids in order, titles, weights, knockouts
  const drivers = rows(data.drivers)
  const wantDrivers = rows(expected.drivers)
  if (ids(drivers) !== ids(wantDrivers)) {
    out.push({
      ...(data.drivers ? at(['drivers']) : keyPosition(adr, 'drivers')),
      message: `Unexpected drivers \`${ids(drivers) || 'none'}\`, expected \`${ids(wantDrivers) || 'none'}\` as in ${recordKey}`,
    })
  } else {
    wantDrivers.forEach((w, i) => {
      const d = drivers[i]
      if (d.title !== w.title)
        out.push({
          ...at(['drivers', i, 'title']),
          message: `Unexpected title "${String(d.title)}" of driver \`${String(w.id)}\`, expected "${String(w.title)}" as in ${recordKey}`,
        })
      if (d.weight !== w.weight)
        out.push({
          ...at(['drivers', i, d.weight === undefined ? 'id' : 'weight']),
          message: `Unexpected weight ${String(d.weight ?? 'none')} of driver \`${String(w.id)}\`, expected ${String(w.weight ?? 'none')} as agreed in ${recordKey}`,
        })
      if (Boolean(d.knockout) !== Boolean(w.knockout))
        out.push({
          ...at(['drivers', i, 'knockout']),
          message: `Unexpected knockout ${String(d.knockout)} of driver \`${String(w.id)}\`, expected ${String(w.knockout)} as in ${recordKey}`,
        })
    })
  }

  // the body's "Chosen option" line
  const line = chosenLine(adr.text)
  const wantLine = chosenLine(expectedText)
  if (wantLine && line?.text !== wantLine.text) {
    const title = /^Chosen option: "([^"]*)"/.exec(wantLine.text)?.[1] ?? ''
    out.push({
      line: line?.line ?? adr.titleLine ?? 1,
      column: 1,
      message: line
        ? `Unexpected "Chosen option" line naming something else than "${title}", expected the option ${recordKey} decided`
        : `Missing the "Chosen option" line, expected \`Chosen option: "${title}", because …\` as ${recordKey} decided`,
    })
  }
  return out
}

type Row = Record<string, unknown>

function rows(value: unknown): Row[] {
  return Array.isArray(value) ? value.map((v) => (v && typeof v === 'object' ? (v as Row) : {})) : []
}

function ids(list: readonly Row[]): string {
  return list.map((r) => String(r.id)).join(', ')
}

/** The "Chosen option: …" line: its text up to ", because" (the rationale may be reworded) and its 1-based number. */
function chosenLine(text: string): {line: number; text: string} | undefined {
  const lines = text.split(/\r?\n/)
  const i = lines.findIndex((l) => l.startsWith('Chosen option:'))
  if (i < 0) return undefined
  return {line: i + 1, text: lines[i].split(', because')[0]}
}
