import type {Hook, Interfaces} from '@oclif/core'
import {closest} from '../../core/cli/closest.js'

/**
 * An unknown command is a usage error (exit 2), with a did-you-mean line on stderr whether or not
 * stdin is a terminal. Nothing is prompted and nothing else runs: a script that mistypes a command
 * fails the same way a person does. Global flags typed before the command (`adr --dir docs/adr log`)
 * are moved after it, where oclif reads them, and the command runs.
 */
const hook: Hook<'command_not_found'> = async function (options) {
  const bin = options.config.bin
  if (options.id.startsWith('-')) {
    const moved = globalFlagsFirst(options.config, [...options.id.split(':'), ...(options.argv ?? [])])
    if (moved.ok) return options.config.runCommand(moved.id, moved.argv)
    process.stderr.write(`Error: ${moved.message}\n  Try: \`${bin} ${moved.example}\`, or \`${bin} --help\` for the commands.\n`)
    this.exit(2)
  }
  const spaced = (id: string) => id.replaceAll(':', ' ')
  const visible = options.config.commands.filter((c) => !c.hidden).map((c) => c.id)
  // oclif joins the arguments into the id (`adr shwo 1` → `shwo:1`): the shortest run of words that
  // is close to a command is the mistyped command, the rest its arguments
  const words = options.id.split(':')
  let typed = words[0]
  let suggestion: string | undefined
  for (let n = 1; n <= words.length && !suggestion; n++) {
    suggestion = closest(words.slice(0, n).join(' '), visible.map(spaced))
    if (suggestion) typed = words.slice(0, n).join(' ')
  }
  if (!suggestion && options.config.findTopic(words[0]) && words.length > 1) typed = words.slice(0, 2).join(' ')
  const lines = [`Error: \`${bin} ${typed}\` is not an ${bin} command.`]
  if (suggestion) lines.push(`  Did you mean \`${bin} ${suggestion}\`?`)
  lines.push(`  Try: \`${bin} --help\` lists the commands.`)
  process.stderr.write(`${lines.join('\n')}\n`)
  this.exit(2)
}

/** The flags every command takes, as they may come before it: `--dir DIR`, `--dir=DIR`, `--json`. */
type Moved = {ok: true; id: string; argv: string[]} | {ok: false; message: string; example: string}

function globalFlagsFirst(config: Interfaces.Config, tokens: readonly string[]): Moved {
  const flags: string[] = []
  let i = 0
  for (; i < tokens.length && tokens[i].startsWith('-'); i++) {
    const token = tokens[i]
    if (token === '--dir' && i + 1 < tokens.length) flags.push(token, tokens[++i])
    else if (token.startsWith('--dir=') || token === '--json') flags.push(token)
    else return {ok: false, message: `\`${token}\` before the command: only --dir and --json may come first.`, example: `COMMAND ${token}`}
  }
  // the longest run of the words that follow that names a command (`generate toc`)
  const words = tokens.slice(i)
  for (let n = words.length; n > 0; n--) {
    const id = words.slice(0, n).join(':')
    if (words.slice(0, n).some((w) => w.startsWith('-'))) continue
    if (config.findCommand(id)) return {ok: true, id, argv: [...words.slice(n), ...flags]}
  }
  const typed = words[0] ?? 'COMMAND'
  const meant = closest(
    typed,
    config.commands.filter((c) => !c.hidden).map((c) => c.id.replaceAll(':', ' ')),
  )
  return {
    ok: false,
    message: words.length ? `\`${typed}\` is not an ${config.bin} command.` : `${flags[0] ?? 'a flag'} needs a command after it.`,
    example: `${words.length ? (meant ?? typed) : 'list'} ${flags.join(' ')}`,
  }
}

export default hook
