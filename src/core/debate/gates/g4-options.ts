import type {Option} from '../record.js'
import type {GateContext, RuleFailure} from './context.js'
import {checkQuestion} from './g1-frame.js'
import {askSteelmen, steelmanFailures} from './g4-steelman.js'
import type {Gate} from './gate.js'
import {namedOptions, optionNames, slugifyOption} from './names.js'

const MAX_OPTIONS = 6

/** G4 Options & steelman: 2–6 options with their aliases and champions; each side argues the other's best case. */
export const optionsGate: Gate = {
  id: 'G4',
  title: 'Options & steelman',
  async run(ctx: GateContext) {
    const record = ctx.record
    const lite = record.track === 'fast'
    const kept = record.options?.length ?? 0
    for (;;) {
      const options = (record.options ?? []).slice(0, kept)
      const listed = lite && kept === 0 && ctx.prompter.peek?.(ctx.key('options.0.title')) === undefined && !ctx.has('options.0.title')
      if (listed) options.push(...(await askOptionList(ctx)))
      else options.push(...(await askOptions(ctx, kept)))
      record.options = options
      await askNullOption(ctx, lite)
      await rephrase(ctx)
      let failures = optionFailures(record.options)
      if (failures.length === 0 && !lite) {
        await askSteelmen(ctx)
        failures = steelmanFailures(ctx.record)
      }
      if (await ctx.settle(failures)) break
    }
    return {next: lite ? 'G8' : 'G5'}
  },
}

async function askOptionList(ctx: GateContext): Promise<Option[]> {
  const titles = await ctx.askList({
    key: 'options.list',
    message: 'Which options are on the table? Two or more, comma-separated (doing nothing is added for you)',
  })
  return titles.map((title) => {
    const option = withChampion(ctx, {id: slugifyOption(title), title, aliases: []})
    return /^(do[- ]nothing|nothing|status quo)\b/i.test(title) ? {...option, is_null: true} : option
  })
}

async function askOptions(ctx: GateContext, start: number): Promise<Option[]> {
  const added: Option[] = []
  for (let i = start; i < MAX_OPTIONS; i++) {
    if (i >= 2 || start > 0) {
      const more = await ctx.askConfirm({
        key: `options.${i}.more`,
        presenceOf: `options.${i}`,
        message: i === start ? 'Add an option?' : 'Add another option?',
        default: false,
      })
      if (!more) break
    }
    const base = `options.${i}`
    const title = await ctx.askText({key: `${base}.title`, message: `Option ${i + 1}: its name (include do-nothing and hybrids)`})
    const id = String(ctx.prompter.peek?.(ctx.key(`${base}.id`)) ?? slugifyOption(title))
    const aliases = await ctx.askList({
      key: `${base}.aliases`,
      message: `Other names for ${title} (comma-separated, for the naming checks)`,
      optional: true,
    })
    const option: Option = withChampion(ctx, {id, title, aliases})
    const champion = await ctx.askSelect({
      key: `${base}.champion`,
      message: `Who champions ${title}?`,
      choices: [{value: 'none', name: 'nobody'}, ...ctx.record.roles.participants.map((p) => ({value: p.name}))],
      default: option.champion ?? 'none',
    })
    if (champion === 'none') delete option.champion
    else option.champion = champion
    if (ctx.prompter.peek?.(ctx.key(`${base}.is_null`)) === true) option.is_null = true
    if (ctx.prompter.peek?.(ctx.key(`${base}.is_hybrid`)) === true) option.is_hybrid = true
    added.push(option)
  }
  return added
}

/** The champion is the participant whose G1 position names the option. */
function withChampion(ctx: GateContext, option: Option): Option {
  const champion = ctx.record.roles.participants.find((p) => p.initial_position && namedOptions(p.initial_position, [option]).length > 0)
  return champion ? {...option, champion: champion.name} : option
}

async function askNullOption(ctx: GateContext, lite: boolean): Promise<void> {
  const record = ctx.record
  const options = record.options ?? []
  const existing = options.find((o) => o.is_null)
  if (existing) {
    record.null_option = {option: existing.id}
    return
  }
  const title = lite
    ? 'Do nothing'
    : await ctx.askText({
        key: 'null_option.title',
        message: 'Doing nothing is an option too: how would you name it?',
        default: 'Do nothing: keep what we have',
      })
  options.push({id: slugifyOption(title) === 'option' ? 'do-nothing' : slugifyOption(title), title, aliases: [], is_null: true})
  record.null_option = {option: options.at(-1)!.id}
}

/** The question and the drivers may not name an option: once options are known, rephrase what does. */
async function rephrase(ctx: GateContext): Promise<void> {
  const record = ctx.record
  const options = record.options ?? []
  if (record.question && checkQuestion(record.question, options)) {
    record.question = await ctx.askText({
      key: 'rephrase.question',
      message: `The question "${record.question}" names an option. Rephrase it around what the product needs:`,
      validate: (v) => checkQuestion(String(v), options),
    })
  }
  for (const driver of record.drivers ?? []) {
    if (namedOptions(driver.name, options).length === 0) continue
    driver.name = await ctx.askText({
      key: `rephrase.${driver.id}`,
      message: `Driver ${driver.id} "${driver.name}" names an option. Rename it after what the product needs:`,
      validate: (v) => (namedOptions(String(v), options).length ? 'it still names an option' : undefined),
    })
  }
}

function optionFailures(options: readonly Option[]): RuleFailure[] {
  const failures: RuleFailure[] = []
  if (options.length < 2 || options.length > MAX_OPTIONS) {
    failures.push({
      rule: 'g4/option-count',
      message: `there are ${options.length} options; a debate weighs 2 to ${MAX_OPTIONS}.`,
      change: 'List the options again.',
      keys: ['options'],
    })
  }
  const seen = new Map<string, string>()
  for (const option of options) {
    for (const name of optionNames(option).map((n) => n.toLowerCase())) {
      const other = seen.get(name)
      if (other && other !== option.id) {
        failures.push({
          rule: 'g4/option-names',
          message: `"${name}" names both ${other} and ${option.id}.`,
          change: 'Give each option its own names.',
          keys: ['options'],
        })
      }
      seen.set(name, option.id)
    }
  }
  return failures
}
