import type {Hook} from '@oclif/core'
import {closest} from '../../core/cli/closest.js'

/**
 * An unknown command is a usage error (exit 2), with a did-you-mean line on stderr whether or not
 * stdin is a terminal. Nothing is prompted and nothing else runs: a script that mistypes a command
 * fails the same way a person does.
 */
const hook: Hook<'command_not_found'> = async function (options) {
  const bin = options.config.bin
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

export default hook
