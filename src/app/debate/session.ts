import path from 'node:path'
import {acquireSessionLock} from '../../adapters/files/directory-lock.js'
import type {Workspace} from '../../adapters/workspace.js'
import {configValues} from '../../core/config/config-values.js'
import {GateContext} from '../../core/debate/gates/context.js'
import {currentGate, runGates} from '../../core/debate/gates/engine.js'
import {GATE_TITLES, gateLabel} from '../../core/debate/gates/gate.js'
import type {Prompter} from '../../core/debate/prompter.js'
import type {DebateRecord, GateId} from '../../core/debate/record.js'
import {isAdrError} from '../../core/errors.js'
import {type DebateFiles, readRecord, rememberAdrAsRendered, saveRecordAndAdr, writeRecord} from './debate-store.js'

export interface SessionOptions {
  prompter: Prompter
  today: string
  /** `--fast`: skip optional prompts and take compact answers at G1 and G2. */
  brief?: boolean
}

/** What `start`, `resume`, `answer` and `escalate` return (their `--json`). */
export interface DebateSession {
  adr: string
  record: string
  status: 'proposed' | 'accepted'
  track: 'fast' | 'full' | null
  /** The gate the debate is at, or null once decided. */
  gate: {id: GateId; title: string; label: string} | null
  passed: GateId[]
  decision: {chosen: string; title: string} | null
}

/**
 * Runs the gates on a debate under its lock: the record is saved after every answer a person gives
 * (answers from a file: at each gate's end and where it stops, `GateContext.keep`), the ADR is
 * re-rendered at every gate pass (accepted when G8 passes). Whatever stops the session (a missing
 * answer, a failed rule, Ctrl-C) leaves everything given so far on disk.
 */
export async function runSession(ws: Workspace, files: DebateFiles, options: SessionOptions): Promise<DebateSession> {
  const session = await acquireSessionLock(files.lockFile, `the debate of ${files.adr.file}`)
  try {
    const record = await readRecord(ws, files.recordFile)
    await rememberAdrAsRendered(ws, files)
    let passes = record.gate_log.length
    // a gate passed: the record and the ADR rendered from it, written together; else the record alone
    const save = async (r: DebateRecord) => {
      if (r.gate_log.length === passes) return writeRecord(ws, files.recordFile, r)
      passes = r.gate_log.length
      await saveRecordAndAdr(ws, files, r, options.today)
    }
    const ctx = new GateContext({
      record,
      prompter: options.prompter,
      today: options.today,
      save,
      brief: options.brief,
      aggregate: configValues(ws.config).aggregate,
    })
    await runGates(ctx).catch((error: unknown) => {
      throw withDebateRef(error, files)
    })
    return describeSession(ws, files, record)
  } finally {
    await session.release()
  }
}

/**
 * A debate that stops (Ctrl-C, a failed gate, a missing answer) has an ADR and a record on disk: the
 * error names its REF (`--json` callers get `ref` and `adr`) and suggestions say the real command.
 */
function withDebateRef(error: unknown, files: DebateFiles): unknown {
  if (!isAdrError(error) || files.adr.number === undefined) return error
  const ref = String(files.adr.number)
  return error.with(
    {ref: files.adr.number, adr: files.adr.file},
    error.suggestions.map((s) => s.replaceAll('adr debate resume REF', `adr debate resume ${ref}`)),
  )
}

export function describeSession(ws: Workspace, files: DebateFiles, record: DebateRecord): DebateSession {
  const gate = currentGate(record)
  const chosen = record.decision?.chosen
  return {
    adr: path.relative(ws.cwd, files.adrFile),
    record: path.relative(ws.cwd, files.recordFile),
    status: gate ? 'proposed' : 'accepted',
    track: record.track ?? null,
    gate: gate
      ? {id: gate, title: GATE_TITLES[gate], label: gateLabel(gate, record.track === 'fast' && ['G3', 'G4', 'G8'].includes(gate))}
      : null,
    passed: record.gate_log.map((g) => g.gate),
    decision: chosen && !gate ? {chosen, title: record.options?.find((o) => o.id === chosen)?.title ?? chosen} : null,
  }
}

/** The line a debate command prints on stdout when its session ends: the ADR, its status, the decision or the gate. */
export function renderSession(session: DebateSession): string {
  return `${session.adr}\t${session.status}\t${session.decision?.title ?? session.gate?.label ?? ''}`
}
