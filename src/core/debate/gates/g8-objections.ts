import {type Objection, participantNames} from '../record.js'
import type {GateContext} from './context.js'
import {idsOf} from './g4-steelman.js'
import type {GateOutcome} from './gate.js'

const KINDS = [
  {value: 'consent', name: 'consent: I can live with it until the revisit'},
  {value: 'concern', name: 'concern: I can live with it, but note this'},
  {value: 'objection', name: 'objection: it harms the product worse than acceptable'},
]

/**
 * G8's consent round: each participant, blind, consents or raises a concern or an objection; each
 * objection is summarised by the facilitator, confirmed by its raiser, and integrated or overruled
 * by the approver. Integrating one with a new option loops back to G4.
 */
export async function askObjections(ctx: GateContext, proposal: string | undefined): Promise<GateOutcome | undefined> {
  const record = ctx.record
  const title = record.options?.find((o) => o.id === proposal)?.title ?? proposal ?? 'the proposal'
  const ids = [...(record.drivers ?? []).map((d) => d.id), ...(record.premortem ?? []).map((r) => r.id)]
  ctx.note(`  The proposal: ${title}.`)
  // Objections resolved at an earlier visit stay on the record; this round's answers come after them.
  const earlier = (record.objections ?? []).filter((o) => o.resolution)
  const first = Math.max(0, ...earlier.map((o) => Number(o.id.slice(1)) || 0)) + 1
  const objections: Objection[] = []
  for (const who of participantNames(record)) {
    ctx.note(`  ${who}: your answer, hidden until everyone has answered.`)
    const base = `consent.${who}`
    let kind = (await ctx.askSelect({
      key: `${base}.kind`,
      who,
      blind: true,
      message: `Can you live with ${title} until the revisit?`,
      choices: KINDS,
    })) as Objection['kind']
    const objection: Objection = {id: `O${first + objections.length}`, raiser: who, kind, option: proposal}
    if (kind !== 'consent') {
      objection.statement = await ctx.askText({
        key: `${base}.statement`,
        who,
        blind: true,
        prose: true,
        message: 'What harm to the product, in your own words?',
      })
      const harms = await ctx.askList({
        key: `${base}.harms`,
        who,
        blind: true,
        message: `Which drivers or risks does it harm (${ids.join(', ')})?`,
        optional: kind === 'concern',
        validate: (v) => {
          const unknown = idsOf(v).filter((id) => !ids.includes(id))
          return unknown.length ? `${unknown.join(', ')}: name drivers or risks among ${ids.join(', ')}` : undefined
        },
      })
      if (harms.length) objection.harms = [...new Set(idsOf(harms))]
    }
    if (kind === 'objection') {
      const worse = await ctx.askConfirm({
        key: `${base}.worse_than_acceptable`,
        who,
        blind: true,
        message: 'Is it worse than acceptable, not merely not your first choice?',
        default: true,
      })
      if (!worse) kind = objection.kind = 'concern'
    }
    objections.push(objection)
  }
  // Revealed in full (the words and what they harm) before anyone is asked to summarise an objection.
  ctx.note(
    `  Revealed:\n${objections
      .map(
        (o) =>
          `    ${o.raiser}: ${o.kind}${o.harms?.length ? ` (harms ${o.harms.join(', ')})` : ''}${o.statement ? ` — "${o.statement}"` : ''}`,
      )
      .join('\n')}`,
  )
  record.objections = [...earlier, ...objections]
  for (const objection of objections.filter((o) => o.kind === 'objection')) {
    const base = `objections.${objection.raiser}`
    objection.summary = await ctx.askText({
      key: `${base}.summary`,
      who: record.roles.facilitator ?? record.roles.approver,
      message: `Summarise ${objection.raiser}'s objection:`,
    })
    objection.confirmed_by_raiser = await ctx.askConfirm({
      key: `${base}.confirmed`,
      who: objection.raiser,
      message: `Is that a fair summary of your objection to ${title}?`,
      default: true,
    })
    objection.resolution = (await ctx.askSelect({
      key: `${base}.resolution`,
      who: record.roles.approver,
      message: `${objection.raiser}'s objection to ${title}: integrate it, or overrule it?`,
      choices: [{value: 'integrated'}, {value: 'overruled'}],
    })) as Objection['resolution']
    objection.by = record.roles.approver
    objection.rationale = await ctx.askText({
      key: `${base}.rationale`,
      who: record.roles.approver,
      message: objection.resolution === 'integrated' ? 'How is it integrated?' : 'Why overrule it?',
    })
    if (objection.resolution === 'integrated') {
      const newOption = await ctx.askConfirm({
        key: `${base}.new_option`,
        message: 'Does integrating it need a new option (back to Gate 4)?',
        default: false,
      })
      if (newOption) return {next: 'G4', reason: `${objection.id} is integrated by a new option`}
    }
  }
  return undefined
}
