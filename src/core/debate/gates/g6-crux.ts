import type {CellRef, Crux, RevisitTrigger} from '../record.js'
import {participantNames} from '../record.js'
import {computeResults} from '../results.js'
import {addMonths, checkDate} from './calendar.js'
import type {GateContext, RuleFailure} from './context.js'
import {cellTitle, unsettledCells} from './g5-score.js'
import type {Gate, GateOutcome} from './gate.js'

const SETTLE = [
  {value: 'lookup', name: 'lookup: a document settles it'},
  {value: 'experiment', name: 'experiment: a test or measurement, run by the sceptic'},
  {value: 'defer', name: 'defer: accept the uncertainty, watch it with a revisit trigger'},
]

/** G6 Crux: for each divergent cell, each side names the fact that would change their mind, and how to settle it. */
export const cruxGate: Gate = {
  id: 'G6',
  title: 'Crux',
  async run(ctx: GateContext): Promise<GateOutcome> {
    const record = ctx.record
    record.cruxes ??= []
    const targets: CellRef[][] = unsettledCells(record).map((c) => [{option: c.option, driver: c.driver}])
    if (targets.length === 0 && record.results && !record.results.stable) targets.push([])
    let rescored = false
    for (;;) {
      for (const cells of targets) for (const who of participantNames(record)) rescored = (await settleCrux(ctx, cells, who)) || rescored
      linkRescores(ctx)
      if (await ctx.settle(cruxFailures(ctx))) break
    }
    const loop = await ctx.askSelect({
      key: 'crux_loop',
      message: 'Did a crux expose something the debate lacks?',
      choices: [
        {value: 'none', name: 'no: go on'},
        {value: 'driver', name: 'a missing driver: back to Gate 3'},
        {value: 'option', name: 'a new option: back to Gate 4'},
      ],
      default: 'none',
    })
    if (loop === 'driver') return {next: 'G3', reason: 'a crux exposed a missing driver'}
    if (loop === 'option') return {next: 'G4', reason: 'a crux exposed a new option'}
    return rescored ? {next: 'G5', reason: 'rescore after evidence'} : {next: 'G7'}
  },
}

/** One participant's crux on some cells: the fact, whether it is genuine, how it is settled, and the rescore. */
async function settleCrux(ctx: GateContext, cells: CellRef[], who: string): Promise<boolean> {
  const record = ctx.record
  const cellText = cells.length ? cells.map((c) => cellTitle(record, c)).join(', ') : 'the weights'
  const base = cells.length ? `cruxes.${cells[0].option}.${cells[0].driver}.${who}` : `cruxes.weights.${who}`
  const same = (c: Crux) =>
    c.owner === who &&
    c.cells.length === cells.length &&
    cells.every((x) => c.cells.some((y) => y.option === x.option && y.driver === x.driver))
  const existing = record.cruxes!.find(same)
  const fact = await ctx.askText({
    key: `${base}.fact`,
    who,
    message: `${cellText}: what one observable fact would move your score by 2 or more? (a document, test or measurement settles it)`,
  })
  const genuine = await ctx.askConfirm({
    key: `${base}.genuine`,
    who,
    message: `${who}'s crux on ${cellText}: would that fact genuinely change your mind?`,
  })
  const crux: Crux = {id: existing?.id ?? `C${record.cruxes!.length + 1}`, cells, owner: who, fact, genuine, settle: 'lookup'}
  if (!genuine)
    crux.deeper_belief = await ctx.askText({
      key: `${base}.deeper_belief`,
      who,
      message: `${who}'s crux on ${cellText}: what deeper belief would?`,
    })
  crux.settle = (await ctx.askSelect({
    key: `${base}.settle`,
    who,
    message: `${who}'s crux on ${cellText}: how will it be settled before the deadline?`,
    choices: SETTLE,
  })) as Crux['settle']
  // The crux enters the record only once it is whole, so every save in between is a valid record.
  const commit = () => {
    const at = record.cruxes!.findIndex(same)
    if (at >= 0) record.cruxes![at] = crux
    else record.cruxes!.push(crux)
  }
  if (crux.settle === 'defer') {
    const condition = await ctx.askText({
      key: `${base}.trigger`,
      who,
      message: `${who}'s crux on ${cellText}: what observable condition should reopen the decision?`,
    })
    crux.resolution = 'uncertainty'
    crux.trigger = addTrigger(ctx, {condition, source: crux.id})
    commit()
    return false
  }
  const decideBy = record.timebox.decide_by ?? record.timebox.started
  if (crux.settle === 'experiment') {
    crux.owner_of_experiment = await ctx.askSelect({
      key: `${base}.experiment_owner`,
      message: `${who}'s crux on ${cellText}: who runs the experiment? (the sceptic of the claim: by default, ${who})`,
      choices: participantNames(record).map((value) => ({value})),
      default: who,
    })
  }
  crux.due = await ctx.askText({
    key: `${base}.due`,
    message: `${who}'s crux on ${cellText}: due by (on or before ${decideBy})`,
    default: decideBy,
    validate: (v) => checkDate(v) ?? (String(v) > decideBy ? `it is due after the deadline, ${decideBy}` : undefined),
  })
  commit()
  crux.finding = await ctx.askText({
    key: `${base}.finding`,
    message: `${who}'s crux on ${cellText}: what did the ${crux.settle} find? (the session is saved: stop here and resume once it is done)`,
  })
  crux.resolution = 'evidence'
  crux.resolved_on = ctx.today
  return rescore(ctx, crux, base)
}

/** After the finding, the crux's owner rescores its cells; a changed entry keeps its first score and names the crux. */
async function rescore(ctx: GateContext, crux: Crux, base: string): Promise<boolean> {
  const record = ctx.record
  const entries = crux.cells.flatMap(
    (cell) =>
      record.scoring?.entries.filter((e) => e.participant === crux.owner && e.option === cell.option && e.driver === cell.driver) ?? [],
  )
  const scores: number[] = []
  for (const entry of entries) {
    scores.push(
      await ctx.askNumber({
        key: `${base}.rescore`,
        who: crux.owner,
        message: `After the finding, your score for ${cellTitle(record, entry)} (now ${entry.score})?`,
        default: entry.score,
      }),
    )
  }
  entries.forEach((entry, i) => {
    if (scores[i] === (entry.initial_score ?? entry.score)) return
    entry.initial_score ??= entry.score
    entry.score = scores[i]
    entry.crux = crux.id
  })
  record.results = computeResults(record)
  return entries.some((e) => e.crux === crux.id && e.initial_score !== e.score)
}

/** A trigger watched at the revisit; the revisit date is set at G7. */
export function addTrigger(ctx: GateContext, trigger: Omit<RevisitTrigger, 'id'>): string {
  const record = ctx.record
  record.revisit ??= {date: addMonths(record.timebox.decide_by ?? ctx.today, 12), triggers: []}
  const existing = record.revisit.triggers.find((t) => t.source === trigger.source && t.condition === trigger.condition)
  if (existing) return existing.id
  const id = `T${record.revisit.triggers.length + 1}`
  record.revisit.triggers.push({id, ...trigger})
  return id
}

/** Entries changed after the reveal name the crux of their owner on that cell. */
function linkRescores(ctx: GateContext): void {
  for (const entry of ctx.record.scoring?.entries ?? []) {
    if (entry.initial_score === undefined || entry.crux) continue
    const crux = ctx.record.cruxes?.find(
      (c) => c.owner === entry.participant && c.cells.some((x) => x.option === entry.option && x.driver === entry.driver),
    )
    if (crux) entry.crux = crux.id
  }
}

function cruxFailures(ctx: GateContext): RuleFailure[] {
  const record = ctx.record
  return participantNames(record)
    .filter((p) => !(record.cruxes ?? []).some((c) => c.owner === p && c.genuine))
    .map((p) => ({
      rule: 'g6/genuine-crux',
      message: `${p} owns no crux that would genuinely change their mind.`,
      change: `${p} names a fact that would: the debate cannot move a position nothing could move.`,
      keys: (record.cruxes ?? [])
        .filter((c) => c.owner === p)
        .map((c) => (c.cells.length ? `cruxes.${c.cells[0].option}.${c.cells[0].driver}.${p}` : `cruxes.weights.${p}`)),
    }))
}
