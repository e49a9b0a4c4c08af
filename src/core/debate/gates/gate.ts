import type {GateId} from '../record.js'
import type {GateContext} from './context.js'

/** Where a gate sends the debate next: another gate (maybe a loop-back, with its reason) or the end. */
export interface GateOutcome {
  next: GateId | 'done'
  /** Set for a loop-back: why (`C1 exposed a missing driver`). */
  reason?: string
}

/** One gate of the Logic Gates (docs/logic-gates.md): asks through the port, checks its exit rule, records, says what comes next. */
export interface Gate {
  id: GateId
  title: string
  run(ctx: GateContext): Promise<GateOutcome>
}

export const GATE_TITLES: Record<GateId, string> = {
  G1: 'Frame',
  G2: 'Door',
  G3: 'Drivers',
  G4: 'Options & steelman',
  G5: 'Blind score',
  G6: 'Crux',
  G7: 'Pre-mortem',
  G8: 'Consent & commit',
}

/** "Gate 3 of 8 · Drivers", "Gate 3 of 8 · Drivers (lite)". */
export function gateLabel(id: GateId, lite = false): string {
  return `Gate ${id.slice(1)} of 8 · ${GATE_TITLES[id]}${lite ? ' (lite)' : ''}`
}
