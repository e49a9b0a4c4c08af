import {type Commitment, type Decision, type Objection, participantNames} from '../record.js'
import {askConsequences} from './consequences.js'
import type {GateContext, RuleFailure} from './context.js'
import {askChecks, askRevisit} from './g7-confirmation.js'
import {askObjections} from './g8-objections.js'
import type {Gate, GateOutcome} from './gate.js'
import {leadingOption, topScored} from './leader.js'
import {composeYStatement} from './y-statement.js'

const STANCES = [{value: 'agree'}, {value: 'disagree-and-commit'}, {value: 'stand-aside'}]
const CONCERN = {value: 'concern', name: 'agree, and record a concern'}

/** G8 Consent & commit: can everyone live with it until the revisit? Then the decision and each commitment. */
export const consentGate: Gate = {
  id: 'G8',
  title: 'Consent & commit',
  async run(ctx: GateContext): Promise<GateOutcome> {
    const record = ctx.record
    const lite = record.track === 'fast'
    if (lite) {
      await decide(ctx, true)
      await askConsequences(ctx, true)
      await askChecks(ctx, true)
      await askRevisit(ctx)
    } else {
      const outcome = await askObjections(ctx, leadingOption(record))
      if (outcome) return outcome
      await decide(ctx, false)
    }
    for (;;) {
      record.commitments = await askCommitments(ctx)
      if (lite) record.objections = liteConcerns(ctx)
      record.decision!.y_statement = String(
        ctx.prompter.peek?.(ctx.key('decision.y_statement')) ?? composeYStatement(record, record.decision!.chosen),
      )
      if (await ctx.settle(commitmentFailures(ctx))) return {next: 'done'}
    }
  },
}

async function decide(ctx: GateContext, lite: boolean): Promise<void> {
  const record = ctx.record
  const options = (record.options ?? []).filter((o) => !record.results?.knocked_out.some((k) => k.option === o.id))
  const proposal = leadingOption(record)
  const delegate = lite && ctx.prompter.peek?.(ctx.key('decision.delegate')) === true
  const decider = delegate ? (record.options?.find((o) => o.id === proposal)?.champion ?? record.roles.approver) : record.roles.approver
  const chosen = await ctx.askSelect({
    key: 'decision.chosen',
    who: decider,
    message: lite ? 'Which option do you decide for?' : 'The decision: which option?',
    choices: options.map((o) => ({value: o.id, name: o.title})),
    default: proposal,
  })
  const decision: Decision = {
    chosen,
    method: lite ? (delegate ? 'champion' : 'approver') : 'consent',
    decided_by: decider,
    date: ctx.today,
    rationale: await ctx.askText({key: 'decision.rationale', who: decider, message: "Why, in the product's terms?"}),
    y_statement: composeYStatement(record, chosen),
  }
  const [top, ...tied] = topScored(record)
  if (top && chosen !== top && !tied.includes(chosen)) {
    decision.override_rationale = await ctx.askText({
      key: 'decision.override_rationale',
      who: decider,
      message: `${titleOf(ctx, chosen)} is not the top-scored option (${titleOf(ctx, top)}). Why choose it anyway?`,
    })
  }
  record.decision = decision
}

function titleOf(ctx: GateContext, id: string): string {
  return ctx.record.options?.find((o) => o.id === id)?.title ?? id
}

async function askCommitments(ctx: GateContext): Promise<Commitment[]> {
  const commitments: Commitment[] = []
  for (const who of participantNames(ctx.record)) {
    const overruled = (ctx.record.objections ?? []).some((o) => o.raiser === who && o.resolution === 'overruled')
    const title = titleOf(ctx, ctx.record.decision!.chosen)
    const lite = ctx.record.track === 'fast'
    const answer = await ctx.askSelect({
      key: `commitments.${who}.stance`,
      who,
      message: `Your stance on ${title}?`,
      // G8-lite: a concern is raised here, at the terminal, and never blocks
      choices: lite ? [...STANCES, CONCERN] : STANCES,
      default: overruled ? 'disagree-and-commit' : 'agree',
    })
    if (answer === 'concern') {
      await ctx.askText({
        key: `consent.${who}.statement`,
        who,
        message: `Your concern about ${title}, in your own words (recorded; it does not block)`,
      })
    }
    const stance = (answer === 'concern' ? 'agree' : answer) as Commitment['stance']
    const commitment: Commitment = {participant: who, stance}
    if (stance !== 'agree') {
      // asked on both tracks: whoever disagrees and commits may say why, in their own words
      const dissent = await ctx.askText({
        key: `commitments.${who}.dissent`,
        who,
        message: `Your dissent on ${title}, in your own words (Enter for none)`,
        optional: true,
      })
      if (dissent) commitment.dissent = dissent
    }
    commitments.push(commitment)
  }
  return commitments
}

/** On the fast track objections do not block: a concern raised with the stance, or in an answers file, is recorded as a concern. */
function liteConcerns(ctx: GateContext): Objection[] {
  const concerns: Objection[] = []
  for (const who of participantNames(ctx.record)) {
    const key = ctx.key(`consent.${who}.statement`)
    const statement = ctx.answers[key] ?? ctx.prompter.peek?.(key)
    if (statement)
      concerns.push({
        id: `O${concerns.length + 1}`,
        raiser: who,
        kind: 'concern',
        option: ctx.record.decision?.chosen,
        statement: String(statement),
      })
  }
  return concerns
}

function commitmentFailures(ctx: GateContext): RuleFailure[] {
  const record = ctx.record
  const failures: RuleFailure[] = []
  const chosen = record.decision?.chosen
  if (record.results?.knocked_out.some((k) => k.option === chosen)) {
    failures.push({
      rule: 'g8/knocked-out',
      message: `${chosen} is knocked out.`,
      change: 'Choose an option that is not.',
      keys: ['decision'],
    })
  }
  const open = (record.objections ?? []).filter((o) => o.kind === 'objection' && !o.resolution)
  for (const o of open)
    failures.push({
      rule: 'g8/open-objection',
      message: `${o.raiser}'s objection is still open.`,
      change: 'Integrate it or have the approver overrule it.',
      keys: [`objections.${o.raiser}`],
    })
  return failures
}
