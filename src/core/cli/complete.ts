/**
 * Shell completion, worked out from the words typed so far (`adr complete -- WORDS…`, the last one
 * the word being completed, perhaps empty) and the commands' flags and arguments as oclif's manifest
 * describes them. Pure: the values that come from the repository (ADR numbers, configured statuses
 * and relations, directory names) are handed in.
 */

/** Where a flag's or an argument's values come from. */
export type ValueKind = 'ref' | 'status' | 'relation' | 'package' | 'rule' | 'command' | 'file' | 'dir'

export interface FlagSpec {
  name: string
  char?: string
  /** Whether it takes a value (`--status accepted`), or is a switch. */
  takesValue: boolean
  allowNo?: boolean
  multiple?: boolean
  /** A fixed list of values (oclif's `options`). */
  options?: readonly string[]
  values?: ValueKind
  summary?: string
}

export interface ArgSpec {
  name: string
  options?: readonly string[]
  values?: ValueKind
}

export interface CommandSpec {
  /** The words of the command (`generate toc`). */
  id: string
  summary?: string
  flags: readonly FlagSpec[]
  args: readonly ArgSpec[]
  /** Takes any number of arguments (`static strict = false`): the last one's values go on. */
  variadic?: boolean
  /** Another name of a command (`autocomplete`): completed after, never offered. */
  alias?: boolean
}

export interface Candidate {
  value: string
  description?: string
}

/** What the repository gives for the dynamic values. */
export interface CompletionValues {
  adrs: readonly {file: string; number?: number; slug: string; dir?: string}[]
  statuses: readonly string[]
  relations: readonly string[]
  packages: readonly string[]
  rules: readonly Candidate[]
}

export type CompletionPlan =
  | {kind: 'candidates'; candidates: Candidate[]}
  /** Values read from the repository, for the word `current`; each printed after `prefix` (`--status=`). */
  | {kind: 'values'; values: Exclude<ValueKind, 'file' | 'dir' | 'command'>; current: string; prefix: string}
  /** Let the shell complete paths. */
  | {kind: 'files' | 'dirs'}

/** Every command is completed with these too. */
const HELP_FLAG: FlagSpec = {name: 'help', char: 'h', takesValue: false, summary: 'Show help.'}

/**
 * bash splits `--status=acc` into `--status`, `=`, `acc` (`=` is in its COMP_WORDBREAKS): the words
 * joined again, and whether the word being completed is the value alone.
 */
export function joinSplitWords(words: readonly string[]): {words: string[]; valueOnly: boolean} {
  const out: string[] = []
  let valueOnly = false
  for (let i = 0; i < words.length; i++) {
    const word = words[i]
    const previous = out.at(-1)
    if (word === '=' && previous?.startsWith('-') && !previous.includes('=')) {
      const last = i + 1 >= words.length - 1
      const value = words[i + 1] ?? ''
      out[out.length - 1] = `${previous}=${value}`
      if (last) valueOnly = true
      i++
      continue
    }
    out.push(word)
  }
  return {words: out, valueOnly}
}

/** What to offer for the last of `typed` (the words after `adr`). */
export function planCompletion(
  commands: readonly CommandSpec[],
  topics: Readonly<Record<string, string>>,
  typed: readonly string[],
): CompletionPlan {
  const {words, valueOnly} = joinSplitWords(typed.length ? typed : [''])
  const current = words.at(-1) ?? ''
  const before = words.slice(0, -1)
  const ids = commands.map((c) => c.id.split(' '))
  // the command: the longest run of leading words that names one
  let command: CommandSpec | undefined
  let used = 0
  for (let n = 1; n <= before.length && !before[n - 1].startsWith('-'); n++) {
    const found = commands.find((c) => c.id === before.slice(0, n).join(' '))
    if (found) [command, used] = [found, n]
  }
  if (!command) {
    // nothing yet, or a topic (`generate`): the command words that may come next
    const topic = before.every((w) => !w.startsWith('-')) && (before.length === 0 || isTopicPrefix(ids, before))
    return {kind: 'candidates', candidates: topic && !current.startsWith('-') ? nextWords(commands, topics, before, current) : []}
  }
  if (command.id === 'help') return {kind: 'candidates', candidates: helpTarget(commands, topics, before.slice(used), current)}
  return planForCommand(command, before.slice(used), current, valueOnly)
}

function isTopicPrefix(ids: readonly string[][], words: readonly string[]): boolean {
  return ids.some((id) => id.length > words.length && words.every((w, i) => id[i] === w))
}

/** The command or topic words that may come next, once each (with a summary). */
function nextWords(
  commands: readonly CommandSpec[],
  topics: Readonly<Record<string, string>>,
  before: readonly string[],
  current: string,
): Candidate[] {
  const seen = new Map<string, Candidate>()
  for (const c of commands) {
    const id = c.id.split(' ')
    if (c.alias || id.length <= before.length || !before.every((w, i) => id[i] === w)) continue
    const word = id[before.length]
    if (!word.startsWith(current) || seen.has(word)) continue
    const isCommand = id.length === before.length + 1
    const topic = [...before, word].join(' ')
    seen.set(word, {value: word, description: isCommand ? c.summary : topics[topic]})
  }
  return [...seen.values()].sort((a, b) => a.value.localeCompare(b.value))
}

function helpTarget(
  commands: readonly CommandSpec[],
  topics: Readonly<Record<string, string>>,
  words: readonly string[],
  current: string,
): Candidate[] {
  const ids = commands.map((c) => c.id.split(' '))
  if (current.startsWith('-') || !isTopicPrefix(ids, words)) return []
  return nextWords(commands, topics, words, current)
}

function planForCommand(command: CommandSpec, words: readonly string[], current: string, valueOnly: boolean): CompletionPlan {
  const flags = [...command.flags, HELP_FLAG]
  const byName = (name: string) => flags.find((f) => f.name === name || (f.allowNo && `no-${f.name}` === name))
  const byChar = (char: string) => flags.find((f) => f.char === char)
  const given = new Set<string>()
  let positional = 0
  let pending: FlagSpec | undefined
  let afterDashes = false
  for (const word of words) {
    if (pending) {
      pending = undefined
      continue
    }
    if (!afterDashes && word === '--') {
      afterDashes = true
      continue
    }
    if (!afterDashes && word.startsWith('--')) {
      const [name] = word.slice(2).split('=', 1)
      const flag = byName(name)
      if (flag) given.add(flag.name)
      if (flag?.takesValue && !word.includes('=')) pending = flag
      continue
    }
    if (!afterDashes && /^-[^-]/.test(word)) {
      const flag = byChar(word[1])
      if (flag) given.add(flag.name)
      if (flag?.takesValue && word.length === 2) pending = flag
      continue
    }
    positional++
  }
  if (pending) return valuesOf(pending, current, '')
  if (!afterDashes && current.startsWith('--') && current.includes('=')) {
    const name = current.slice(2, current.indexOf('='))
    const flag = byName(name)
    if (!flag?.takesValue) return {kind: 'candidates', candidates: []}
    const value = current.slice(current.indexOf('=') + 1)
    return valuesOf(flag, value, valueOnly ? '' : `--${name}=`)
  }
  if (!afterDashes && current.startsWith('-')) return {kind: 'candidates', candidates: flagCandidates(flags, given, current)}
  const arg = command.args[positional] ?? (command.variadic ? command.args.at(-1) : undefined)
  // no argument expected here: the flags, as for `-`
  if (!arg)
    return afterDashes ? {kind: 'candidates', candidates: []} : {kind: 'candidates', candidates: flagCandidates(flags, given, current)}
  return valuesOf(arg, current, '')
}

function flagCandidates(flags: readonly FlagSpec[], given: ReadonlySet<string>, current: string): Candidate[] {
  const candidates: Candidate[] = []
  for (const flag of flags) {
    if (given.has(flag.name) && !flag.multiple) continue
    candidates.push({value: `--${flag.name}`, description: flag.summary})
    if (flag.allowNo && current.startsWith('--no')) candidates.push({value: `--no-${flag.name}`, description: flag.summary})
  }
  return candidates.filter((c) => c.value.startsWith(current))
}

function valuesOf(spec: FlagSpec | ArgSpec, current: string, prefix: string): CompletionPlan {
  if (spec.options?.length) {
    return {kind: 'candidates', candidates: spec.options.filter((o) => o.startsWith(current)).map((o) => ({value: prefix + o}))}
  }
  switch (spec.values) {
    case 'file':
      return {kind: 'files'}
    case 'dir':
      return {kind: 'dirs'}
    case undefined:
    case 'command':
      return {kind: 'candidates', candidates: []}
    default:
      return {kind: 'values', values: spec.values, current, prefix}
  }
}

/**
 * The repository's values for a word: ADRs by number (`3`, or `web/3` among several directories),
 * described by their slug, or by file name when a word that is not a number is typed (a REF may be
 * a file name or a fragment of the title: the slug is matched anywhere); the others by prefix, case
 * ignored.
 */
export function valueCandidates(plan: Extract<CompletionPlan, {kind: 'values'}>, values: CompletionValues): Candidate[] {
  const current = plan.current
  const lower = current.toLowerCase()
  const words = (list: readonly string[]) =>
    [...new Set(list)].filter((w) => w.toLowerCase().startsWith(lower)).map((w) => ({value: plan.prefix + w}))
  switch (plan.values) {
    case 'status':
      return words(values.statuses)
    case 'relation':
      return words(values.relations)
    case 'package':
      return words(values.packages)
    case 'rule':
      return values.rules.filter((r) => r.value.startsWith(current)).map((r) => ({...r, value: plan.prefix + r.value}))
    case 'ref':
      return refCandidates(values.adrs, current).map((c) => ({...c, value: plan.prefix + c.value}))
  }
}

function refCandidates(adrs: CompletionValues['adrs'], current: string): Candidate[] {
  const describe = (slug: string) => slug.replace(/[-_]+/g, ' ').trim()
  const qualify = (adr: CompletionValues['adrs'][number], value: string) => (adr.dir ? `${adr.dir}/${value}` : value)
  const numeric = /^(?:[\w.-]+\/)?\d*$/.test(current) && !/[a-z]/i.test(current.split('/').at(-1) ?? '')
  const out: Candidate[] = []
  if (numeric) {
    for (const adr of adrs) {
      if (adr.number === undefined) continue
      const value = qualify(adr, String(adr.number))
      if (value.startsWith(current)) out.push({value, description: describe(adr.slug)})
    }
    return out
  }
  const lower = current.toLowerCase().replace(/\s+/g, '-')
  for (const adr of adrs) {
    const value = qualify(adr, adr.file)
    const slug = adr.slug.toLowerCase()
    // the file name, or the slug from the start of one of its words (`pdf` finds queue-pdfs, `invoice-pdf` too)
    if (value.toLowerCase().startsWith(lower) || slug.startsWith(lower) || slug.includes(`-${lower}`)) {
      out.push({value, description: describe(adr.slug)})
    }
  }
  return out
}

/** The candidates as `adr complete` prints them: `value<TAB>description` per line; `:files` or `:dirs` for paths. */
export function formatCandidates(plan: CompletionPlan, candidates: readonly Candidate[]): string {
  if (plan.kind === 'files') return ':files\n'
  if (plan.kind === 'dirs') return ':dirs\n'
  const clean = (text: string) => text.replace(/[\t\r\n]+/g, ' ')
  return candidates.map((c) => (c.description ? `${clean(c.value)}\t${clean(c.description)}\n` : `${clean(c.value)}\n`)).join('')
}
