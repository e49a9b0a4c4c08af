import {addDays, checkDate, TIMEBOX_DAYS} from './calendar.js'
import type {GateContext, RuleFailure} from './context.js'
import type {Gate} from './gate.js'
import {namedOptions} from './names.js'

/** "How should Tally store invoices …?": ends in `?`, 15–240 characters, names no option. */
export function checkQuestion(text: string, options: Parameters<typeof namedOptions>[1] = []): string | undefined {
  if (!text.endsWith('?')) return 'the product question must be one question, ending in "?"'
  if (text.length < 15 || text.length > 240) return `the question has ${text.length} characters; keep it between 15 and 240`
  const named = namedOptions(text, options)
  if (named.length > 0) {
    return `the question names ${named.map((o) => o.title).join(' and ')}; ask what the product needs, not which technology wins`
  }
  return undefined
}

/** G1 Frame: the product question, scope, roles, the deadline, and where each participant stands now. */
export const frameGate: Gate = {
  id: 'G1',
  title: 'Frame',
  async run(ctx: GateContext) {
    const record = ctx.record
    for (;;) {
      record.question = await ctx.askText({
        key: 'frame.question',
        message: 'What is the product question at stake? One question that names no technology.',
        hint: 'e.g. "How should Tally store invoices so totals are never wrong while tenants add their own fields?"',
        validate: (v) => checkQuestion(String(v), record.options),
      })
      const context = String(
        await ctx.askUnlessBrief(
          {key: 'frame.context', kind: 'text', message: 'Context: what forces this decision now?', optional: true},
          '',
        ),
      )
      if (context) record.context = context
      const scope = await ctx.askUnlessBrief(
        {key: 'frame.out_of_scope', kind: 'list', message: 'Out of scope (comma-separated, Enter for none)', optional: true},
        [],
      )
      if (Array.isArray(scope) && scope.length) record.out_of_scope = scope
      const fallback = addDays(record.timebox.started, ctx.brief ? TIMEBOX_DAYS.fast : TIMEBOX_DAYS.full)
      const decideBy = await ctx.askUnlessBrief(
        {
          key: 'frame.decide_by',
          kind: 'text',
          message: 'Decide by (YYYY-MM-DD)',
          default: record.timebox.decide_by ?? fallback,
          flag: '--decide-by',
          validate: checkDate,
        },
        record.timebox.decide_by ?? fallback,
      )
      record.timebox.decide_by = String(decideBy)
      for (const participant of record.roles.participants) {
        participant.initial_position = await ctx.askText({
          key: `frame.positions.${participant.name}.favours`,
          who: participant.name,
          message: 'Which option do you favour now?',
        })
        participant.success_picture = await ctx.askText({
          key: `frame.positions.${participant.name}.success`,
          who: participant.name,
          message: 'What does success look like for the users?',
        })
      }
      if (await ctx.settle(frameFailures(ctx))) return {next: 'G2'}
    }
  },
}

function frameFailures(ctx: GateContext): RuleFailure[] {
  const record = ctx.record
  const failures: RuleFailure[] = []
  const decideBy = record.timebox.decide_by ?? ''
  if (decideBy <= record.timebox.started) {
    failures.push({
      rule: 'g1/deadline',
      message: `the deadline ${decideBy} is not after the start, ${record.timebox.started}.`,
      change: 'Give a later decide-by date.',
      keys: ['frame.decide_by'],
    })
  }
  return failures
}
