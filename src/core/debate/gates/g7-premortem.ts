import {type ConfirmationCheck, type Level, participantNames, type Risk} from '../record.js'
import {askConsequences} from './consequences.js'
import type {GateContext, RuleFailure} from './context.js'
import {addTrigger} from './g6-crux.js'
import {askChecks, askRevisit} from './g7-confirmation.js'
import type {Gate, GateOutcome} from './gate.js'
import {leadingOption} from './leader.js'

const LEVELS = [{value: 'low'}, {value: 'medium'}, {value: 'high'}]
const RESPONSES = [
  {value: 'mitigate'},
  {value: 'monitor'},
  {value: 'accept'},
  {value: 'avoid', name: 'avoid: drop this option, the next one leads'},
]

/** G7 Pre-mortem: it is the revisit date and the leading option hurt the product — what happened? */
export const premortemGate: Gate = {
  id: 'G7',
  title: 'Pre-mortem',
  async run(ctx: GateContext): Promise<GateOutcome> {
    const record = ctx.record
    const leader = leadingOption(record)
    const title = record.options?.find((o) => o.id === leader)?.title ?? leader ?? 'the leading option'
    ctx.note(`  The leading option is ${title}.`)
    for (;;) {
      const risks: Risk[] = (record.premortem ?? []).filter((r) => r.option !== leader)
      const first = Math.max(0, ...risks.map((r) => Number(r.id.slice(1)) || 0)) + 1
      for (const who of participantNames(record)) {
        ctx.note(`  ${who}: your story, hidden until everyone has told theirs.`)
        risks.push(await askRisk(ctx, who, leader ?? '', title, first + risks.filter((r) => r.option === leader).length))
      }
      record.premortem = risks
      ctx.note(
        `  Revealed: ${risks
          .filter((r) => r.option === leader)
          .map((r) => `${r.id} ${r.participant}: ${r.story} (${r.likelihood} × ${r.impact}, ${r.response})`)
          .join('\n            ')}`,
      )
      if (risks.some((r) => r.option === leader && r.response === 'avoid')) {
        if (await ctx.settle(riskFailures(risks))) return {next: 'G5', reason: `avoid ${title}: the next option leads`}
        continue
      }
      await askConsequences(ctx, record.track === 'fast')
      const checks = await askChecks(ctx, record.track === 'fast')
      for (const risk of risks.filter((r) => r.option === leader && (r.response === 'mitigate' || r.response === 'monitor'))) {
        const check = await ctx.askSelect({
          key: `premortem.${risk.participant}.check`,
          message: `${risk.id} (${risk.response}): which check watches it?`,
          choices: [{value: 'none'}, ...checks.map((c) => ({value: c.id, name: `${c.id} ${c.name}`}))],
          default: 'none',
        })
        if (check !== 'none') risk.check = check
        if (risk.response === 'monitor') addTrigger(ctx, {condition: risk.story, source: risk.id})
      }
      await askRevisit(ctx)
      if (await ctx.settle([...riskFailures(risks), ...checkFailures(checks, record.track === 'fast')])) return {next: 'G8'}
    }
  },
}

async function askRisk(ctx: GateContext, who: string, option: string, title: string, n: number): Promise<Risk> {
  const base = `premortem.${who}`
  /** One of the story's blind answers, `premortem.<who>.<field>`. */
  const blind = (field: string, message: string, prose = false) => ({key: `${base}.${field}`, who, blind: true, prose, message})
  const story = await ctx.askText(blind('story', `It is the revisit date and ${title} hurt the product. What happened?`, true))
  const risk: Risk = {
    id: `R${n}`,
    participant: who,
    option,
    story,
    likelihood: (await ctx.askSelect({
      ...blind('likelihood', `${title} hurt the product: how likely is your story?`),
      choices: LEVELS,
    })) as Level,
    impact: (await ctx.askSelect({...blind('impact', `${title} hurt the product: how bad would it be?`), choices: LEVELS})) as Level,
    response: (await ctx.askSelect({
      ...blind('response', `Your story about ${title}: the response?`),
      choices: RESPONSES,
    })) as Risk['response'],
  }
  if (risk.response === 'mitigate' || risk.response === 'monitor') {
    const what = risk.response === 'mitigate' ? 'what will be done?' : 'what will be watched?'
    risk.action = await ctx.askText(blind('action', `Your story about ${title}: ${what}`, true))
  }
  return risk
}

function riskFailures(risks: readonly Risk[]): RuleFailure[] {
  return risks
    .filter((r) => r.likelihood === 'high' && r.impact === 'high' && r.response !== 'mitigate' && r.response !== 'avoid')
    .map((r) => ({
      rule: 'g7/high-high',
      message: `${r.id} is likely and harmful, and the response is to ${r.response}.`,
      change: 'Mitigate it or avoid the option.',
      keys: [`premortem.${r.participant}.response`, `premortem.${r.participant}.action`],
    }))
}

function checkFailures(checks: readonly ConfirmationCheck[], lite: boolean): RuleFailure[] {
  if (checks.length === 0)
    return [{rule: 'g7/confirmation', message: 'nothing confirms the implementation.', change: 'Add a check.', keys: ['confirmation']}]
  if (!lite && !checks.some((c) => c.kind === 'automated')) {
    return [
      {
        rule: 'g7/automated-check',
        message: 'no check is automated.',
        change: 'Make one check automated (a test, a lint, a CI job).',
        keys: ['confirmation'],
      },
    ]
  }
  return []
}
