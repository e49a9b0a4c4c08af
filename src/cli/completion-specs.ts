import type {Command} from '@oclif/core'
import type {ArgSpec, CommandSpec, FlagSpec, ValueKind} from '../core/cli/complete.js'

/** The values an argument takes, by its name: the names commands give their arguments. */
const ARG_VALUES: Readonly<Record<string, ValueKind>> = {
  ref: 'ref',
  source: 'ref',
  target: 'ref',
  status: 'status',
  link: 'relation',
  reverseLink: 'relation',
  paths: 'file',
  dir: 'dir',
}

/** The values a flag takes, by its name. */
const FLAG_VALUES: Readonly<Record<string, ValueKind>> = {
  status: 'status',
  supersede: 'ref',
  package: 'package',
  rule: 'rule',
  dir: 'dir',
  out: 'dir',
  file: 'file',
  intro: 'file',
  outro: 'file',
  write: 'file',
  template: 'file',
}

/**
 * What completion reads of oclif's loaded config: the commands as its manifest describes them
 * (aliases listed as commands of their own), the topics, the binary's name. oclif's `Config` is one;
 * `manifestSource` (complete-early.ts) builds the same from the manifest file without oclif.
 */
export interface CompletionSource {
  bin: string
  commands: readonly Command.Cached[]
  topics: readonly {name: string; description?: string}[]
}

/**
 * The visible commands as completion sees them, from oclif's manifest (no command is loaded): ids
 * with spaces, flags (with `--json` where a command has it), arguments, and what their values are.
 * An alias (`autocomplete` for `completion`) completes like its command but is not offered.
 */
export function completionSpecs(config: CompletionSource): {commands: CommandSpec[]; topics: Record<string, string>} {
  const commands: CommandSpec[] = []
  // oclif lists an alias as a command of its own, and again among its command's aliases: once here
  const aliases = new Set(config.commands.flatMap((c) => c.aliases ?? []))
  for (const command of config.commands) {
    if (command.hidden || aliases.has(command.id)) continue
    const flags: FlagSpec[] = Object.values(command.flags ?? {})
      .filter((f) => !f.hidden)
      .map((f) => ({
        name: f.name,
        char: f.char,
        takesValue: f.type === 'option',
        allowNo: f.type === 'boolean' ? Boolean(f.allowNo) : false,
        multiple: f.type === 'option' ? Boolean(f.multiple) : false,
        options: f.type === 'option' ? f.options : undefined,
        values: FLAG_VALUES[f.name],
        summary: f.summary ?? f.description,
      }))
    const args: ArgSpec[] = Object.values(command.args ?? {}).map((a) => ({name: a.name, options: a.options, values: ARG_VALUES[a.name]}))
    // a plugin's summary may hold oclif's template (`Display help for <%= config.bin %>.`)
    const summary = (command.summary ?? command.description?.split('\n')[0])?.replace(/<%=\s*config\.bin\s*%>/g, config.bin)
    const spec = {summary, flags, args, variadic: command.strict === false}
    commands.push({id: command.id.replaceAll(':', ' '), ...spec})
    for (const alias of command.aliases ?? []) commands.push({id: alias.replaceAll(':', ' '), ...spec, alias: true})
  }
  const topics = Object.fromEntries(config.topics.map((t) => [t.name.replaceAll(':', ' '), t.description ?? '']))
  return {commands, topics}
}
