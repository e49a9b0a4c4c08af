import {type DebateRecord, EVIDENCE_TYPES, type EvidenceType, type Level, participantNames, type ScoreEntry} from '../record.js'
import {renderMatrix} from '../render-matrix.js'
import {computeResults} from '../results.js'
import type {GateContext, RuleFailure} from './context.js'
import type {Gate, GateOutcome} from './gate.js'

const LEVELS = [{value: 'low'}, {value: 'medium'}, {value: 'high'}]
const MAX_RATIONALE_USES = 3

/** G5 Blind score: every participant scores every option on every driver, hidden; revealed together. */
export const scoreGate: Gate = {
  id: 'G5',
  title: 'Blind score',
  async run(ctx: GateContext) {
    const record = ctx.record
    record.scoring ??= {aggregate: ctx.aggregate, entries: []}
    if (record.scoring.aggregate === 'median') ctx.note('  Each cell is the median of its scores (.adrgate.yaml `debate.aggregate`).')
    const scoring = record.scoring
    for (;;) {
      const fresh: ScoreEntry[] = []
      for (const who of participantNames(record)) {
        ctx.note(`  ${who}: your scores, hidden until everyone has scored.`)
        fresh.push(...(await scoreAll(ctx, who)))
      }
      const failures = rationaleFailures([...scoring.entries, ...fresh])
      if (await ctx.settle(failures)) {
        scoring.entries.push(...fresh)
        break
      }
    }
    scoring.revealed = true
    scoring.drivers_lock = record.drivers_lock
    record.results = computeResults(record)
    ctx.note(renderMatrix(record, record.results))
    await reconcile(ctx)
    record.results = computeResults(record)
    const knockedOut = allKnockedOut(record)
    if (knockedOut) return askWayBack(ctx, knockedOut)
    return {next: unsettledCells(record).length === 0 && (record.results.stable || (record.cruxes ?? []).length > 0) ? 'G7' : 'G6'}
  },
}

/** The cells of one participant still to score, asked blind: score, rationale, evidence, confidence. */
async function scoreAll(ctx: GateContext, who: string): Promise<ScoreEntry[]> {
  const record = ctx.record
  const entries: ScoreEntry[] = []
  const scored = (o: string, d: string) => record.scoring!.entries.some((e) => e.participant === who && e.option === o && e.driver === d)
  for (const option of record.options ?? []) {
    for (const driver of record.drivers ?? []) {
      if (scored(option.id, driver.id)) continue
      const base = `scores.${who}.${option.id}.${driver.id}`
      const cell = `${option.title} on ${driver.id} "${driver.name}"`
      entries.push({
        participant: who,
        option: option.id,
        driver: driver.id,
        score: await ctx.askNumber({
          key: `${base}.score`,
          who,
          blind: true,
          message: `Score ${cell}, 1–5 (3 = meets the measure)`,
          validate: oneToFive,
        }),
        rationale: await ctx.askText({
          key: `${base}.rationale`,
          who,
          blind: true,
          prose: true,
          message: `${cell}: why that score, in one sentence?`,
        }),
        ...(await askBasis(ctx, who, base, cell)),
      })
    }
  }
  return entries
}

/**
 * What a score rests on and how sure its author is. A person answers both at once ("documentation
 * high"); an answers file may give `evidence` and `confidence`, or `basis` in the same compact form.
 */
async function askBasis(ctx: GateContext, who: string, base: string, cell: string): Promise<{evidence: EvidenceType; confidence: Level}> {
  const separate = ['evidence', 'confidence'].some(
    (k) => ctx.has(`${base}.${k}`) || ctx.prompter.peek?.(ctx.key(`${base}.${k}`)) !== undefined,
  )
  if (separate) {
    return {
      evidence: (await ctx.askSelect({
        key: `${base}.evidence`,
        who,
        blind: true,
        message: `${cell}: what is the score based on?`,
        choices: EVIDENCE_TYPES.map((value) => ({value})),
      })) as EvidenceType,
      confidence: (await ctx.askSelect({
        key: `${base}.confidence`,
        who,
        blind: true,
        message: `${cell}: how confident are you?`,
        choices: LEVELS,
      })) as Level,
    }
  }
  const text = await ctx.askText({
    key: `${base}.basis`,
    who,
    blind: true,
    message: `${cell}: what does it rest on (${EVIDENCE_TYPES.join(' / ')}) and how sure are you (low / medium / high)? e.g. "documentation high"`,
    validate: (v) => {
      const basis = parseBasis(String(v))
      return typeof basis === 'string' ? basis : undefined
    },
  })
  return parseBasis(text) as {evidence: EvidenceType; confidence: Level}
}

/** "documentation high" (either order) → the evidence type and the confidence. */
export function parseBasis(text: string): {evidence: EvidenceType; confidence: Level} | string {
  const words = text
    .toLowerCase()
    .split(/[\s,;/]+/)
    .filter(Boolean)
  const evidence = words.find((w) => (EVIDENCE_TYPES as readonly string[]).includes(w)) as EvidenceType | undefined
  const confidence = words.find((w) => ['low', 'medium', 'high'].includes(w)) as Level | undefined
  if (!evidence || !confidence || words.length !== 2) {
    return `write the evidence (${EVIDENCE_TYPES.join(', ')}) and the confidence (low, medium, high), e.g. "documentation high"`
  }
  return {evidence, confidence}
}

/** After the reveal, on each divergent cell: each participant states the other side's reason, then keeps or changes. */
async function reconcile(ctx: GateContext): Promise<void> {
  const record = ctx.record
  for (const cell of record.results?.divergent ?? []) {
    const entries = record.scoring!.entries.filter((e) => e.option === cell.option && e.driver === cell.driver)
    if (entries.every((e) => e.other_side)) continue
    const about = cellTitle(record, cell)
    for (const entry of entries) {
      const base = `reveal.${entry.participant}.${cell.option}.${cell.driver}`
      entry.other_side = await ctx.askText({
        key: `${base}.other_side`,
        who: entry.participant,
        message: `${about}: the scores differ by ${cell.spread}. In one sentence, the other side's reason:`,
      })
      const score = await ctx.askNumber({
        key: `${base}.score`,
        who: entry.participant,
        message: `${about}: keep your ${entry.score}, or change it?`,
        default: entry.score,
        validate: oneToFive,
      })
      if (score !== entry.score) {
        entry.initial_score ??= entry.score
        entry.score = score
        record.results = computeResults(record)
      }
    }
  }
}

/** "every option is out: …" when no option survives the knockout drivers, else undefined. */
function allKnockedOut(record: DebateRecord): string | undefined {
  const results = record.results
  if (!results || results.totals.length === 0 || results.totals.some((t) => !t.knocked_out)) return undefined
  const title = (id: string) => record.options?.find((o) => o.id === id)?.title ?? id
  const driver = (id: string) => record.drivers?.find((d) => d.id === id)?.name ?? id
  const seen = new Set<string>()
  const why = results.knocked_out
    .filter((k) => !seen.has(k.option) && seen.add(k.option))
    .map((k) => `${title(k.option)} scores ${k.aggregate} on ${k.driver} "${driver(k.driver)}"`)
  return `every option is knocked out (${why.join('; ')})`
}

/** No option survives: nothing can be decided, so the debate goes back to its drivers or its options. */
async function askWayBack(ctx: GateContext, why: string): Promise<GateOutcome> {
  ctx.note(`  ✗ ${why[0].toUpperCase()}${why.slice(1)}. A pre-mortem of no option cannot pass.`)
  const back = await ctx.askSelect({
    key: 'knockout_loop',
    message: 'Every option is out. Go back to the drivers (is a knockout too strict?) or to the options (is one missing)?',
    choices: [
      {value: 'drivers', name: 'back to Gate 3: revisit the drivers and their knockouts'},
      {value: 'options', name: 'back to Gate 4: add an option'},
    ],
  })
  return back === 'drivers' ? {next: 'G3', reason: why} : {next: 'G4', reason: why}
}

/** `MongoDB 7 on D1 "Invoice totals are never wrong"`: a cell in the words people use. */
export function cellTitle(record: DebateRecord, cell: {option: string; driver: string}): string {
  const option = record.options?.find((o) => o.id === cell.option)?.title ?? cell.option
  const driver = record.drivers?.find((d) => d.id === cell.driver)
  return `${option} on ${cell.driver}${driver ? ` "${driver.name}"` : ''}`
}

/** Divergent cells that no resolved crux explains yet. */
export function unsettledCells(record: DebateRecord): {option: string; driver: string}[] {
  return (record.results?.divergent ?? []).filter(
    (cell) => !(record.cruxes ?? []).some((c) => c.resolution && c.cells.some((x) => x.option === cell.option && x.driver === cell.driver)),
  )
}

function oneToFive(value: unknown): string | undefined {
  const n = Number(value)
  return Number.isInteger(n) && n >= 1 && n <= 5 ? undefined : 'score with a whole number from 1 to 5 (3 = meets the measure)'
}

function rationaleFailures(entries: readonly ScoreEntry[]): RuleFailure[] {
  const uses = new Map<string, ScoreEntry[]>()
  for (const e of entries) uses.set(e.rationale.trim().toLowerCase(), [...(uses.get(e.rationale.trim().toLowerCase()) ?? []), e])
  return [...uses.values()]
    .filter((list) => list.length > MAX_RATIONALE_USES)
    .map((list) => ({
      rule: 'g5/rationale-reuse',
      message: `the rationale "${list[0].rationale}" is used ${list.length} times.`,
      change: `Give each score its own reason (at most ${MAX_RATIONALE_USES} uses).`,
      keys: list.slice(MAX_RATIONALE_USES).map((e) => `scores.${e.participant}.${e.option}.${e.driver}.rationale`),
    }))
}
