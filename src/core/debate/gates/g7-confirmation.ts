import type {ConfirmationCheck} from '../record.js'
import {addMonths, checkDate, REVISIT_MONTHS} from './calendar.js'
import type {GateContext} from './context.js'
import {addTrigger} from './g6-crux.js'

/** How the implementation will be confirmed: one check or more (an automated one on the full track). */
export async function askChecks(ctx: GateContext, lite: boolean): Promise<ConfirmationCheck[]> {
  const checks: ConfirmationCheck[] = []
  for (let i = 0; ; i++) {
    if (
      i > 0 &&
      !(await ctx.askConfirm({
        key: `confirmation.${i}.more`,
        presenceOf: `confirmation.${i}`,
        message: 'Add another check?',
        default: false,
      }))
    )
      break
    const base = `confirmation.${i}`
    if (lite && i === 0 && ctx.prompter.peek?.(ctx.key(`${base}.name`)) === undefined && !ctx.has(`${base}.name`)) {
      const check = await ctx.askText({
        key: `${base}.check`,
        message: 'How will you confirm it was implemented as decided? (a test, a command, a review)',
      })
      checks.push({
        id: 'F1',
        name: check.length > 60 ? `${check.slice(0, 57)}…` : check,
        kind: /\b(test|ci|lint|check|script|npm|npx|make)\b/i.test(check) ? 'automated' : 'manual',
        check,
      })
      break
    }
    checks.push({
      id: `F${i + 1}`,
      name: await ctx.askText({key: `${base}.name`, message: `Check F${i + 1}: its name`}),
      kind: (await ctx.askSelect({
        key: `${base}.kind`,
        message: 'Automated or manual?',
        choices: [{value: 'automated'}, {value: 'manual'}],
        default: 'automated',
      })) as ConfirmationCheck['kind'],
      check: await ctx.askText({key: `${base}.check`, message: 'How: a command, a test, a dashboard, a review'}),
    })
  }
  ctx.record.confirmation = checks
  return checks
}

/** The revisit date (≤ 3 months after the decision for a two-way door, ≤ 12 otherwise) and its triggers. */
export async function askRevisit(ctx: GateContext): Promise<void> {
  const record = ctx.record
  const months = record.track === 'fast' ? REVISIT_MONTHS.fast : REVISIT_MONTHS.full
  const latest = addMonths(ctx.today, months)
  const question = {
    key: 'revisit.date',
    kind: 'text' as const,
    message: `Revisit on (YYYY-MM-DD, at most ${months} months from now)`,
    default: latest,
    validate: (v: unknown) =>
      checkDate(v) ??
      (String(v) > latest
        ? `${String(v)} is more than ${months} months away; revisit by ${latest}`
        : String(v) <= ctx.today
          ? 'the revisit must be in the future'
          : undefined),
  }
  const date = String(record.track === 'fast' ? await ctx.askUnlessBrief(question, latest) : await ctx.ask(question))
  record.revisit = {...record.revisit, date, triggers: record.revisit?.triggers ?? []}
  const extra =
    record.track === 'fast'
      ? []
      : await ctx.askList({
          key: 'revisit.triggers',
          message: 'Anything else that should reopen the decision (comma-separated, Enter for none)?',
          optional: true,
        })
  for (const condition of extra) addTrigger(ctx, {condition})
}
