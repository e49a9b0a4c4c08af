import {AdrError, EXIT} from '../../errors.js'
import type {Answer, Prompter, Question} from '../prompter.js'
import type {Aggregation, DebateRecord, GateId, IsoDate, StoredAnswer} from '../record.js'
import {normaliseAnswer} from './answer.js'

/** A broken exit rule, in the product's terms: which rule, what is wrong, what to change, which answers to give again. */
export interface RuleFailure {
  rule: string
  message: string
  change: string
  /** Answers-file keys (or key prefixes) to ask again; the other answers are kept. */
  keys: string[]
}

export interface GateContextOptions {
  record: DebateRecord
  prompter: Prompter
  today: IsoDate
  /** Saves the record; called after every answer. */
  save: (record: DebateRecord) => Promise<void>
  /** The starter asked for the fast track (`start --fast`, kept in the record as `expected_track`): G1 and G2 skip optional prompts and take compact answers. */
  brief?: boolean
  /** How cells are aggregated when Gate 5 begins (`.adrgate.yaml` `debate.aggregate`; default mean); the record keeps it as `scoring.aggregate`. */
  aggregate?: Aggregation
}

/**
 * Thrown by `settle` when a person can answer the failed questions again: the engine puts the record
 * back as it was before the gate and runs the gate again, asking only the answers that were dropped.
 */
export class RetryGate extends Error {
  constructor() {
    super('retry the gate')
  }
}

/**
 * What a gate sees: the record (mutated in place), the port, the date. `ask` answers from the gate's
 * saved answers first (so a resumed session never asks twice), then from the prompter; it checks each
 * answer and keeps it, saving the record before returning when a person gave it (`keep`).
 *
 * A gate's work stays a draft until its exit rule passes: what is saved while it runs is the record as
 * it stood before the gate (`committed`) plus the answers given so far (`in_progress`). A failed exit
 * rule therefore never reaches the file, and a resumed gate rebuilds its draft from the answers.
 */
export class GateContext {
  readonly record: DebateRecord
  readonly prompter: Prompter
  readonly today: IsoDate
  /** The configured aggregation (mean unless `.adrgate.yaml` says median); G5 records it. */
  readonly aggregate: Aggregation
  private readonly saveRecord: (record: DebateRecord) => Promise<void>
  /** The record as it stood when the gate in progress began (no `in_progress`). */
  private committed: DebateRecord
  /** Answers (by key prefix) that failed a check in this session: asked of a person, never taken from the file again. */
  private readonly rejected = new Set<string>()
  /** Answers kept since the last save (read from an answers file or flags: see `keep`). */
  private unsaved = false
  /** The gate running now, for messages. */
  gate: {id: GateId; title: string} = {id: 'G1', title: ''}

  constructor(options: GateContextOptions) {
    this.record = options.record
    this.prompter = options.prompter
    this.today = options.today
    this.aggregate = options.aggregate ?? 'mean'
    this.saveRecord = options.save
    if (options.brief && !this.record.track) this.record.expected_track = 'fast'
    this.committed = this.snapshot()
  }

  /** Fast: `start --fast` was asked for (and is kept in the record), or the door is two-way. Optional prompts are skipped then. */
  get brief(): boolean {
    return this.record.expected_track === 'fast' || this.record.track === 'fast'
  }

  private snapshot(): DebateRecord {
    const {in_progress: _, ...rest} = this.record
    return structuredClone(rest) as DebateRecord
  }

  /** The gate passed (or a new one begins): its draft becomes the record every later save starts from. */
  commit(): void {
    this.committed = this.snapshot()
  }

  /** Puts the record back as it was before the gate in progress, keeping the gate's answers. */
  restore(): void {
    const progress = this.record.in_progress
    const target = this.record as unknown as Record<string, unknown>
    for (const key of Object.keys(target)) delete target[key]
    Object.assign(target, structuredClone(this.committed), progress ? {in_progress: progress} : {})
  }

  private isRejected(key: string): boolean {
    for (const prefix of this.rejected) if (key === prefix || key.startsWith(`${prefix}.`)) return true
    return false
  }

  get answers(): Record<string, StoredAnswer> {
    if (!this.record.in_progress) this.record.in_progress = {gate: this.gate.id, failed: 0, answers: {}}
    return this.record.in_progress.answers
  }

  /** `drivers.0.name` on a first visit; `again.G3.0.drivers.0.name` when the gate is visited again. */
  key(key: string): string {
    const visits = this.record.gate_log.filter((pass) => pass.gate === this.gate.id).length
    return visits === 0 ? key : `again.${this.gate.id}.${visits - 1}.${key}`
  }

  has(key: string): boolean {
    return this.answers[this.key(key)] !== undefined
  }

  async ask(question: Question): Promise<Answer> {
    const key = this.key(question.key)
    const stored = this.answers[key]
    if (stored !== undefined) return stored
    for (;;) {
      const scoped: Question = {
        ...question,
        key,
        presenceOf: question.presenceOf === undefined ? undefined : this.key(question.presenceOf),
        ...(this.isRejected(key) ? {retry: true} : {}),
      }
      const raw = await this.prompter.ask(scoped)
      const result =
        question.presenceOf !== undefined && typeof raw === 'boolean' ? {ok: true as const, value: raw} : normaliseAnswer(scoped, raw)
      if (result.ok) {
        this.answers[key] = result.value
        await this.keep()
        return result.value
      }
      if (!this.prompter.interactive) {
        await this.saveUnsaved()
        throw this.failure([{rule: 'answer', message: result.message, change: `Change \`${key}\`.`, keys: []}])
      }
      // The same file would give the same answer: from now on a person answers this key.
      this.rejected.add(key)
      this.prompter.note(`  ✗ ${key}: ${result.message}`)
    }
  }

  async askText(question: Omit<Question, 'kind'>): Promise<string> {
    return String(await this.ask({...question, kind: 'text'}))
  }

  async askNumber(question: Omit<Question, 'kind'>): Promise<number> {
    const value = await this.ask({...question, kind: 'number'})
    return value === '' ? Number.NaN : Number(value)
  }

  async askConfirm(question: Omit<Question, 'kind'>): Promise<boolean> {
    return (await this.ask({...question, kind: 'confirm'})) === true
  }

  async askList(question: Omit<Question, 'kind'>): Promise<string[]> {
    const value = await this.ask({...question, kind: 'list'})
    return Array.isArray(value) ? value : value === '' ? [] : [String(value)]
  }

  async askSelect(question: Omit<Question, 'kind'>): Promise<string> {
    return String(await this.ask({...question, kind: 'select'}))
  }

  /** Asks a question only the answers file may answer in brief mode: a person gets the default. */
  async askUnlessBrief(question: Question, fallback: Answer): Promise<Answer> {
    if (!this.brief || this.has(question.key)) return this.ask(question)
    const peeked = this.prompter.peek?.(this.key(question.key))
    return peeked === undefined ? fallback : this.ask(question)
  }

  /**
   * Checks an exit rule. Nothing broken: true. Broken: the record is put back as it was before the
   * gate, the answers named by the failures are dropped (the rest are kept) and the record saved —
   * so nothing that failed is on file. A person is told why and the gate runs again, asking only what
   * was dropped (`RetryGate`); a script, or a rule that no answer given here can fix, gets a
   * `GATE_FAILED` error naming the gate, the rule and what to change.
   */
  async settle(failures: readonly RuleFailure[]): Promise<true> {
    if (failures.length === 0) return true
    const progress = this.record.in_progress!
    progress.failed++
    let dropped = 0
    for (const failure of failures) {
      for (const prefix of failure.keys.map((k) => this.key(k))) {
        this.rejected.add(prefix)
        for (const key of Object.keys(progress.answers)) {
          if (key === prefix || key.startsWith(`${prefix}.`)) {
            delete progress.answers[key]
            dropped++
          }
        }
      }
    }
    this.restore()
    await this.save()
    // A script cannot answer differently, and a rule that no dropped answer can fix would ask forever: both stop here.
    if (!this.prompter.interactive || dropped === 0) throw this.failure(failures)
    for (const f of failures) this.prompter.note(`  ✗ ${f.message}\n    ${f.change}`)
    throw new RetryGate()
  }

  failure(failures: readonly RuleFailure[]): AdrError {
    const lines = failures.map((f) => `  ${f.rule}: ${f.message} ${f.change}`)
    return new AdrError('GATE_FAILED', `Gate ${this.gate.id.slice(1)} · ${this.gate.title} did not pass:\n${lines.join('\n')}`, {
      exit: EXIT.findings,
      suggestions: ['Fix the answers named above and run the command again; the answers that passed are kept.'],
    })
  }

  note(text: string): void {
    this.prompter.note(text)
  }

  /** Saves the record as it stood before the gate in progress, with the gate's answers so far. */
  async save(): Promise<void> {
    const progress = this.record.in_progress
    this.unsaved = false
    await this.saveRecord(progress ? {...this.committed, in_progress: progress} : this.committed)
  }

  /**
   * After an answer: a person's answer, or one read from stdin, is saved at once (Ctrl-C or a crash
   * keeps it). Answers that outlive the command where they came from (an answers file, flags:
   * `Prompter.answersKept`) are saved together when the gate passes or fails, or the session stops
   * (`saveUnsaved`): a full debate from a file was some two hundred writes of the whole record.
   */
  private async keep(): Promise<void> {
    if (this.prompter.interactive || !this.prompter.answersKept) await this.save()
    else this.unsaved = true
  }

  /** Saves the answers `keep` has not saved yet: before the session stops, for whatever reason. */
  async saveUnsaved(): Promise<void> {
    if (this.unsaved) await this.save()
  }
}
