import {DOOR_CLASSES, type DoorClass, type Nomination} from '../record.js'
import type {GateContext} from './context.js'
import type {Gate} from './gate.js'

const CLASS_CHOICES = [
  {value: 'two-way', name: 'two-way: cheap to reverse'},
  {value: 'costly', name: 'costly: reversible, at a real cost'},
  {value: 'one-way', name: 'one-way: practically irreversible'},
]

/** The most cautious of the nominated classes (one-way > costly > two-way). */
export function mostCautious(classes: readonly DoorClass[]): DoorClass {
  return DOOR_CLASSES[Math.max(0, ...classes.map((c) => DOOR_CLASSES.indexOf(c)))]
}

/** "1, 2, two-way" or "4, 20, one-way, outside": the compact blind nomination of the fast track. */
export function parseNomination(text: string): Omit<Nomination, 'participant'> | string {
  const parts = text.split(/[,\s]+/).filter(Boolean)
  const [w3, w12, cls] = parts
  if (parts.length < 3 || !Number.isFinite(Number(w3)) || !Number.isFinite(Number(w12))) {
    return 'write the person-weeks to reverse after 3 and after 12 months, then the class: e.g. "1, 2, two-way"'
  }
  if (!DOOR_CLASSES.includes(cls as DoorClass)) return `"${cls}" is not a class: two-way, costly or one-way`
  return {
    weeks_to_reverse_3m: Number(w3),
    weeks_to_reverse_12m: Number(w12),
    class: cls as DoorClass,
    needs_outside_team: parts.includes('outside'),
  }
}

/** G2 Door: each participant nominates, blind, how hard the decision is to reverse; the track follows. */
export const doorGate: Gate = {
  id: 'G2',
  title: 'Door',
  async run(ctx: GateContext) {
    const record = ctx.record
    const nominations: Nomination[] = []
    for (const {name} of record.roles.participants) {
      ctx.note(`  ${name}: your nomination, hidden until everyone has nominated.`)
      nominations.push({participant: name, ...(await nominate(ctx, name))})
    }
    ctx.note(
      `  Revealed: ${nominations.map((n) => `${n.participant} ${n.class} (${n.weeks_to_reverse_3m} / ${n.weeks_to_reverse_12m} weeks${n.needs_outside_team ? ', needs people outside the team' : ''})`).join('; ')}`,
    )
    const nominated = mostCautious(nominations.map((n) => n.class))
    record.reversibility = {nominations, class: nominated}
    if (nominated !== 'two-way') {
      const lower = CLASS_CHOICES.slice(0, DOOR_CLASSES.indexOf(nominated))
      const choice = await ctx.askSelect({
        key: 'door.downgrade.class',
        who: record.roles.approver,
        message: `The most cautious nomination is ${nominated}. Keep it, or downgrade it (with a rationale)?`,
        choices: [{value: nominated, name: `keep ${nominated}`}, ...lower],
        default: nominated,
        // The class is the most cautious nomination unless the approver downgrades it: left out, it stands.
        defaultIsRule: true,
      })
      if (choice !== nominated) {
        const rationale = await ctx.askText({
          key: 'door.downgrade.rationale',
          who: record.roles.approver,
          message: `Why is ${choice} right when a participant nominated ${nominated}?`,
        })
        record.reversibility = {nominations, class: choice as DoorClass, downgrade_rationale: rationale}
      }
    }
    record.track = record.reversibility.class === 'two-way' ? 'fast' : 'full'
    ctx.note(`  The door is ${record.reversibility.class}: the ${record.track} track.`)
    return {next: 'G3'}
  },
}

async function nominate(ctx: GateContext, who: string): Promise<Omit<Nomination, 'participant'>> {
  const base = `door.${who}`
  const peeked = ctx.prompter.peek?.(ctx.key(`${base}.class`))
  if (ctx.brief && peeked === undefined && !ctx.has(`${base}.class`)) {
    const text = await ctx.askText({
      key: `${base}.nomination`,
      who,
      blind: true,
      message: 'Person-weeks to reverse after 3 and after 12 months, and the class (two-way / costly / one-way), e.g. "1, 2, two-way"',
      validate: (v) => {
        const parsed = parseNomination(String(v))
        return typeof parsed === 'string' ? parsed : undefined
      },
    })
    return parseNomination(text) as Omit<Nomination, 'participant'>
  }
  const weeks = (months: number) => ({
    key: `${base}.weeks_${months}m`,
    who,
    blind: true,
    message: `Person-weeks to reverse it after ${months} months?`,
    validate: (v: unknown) => (Number(v) >= 0 ? undefined : 'person-weeks cannot be negative'),
  })
  return {
    weeks_to_reverse_3m: await ctx.askNumber(weeks(3)),
    weeks_to_reverse_12m: await ctx.askNumber(weeks(12)),
    needs_outside_team: await ctx.askConfirm({
      key: `${base}.outside_team`,
      who,
      blind: true,
      message: 'Does reversing it need anyone outside the team?',
    }),
    class: (await ctx.askSelect({
      key: `${base}.class`,
      who,
      blind: true,
      message: 'Which door is it?',
      choices: CLASS_CHOICES,
    })) as DoorClass,
  }
}
