import {computeDriversLock} from '../drivers-lock.js'
import {DRIVER_CATEGORIES, type Driver, type DriverCategory, participantNames} from '../record.js'
import type {GateContext, RuleFailure} from './context.js'
import {askWeights} from './g3-weights.js'
import type {Gate} from './gate.js'
import {namedOptions} from './names.js'

const MAX_DRIVERS = 7
const LITE_MAX = 3

/** G3 Drivers: what the product must achieve, how to tell, and (full track) how much each matters. */
export const driversGate: Gate = {
  id: 'G3',
  title: 'Drivers',
  async run(ctx: GateContext) {
    const record = ctx.record
    const lite = record.track === 'fast'
    const kept = record.drivers?.length ?? 0
    for (;;) {
      const drivers = (record.drivers ?? []).slice(0, kept)
      const listed = lite && kept === 0 && ctx.prompter.peek?.(ctx.key('drivers.0.name')) === undefined && !ctx.has('drivers.0.name')
      if (record.in_progress?.from === 'G5') await askKnockouts(ctx, drivers)
      // Escalated from the fast track: the drivers named there get what the full track needs to test them.
      if (!lite) for (const [i, driver] of drivers.entries()) await askTestable(ctx, driver, i)
      // A file that lists more drivers than the fast track takes is told so, not cut short.
      const more = lite && ctx.prompter.peek?.(ctx.key(`drivers.${LITE_MAX}`)) === undefined ? LITE_MAX : MAX_DRIVERS
      if (listed) drivers.push(...(await askDriverList(ctx)))
      else drivers.push(...(await askDrivers(ctx, kept, more)))
      record.drivers = drivers
      record.drivers_lock = computeDriversLock(drivers)
      let failures = driverFailures(ctx, drivers, lite)
      // Weights already agreed for exactly these drivers (a knockout relaxed, no driver added) stand.
      const agreed = record.weights?.agreed
      const weighted = agreed && Object.keys(agreed).length === drivers.length && drivers.every((d) => agreed[d.id] !== undefined)
      if (failures.length === 0 && !lite && !weighted) {
        await askWeights(ctx, drivers)
        failures = weightFailures(ctx)
      }
      if (await ctx.settle(failures)) break
    }
    record.drivers_lock = computeDriversLock(record.drivers)
    // Back from a crux or a knockout of every option, the options stand: the changed cells are scored next.
    const from = record.in_progress?.from
    return {next: from === 'G6' || from === 'G5' ? 'G5' : 'G4'}
  },
}

/** A driver kept from the fast track: a measure, or why it can only be judged qualitatively. */
async function askTestable(ctx: GateContext, driver: Driver, i: number): Promise<void> {
  if (driver.measure || driver.qualitative_reason) return
  const measure = await ctx.askText({
    key: `drivers.${i}.measure`,
    message: `${driver.id} "${driver.name}": the measure that says it is met (Enter if only qualitative)`,
    optional: true,
  })
  if (measure) driver.measure = measure
  else
    driver.qualitative_reason = await ctx.askText({
      key: `drivers.${i}.qualitative_reason`,
      message: `${driver.id} "${driver.name}": why can it only be judged qualitatively?`,
    })
}

/** Back from G5 with every option knocked out: is each knockout as strict as the product needs? */
async function askKnockouts(ctx: GateContext, drivers: Driver[]): Promise<void> {
  for (const driver of drivers.filter((d) => d.knockout)) {
    const keep = await ctx.askConfirm({
      key: `knockouts.${driver.id}`,
      message: `Keep ${driver.id} "${driver.name}" as a knockout (an option scoring below 3 on it is out, whatever its total)?`,
    })
    if (!keep) driver.knockout = false
  }
}

async function askDriverList(ctx: GateContext): Promise<Driver[]> {
  const names = await ctx.askList({
    key: 'drivers.list',
    message: 'What must the product achieve for this decision to be good? One to three drivers, separated by ";"',
    hint: 'Drivers get the category "business"; an answers file can say more.',
    validate: (v) =>
      Array.isArray(v) && v.length > LITE_MAX
        ? `the fast track takes one to three drivers, and ${v.length} are listed: keep the three that matter most, or escalate to the full track (adr debate escalate REF)`
        : undefined,
  })
  return names.map((name, i) => ({id: `D${i + 1}`, name, category: 'business' as DriverCategory, knockout: false}))
}

async function askDrivers(ctx: GateContext, start: number, max: number): Promise<Driver[]> {
  const added: Driver[] = []
  for (let i = start; i < max; i++) {
    if (i > 0 || start > 0) {
      const more = await ctx.askConfirm({
        key: `drivers.${i}.more`,
        presenceOf: `drivers.${i}`,
        message: i === start ? 'Add a driver?' : 'Add another driver?',
        default: i < 2,
      })
      if (!more) break
    }
    added.push(await askDriver(ctx, i))
  }
  return added
}

async function askDriver(ctx: GateContext, i: number): Promise<Driver> {
  const base = `drivers.${i}`
  const id = `D${i + 1}`
  const name = await ctx.askText({
    key: `${base}.name`,
    message: `${id}: what must the product achieve for the decision to be good? (a short name)`,
  })
  const driver: Driver = {id, name, category: 'business', knockout: false}
  // On the fast track only the name is asked; an answers file may say more.
  const text = async (field: 'hurt' | 'scenario' | 'measure', message: string) =>
    String(await ctx.askUnlessBrief({key: `${base}.${field}`, kind: 'text', message, optional: true}, ''))
  const hurt = await text('hurt', `${id}: who is hurt if it is missed?`)
  if (hurt) driver.hurt = hurt
  driver.category = String(
    await ctx.askUnlessBrief(
      {
        key: `${base}.category`,
        kind: 'select',
        message: `${id}: which category (ISO 25010 characteristic, or business / constraint / team)?`,
        choices: DRIVER_CATEGORIES.map((c) => ({value: c})),
        default: 'business',
      },
      'business',
    ),
  ) as DriverCategory
  const scenario = await text('scenario', `${id}: a testable scenario (Enter to skip)`)
  if (scenario) driver.scenario = scenario
  const measure = await text('measure', `${id}: the measure that says it is met (Enter if only qualitative)`)
  if (measure) driver.measure = measure
  else if (!ctx.brief)
    driver.qualitative_reason = await ctx.askText({
      key: `${base}.qualitative_reason`,
      message: `${id}: why can it only be judged qualitatively?`,
    })
  const knockout = {
    key: `${base}.knockout`,
    kind: 'confirm' as const,
    message: `${id}: is it a knockout (an option that misses it is out, whatever its total)?`,
    default: false,
  }
  driver.knockout = (await ctx.askUnlessBrief(knockout, false)) === true
  const {hurt: h, category, scenario: sc, measure: m, qualitative_reason: q, knockout: k} = driver
  // The record lists a driver's fields in the order they are asked.
  return {
    id,
    name,
    ...(h ? {hurt: h} : {}),
    category,
    ...(sc ? {scenario: sc} : {}),
    ...(m ? {measure: m} : {}),
    ...(q ? {qualitative_reason: q} : {}),
    knockout: k,
  }
}

function driverFailures(ctx: GateContext, drivers: readonly Driver[], lite: boolean): RuleFailure[] {
  const failures: RuleFailure[] = []
  const min = lite ? 1 : 2
  const max = lite ? LITE_MAX : MAX_DRIVERS
  if (drivers.length < min || drivers.length > max) {
    failures.push({
      rule: 'g3/driver-count',
      message: `there are ${drivers.length} drivers; the ${lite ? 'fast' : 'full'} track needs ${min} to ${max}.`,
      change:
        lite && drivers.length > max
          ? 'Keep the three that matter most, or escalate to the full track (`adr debate escalate REF`), which takes up to seven.'
          : 'Name what the product must achieve, one driver each.',
      keys: ['drivers'],
    })
  }
  drivers.forEach((d, i) => {
    if (d.knockout && !d.measure) {
      failures.push({
        rule: 'g3/knockout-measure',
        message: `${d.id} "${d.name}" is a knockout without a measure.`,
        change: 'Give it a measure, or make it no knockout.',
        keys: [`drivers.${i}`],
      })
    }
    const named = namedOptions(`${d.name} ${d.description ?? ''}`, ctx.record.options ?? [])
    if (named.length) {
      failures.push({
        rule: 'g3/driver-names-option',
        message: `${d.id} "${d.name}" names ${named.map((o) => o.title).join(', ')}.`,
        change: 'Say what the product needs, not which option gives it.',
        keys: [`drivers.${i}`],
      })
    }
  })
  return failures
}

function weightFailures(ctx: GateContext): RuleFailure[] {
  const record = ctx.record
  const failures: RuleFailure[] = []
  const sets = {...record.weights?.proposed, agreed: record.weights?.agreed ?? {}}
  for (const [who, set] of Object.entries(sets)) {
    const sum = Object.values(set).reduce((a, b) => a + b, 0)
    if (sum !== 100) {
      const key = who === 'agreed' ? 'weights.agreed' : `weights.${who}`
      const label = who === 'agreed' ? 'the agreed weights' : `${who}'s weights`
      failures.push({
        rule: 'g3/weights-sum',
        message: `${label} sum to ${sum}, not 100.`,
        change: 'Split exactly 100 points across the drivers.',
        keys: [key],
      })
    }
  }
  if (participantNames(record).some((p) => !record.weights?.proposed[p])) {
    failures.push({
      rule: 'g3/weights-missing',
      message: 'a participant has not split the points.',
      change: 'Every participant splits 100 points.',
      keys: [],
    })
  }
  return failures
}
