import type {Command} from '@oclif/core'
import {readCliManifest} from '../adapters/cli-manifest.js'
import {setNoticeSink} from '../adapters/notices.js'
import {openWorkspace} from '../adapters/workspace.js'
import {visible} from '../core/visible.js'
import {completionText} from './completion-run.js'
import type {CompletionSource} from './completion-specs.js'
import {comparePlainIds} from './plain-id-order.js'

/**
 * A start-up fast path for bin/run.js: `adr complete`, the command every TAB of the completion
 * scripts runs, answered before oclif loads, as `--version` is (ADR 6). oclif's config load (its
 * package, every plugin's manifest, the command ids sorted and permuted) is most of a TAB's time; the
 * candidates need only what the manifest says of the commands, so this reads the manifest file and
 * builds from it what completion reads of oclif's config (`manifestSource`). Taken only for the
 * command lines the scripts run (`adr complete [--current=WORD] -- WORDS…`), never with
 * `ADRGATE_NO_FAST_PATHS=1`, and not when the manifest is missing or was built for another version
 * (oclif then finds the commands itself); anything else goes through oclif and the `complete`
 * command. test/commands/complete-early.test.ts pins it to that command.
 */
export function isEarlyCompletion(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  if (argv[0] !== 'complete' || env.ADRGATE_NO_FAST_PATHS === '1') return false
  const dashes = argv.indexOf('--')
  return dashes > 0 && argv.slice(1, dashes).every((a) => a.startsWith('--current='))
}

/** `adr ARGV…` answered when it is an `adr complete` the scripts run; false when it must go through oclif. */
export async function completeEarly(
  argv: readonly string[],
  context: {cwd(): string; env: NodeJS.ProcessEnv; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream},
): Promise<boolean> {
  if (!isEarlyCompletion(argv, context.env)) return false
  const read = readCliManifest()
  const source = read && manifestSource(read.manifest, read.pjson)
  // a working directory removed under the shell: oclif says so, as for any command
  const cwd = source && workingDirectory(context)
  if (!source || cwd === undefined) return false
  // a shell that stops reading (a pipe closed early) ends the output, not the process: oclif's own
  // handler for this loads with oclif, which this path never loads
  context.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
  })
  // notices from the adapters (an interrupted write found, left for the next real command) go to stderr
  setNoticeSink((line) => context.stderr.write(`${visible(line)}\n`))
  const text = await completionText(source, argv.slice(1), (dir) => openWorkspace(cwd, {dir, env: context.env}))
  context.stdout.write(visible(text))
  return true
}

function workingDirectory(context: {cwd(): string}): string | undefined {
  try {
    return context.cwd()
  } catch {
    return undefined
  }
}

type Pjson = {version?: string; oclif?: {bin?: string; topics?: Record<string, {description?: string; hidden?: boolean}>}}

/**
 * What oclif's loaded `Config` holds of a single-plugin CLI, built from its manifest as `Config.load`
 * builds it (@oclif/core's Plugin.load and Config.loadCommands / loadTopics): the commands sorted by
 * id, each alias after as a command of its own, the package's topics and one for every leading part
 * of a visible command's id (not of an alias's). Undefined when the manifest was built for another version (oclif would
 * not trust it either).
 */
export function manifestSource(manifest: Record<string, unknown>, pjson: Record<string, unknown>): CompletionSource | undefined {
  const {version, oclif} = pjson as Pjson
  const release = (v: unknown) => (typeof v === 'string' ? v.split('-')[0] : undefined)
  if (release(manifest.version) === undefined || release(manifest.version) !== release(version) || typeof manifest.commands !== 'object')
    return undefined
  const byId = new Map<string, Command.Cached>()
  const sorted = Object.entries(manifest.commands as Record<string, Command.Cached>)
    .map(([id, c]) => ({...c, id}))
    .sort((a, b) => comparePlainIds(a.id, b.id) ?? a.id.localeCompare(b.id))
  for (const command of sorted) {
    if (!byId.has(command.id)) byId.set(command.id, command)
    for (const alias of command.aliases ?? []) {
      const id = alias.replaceAll(' ', ':')
      if (!byId.has(id)) byId.set(id, {...command, hidden: false, id})
    }
    for (const alias of command.hiddenAliases ?? []) {
      const id = alias.replaceAll(' ', ':')
      if (!byId.has(id)) byId.set(id, {...command, hidden: true, id})
    }
  }
  const commands = [...byId.values()]
  const topics = new Map<string, {name: string; description?: string}>()
  for (const [name, topic] of Object.entries(oclif?.topics ?? {})) topics.set(name, {name, description: topic.description})
  // from the commands themselves: oclif adds the topics before, and apart from, the aliases
  for (const command of sorted.filter((c) => !c.hidden)) {
    const parts = command.id.split(':')
    for (; parts.length > 0; parts.pop()) {
      const name = parts.join(':')
      if (!topics.has(name)) topics.set(name, {name, description: command.summary || command.description})
    }
  }
  return {bin: oclif?.bin ?? 'adr', commands, topics: [...topics.values()]}
}
