import {type DebateRecord, type GateId, type GateProgress, hasPassed} from '../record.js'
import {type GateContext, RetryGate} from './context.js'
import {frameGate} from './g1-frame.js'
import {doorGate} from './g2-door.js'
import {driversGate} from './g3-drivers.js'
import {optionsGate} from './g4-options.js'
import {scoreGate} from './g5-score.js'
import {cruxGate} from './g6-crux.js'
import {premortemGate} from './g7-premortem.js'
import {consentGate} from './g8-consent.js'
import type {Gate, GateOutcome} from './gate.js'
import {gateLabel} from './gate.js'

export const GATE_RUNNERS: Record<GateId, Gate> = {
  G1: frameGate,
  G2: doorGate,
  G3: driversGate,
  G4: optionsGate,
  G5: scoreGate,
  G6: cruxGate,
  G7: premortemGate,
  G8: consentGate,
}

/** The gate a record is at: the one in progress, G1 for a new record, or undefined once G8 has passed. */
export function currentGate(record: DebateRecord): GateId | undefined {
  if (record.in_progress) return record.in_progress.gate
  return hasPassed(record, 'G8') ? undefined : 'G1'
}

/**
 * Runs the gates from where the record stands until the debate is decided (G8 passed) or an answer
 * is missing. Each gate runs on a draft: only a pass changes the record (see `GateContext`). A failed
 * exit rule that a person can answer again runs the gate again from the record as it was. Each pass
 * is logged (gate, date, attempts, timeboxed, where a loop-back came from) and the record saved; the
 * next gate's progress starts empty.
 */
export async function runGates(ctx: GateContext): Promise<void> {
  const record = ctx.record
  const first = currentGate(record)
  if (!first) return
  record.in_progress ??= {gate: first, failed: 0, answers: {}}
  ctx.commit()
  while (record.in_progress) {
    const progress: GateProgress = record.in_progress
    const gate: Gate = GATE_RUNNERS[progress.gate]
    ctx.gate = {id: gate.id, title: gate.title}
    const lite = record.track === 'fast' && ['G3', 'G4', 'G8'].includes(gate.id)
    ctx.note(`\n${gateLabel(gate.id, lite)}${progress.from ? ` — back from Gate ${progress.from.slice(1)}: ${progress.reason ?? ''}` : ''}`)
    let outcome: GateOutcome
    try {
      outcome = await gate.run(ctx)
    } catch (error) {
      if (error instanceof RetryGate) continue
      // a missing answer, an answer that fails its check, any error: what was answered so far stays on disk
      await ctx.saveUnsaved()
      throw error
    }
    const decideBy = record.timebox.decide_by
    record.gate_log.push({
      gate: gate.id,
      date: ctx.today,
      attempts: progress.failed + 1,
      timeboxed: Boolean(decideBy && ctx.today > decideBy),
      ...(progress.from ? {from: progress.from} : {}),
      ...(progress.reason ? {note: progress.reason} : {}),
    })
    record.in_progress =
      outcome.next === 'done'
        ? undefined
        : {gate: outcome.next, ...(outcome.reason ? {from: gate.id, reason: outcome.reason} : {}), failed: 0, answers: {}}
    ctx.commit()
    await ctx.save()
  }
}
